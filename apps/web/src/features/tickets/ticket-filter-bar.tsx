import { useState } from 'react';
import { FilterBar, FilterCheck } from '../../components/filter-bar';
import { ChoiceField } from '../../components/form-field';
import { useMessages } from '../../i18n/i18n';
import { ticketFilterMessages } from './ticket-filter-messages';
import type { TicketFilter } from './tickets-queries';

/**
 * The board's filters (the API's ticketSearch): words, one state, one severity, special attention, overdue. "clear"
 * returns to every ticket.
 */
export function TicketFilterBar({
  value,
  states,
  stateName,
  severities,
  severityName,
  onChange,
}: {
  value: TicketFilter;
  states: readonly string[];
  stateName(state: string): string;
  severities: readonly string[];
  severityName(id: string): string;
  onChange(filter: TicketFilter): void;
}) {
  const t = useMessages(ticketFilterMessages);
  const [text, setText] = useState(value.text ?? '');
  const [state, setState] = useState(value.states?.[0] ?? '');
  const [severity, setSeverity] = useState(value.severities?.[0] ?? '');
  const [special, setSpecial] = useState(value.specialAttention === true);
  const [overdue, setOverdue] = useState(value.overdue === true);
  const apply = () =>
    onChange({
      ...(text.trim() ? { text: text.trim() } : {}),
      ...(state ? { states: [state] } : {}),
      ...(severity ? { severities: [severity] } : {}),
      ...(special ? { specialAttention: true } : {}),
      ...(overdue ? { overdue: true } : {}),
    });
  const clear = () => {
    setText('');
    setState('');
    setSeverity('');
    setSpecial(false);
    setOverdue(false);
    onChange({});
  };
  return (
    <FilterBar className="ticket-filter" labels={t} text={text} onText={setText} onApply={apply} onClear={clear}>
      <ChoiceField
        label={t.state}
        value={state}
        choices={states}
        blank={t.any}
        choiceLabel={stateName}
        onChange={setState}
      />
      <ChoiceField
        label={t.severity}
        value={severity}
        choices={severities}
        blank={t.any}
        choiceLabel={severityName}
        onChange={setSeverity}
      />
      <FilterCheck label={t.specialAttention} checked={special} onChange={setSpecial} />
      <FilterCheck label={t.overdue} checked={overdue} onChange={setOverdue} />
    </FilterBar>
  );
}
