import { useState } from 'react';
import { useGraphqlMutation } from '../../api/use-graphql';
import { FormField } from '../../components/form-field';
import { ErrorState, useProblemText } from '../../components/query-state';
import { format, useMessages } from '../../i18n/i18n';
import { ReportAttendanceSection } from './report-attendance-section';
import { ReportDeliveriesSection } from './report-deliveries-section';
import { ReportEventsSection } from './report-events-section';
import { ReportDutySection } from './report-duty-section';
import { deliveryRowsOf, dutyRowsOf, eventRowsOf, reportProblemsOf, rowsFrom, toReport } from './report-form-model';
import { reportMessages, reportStatusKey } from './report-messages';
import {
  type ContractConfigView,
  type MonthlyReport,
  monthlyReport,
  type RosterMember,
  SAVE_REPORT,
  SUBMIT_REPORT,
} from './report-queries';
import { ReportContentView, ReportFigures } from './report-summary-view';

/** One month's report: the form while it is a draft or returned, read-only once submitted or accepted. */
export function MonthReportForm({
  contractId,
  month,
  config,
  report: initial,
  previous,
  roster,
}: {
  contractId: string;
  month: string;
  config: ContractConfigView;
  report: MonthlyReport | null;
  previous: MonthlyReport | null;
  roster: RosterMember[];
}) {
  const t = useMessages(reportMessages);
  const [report, setReport] = useState(initial);
  const [rows, setRows] = useState(() => rowsFrom(initial, roster, month));
  const [deliveries, setDeliveries] = useState(() => deliveryRowsOf(initial));
  const [events, setEvents] = useState(() => eventRowsOf(initial));
  const [notes, setNotes] = useState(initial?.report.notes ?? '');
  const [duty, setDuty] = useState(() => dutyRowsOf(initial));
  const [notice, setNotice] = useState('');
  const [save, saveState] = useGraphqlMutation(SAVE_REPORT);
  const [submit, submitState] = useGraphqlMutation(SUBMIT_REPORT);
  const roles = config.staffing?.roles ?? [];
  const obligations = config.obligations ?? [];
  const error = submitState.error ?? saveState.error;
  const problems = reportProblemsOf(error);
  const problemText = useProblemText();
  const at = (path: string) =>
    problems
      .filter((p) => p.path === path || p.path.startsWith(`${path}.`) || p.path.startsWith(`${path}[`))
      .map(problemText);
  const fieldError = (path: string) => at(path).join('；') || null;
  const locked = report?.status === 'accepted' || report?.status === 'submitted';
  const shares = new Map((report?.summary?.details.personMonths?.people ?? []).map((p) => [p.personId, p]));
  const running = saveState.running || submitState.running;

  const doSave = async () => {
    setNotice('');
    const saved = monthlyReport(
      (await save({ input: { contractId, month, report: toReport(rows, deliveries, events, notes, duty) } }))
        .saveMonthlyReport,
    );
    setReport(saved);
    return saved;
  };
  const onSave = async () => {
    try {
      await doSave();
      setNotice(t.saved);
    } catch {
      // shown from the mutation's state, at each problem's path
    }
  };
  const onSubmit = async () => {
    try {
      const saved = await doSave();
      const done = monthlyReport((await submit({ reportId: saved.id })).submitMonthlyReport);
      setReport(done);
      // The page's query is not reloaded: that would unmount this form and its notice; the month list reloads on its own.
      setNotice(t.submitted);
    } catch {
      // shown from the mutation's state
    }
  };

  if (locked && report) {
    return (
      <>
        <h2>
          {month} · <span data-field="report-status">{t[reportStatusKey(report.status)]}</span>
        </h2>
        {notice ? <p role="status">{notice}</p> : null}
        <p>{report.status === 'accepted' ? t.lockedAccepted : t.waitingReview}</p>
        <ReportFigures report={report} />
        <ReportContentView report={report} config={config} />
      </>
    );
  }

  return (
    <form
      className="report-form"
      onSubmit={(e) => {
        e.preventDefault();
        void onSave();
      }}
    >
      <h2>
        {month} · <span data-field="report-status">{t[reportStatusKey(report?.status)]}</span>
      </h2>
      {report?.status === 'returned' && report.buyerComment ? (
        <p className="error-state" role="status">
          {format(t.returnedComment, { comment: report.buyerComment })}
        </p>
      ) : null}
      {error ? <ErrorState error={error} /> : null}
      {notice ? (
        <p role="status" className="notice">
          {notice}
        </p>
      ) : null}

      <ReportAttendanceSection
        contractId={contractId}
        month={month}
        rows={rows}
        onRowsChange={setRows}
        previous={previous}
        roles={roles}
        shares={shares}
        problemsAt={at}
      />
      <ReportDeliveriesSection
        deliveries={deliveries}
        onChange={setDeliveries}
        obligations={obligations}
        fieldError={fieldError}
      />
      <ReportEventsSection
        month={month}
        events={events}
        onChange={setEvents}
        obligations={obligations}
        fieldError={fieldError}
      />
      {config.staffing?.holidayDuty ? (
        <ReportDutySection
          contractId={contractId}
          month={month}
          minOnDuty={config.staffing.holidayDuty.minOnDuty}
          duty={duty}
          onChange={setDuty}
          problems={at('holidayDuty')}
        />
      ) : null}
      <FormField label={t.notes} error={fieldError('notes')}>
        {(p) => <textarea {...p} rows={2} value={notes} onChange={(e) => setNotes(e.target.value)} />}
      </FormField>
      {at('month').length ? <p className="field-error">{at('month').join('；')}</p> : null}

      <div className="form-actions">
        <button type="submit" disabled={running}>
          {saveState.running ? t.saving : t.save}
        </button>
        <button type="button" disabled={running} onClick={() => void onSubmit()}>
          {t.submit}
        </button>
      </div>
      {report ? <ReportFigures report={report} /> : <p className="muted">{t.notComputed}</p>}
    </form>
  );
}
