import { useState } from 'react';
import { useGraphqlQuery } from '../../api/use-graphql';
import { QueryView } from '../../components/query-state';
import { PERIOD_INPUT_SPEC, PERIOD_INPUTS, type PeriodInputsData } from './period-inputs-queries';
import { PeriodInputsForm } from './period-inputs-form';
import { TicketKpisPanel } from '../ticket-kpis/ticket-kpis-panel';

export function PeriodInputsLoader({ contractId, period }: { contractId: string; period: string }) {
  const query = useGraphqlQuery(PERIOD_INPUTS, { contractId, period });
  const specQuery = useGraphqlQuery(PERIOD_INPUT_SPEC, { contractId, period });
  // The save answers with the stored inputs: the missing list and lock state update without a reload.
  const [saved, setSaved] = useState<PeriodInputsData | null>(null);
  return (
    <QueryView query={specQuery}>
      {({ periodInputSpec }) => (
        <QueryView query={query}>
          {({ periodInputs }) => {
            const data = saved?.period === periodInputs.period ? saved : periodInputs;
            // Remounted from the stored values after a save; the loader keeps the "saved" note across it.
            return (
              <>
                {/* The rates from the tickets: the evidence for 服务合格, read before deciding it. */}
                <TicketKpisPanel contractId={contractId} period={period} />
                <PeriodInputsForm
                  key={`${data.period}-${data.updatedAt ?? ''}`}
                  contractId={contractId}
                  data={data}
                  spec={periodInputSpec}
                  saved={data === saved}
                  onSaved={setSaved}
                />
              </>
            );
          }}
        </QueryView>
      )}
    </QueryView>
  );
}
