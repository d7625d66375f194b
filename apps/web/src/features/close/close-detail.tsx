import { useEffect } from 'react';
import { ErrorState, Loading } from '../../components/query-state';
import { format, useLocale, useMessages } from '../../i18n/i18n';
import { formatDate, formatPeriod } from '../../i18n/local-format';
import { versionsInWords } from '../../components/explanation-text';
import { closeMessages } from './close-messages';
import { type PeriodClose } from './close-queries';
import { CloseResultView } from './close-result';
import { CloseActions } from './close-actions';
import { useChangeNames, usePolledClose } from './close-hooks';
import { MissingList, ProvisionalNote, StatusText } from './close-status';

export function CloseDetail({
  id,
  listedStatus,
  canAct,
  onChanged,
}: {
  id: string;
  listedStatus?: string;
  canAct: boolean;
  onChanged(next?: PeriodClose): void;
}) {
  const t = useMessages(closeMessages);
  const { locale } = useLocale();
  const changeNames = useChangeNames();
  const { close, error, reload } = usePolledClose(id);
  const status = close?.status;
  useEffect(() => {
    // The worker moved the close on (pending → draft) since the list was read: the list follows.
    if (status && listedStatus && status !== listedStatus) onChanged();
  }, [status, listedStatus, onChanged]);
  if (error) return <ErrorState error={error} onRetry={reload} />;
  if (!close) return <Loading />;
  return (
    <section className="panel" aria-labelledby="close-detail" data-testid="close-detail" data-status={close.status}>
      <h2 id="close-detail">
        {format(t.closeTitle, { period: formatPeriod(close.period, locale), revision: close.revision })} ·{' '}
        <StatusText status={close.status} />
      </h2>
      <p className="muted">
        {t.asOf} {formatDate(close.asOf, locale)} ·{' '}
        {versionsInWords(close.result?.calendarVersion, close.configVersion, locale)}
        {close.reopenReason ? ` · ${t.reopenReason}: ${close.reopenReason}` : ''}
        {close.reopenCode === 'INPUTS_CHANGED'
          ? ` · ${format(t.supersededBy, { changes: changeNames(close.reopenChanges) })}`
          : ''}
      </p>
      <ProvisionalNote years={close.result?.provisionalYears} />
      {close.inputsChanged.length ? (
        <p role="status" data-testid="inputs-changed">
          {format(close.status === 'confirmed' ? t.inputsChangedConfirmed : t.inputsChangedDraft, {
            changes: changeNames(close.inputsChanged),
          })}
        </p>
      ) : null}
      {close.confirmReason ? (
        <p data-testid="confirm-reason">
          {format(t.confirmedWithReason, { count: close.confirmedMissing.length, reason: close.confirmReason })}
        </p>
      ) : null}
      {close.status === 'pending' ? (
        close.job?.status === 'failed' ? (
          <p role="alert">{format(t.jobFailed, { error: close.job.lastError ?? '' })}</p>
        ) : (
          <p role="status" aria-live="polite">
            {format(t.waiting, { job: close.job?.status ?? '…' })}
          </p>
        )
      ) : null}
      {close.result ? (
        <>
          {close.result.missing.length ? <MissingList missing={close.result.missing} /> : null}
          <CloseResultView result={close.result} lines={close.lines} />
        </>
      ) : null}
      {close.status === 'confirmed' ? <p role="status">{t.confirmed}</p> : null}
      {canAct && (close.status === 'draft' || close.status === 'pending') ? (
        <CloseActions
          close={close}
          onChanged={(next) => {
            reload();
            onChanged(next);
          }}
        />
      ) : null}
    </section>
  );
}
