import { useState } from 'react';
import { gqlDocument } from '../../api/graphql-client';
import { useGraphqlMutation } from '../../api/use-graphql';
import { FormField } from '../../components/form-field';
import { ErrorState, problemsOf, useProblemText } from '../../components/query-state';
import { format, useMessages } from '../../i18n/i18n';
import { useSession } from '../../session/session';
import { scheduleMessages } from './schedule-messages';
import { waitForNewerSchedule, type ScheduleLine } from './schedule-queries';

const MARK_PAID = gqlDocument(
  'mutation MarkPaid($input: MarkPaidInput!) { markPaid(input: $input) { id amount lineId paidOn } }',
);

const todayInShanghai = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

/**
 * Records a payment against a line (`markPaid`); every validation problem shows at its field. The API recomputes the
 * schedule in a job, so the form waits for a newer snapshot (`computedAt`) before asking the page to reload.
 */
export function MarkPaidForm({
  contractId,
  computedAt,
  line,
  onDone,
  onCancel,
}: {
  contractId: string;
  computedAt: string;
  line: ScheduleLine;
  onDone(message: string): void;
  onCancel(): void;
}) {
  const t = useMessages(scheduleMessages);
  const { token } = useSession();
  // The net is the suggestion for an unpaid line; a part-paid line is left for finance to fill in.
  const [amount, setAmount] = useState(line.paid === '0.00' ? line.net : '');
  const [paidOn, setPaidOn] = useState(todayInShanghai);
  const [reference, setReference] = useState('');
  const [waiting, setWaiting] = useState(false);
  const [markPaid, state] = useGraphqlMutation(MARK_PAID);
  const problems = problemsOf(state.error);
  const problemText = useProblemText();
  const at = (field: string) =>
    problems
      .filter((p) => p.path === `input.${field}` || p.path === field)
      .map(problemText)
      .join('；') || null;
  const unplaced = problems.length && !['amount', 'paidOn', 'reference'].some((f) => at(f));

  const onSubmit = async () => {
    try {
      const paid = (
        await markPaid({
          input: {
            contractId,
            lineId: line.id,
            amount: amount.trim(),
            paidOn,
            ...(reference.trim() ? { reference: reference.trim() } : {}),
          },
        })
      ).markPaid;
      setWaiting(true);
      await waitForNewerSchedule(contractId, computedAt, token);
      onDone(format(t.recorded, { amount: paid.amount, line: line.label }));
    } catch {
      // shown from the mutation's state, at each field
    } finally {
      setWaiting(false);
    }
  };

  return (
    <form
      className="inline-form mark-paid"
      aria-label={format(t.markPaidFor, { label: line.label })}
      onSubmit={(e) => {
        e.preventDefault();
        void onSubmit();
      }}
    >
      <strong>{format(t.markPaidFor, { label: line.label })}</strong>
      <FormField label={t.paidAmount} hint={t.paidAmountHint} error={at('amount')}>
        {(p) => <input {...p} inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} />}
      </FormField>
      <FormField label={t.paidOn} error={at('paidOn')}>
        {(p) => <input {...p} type="date" value={paidOn} onChange={(e) => setPaidOn(e.target.value)} />}
      </FormField>
      <FormField label={t.reference} error={at('reference')}>
        {(p) => <input {...p} value={reference} onChange={(e) => setReference(e.target.value)} />}
      </FormField>
      <button type="submit" disabled={state.running || waiting}>
        {t.record}
      </button>
      <button type="button" className="secondary" onClick={onCancel}>
        {t.cancel}
      </button>
      {waiting ? <p role="status">{t.recomputing}</p> : null}
      {state.error && (unplaced || !problems.length) ? <ErrorState error={state.error} /> : null}
    </form>
  );
}
