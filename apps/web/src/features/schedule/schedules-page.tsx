import { useState } from 'react';
import { useGraphqlQuery } from '../../api/use-graphql';
import { FormField } from '../../components/form-field';
import { Page } from '../../components/page';
import { QueryView } from '../../components/query-state';
import { useMessages } from '../../i18n/i18n';
import { ScheduleLinesTable, ScheduleTotals } from './schedule-lines-table';
import { scheduleMessages, scheduleStatusKey } from './schedule-messages';
import { PAYMENT_SCHEDULES, SCHEDULE_STATUSES } from './schedule-queries';
import { ScheduleTimelineChart } from './schedule-timeline-chart';
import { ExportPanel } from './export-panel';
import { MarkPaidForm } from './mark-paid-form';
import { RecordInvoiceForm, waitsForInvoice } from './record-invoice-form';
import '../../components/report-schedule.css';

/** `/finance/schedules`: every contract's stored schedule, filtered by due month and status; mark paid; export. */
export function SchedulesPage() {
  const t = useMessages(scheduleMessages);
  const [dueMonth, setDueMonth] = useState('');
  const [status, setStatus] = useState('');
  const [paying, setPaying] = useState<string | null>(null);
  const [invoicing, setInvoicing] = useState<string | null>(null);
  const [notice, setNotice] = useState('');
  const query = useGraphqlQuery(PAYMENT_SCHEDULES, {
    filter: { ...(dueMonth ? { dueMonth } : {}), ...(status ? { status } : {}) },
  });
  // The export lists every contract with a schedule, whatever the filter shows.
  const all = useGraphqlQuery(PAYMENT_SCHEDULES, { filter: {} });
  const contracts =
    all.status === 'ready'
      ? all.data.paymentSchedules.map((s) => ({ id: s.contractId, code: s.contractCode, name: s.contractName }))
      : [];
  return (
    <Page title={t.financeTitle}>
      <form className="inline-form filters" aria-label={t.filters} onSubmit={(e) => e.preventDefault()}>
        <FormField label={t.dueMonth} hint={t.dueMonthHint}>
          {(p) => <input {...p} type="month" value={dueMonth} onChange={(e) => setDueMonth(e.target.value)} />}
        </FormField>
        <FormField label={t.status}>
          {(p) => (
            <select {...p} value={status} onChange={(e) => setStatus(e.target.value)}>
              <option value="">{t.allStatuses}</option>
              {SCHEDULE_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t[scheduleStatusKey(s) ?? 'statusscheduled']}
                </option>
              ))}
            </select>
          )}
        </FormField>
      </form>
      {notice ? (
        <p role="status" className="notice">
          {notice}
        </p>
      ) : null}
      <QueryView query={query}>
        {({ paymentSchedules }) => {
          const shown = paymentSchedules.filter((s) => s.schedule.lines.length);
          if (!shown.length) return <p>{t.noSchedules}</p>;
          return (
            <>
              <ScheduleLinesTable
                schedules={shown}
                showContract
                action={(s, line) =>
                  line.status === 'withheld' || line.status === 'forfeited' || line.status === 'paid' ? null : (
                    <>
                      {waitsForInvoice(line) ? (
                        <button
                          type="button"
                          aria-label={`${t.recordInvoice}：${s.contractCode} ${line.label}`}
                          onClick={() => setInvoicing(`${s.contractId}:${line.id}`)}
                        >
                          {t.recordInvoice}
                        </button>
                      ) : null}
                      <button
                        type="button"
                        aria-label={`${t.markPaid}：${s.contractCode} ${line.label}`}
                        onClick={() => setPaying(`${s.contractId}:${line.id}`)}
                      >
                        {t.markPaid}
                      </button>
                    </>
                  )
                }
                below={(s, line) =>
                  invoicing === `${s.contractId}:${line.id}` ? (
                    <RecordInvoiceForm
                      contractId={s.contractId}
                      computedAt={s.computedAt}
                      line={line}
                      today={s.asOf}
                      onCancel={() => setInvoicing(null)}
                      onDone={(message) => {
                        setInvoicing(null);
                        setNotice(message);
                        query.reload();
                      }}
                    />
                  ) : paying === `${s.contractId}:${line.id}` ? (
                    <MarkPaidForm
                      contractId={s.contractId}
                      computedAt={s.computedAt}
                      line={line}
                      onCancel={() => setPaying(null)}
                      onDone={(message) => {
                        setPaying(null);
                        setNotice(message);
                        query.reload();
                      }}
                    />
                  ) : null
                }
              />
              {shown.map((s) => (
                <ScheduleTotals key={s.contractId} schedule={s} />
              ))}
              <ScheduleTimelineChart schedules={shown} />
            </>
          );
        }}
      </QueryView>
      <ExportPanel contracts={contracts} />
    </Page>
  );
}
