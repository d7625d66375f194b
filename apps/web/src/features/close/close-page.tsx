import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { graphqlRequest, GraphqlRequestError } from '../../api/graphql-client';
import { useGraphqlMutation, useGraphqlQuery } from '../../api/use-graphql';
import { DataTable, HiddenColumnTitle } from '../../components/data-table';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { ChoiceField, FormField } from '../../components/form-field';
import { Page } from '../../components/page';
import { ErrorState, Loading, QueryView } from '../../components/query-state';
import { format, useLocale, useMessages } from '../../i18n/i18n';
import { formatDate, formatDateTime, formatDecimal2, formatPeriod } from '../../i18n/local-format';
import { useSession } from '../../session/session';
import { ContractNav } from '../../components/contract-nav';
import { versionsInWords } from '../../components/explanation-text';
import { closeChangeKey, closeMessages, closeStatusKey } from './close-messages';
import {
  CLOSE_PAGE,
  CLOSE_PERIOD,
  CONFIRM_CLOSE,
  type Missing,
  PERIOD_CLOSE,
  type PeriodClose,
  type PeriodCloseDetail,
  PREVIEW_CLOSE,
  REOPEN_CLOSE,
} from './close-queries';
import { CloseResultView } from './close-result';
import { CLOSABLE_PERIODS } from '../period-inputs/period-inputs-queries';
import { SlaMonthsChart, termMonthsSoFar } from './sla-months-chart';
import '../../components/panels.css';

type Area = 'buyer' | 'finance' | 'vendor';

/** Today in Asia/Shanghai (the ledger's day), YYYY-MM-DD. */
export function shanghaiToday(): string {
  return new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
}

function StatusText({ status }: { status: string }) {
  const t = useMessages(closeMessages);
  const key = closeStatusKey(status);
  return <span className={`close-status close-status-${status}`}>{key ? t[key] : status}</span>;
}

export function MissingList({ missing, inputsHref }: { missing: readonly Missing[]; inputsHref?: string }) {
  const t = useMessages(closeMessages);
  const { locale } = useLocale();
  return (
    <section aria-labelledby="missing-inputs" data-testid="missing">
      <h3 id="missing-inputs">{t.missingTitle}</h3>
      {missing.length ? (
        <ul>
          {missing.map((m, i) => (
            <li key={i} data-input={`${m.period}/${m.input}`}>
              <strong>{formatPeriod(m.period, locale)}</strong>
              {locale === 'zh-CN' ? '：' : ': '}
              {m.message}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t.missingNone}</p>
      )}
      {missing.length && inputsHref ? <Link to={inputsHref}>{t.enterInputs}</Link> : null}
    </section>
  );
}

/** 暂定: the period lies in a year whose national calendar is provisional (rule 18). */
function ProvisionalNote({ years }: { years: readonly number[] | undefined }) {
  const t = useMessages(closeMessages);
  if (!years?.length) return null;
  return (
    <p role="note" className="provisional" data-testid="provisional">
      {format(t.provisional, { years: years.join('、') })}
    </p>
  );
}

function PreviewPanel({
  contractId,
  period,
  asOf,
  inputsHref,
}: {
  contractId: string;
  period: string;
  asOf: string;
  inputsHref?: string;
}) {
  const t = useMessages(closeMessages);
  const { locale } = useLocale();
  const query = useGraphqlQuery(PREVIEW_CLOSE, { contractId, period, asOf: asOf || null });
  return (
    <section className="panel" aria-labelledby="close-preview" data-testid="close-preview">
      <h2 id="close-preview">{format(t.previewTitle, { period: formatPeriod(period, locale), asOf: asOf || '—' })}</h2>
      <QueryView query={query}>
        {({ previewPeriodClose: p }) => (
          <>
            <ProvisionalNote years={p.provisionalYears} />
            <MissingList missing={p.missing} inputsHref={inputsHref} />
            <CloseResultView result={p} />
          </>
        )}
      </QueryView>
    </section>
  );
}

/** Reads the close, and again every second while the worker has not produced the draft yet. */
function usePolledClose(id: string) {
  const { token } = useSession();
  const [state, setState] = useState<{ close?: PeriodCloseDetail; error?: GraphqlRequestError }>({});
  const [attempt, setAttempt] = useState(0);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const { periodClose } = await graphqlRequest(PERIOD_CLOSE, { id }, token);
        if (!live) return;
        setState({ close: periodClose });
        if (periodClose.status === 'pending' && periodClose.job?.status !== 'failed')
          timer = setTimeout(() => void poll(), 1000);
      } catch (e) {
        if (live)
          setState({
            error:
              e instanceof GraphqlRequestError
                ? e
                : new GraphqlRequestError([{ message: String(e), code: 'CLIENT_ERROR' }]),
          });
      }
    };
    void poll();
    return () => {
      live = false;
      if (timer) clearTimeout(timer);
    };
  }, [id, token, attempt]);
  return { ...state, reload };
}

