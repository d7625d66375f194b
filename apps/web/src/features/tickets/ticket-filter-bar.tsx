import { type FormEvent, useState } from 'react';
import { ChoiceField, FormField } from '../../components/form-field';
import { useMessages } from '../../i18n/i18n';
import { ticketFilterMessages } from './ticket-filter-messages';
import type { TicketFilter } from './tickets-queries';

/**
 * The board's filters (the API's ticketSearch): words, one state, one severity, special attention, overdue. Applied
 * on submit, so typing does not query on every key; "clear" returns to every ticket.
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
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onChange({
      ...(text.trim() ? { text: text.trim() } : {}),
      ...(state ? { states: [state] } : {}),
      ...(severity ? { severities: [severity] } : {}),
      ...(special ? { specialAttention: true } : {}),
      ...(overdue ? { overdue: true } : {}),
    });
  };
  const clear = () => {
    setText('');
    setState('');
    setSeverity('');
    setSpecial(false);
    setOverdue(false);
    onChange({});
  };
  return (
    <form className="ticket-filter" onSubmit={submit} aria-label={t.legend}>
      <FormField label={t.text}>
        {(p) => <input {...p} type="search" maxLength={100} value={text} onChange={(e) => setText(e.target.value)} />}
      </FormField>
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
      <label>
        <input type="checkbox" checked={special} onChange={(e) => setSpecial(e.target.checked)} /> {t.specialAttention}
      </label>
      <label>
        <input type="checkbox" checked={overdue} onChange={(e) => setOverdue(e.target.checked)} /> {t.overdue}
      </label>
      <button type="submit">{t.apply}</button>
      <button type="button" onClick={clear}>
        {t.clear}
      </button>
    </form>
  );
}
