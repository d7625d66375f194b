import { type FormEvent, useState } from 'react';
import { useGraphqlMutation } from '../../api/use-graphql';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { FormField } from '../../components/form-field';
import { ErrorState } from '../../components/query-state';
import { format, useLocale, useMessages } from '../../i18n/i18n';
import { formatPeriod } from '../../i18n/local-format';
import { closeChangeKey, closeMessages } from './close-messages';
import { CONFIRM_CLOSE, type PeriodClose, type PeriodCloseDetail, REOPEN_CLOSE } from './close-queries';

/**
 * 确认结算 asks first (a modal that says what becomes locked); while inputs are missing it asks for the reason the
 * API records. The API's refusals (reason missing, inputs changed since the draft) are shown in words.
 */
function ConfirmCloseControl({ close, onChanged }: { close: PeriodCloseDetail; onChanged(next?: PeriodClose): void }) {
  const t = useMessages(closeMessages);
  const { locale } = useLocale();
  const [confirm, confirmState] = useGraphqlMutation(CONFIRM_CLOSE);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const missing = close.result?.missing ?? [];
  const problems = confirmState.error?.errors.flatMap((e) => e.problems ?? []) ?? [];
  const reasonRefused = problems.some((p) => p.path === 'reason');
  const changedRefused =
    confirmState.error?.code === 'CONFLICT' && problems.some((p) => closeChangeKey(p.path) !== null);
  const onConfirm = async () => {
    try {
      await confirm({ closeId: close.id, reason: reason.trim() || null });
      setOpen(false);
      onChanged();
    } catch {
      // shown from the mutation's state
    }
  };
  // Rule 18: the API refuses a close on a provisional calendar; the button says so before anyone tries.
  const provisional = (close.result?.provisionalYears ?? []).length > 0;
  return (
    <>
      <p className="muted">{provisional ? t.provisionalNoConfirm : t.confirmHint}</p>
      <button type="button" disabled={confirmState.running || provisional} onClick={() => setOpen(true)}>
        {t.confirm}
      </button>
      <ConfirmDialog
        open={open}
        testId="confirm-close-dialog"
        title={format(t.confirmDialogTitle, { period: formatPeriod(close.period, locale), revision: close.revision })}
        confirmLabel={t.confirmDialogAction}
        busy={confirmState.running}
        onConfirm={() => void onConfirm()}
        onCancel={() => setOpen(false)}
      >
        <p>{format(t.confirmDialogLocks, { periods: formatPeriod(close.period, locale) })}</p>
        {missing.length ? (
          <>
            <p role="note">{format(t.confirmMissingWarning, { count: missing.length })}</p>
            <FormField label={t.confirmReasonLabel} error={reasonRefused ? t.confirmReasonRequired : null}>
              {(p) => <textarea {...p} rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />}
            </FormField>
          </>
        ) : null}
        {changedRefused ? (
          <p role="alert">{t.confirmInputsChanged}</p>
        ) : confirmState.error && !reasonRefused ? (
          <ErrorState error={confirmState.error} />
        ) : null}
      </ConfirmDialog>
    </>
  );
}

export function CloseActions({ close, onChanged }: { close: PeriodCloseDetail; onChanged(next?: PeriodClose): void }) {
  const t = useMessages(closeMessages);
  const [reopen, reopenState] = useGraphqlMutation(REOPEN_CLOSE);
  const [reason, setReason] = useState('');
  const [asOf, setAsOf] = useState('');
  const onReopen = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const { reopenPeriodClose } = await reopen({ input: { closeId: close.id, reason, asOf: asOf || null } });
      onChanged(reopenPeriodClose);
    } catch {
      // shown from the mutation's state
    }
  };
  return (
    <section className="panel" aria-label={t.confirm}>
      {close.status === 'draft' ? <ConfirmCloseControl close={close} onChanged={onChanged} /> : null}
      <form onSubmit={onReopen} className="inline-form">
        <FormField label={t.reopenReason}>
          {(p) => <input {...p} value={reason} onChange={(e) => setReason(e.target.value)} />}
        </FormField>
        <FormField label={t.reopenAsOf} hint={t.reopenAsOfHint}>
          {(p) => <input {...p} type="date" value={asOf} onChange={(e) => setAsOf(e.target.value)} />}
        </FormField>
        <button type="submit" disabled={reopenState.running}>
          {t.reopen}
        </button>
      </form>
      {reopenState.error ? <ErrorState error={reopenState.error} /> : null}
    </section>
  );
}