/** The input kinds the API names as changed, in the reader's words. */
function useChangeNames(): (kinds: readonly string[]) => string {
  const t = useMessages(closeMessages);
  return (kinds) =>
    kinds
      .map((k) => {
        const key = closeChangeKey(k);
        return key ? t[key] : k;
      })
      .join('、');
}

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

function CloseActions({ close, onChanged }: { close: PeriodCloseDetail; onChanged(next?: PeriodClose): void }) {
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

function CloseDetail({
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

/** A contract's period closes: request (buyer), preview, the close with its breakdown, confirm / reopen (buyer admin). */
export function ClosePage({ area }: { area: Area }) {
  const t = useMessages(closeMessages);
  const { locale } = useLocale();
  const { id = '' } = useParams();
  const { user } = useSession();
  const [search, setSearch] = useSearchParams();
  const selected = search.get('close');
  const query = useGraphqlQuery(CLOSE_PAGE, { id });
  // The periods a close can target come from the API (closablePeriods): the page computes none.
  const periodsQuery = useGraphqlQuery(CLOSABLE_PERIODS, { contractId: id });
  const isBuyer = user?.role === 'buyer-admin' || user?.role === 'buyer-staff';
  const [period, setPeriod] = useState('');
  const [asOf, setAsOf] = useState(shanghaiToday);
  // `run` changes on every click, so previewing again reads the ledger again (the inputs may have changed).
  const [preview, setPreview] = useState<{ period: string; asOf: string; run: number } | null>(null);
  const [request, requestState] = useGraphqlMutation(CLOSE_PERIOD);
  const [notice, setNotice] = useState('');
  const name = query.status === 'ready' ? query.data.contract.name : '…';
  const select = (closeId: string) => setSearch({ close: closeId });

  const onRequest = async (chosen: string) => {
    try {
      const before =
        query.status === 'ready'
          ? query.data.periodCloses.find((c) => c.period === chosen && c.status !== 'reopened')
          : undefined;
      const { closePeriod } = await request({ input: { contractId: id, period: chosen, asOf: asOf || null } });
      // The API superseded a stale draft: say so, the list and the detail show the new revision.
      setNotice(
        before && before.id !== closePeriod.id ? format(t.newRevision, { revision: closePeriod.revision }) : '',
      );
      setPreview(null);
      select(closePeriod.id);
      query.reload();
    } catch {
      // shown from the mutation's state
    }
  };

  return (
    <Page title={format(t.title, { name })}>
      {area === 'finance' ? (
        <p>
          <Link to={`/${area}/contracts/${id}`}>{t.backToContract}</Link>
        </p>
      ) : (
        <ContractNav area={area} contractId={id} />
      )}
      <QueryView query={periodsQuery}>
        {({ closablePeriods }) => (
          <QueryView query={query}>
            {({ contract, periodCloses }) => {
              const periods = closablePeriods.map((p) => p.id);
              const chosen =
                period ||
                periods.find((p) => !periodCloses.some((c) => c.period === p && c.status === 'confirmed')) ||
                periods[0] ||
                '';
              return (
                <>
                  {!isBuyer ? <p className="muted">{t.readOnly}</p> : null}
                  <form
                    className="panel inline-form"
                    aria-label={t.requestSection}
                    onSubmit={(e) => {
                      e.preventDefault();
                      setPreview({ period: chosen, asOf, run: (preview?.run ?? 0) + 1 });
                    }}
                  >
                    <h2>{t.requestSection}</h2>
                    <ChoiceField
                      label={t.period}
                      value={chosen}
                      choices={periods}
                      choiceLabel={(p) => formatPeriod(p, locale)}
                      onChange={setPeriod}
                    />
                    <FormField label={t.asOf} hint={t.asOfHint}>
                      {(p) => <input {...p} type="date" value={asOf} onChange={(e) => setAsOf(e.target.value)} />}
                    </FormField>
                    <button type="submit">{t.preview}</button>
                    {isBuyer ? (
                      <button
                        type="button"
                        disabled={requestState.running}
                        onClick={() => {
                          setPeriod(chosen);
                          void onRequest(chosen);
                        }}
                      >
                        {t.request}
                      </button>
                    ) : null}
                  </form>
                  {requestState.error ? <ErrorState error={requestState.error} /> : null}
                  {notice ? (
                    <p role="status" data-testid="close-notice">
                      {notice}
                    </p>
                  ) : null}
                  {preview ? (
                    <PreviewPanel
                      key={preview.run}
                      contractId={id}
                      period={preview.period}
                      asOf={preview.asOf}
                      inputsHref={isBuyer ? `/buyer/contracts/${id}/inputs` : undefined}
                    />
                  ) : null}
                  <section aria-labelledby="closes-list">
                    <h2 id="closes-list">{t.closes}</h2>
                    {periodCloses.length ? (
                      <DataTable
                        columns={[
                          t.period,
                          t.revision,
                          t.status,
                          t.score,
                          t.grade,
                          t.asOf,
                          t.requestedAt,
                          <HiddenColumnTitle>{t.open}</HiddenColumnTitle>,
                        ]}
                        testId="closes"
                      >
                        {periodCloses.map((c) => (
                          <tr key={c.id} data-close-id={c.id} aria-current={c.id === selected ? 'true' : undefined}>
                            <th scope="row">{formatPeriod(c.period, locale)}</th>
                            <td>{c.revision}</td>
                            <td>
                              <StatusText status={c.status} />
                            </td>
                            <td>{formatDecimal2(c.score)}</td>
                            <td>{c.grade ?? '—'}</td>
                            <td>{formatDate(c.asOf, locale)}</td>
                            <td>{formatDateTime(c.requestedAt)}</td>
                            <td>
                              <button
                                type="button"
                                onClick={() => select(c.id)}
                                aria-label={`${t.open} ${formatPeriod(c.period, locale)} #${c.revision}`}
                              >
                                {t.open}
                              </button>
                            </td>
                          </tr>
                        ))}
                      </DataTable>
                    ) : (
                      <p>{t.noCloses}</p>
                    )}
                  </section>
                  {selected ? (
                    <CloseDetail
                      key={selected}
                      id={selected}
                      listedStatus={periodCloses.find((c) => c.id === selected)?.status}
                      canAct={user?.role === 'buyer-admin'}
                      onChanged={(next) => {
                        query.reload();
                        if (next) select(next.id);
                      }}
                    />
                  ) : null}
                  <SlaMonthsChart
                    contractId={id}
                    months={termMonthsSoFar(contract.termStart, contract.termEnd, shanghaiToday())}
                  />
                </>
              );
            }}
          </QueryView>
        )}
      </QueryView>
    </Page>
  );
}
