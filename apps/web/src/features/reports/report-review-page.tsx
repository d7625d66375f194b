import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useGraphqlMutation, useGraphqlQuery } from '../../api/use-graphql';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { DataTable } from '../../components/data-table';
import { FormField } from '../../components/form-field';
import { Page } from '../../components/page';
import { ErrorState, problemsOf, QueryView, useProblemText } from '../../components/query-state';
import { format, useMessages } from '../../i18n/i18n';
import { formatDateTime } from '../../i18n/local-format';
import { ContractNav } from '../../components/contract-nav';
import { reportMessages, reportStatusKey } from './report-messages';
import {
  ACCEPT_REPORT,
  type ContractConfigView,
  contractConfigView,
  type MonthlyReport,
  monthlyReport,
  REPORTS_OF_CONTRACT,
  RETURN_REPORT,
} from './report-queries';
import { ReportContentView, ReportFigures } from './report-summary-view';
import '../../components/report-schedule.css';

/** `/buyer/contracts/:id/reports[?month=YYYY-MM]`: the months and their status; a report read-only; accept or return. */
export function ReportReviewPage() {
  const t = useMessages(reportMessages);
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const month = params.get('month');
  const query = useGraphqlQuery(REPORTS_OF_CONTRACT, { id });
  const name = query.status === 'ready' ? query.data.contract.name : '…';
  return (
    <Page title={format(t.reviewTitle, { name })}>
      <ContractNav area="buyer" contractId={id} />
      <QueryView query={query}>
        {(data) => {
          const { contract } = data;
          const monthlyReports = data.monthlyReports.map(monthlyReport);
          const selected = month ? monthlyReports.find((r) => r.month === month) : undefined;
          return (
            <>
              {monthlyReports.length ? (
                <DataTable
                  columns={[t.month, t.status, t.actual, t.absent, t.obligations, t.submittedAt]}
                  caption={t.months}
                >
                  {monthlyReports.map((r) => (
                    <tr key={r.id} data-month={r.month} aria-current={r.month === month ? 'true' : undefined}>
                      <th scope="row">
                        <Link
                          to={`?month=${r.month}`}
                          aria-label={`${r.month} ${r.status === 'submitted' ? t.review : t.view}`}
                        >
                          {r.month}
                        </Link>
                      </th>
                      <td data-field="status">{t[reportStatusKey(r.status)]}</td>
                      <td>{r.summary?.personMonths.actual ?? '—'}</td>
                      <td>{r.summary?.personMonths.absent ?? '—'}</td>
                      <td>
                        {r.summary
                          ? `${t.met} ${r.summary.obligations.met} · ${t.missing} ${r.summary.obligations.missing} · ${t.pending} ${r.summary.obligations.pending}`
                          : '—'}
                      </td>
                      <td>{formatDateTime(r.submittedAt)}</td>
                    </tr>
                  ))}
                </DataTable>
              ) : (
                <p>{t.noReports}</p>
              )}
              {month && !selected ? <p>{t.noReportForMonth}</p> : null}
              {!month && monthlyReports.length ? <p className="muted">{t.selectReport}</p> : null}
              {selected ? (
                <ReportReview
                  key={selected.id + selected.status}
                  report={selected}
                  config={contractConfigView(contract.configuration)}
                  onDecided={query.reload}
                />
              ) : null}
            </>
          );
        }}
      </QueryView>
    </Page>
  );
}

function ReportReview({
  report,
  config,
  onDecided,
}: {
  report: MonthlyReport;
  config: ContractConfigView;
  onDecided(): void;
}) {
  const t = useMessages(reportMessages);
  const [comment, setComment] = useState('');
  const [notice, setNotice] = useState('');
  const [asking, setAsking] = useState(false);
  const [accept, acceptState] = useGraphqlMutation(ACCEPT_REPORT);
  const [giveBack, returnState] = useGraphqlMutation(RETURN_REPORT);
  const error = acceptState.error ?? returnState.error;
  const problemText = useProblemText();
  const commentIssue = problemsOf(returnState.error).find((p) => p.path === 'comment');
  const commentProblem = commentIssue ? problemText(commentIssue) : null;
  const running = acceptState.running || returnState.running;
  const decide = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work();
      setNotice(done);
      onDecided();
    } catch {
      // shown from the mutation's state
    }
  };
  return (
    <section aria-labelledby="report-heading" className="report-review">
      <h2 id="report-heading">
        {report.month} · <span data-field="report-status">{t[reportStatusKey(report.status)]}</span>
      </h2>
      <p className="muted">
        {t.configVersion} v{report.configVersion}
        {report.decidedAt ? ` · ${t.decidedAt} ${formatDateTime(report.decidedAt)}` : ''}
      </p>
      {report.buyerComment ? <p>{format(t.returnedComment, { comment: report.buyerComment })}</p> : null}
      {notice ? <p role="status">{notice}</p> : null}
      <ReportFigures report={report} />
      <ReportContentView report={report} config={config} />
      {report.status === 'submitted' ? (
        <form
          className="decision"
          aria-label={t.decision}
          onSubmit={(e) => {
            e.preventDefault();
            // 通过 locks the report: asked first.
            setAsking(true);
          }}
        >
          <h3>{t.decision}</h3>
          {error && !commentProblem ? <ErrorState error={error} /> : null}
          <FormField label={t.returnComment} hint={t.returnCommentHint} error={commentProblem}>
            {(p) => <textarea {...p} rows={3} value={comment} onChange={(e) => setComment(e.target.value)} />}
          </FormField>
          <div className="form-actions">
            <button type="submit" disabled={running}>
              {t.accept}
            </button>
            <button
              type="button"
              className="secondary"
              disabled={running}
              onClick={() => void decide(() => giveBack({ reportId: report.id, comment }), t.returned)}
            >
              {t.returnReport}
            </button>
          </div>
          <ConfirmDialog
            open={asking}
            testId="accept-report-dialog"
            title={format(t.acceptDialogTitle, { month: report.month })}
            confirmLabel={t.acceptDialogAction}
            busy={running}
            onConfirm={() => {
              setAsking(false);
              void decide(() => accept({ reportId: report.id }), t.accepted);
            }}
            onCancel={() => setAsking(false)}
          >
            <p>{t.acceptDialogLocks}</p>
          </ConfirmDialog>
        </form>
      ) : null}
    </section>
  );
}
