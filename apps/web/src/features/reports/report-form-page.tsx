import { Link, useParams } from 'react-router';
import { useGraphqlQuery } from '../../api/use-graphql';
import { ContractNav } from '../../components/contract-nav';
import { Page } from '../../components/page';
import { QueryView } from '../../components/query-state';
import { format, useMessages } from '../../i18n/i18n';
import { MonthReportForm } from './month-report-form';
import { ReportMonthList } from './report-month-list';
import { reportMessages } from './report-messages';
import { contractConfigView, monthlyReport, monthsOfTerm, REPORT_FORM_CONTEXT } from './report-queries';
import '../../components/report-schedule.css';

/** `/vendor/contracts/:id/reports`: the term's months with their report status; `/…/reports/:month`: the form. */
export function ReportFormPage() {
  const t = useMessages(reportMessages);
  const { id = '', month } = useParams();
  const query = useGraphqlQuery(REPORT_FORM_CONTEXT, { id });
  const name = query.status === 'ready' ? query.data.contract.name : '…';
  return (
    <Page title={format(t.formTitle, { name })}>
      <ContractNav area="vendor" contractId={id} />
      {month ? (
        <p>
          <Link to={`/vendor/contracts/${id}/reports`}>{t.months}</Link>
        </p>
      ) : null}
      <QueryView query={query}>
        {({ contract, monthlyReports: apiReports, staffRoster }) => {
          const monthlyReports = apiReports.map(monthlyReport);
          return month ? (
            <MonthReportForm
              key={month}
              contractId={contract.id}
              month={month}
              config={contractConfigView(contract.configuration)}
              report={monthlyReports.find((r) => r.month === month) ?? null}
              previous={[...monthlyReports].reverse().find((r) => r.month < month) ?? null}
              roster={staffRoster.members}
            />
          ) : (
            <ReportMonthList
              contractId={contract.id}
              months={monthsOfTerm(contract.termStart, contract.termEnd)}
              reports={monthlyReports}
            />
          );
        }}
      </QueryView>
    </Page>
  );
}
