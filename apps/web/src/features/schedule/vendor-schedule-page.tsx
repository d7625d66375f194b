import { useParams } from 'react-router';
import { useGraphqlQuery } from '../../api/use-graphql';
import { Page } from '../../components/page';
import { QueryView } from '../../components/query-state';
import { format, useMessages } from '../../i18n/i18n';
import { ContractNav } from '../../components/contract-nav';
import { ScheduleLinesTable, ScheduleTotals } from './schedule-lines-table';
import { scheduleMessages } from './schedule-messages';
import { PAYMENT_SCHEDULE } from './schedule-queries';
import { ScheduleTimelineChart } from './schedule-timeline-chart';
import '../../components/report-schedule.css';

/** `/vendor/contracts/:id/schedule`: the contract's stored payment schedule, read-only, with its timeline. */
export function VendorSchedulePage() {
  const t = useMessages(scheduleMessages);
  const { id = '' } = useParams();
  const query = useGraphqlQuery(PAYMENT_SCHEDULE, { id });
  return (
    <Page title={format(t.vendorTitle, { name: query.status === 'ready' ? query.data.contract.name : '…' })}>
      <ContractNav area="vendor" contractId={id} />
      <QueryView query={query}>
        {({ paymentSchedule }) =>
          paymentSchedule ? (
            <>
              <ScheduleLinesTable schedules={[paymentSchedule]} />
              <ScheduleTotals schedule={paymentSchedule} />
              <ScheduleTimelineChart schedules={[paymentSchedule]} />
            </>
          ) : (
            <p>{t.noSchedule}</p>
          )
        }
      </QueryView>
    </Page>
  );
}
