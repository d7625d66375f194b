import { useState } from 'react';
import { useGraphqlMutation, useGraphqlQuery } from '../../api/use-graphql';
import { FormField } from '../../components/form-field';
import { useProblemsAt } from '../../components/query-state';
import { useMessages } from '../../i18n/i18n';
import { allowanceMessages } from './allowance-messages';
import { ALLOWANCE_TICKETS, LOG_ALLOWANCE_WORK } from './allowance-queries';

/**
 * The vendor logs work against an allowance: which allowance, the request (found by number or title), the day, the
 * amount in the allowance's unit and what was done. Every problem of the API is shown at its field.
 */
export function AllowanceLogForm({
  contractId,
  allowances,
  today,
  onSaved,
}: {
  contractId: string;
  allowances: readonly { id: string; label: string }[];
  today: string;
  onSaved(): void;
}) {
  const t = useMessages(allowanceMessages);
  const [allowanceId, setAllowanceId] = useState(allowances[0]?.id ?? '');
  const [search, setSearch] = useState('');
  const [ticketId, setTicketId] = useState('');
  const [workedOn, setWorkedOn] = useState(today);
  const [amount, setAmount] = useState('');
  const [description, setDescription] = useState('');
  const tickets = useGraphqlQuery(ALLOWANCE_TICKETS, { id: contractId, text: search.trim() || null });
  const [log, state] = useGraphqlMutation(LOG_ALLOWANCE_WORK);
  const at = useProblemsAt(state.error);
  const found = tickets.status === 'ready' ? tickets.data.ticketSearch.nodes : [];
  const input = { contractId, allowanceId, ticketId: ticketId || null, workedOn, amount, description };
  return (
    <form
      className="inline-form"
      data-form="allowance-work"
      aria-label={t.logHeading}
      onSubmit={(e) => {
        e.preventDefault();
        log({ input }).then(
          () => {
            setAmount('');
            setDescription('');
            onSaved();
          },
          () => undefined,
        );
      }}
    >
      <FormField label={t.allowance} error={at('input.allowanceId')}>
        {(p) => (
          <select {...p} value={allowanceId} onChange={(e) => setAllowanceId(e.target.value)}>
            {allowances.map((a) => (
              <option key={a.id} value={a.id}>
                {a.label}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField label={t.ticketSearch}>
        {(p) => <input {...p} type="search" value={search} onChange={(e) => setSearch(e.target.value)} />}
      </FormField>
      <FormField label={t.ticket} error={at('input.ticketId')}>
        {(p) => (
          <select {...p} value={ticketId} onChange={(e) => setTicketId(e.target.value)}>
            <option value="">{t.noTicket}</option>
            {found.map((x) => (
              <option key={x.id} value={x.id}>
                {x.number}
                {x.title ? ` ${x.title}` : ''}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField label={t.workedOn} error={at('input.workedOn')}>
        {(p) => <input {...p} type="date" value={workedOn} onChange={(e) => setWorkedOn(e.target.value)} />}
      </FormField>
      <FormField label={t.workAmount} hint={t.amountHint} error={at('input.amount')}>
        {(p) => <input {...p} inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} />}
      </FormField>
      <FormField label={t.description} error={at('input.description')}>
        {(p) => (
          <input
            {...p}
            value={description}
            placeholder={t.descriptionPlaceholder}
            onChange={(e) => setDescription(e.target.value)}
          />
        )}
      </FormField>
      <button type="submit" disabled={state.running || !allowanceId}>
        {state.running ? t.saving : t.log}
      </button>
    </form>
  );
}
