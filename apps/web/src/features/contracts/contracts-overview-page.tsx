import { useState } from 'react';
import { useGraphqlMutation, useGraphqlQuery } from '../../api/use-graphql';
import { LoadMore, useLoadMore } from '../../components/load-more';
import { Page } from '../../components/page';
import { QueryView } from '../../components/query-state';
import { StatTile } from '../../components/stat-tile';
import { format, useMessages } from '../../i18n/i18n';
import { ContractFilterBar } from './contract-filter-bar';
import { ContractsTable } from './contracts-table';
import { contractFilterMessages } from './contract-filter-messages';
import { dashboardMessages } from '../dashboard/dashboard-messages';
import {
  CONTRACT_SEARCH,
  CONTRACTS_PAGE_SIZE,
  type ContractDashboard,
  type ContractFilter,
} from '../dashboard/dashboard-queries';
import { MonthField } from '../dashboard/month-field';
import { SlaSeverityChart } from '../dashboard/sla-severity-chart';

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
  const [month, setMonth] = useState('');
  const [filter, setFilter] = useState<ContractFilter>({});
  const query = useGraphqlQuery(CONTRACT_SEARCH, {
    filter,
    first: CONTRACTS_PAGE_SIZE,
    month: month || null,
    agencies: vendorView,
  });
  // Further pages of the same filter and month, fetched with the previous page's cursor.
  const [fetchMore, fetching] = useGraphqlMutation(CONTRACT_SEARCH);
  const more = useLoadMore(
    JSON.stringify([filter, month]),
    async (after) =>
      (await fetchMore({ filter, first: CONTRACTS_PAGE_SIZE, after, month: month || null, agencies: false }))
        .contractSearch,
    (earlier, later) => ({
      ...later,
      nodes: [...earlier.nodes, ...later.nodes],
      dashboards: [...earlier.dashboards, ...later.dashboards],
    }),
  );
  const restart = more.restart;
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
          const extra = more.extra;
          const nodes = [...page.nodes, ...(extra?.nodes ?? [])];
          const dashboards = [...page.dashboards, ...(extra?.dashboards ?? [])];
          const next = extra ?? page;
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
                <ContractsTable
                  area={area}
                  vendorView={vendorView}
                  nodes={nodes}
                  tiles={tiles}
                  shownMonth={shownMonth}
                />
              )}
              <LoadMore
                hasNextPage={next.hasNextPage}
                running={fetching.running}
                error={more.error}
                onMore={() => void more.load(page)}
                labels={tf}
              />
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
