import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useGraphqlMutation, useGraphqlQuery } from '../../api/use-graphql';
import { DataTable, HiddenColumnTitle } from '../../components/data-table';
import { ChoiceField, FormField } from '../../components/form-field';
import { Page } from '../../components/page';
import { ErrorState, QueryView } from '../../components/query-state';
import { format, useLocale, useMessages } from '../../i18n/i18n';
import { formatDate, formatDateTime, formatDecimal2, formatPeriod } from '../../i18n/local-format';
import { useSession } from '../../session/session';
import { ContractNav } from '../../components/contract-nav';
import { closeMessages } from './close-messages';
import { CLOSE_PAGE, CLOSE_PERIOD } from './close-queries';
import { CLOSABLE_PERIODS } from '../period-inputs/period-inputs-queries';
import { SlaMonthsChart, termMonthsSoFar } from './sla-months-chart';
import { CloseDetail } from './close-detail';
import { PreviewPanel } from './close-preview-panel';
import { StatusText, shanghaiToday } from './close-status';
import '../../components/panels.css';

type Area = 'buyer' | 'finance' | 'vendor';

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
