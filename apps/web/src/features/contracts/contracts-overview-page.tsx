import { useState } from 'react';
import { Link } from 'react-router';
import { GraphqlRequestError } from '../../api/graphql-client';
import { useGraphqlMutation, useGraphqlQuery } from '../../api/use-graphql';
import { Money } from '../../components/money';
import { Page } from '../../components/page';
import { ErrorState, QueryView } from '../../components/query-state';
import { StatTile } from '../../components/stat-tile';
import { format, useLocale, useMessages } from '../../i18n/i18n';
import { formatDate } from '../../i18n/local-format';
import { VendorContractLinks, VendorContractLinksHeader } from './vendor-contract-links';
import { ContractFilterBar } from './contract-filter-bar';
import { contractFilterMessages } from './contract-filter-messages';
import { CompliancePercent, LastScore, NextPayment, ObligationsFigure } from '../dashboard/dashboard-tiles';
import { dashboardMessages } from '../dashboard/dashboard-messages';
import {
  CONTRACT_SEARCH,
  CONTRACTS_PAGE_SIZE,
  type ContractDashboard,
  type ContractFilter,
  type ContractListPage,
} from '../dashboard/dashboard-queries';
import { MonthField } from '../dashboard/month-field';
import { SlaSeverityChart } from '../dashboard/sla-severity-chart';

type More = Pick<ContractListPage, 'nodes' | 'dashboards' | 'endCursor' | 'hasNextPage'> & { key: string };

/**
 * The contract lists: the contracts the caller reads (the API's `contractSearch`: the buyer's tenant, the vendor's
 * contracts across tenants, finance's tenant), filtered, a page at a time ("load more"), each with its status tiles
 * (the page's `dashboards`, the figures of `contractDashboards`). `area` is the URL prefix of the contract pages.
 */
