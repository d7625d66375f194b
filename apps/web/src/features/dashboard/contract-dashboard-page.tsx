import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useGraphqlQuery } from '../../api/use-graphql';
import { DataTable } from '../../components/data-table';
import { Money } from '../../components/money';
import { Page } from '../../components/page';
import { QueryView } from '../../components/query-state';
import { formatDate, formatDateTime } from '../../i18n/local-format';
import { format, useLocale, useMessages } from '../../i18n/i18n';
import { AcceptanceTimingPanel } from './acceptance-timing-panel';
import { OnDemandPanel } from '../on-demand/on-demand-panel';
import { AllowancePanel } from '../allowances/allowance-panel';
import { CompliancePercent, ContractTiles } from './dashboard-tiles';
import { dashboardMessages } from './dashboard-messages';
import { CONTRACT_DASHBOARD } from './dashboard-queries';
import { MonthField } from './month-field';
import { SlaSeverityChart } from './sla-severity-chart';

/** One contract's status tiles, its SLA by severity and target, and the chart (the API's `contractDashboard`). */
export function ContractDashboardPage({ area }: { area: 'buyer' | 'vendor' | 'finance' }) {
  const t = useMessages(dashboardMessages);
  const { locale } = useLocale();
  const { id = '' } = useParams();
  const [month, setMonth] = useState('');
  const query = useGraphqlQuery(CONTRACT_DASHBOARD, { id, month: month || null });
  const name = query.status === 'ready' ? query.data.contractDashboard.contractName : '…';
  return (
    <Page title={format(t.contractTitle, { name })} actions={<MonthField value={month} onChange={setMonth} />}>
      <p>
        <Link to={`/${area}/contracts`}>{t.backToOverview}</Link>
      </p>
      <QueryView query={query}>
        {({ contractDashboard: d, contract }) => (
          <>
            <p className="muted">
              {d.contractCode} · {t.term} {formatDate(contract.termStart, locale)} –{' '}
              {formatDate(contract.termEnd, locale)} · {t.amount} <Money value={contract.amount} />
            </p>
            <ContractTiles dashboard={d} />
            <AcceptanceTimingPanel contractId={d.contractId} />
            <OnDemandPanel contractId={d.contractId} />
            <AllowancePanel contractId={d.contractId} />
            {d.sla.severities.length ? (
              <DataTable
                columns={[t.severity, t.target, t.compliance, t.met, t.breached, t.running, t.atRisk, t.overdue]}
                caption={format(t.slaComplianceOf, { month: d.sla.month })}
              >
                {d.sla.severities.flatMap((s) =>
                  s.targets.map((x) => (
                    <tr key={`${s.severity}-${x.targetId}`}>
                      <th scope="row">{s.severityName}</th>
                      <td>{x.name}</td>
                      <td>
                        <CompliancePercent value={x.compliancePercent} />
                      </td>
                      <td>{x.met}</td>
                      <td>{x.breached}</td>
                      <td>{x.running}</td>
                      <td>{x.atRisk}</td>
                      <td>{x.overdue}</td>
                    </tr>
                  )),
                )}
              </DataTable>
            ) : null}
            <SlaSeverityChart severities={d.sla.severities} month={d.sla.month} />
            <p className="muted">{format(t.asOf, { asOf: formatDateTime(d.asOf) })}</p>
          </>
        )}
      </QueryView>
    </Page>
  );
}
