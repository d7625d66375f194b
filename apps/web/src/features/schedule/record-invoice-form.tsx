import { useState } from 'react';
import { gqlDocument } from '../../api/graphql-client';
import { useGraphqlMutation } from '../../api/use-graphql';
import { FormField } from '../../components/form-field';
import { ErrorState, problemsOf, useProblemsAt } from '../../components/query-state';
import { format, useMessages } from '../../i18n/i18n';
import { useSession } from '../../session/session';
import { scheduleMessages } from './schedule-messages';
import { waitForNewerSchedule, type ScheduleLine } from './schedule-queries';

const RECORD_INVOICE = gqlDocument(
  'mutation RecordInvoice($input: RecordInvoiceInput!) { recordInvoice(input: $input) { id number amount lineId } }',
);

/** The lines that wait for their VAT invoice (Qinghai 002:428): a condition pending on it, or an invoice for another amount. */
export const waitsForInvoice = (line: ScheduleLine): boolean =>
  line.reasonExplanations.some(
    (r) => r.code === 'payment.condition.invoice-pending' || r.code === 'payment.condition.invoice-amount-differs',
  );

/**
 * Finance records the VAT invoice received for a line (`recordInvoice`); every problem shows at its field. The
 * schedule is recomputed in a job: the form waits for a newer snapshot before asking the page to reload.
 */
export function RecordInvoiceForm({
  contractId,
  computedAt,
  line,
  today,
  onDone,
  onCancel,
}: {
  contractId: string;
  computedAt: string;
  line: ScheduleLine;
  today: string;
  onDone(message: string): void;
  onCancel(): void;
}) {
  const t = useMessages(scheduleMessages);
  const { token } = useSession();
  const [number, setNumber] = useState('');
  const [amount, setAmount] = useState(line.net);
  const [receivedOn, setReceivedOn] = useState(today);
  const [waiting, setWaiting] = useState(false);
  const [record, state] = useGraphqlMutation(RECORD_INVOICE);
  const problems = problemsOf(state.error);
  const problemAt = useProblemsAt(state.error);
  const at = (field: string) => problemAt(`input.${field}`);
  const unplaced = problems.length && !['number', 'amount', 'receivedOn', 'lineId'].some((f) => at(f));

  const onSubmit = async () => {
    try {
      const saved = (
        await record({
          input: { contractId, lineId: line.id, number: number.trim(), amount: amount.trim(), receivedOn },
        })
      ).recordInvoice;
      setWaiting(true);
      await waitForNewerSchedule(contractId, computedAt, token);
      onDone(format(t.invoiceRecorded, { number: saved.number, amount: saved.amount, line: line.label }));
    } catch {
      // shown from the mutation's state, at each field
    } finally {
      setWaiting(false);
    }
  };

  return (
    <form
      className="inline-form mark-paid"
      aria-label={format(t.recordInvoiceFor, { label: line.label })}
      onSubmit={(e) => {
        e.preventDefault();
        void onSubmit();
      }}
    >
      <strong>{format(t.recordInvoiceFor, { label: line.label })}</strong>
      <FormField label={t.invoiceNumber} error={at('number')}>
        {(p) => <input {...p} value={number} onChange={(e) => setNumber(e.target.value)} />}
      </FormField>
      <FormField label={t.invoiceAmount} hint={t.invoiceAmountHint} error={at('amount')}>
        {(p) => <input {...p} inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} />}
      </FormField>
      <FormField label={t.receivedOn} error={at('receivedOn')}>
        {(p) => <input {...p} type="date" value={receivedOn} onChange={(e) => setReceivedOn(e.target.value)} />}
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
