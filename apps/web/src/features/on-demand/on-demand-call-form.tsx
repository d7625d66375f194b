import { useState } from 'react';
import { useGraphqlMutation } from '../../api/use-graphql';
import { FormField } from '../../components/form-field';
import { useProblemsAt } from '../../components/query-state';
import { format, useMessages } from '../../i18n/i18n';
import { onDemandMessages } from './on-demand-messages';
import { RECORD_ON_DEMAND_CALL } from './on-demand-queries';

/**
 * The buyer calls on an on-demand obligation: which one, the day of the call, the day the service is due (the event's
 * day) and what it is about. Every problem of the API is shown at its field (a call recorded twice, a day outside the
 * term, a due day before the call).
 */
export function OnDemandCallForm({
  contractId,
  obligations,
  today,
  onSaved,
}: {
  contractId: string;
  obligations: readonly { id: string; label: string; days: number | null }[];
  today: string;
  onSaved(): void;
}) {
  const t = useMessages(onDemandMessages);
  const [obligationId, setObligationId] = useState(obligations[0]?.id ?? '');
  const [calledOn, setCalledOn] = useState(today);
  // Blank where the contract gives a response time: the API computes the due day (e.g. 3 days after the call).
  const [dueOn, setDueOn] = useState((obligations[0]?.days ?? null) === null ? today : '');
  const [subject, setSubject] = useState('');
  const [record, state] = useGraphqlMutation(RECORD_ON_DEMAND_CALL);
  const days = obligations.find((o) => o.id === obligationId)?.days ?? null;
  const at = useProblemsAt(state.error);
  return (
    <form
      className="inline-form"
      data-form="on-demand-call"
      aria-label={t.recordCallHeading}
      onSubmit={(e) => {
        e.preventDefault();
        record({ input: { contractId, obligationId, calledOn, dueOn: dueOn || null, subject } }).then(
          () => {
            setSubject('');
            onSaved();
          },
          () => undefined,
        );
      }}
    >
      <FormField label={t.obligation} error={at('input.obligationId')}>
        {(p) => (
          <select
            {...p}
            value={obligationId}
            onChange={(e) => {
              setObligationId(e.target.value);
              const next = obligations.find((o) => o.id === e.target.value)?.days ?? null;
              setDueOn(next === null ? dueOn || calledOn : '');
            }}
          >
            {obligations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.label}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField label={t.calledOn} error={at('input.calledOn')}>
        {(p) => <input {...p} type="date" value={calledOn} onChange={(e) => setCalledOn(e.target.value)} />}
      </FormField>
      <FormField
        label={t.dueOn}
        hint={days === null ? undefined : format(t.dueHint, { days })}
        error={at('input.dueOn')}
      >
        {(p) => <input {...p} type="date" value={dueOn} onChange={(e) => setDueOn(e.target.value)} />}
      </FormField>
      <FormField label={t.subject} error={at('input.subject')}>
        {(p) => (
          <input
            {...p}
            value={subject}
            placeholder={t.subjectPlaceholder}
            onChange={(e) => setSubject(e.target.value)}
          />
        )}
      </FormField>
      <button type="submit" disabled={state.running || !obligationId}>
        {state.running ? t.saving : t.recordCall}
      </button>
    </form>
  );
}
