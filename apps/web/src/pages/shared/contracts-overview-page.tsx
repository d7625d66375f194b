import { useState } from 'react';
import { Link } from 'react-router';
import { useGraphqlQuery } from '../../api/use-graphql';
import { Money } from '../../components/money';
import { Page } from '../../components/page';
import { QueryView } from '../../components/query-state';
import { StatTile } from '../../components/stat-tile';
import { format, useMessages } from '../../i18n/i18n';
import { VendorContractLinks, VendorContractLinksHeader } from '../vendor/vendor-contract-links';
import { CompliancePercent, LastScore, NextPayment, ObligationsFigure } from './dashboard-tiles';
import { dashboardMessages } from './dashboard-messages';
import { CONTRACT_DASHBOARDS } from './dashboard-queries';
import { MonthField } from './month-field';
import { SlaSeverityChart } from './sla-severity-chart';

/**
 * Every contract the caller reads with its status tiles (the API's `contractDashboards`): the buyer's tenant,
 * the vendor's contracts across tenants, finance's tenant. `area` is the URL prefix of the contract pages.
 */
export function ContractsOverviewPage({ area, vendorView = false }: { area: 'buyer' | 'vendor' | 'finance'; vendorView?: boolean }) {
  const t = useMessages(dashboardMessages);
  const [month, setMonth] = useState('');
  const query = useGraphqlQuery(CONTRACT_DASHBOARDS, { month: month || null });
  return (
    <Page title={vendorView ? t.vendorOverviewTitle : t.overviewTitle} actions={<MonthField value={month} onChange={setMonth} />}>
      <QueryView query={query}>
        {({ contractDashboards, contracts }) => {
          if (!contractDashboards.length) return <p>{t.noContracts}</p>;
          const amounts = new Map(contracts.map((c) => [c.id, c.amount]));
          const shownMonth = contractDashboards[0].sla.month;
          return (
            <>
              <dl className="tiles" aria-label={t.overviewTitle}>
                <StatTile label={t.contractsCount}>{contractDashboards.length}</StatTile>
                <StatTile label={t.totalBreaches} tone={contractDashboards.some((d) => d.openBreaches > 0) ? 'alert' : 'ok'}>
                  {contractDashboards.reduce((n, d) => n + d.openBreaches, 0)}
                </StatTile>
                <StatTile label={t.totalMissing} tone={contractDashboards.some((d) => d.obligations.missing > 0) ? 'alert' : 'ok'}>
                  {contractDashboards.reduce((n, d) => n + d.obligations.missing, 0)}
                </StatTile>
              </dl>
              <div className="table-wrap">
                <table className="contracts">
                  <caption>{format(t.slaComplianceOf, { month: shownMonth })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t.contract}</th>
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
                    {contractDashboards.map((d) => (
                      <tr key={d.contractId} data-contract-code={d.contractCode}>
                        <th scope="row">
                          <Link to={`/${area}/contracts/${d.contractId}`} aria-label={format(t.showTiles, { name: d.contractName })}>
                            {d.contractName}
                          </Link>
                          <div className="muted">{d.contractCode}</div>
                        </th>
                        <td data-field="amount">
                          <Money value={amounts.get(d.contractId)} />
                        </td>
                        <td data-field="compliance">
                          <CompliancePercent value={d.sla.compliancePercent} />
                        </td>
                        <td data-field="open-breaches" className={d.openBreaches ? 'alert' : undefined}>
                          {d.openBreaches}
                        </td>
                        <td data-field="warnings">{d.notifications.total}</td>
                        <td data-field="obligations" className={d.obligations.missing ? 'alert' : undefined}>
                          <ObligationsFigure obligations={d.obligations} />
                        </td>
                        <td data-field="last-score">
                          <LastScore close={d.lastConfirmedClose} />
                        </td>
                        <td data-field="next-payment">
                          <NextPayment payment={d.nextPayment} />
                        </td>
                        {vendorView ? (
                          <td data-field="links">
                            <VendorContractLinks contractId={d.contractId} name={d.contractName} />
                          </td>
                        ) : null}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <SlaSeverityChart severities={contractDashboards.flatMap((d) => d.sla.severities)} month={shownMonth} />
            </>
          );
        }}
      </QueryView>
    </Page>
  );
}
