import { useState } from 'react';
import { FilterBar, FilterCheck } from '../../components/filter-bar';
import { ChoiceField } from '../../components/form-field';
import { useMessages } from '../../i18n/i18n';
import { contractFilterMessages } from './contract-filter-messages';
import { type ContractFilter, TERM_STATES } from '../dashboard/dashboard-queries';

/**
 * The contract lists' filters (the API's contractSearch): words, where the term stands, open breaches, and for the
 * vendor (contracts across buyers) the agency. "clear" returns to every contract.
 */
export function ContractFilterBar({
  value,
  agencies,
  onChange,
}: {
  value: ContractFilter;
  agencies?: readonly { id: string; name: string }[];
  onChange(filter: ContractFilter): void;
}) {
  const t = useMessages(contractFilterMessages);
  const [text, setText] = useState(value.text ?? '');
  const [termState, setTermState] = useState(value.termStates?.[0] ?? '');
  const [agency, setAgency] = useState(value.tenantIds?.[0] ?? '');
  const [openBreaches, setOpenBreaches] = useState(value.openBreaches === true);
  const agencyName = new Map((agencies ?? []).map((a) => [a.id, a.name]));
  const apply = () =>
    onChange({
      ...(text.trim() ? { text: text.trim() } : {}),
      ...(termState ? { termStates: [termState] } : {}),
      ...(agency ? { tenantIds: [agency] } : {}),
      ...(openBreaches ? { openBreaches: true } : {}),
    });
  const clear = () => {
    setText('');
    setTermState('');
    setAgency('');
    setOpenBreaches(false);
    onChange({});
  };
  return (
    <FilterBar className="contract-filter" labels={t} text={text} onText={setText} onApply={apply} onClear={clear}>
      <ChoiceField
        label={t.termState}
        value={termState}
        choices={TERM_STATES}
        blank={t.any}
        choiceLabel={(s) => t[s as (typeof TERM_STATES)[number]]}
        onChange={setTermState}
      />
      {agencies && agencies.length > 1 ? (
        <ChoiceField
          label={t.agency}
          value={agency}
          choices={agencies.map((a) => a.id)}
          blank={t.any}
          choiceLabel={(id) => agencyName.get(id) ?? id}
          onChange={setAgency}
        />
      ) : null}
      <FilterCheck label={t.openBreaches} checked={openBreaches} onChange={setOpenBreaches} />
    </FilterBar>
  );
}
