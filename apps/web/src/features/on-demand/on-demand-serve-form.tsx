import { useState } from 'react';
import { useGraphqlMutation } from '../../api/use-graphql';
import { FormField } from '../../components/form-field';
import { useProblemsAt } from '../../components/query-state';
import { useMessages } from '../../i18n/i18n';
import { onDemandMessages } from './on-demand-messages';
import { SERVE_ON_DEMAND_CALL } from './on-demand-queries';

/** The vendor records the service of one call, once: the day and the evidence; problems shown at their fields. */
export function OnDemandServeForm({
  contractId,
  callId,
  dueOn,
  onSaved,
}: {
  contractId: string;
  callId: string;
  dueOn: string;
  onSaved(): void;
}) {
  const t = useMessages(onDemandMessages);
  const [servedOn, setServedOn] = useState(dueOn);
  const [evidence, setEvidence] = useState('');
  const [serve, state] = useGraphqlMutation(SERVE_ON_DEMAND_CALL);
  const at = useProblemsAt(state.error);
  return (
    <form
      className="inline-form"
      data-serve={callId}
      onSubmit={(e) => {
        e.preventDefault();
        serve({ input: { contractId, callId, servedOn, evidence } }).then(onSaved, () => undefined);
      }}
    >
      <FormField label={t.servedOn} error={at('input.servedOn') ?? at('input.callId')}>
        {(p) => <input {...p} type="date" value={servedOn} onChange={(e) => setServedOn(e.target.value)} />}
      </FormField>
      <FormField label={t.evidence} error={at('input.evidence')}>
        {(p) => (
          <input
            {...p}
            value={evidence}
            placeholder={t.evidencePlaceholder}
            onChange={(e) => setEvidence(e.target.value)}
          />
        )}
      </FormField>
      <button type="submit" disabled={state.running}>
        {state.running ? t.saving : t.serve}
      </button>
    </form>
  );
}
