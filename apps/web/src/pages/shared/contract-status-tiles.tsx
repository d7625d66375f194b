import { useGraphqlQuery } from '../../api/use-graphql';
import { QueryView } from '../../components/query-state';
import { StatTile } from '../../components/stat-tile';
import { format, useMessages } from '../../i18n/i18n';
import { dashboardMessages } from './dashboard-messages';
import { CONTRACT_DASHBOARD } from './dashboard-queries';
import { CompliancePercent, LastScore, NextPayment, ObligationsFigure } from './dashboard-tiles';
import { SlaSeverityChart } from './sla-severity-chart';

/** The contract dashboard's tiles and chart for the current month, at the top of a contract page. */
export function ContractStatusTiles({ contractId, heading }: { contractId: string; heading: string }) {
  const t = useMessages(dashboardMessages);
  const query = useGraphqlQuery(CONTRACT_DASHBOARD, { id: contractId, month: null });
  return (
    <section aria-labelledby="status-heading">
      <h2 id="status-heading">{heading}</h2>
      <QueryView query={query}>
        {({ contractDashboard: d }) => (
          <>
            <dl className="tiles">
              <StatTile label={format(t.slaComplianceOf, { month: d.sla.month })}>
                <CompliancePercent value={d.sla.compliancePercent} />
              </StatTile>
              <StatTile label={t.openBreaches} tone={d.openBreaches ? 'alert' : 'ok'}>
                {d.openBreaches}
              </StatTile>
              <StatTile label={t.warnings}>{format(t.warningsDetail, d.notifications)}</StatTile>
              <StatTile label={format(t.obligationsOf, { month: d.obligations.month })} tone={d.obligations.missing ? 'alert' : undefined}>
                <ObligationsFigure obligations={d.obligations} />
              </StatTile>
              <StatTile label={t.lastScore}>
                <LastScore close={d.lastConfirmedClose} />
              </StatTile>
              <StatTile label={t.nextPayment}>
                <NextPayment payment={d.nextPayment} />
              </StatTile>
            </dl>
            <SlaSeverityChart severities={d.sla.severities} month={d.sla.month} />
          </>
        )}
      </QueryView>
    </section>
  );
}
