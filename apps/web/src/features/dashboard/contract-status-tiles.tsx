import { useGraphqlQuery } from '../../api/use-graphql';
import { QueryView } from '../../components/query-state';
import { CONTRACT_DASHBOARD } from './dashboard-queries';
import { ContractTiles } from './dashboard-tiles';
import { SlaSeverityChart } from './sla-severity-chart';

/** The contract dashboard's tiles and chart for the current month, at the top of a contract page. */
export function ContractStatusTiles({ contractId, heading }: { contractId: string; heading: string }) {
  const query = useGraphqlQuery(CONTRACT_DASHBOARD, { id: contractId, month: null });
  return (
    <section aria-labelledby="status-heading">
      <h2 id="status-heading">{heading}</h2>
      <QueryView query={query}>
        {({ contractDashboard: d }) => (
          <>
            <ContractTiles dashboard={d} />
            <SlaSeverityChart severities={d.sla.severities} month={d.sla.month} />
          </>
        )}
      </QueryView>
    </section>
  );
}