export function ContractsOverviewPage({
  area,
  vendorView = false,
}: {
  area: 'buyer' | 'vendor' | 'finance';
  vendorView?: boolean;
}) {
  const t = useMessages(dashboardMessages);
  const tf = useMessages(contractFilterMessages);
  const { locale } = useLocale();
  const [month, setMonth] = useState('');
  const [filter, setFilter] = useState<ContractFilter>({});
  const query = useGraphqlQuery(CONTRACT_SEARCH, {
    filter,
    first: CONTRACTS_PAGE_SIZE,
    month: month || null,
    agencies: vendorView,
  });
  // Further pages of the same filter and month, fetched with the previous page's cursor; kept under the key they
  // were fetched for, so a page that arrives after the filter changed is not shown under the new one.
  const key = JSON.stringify([filter, month]);
  const [more, setMore] = useState<More | null>(null);
  const [moreError, setMoreError] = useState<GraphqlRequestError | null>(null);
  const [fetchMore, fetching] = useGraphqlMutation(CONTRACT_SEARCH);
  const restart = () => {
    setMore(null);
    setMoreError(null);
  };
  return (
    <Page
      title={vendorView ? t.vendorOverviewTitle : t.overviewTitle}
      actions={
        <MonthField
          value={month}
          onChange={(m) => {
            restart();
            setMonth(m);
          }}
        />
      }
    >
      <QueryView query={query}>
        {({ contractSearch: page }) => {
          const extra = more?.key === key ? more : null;
          const nodes = [...page.nodes, ...(extra?.nodes ?? [])];
          const dashboards = [...page.dashboards, ...(extra?.dashboards ?? [])];
          const next = extra ?? page;
          const loadMore = async () => {
            if (!next.endCursor) return;
            setMoreError(null);
            try {
              const r = (
                await fetchMore({
                  filter,
                  first: CONTRACTS_PAGE_SIZE,
                  after: next.endCursor,
                  month: month || null,
                  agencies: false,
                })
              ).contractSearch;
              setMore((m) => ({
                key,
                nodes: [...(m?.key === key ? m.nodes : []), ...r.nodes],
                dashboards: [...(m?.key === key ? m.dashboards : []), ...r.dashboards],
                endCursor: r.endCursor,
                hasNextPage: r.hasNextPage,
              }));
            } catch (e) {
              if (e instanceof GraphqlRequestError) setMoreError(e);
              else throw e;
            }
          };
          if (page.totalCount === 0 && Object.keys(filter).length === 0) return <p>{t.noContracts}</p>;
          const tiles = new Map<string, ContractDashboard>(dashboards.map((d) => [d.contractId, d]));
          const shownMonth = dashboards[0]?.sla.month ?? month;
          return (
            <>
              <dl className="tiles" aria-label={t.overviewTitle}>
                <StatTile label={t.contractsCount}>{page.totalCount}</StatTile>
                <StatTile label={t.totalBreaches} tone={dashboards.some((d) => d.openBreaches > 0) ? 'alert' : 'ok'}>
                  {dashboards.reduce((n, d) => n + d.openBreaches, 0)}
                </StatTile>
                <StatTile
                  label={t.totalMissing}
                  tone={dashboards.some((d) => d.obligations.missing > 0) ? 'alert' : 'ok'}
                >
                  {dashboards.reduce((n, d) => n + d.obligations.missing, 0)}
                </StatTile>
              </dl>
              <ContractFilterBar
                value={filter}
                agencies={page.agencies}
                onChange={(f) => {
                  restart();
                  setFilter(f);
                }}
              />
              <p className="muted" data-testid="contract-count">
                {format(tf.shown, { total: page.totalCount, shown: nodes.length })}
              </p>
              {nodes.length === 0 ? (
                <p>{tf.noMatch}</p>
              ) : (
                <div className="table-wrap">
                  <table className="contracts">
                    <caption>{format(t.slaComplianceOf, { month: shownMonth })}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t.contract}</th>
                        {vendorView ? <th scope="col">{tf.agency}</th> : null}
                        <th scope="col">{t.amount}</th>
                        <th scope="col">{t.compliance}</th>
                        <th scope="col">{t.openBreaches}</th>
                        <th scope="col">{t.warnings}</th>
                        <th scope="col">{t.obligations}</th>
                        <th scope="col">{t.lastScore}</th>
                        <th scope="col">{t.nextPayment}</th>
                        {vendorView ? (
                          <th scope="col">
                            <VendorContractLinksHeader />
                          </th>
                        ) : null}
                      </tr>
                    </thead>
                    <tbody>
                      {nodes.map((c) => {
                        const d = tiles.get(c.id);
                        return (
                          <tr key={c.id} data-contract-code={c.code}>
                            <th scope="row">
                              <Link
                                to={`/${area}/contracts/${c.id}`}
                                aria-label={format(t.showTiles, { name: c.name })}
                              >
                                {c.name}
                              </Link>
                              <div className="muted">{c.code}</div>
                              <div className="muted" data-field="term">
                                {format(tf.termRange, {
                                  start: formatDate(c.termStart, locale),
                                  end: formatDate(c.termEnd, locale),
                                })}
                              </div>
                            </th>
                            {vendorView ? <td data-field="agency">{c.tenantName ?? ''}</td> : null}
                            <td data-field="amount">
                              <Money value={c.amount} />
                            </td>
                            <td data-field="compliance">
                              {d ? <CompliancePercent value={d.sla.compliancePercent} /> : '—'}
                            </td>
                            <td data-field="open-breaches" className={d?.openBreaches ? 'alert' : undefined}>
                              {d ? d.openBreaches : '—'}
                            </td>
                            <td data-field="warnings">{d ? d.notifications.total : '—'}</td>
                            <td data-field="obligations" className={d?.obligations.missing ? 'alert' : undefined}>
                              {d ? <ObligationsFigure obligations={d.obligations} /> : '—'}
                            </td>
                            <td data-field="last-score">{d ? <LastScore close={d.lastConfirmedClose} /> : '—'}</td>
                            <td data-field="next-payment">{d ? <NextPayment payment={d.nextPayment} /> : '—'}</td>
                            {vendorView ? (
                              <td data-field="links">
                                <VendorContractLinks contractId={c.id} name={c.name} />
                              </td>
                            ) : null}
                          </tr>
                        );
                      })}
                    </tbody>
                  </table>
                </div>
              )}
              {next.hasNextPage ? (
                <p>
                  <button type="button" onClick={() => void loadMore()} disabled={fetching.running}>
                    {fetching.running ? tf.loadingMore : tf.more}
                  </button>
                </p>
              ) : null}
              {moreError ? <ErrorState error={moreError} onRetry={() => void loadMore()} /> : null}
              {dashboards.length ? (
                <SlaSeverityChart severities={dashboards.flatMap((d) => d.sla.severities)} month={shownMonth} />
              ) : null}
            </>
          );
        }}
      </QueryView>
    </Page>
  );
}
