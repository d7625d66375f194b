import { type FormEvent, useState } from 'react';
import { ChoiceField, FormField } from '../../components/form-field';
import { useMessages } from '../../i18n/i18n';
import { contractFilterMessages } from './contract-filter-messages';
import { type ContractFilter, TERM_STATES } from '../dashboard/dashboard-queries';

/**
 * The contract lists' filters (the API's contractSearch): words, where the term stands, open breaches, and for the
 * vendor (contracts across buyers) the agency. Applied on submit, so typing does not query on every key; "clear"
 * returns to every contract.
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
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onChange({
      ...(text.trim() ? { text: text.trim() } : {}),
      ...(termState ? { termStates: [termState] } : {}),
      ...(agency ? { tenantIds: [agency] } : {}),
      ...(openBreaches ? { openBreaches: true } : {}),
    });
  };
  const clear = () => {
    setText('');
    setTermState('');
    setAgency('');
    setOpenBreaches(false);
    onChange({});
  };
  return (
    <form className="contract-filter" onSubmit={submit} aria-label={t.legend}>
      <FormField label={t.text}>
        {(p) => <input {...p} type="search" maxLength={100} value={text} onChange={(e) => setText(e.target.value)} />}
      </FormField>
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
      <label>
        <input type="checkbox" checked={openBreaches} onChange={(e) => setOpenBreaches(e.target.checked)} />{' '}
        {t.openBreaches}
      </label>
      <button type="submit">{t.apply}</button>
      <button type="button" onClick={clear}>
        {t.clear}
      </button>
    </form>
  );
}
