import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { GqlProblem, GraphqlRequestError } from '../../api/graphql-client';
import { useGraphqlMutation, useGraphqlQuery } from '../../api/use-graphql';
import { FormField } from '../../components/form-field';
import { Page } from '../../components/page';
import { ErrorState, problemsOf, QueryView, useErrorReason, useProblemText } from '../../components/query-state';
import { format, useLocale, useMessages } from '../../i18n/i18n';
// The one dictionary of engine strings (dependency-free, imported by relative path like shared/explanation-text.ts).
// eslint-disable-next-line @nx/enforce-module-boundaries -- the web bundle has no @ledger aliases; the module is dependency-free
import { describeCalendarVersion } from '../../../../../libs/contracts/src/explain/explanation-texts';
import { ContractNav } from '../../components/contract-nav';
import { eventKindKey, reportMessages, reportStatusKey, SERVICE_EVENT_KINDS } from './report-messages';
import {
  type ContractConfigView,
  contractConfigView,
  type Delivery,
  type MonthlyReport,
  monthlyReport,
  monthsOfTerm,
  REPORT_FORM_CONTEXT,
  type ReportContent,
  type RosterMember,
  SAVE_REPORT,
  type ServiceEvent,
  SUBMIT_REPORT,
} from './report-queries';
import { ReportContentView, ReportFigures } from './report-summary-view';
import { AttendanceGrid, type AttendanceRow, workingDatesOf } from './attendance-grid';
import { workingDaysMessages } from './working-days-messages';
import { WORKING_DAYS } from './working-days-queries';
import '../../components/report-schedule.css';

type DeliveryRow = { obligationId: string; deliveredOn: string; for: string; evidence: string; participants: string };
type EventRow = { id: string; kind: string; from: string; to: string; description: string; obligationId: string };

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
            <MonthReport
              key={month}
              contractId={contract.id}
              month={month}
              config={contractConfigView(contract.configuration)}
              report={monthlyReports.find((r) => r.month === month) ?? null}
              previous={[...monthlyReports].reverse().find((r) => r.month < month) ?? null}
              roster={staffRoster.members}
            />
          ) : (
            <MonthList
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

function MonthList({
  contractId,
  months,
  reports,
}: {
  contractId: string;
  months: string[];
  reports: MonthlyReport[];
}) {
  const t = useMessages(reportMessages);
  const navigate = useNavigate();
  const byMonth = new Map(reports.map((r) => [r.month, r]));
  const [chosen, setChosen] = useState('');
  return (
    <>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (chosen) navigate(`/vendor/contracts/${contractId}/reports/${chosen}`);
        }}
      >
        <FormField label={t.chooseMonth}>
          {(p) => (
            <select {...p} value={chosen} onChange={(e) => setChosen(e.target.value)}>
              <option value="">—</option>
              {months.map((m) => (
                <option key={m} value={m}>
                  {m} · {t[reportStatusKey(byMonth.get(m)?.status)]}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <button type="submit" disabled={!chosen}>
          {t.goToMonth}
        </button>
      </form>
      <div className="table-wrap">
        <table>
          <caption>{t.months}</caption>
          <thead>
            <tr>
              <th scope="col">{t.month}</th>
              <th scope="col">{t.status}</th>
              <th scope="col">{t.actual}</th>
              <th scope="col">{t.absent}</th>
              <th scope="col">{t.obligations}</th>
            </tr>
          </thead>
          <tbody>
            {months.map((m) => {
              const r = byMonth.get(m);
              return (
                <tr key={m} data-month={m}>
                  <th scope="row">
                    <Link to={`/vendor/contracts/${contractId}/reports/${m}`}>{m}</Link>
                  </th>
                  <td data-field="status">{t[reportStatusKey(r?.status)]}</td>
                  <td>{r?.summary?.personMonths.actual ?? '—'}</td>
                  <td>{r?.summary?.personMonths.absent ?? '—'}</td>
                  <td>
                    {r?.summary
                      ? `${t.met} ${r.summary.obligations.met} · ${t.missing} ${r.summary.obligations.missing}`
                      : '—'}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}

const overlaps = (m: RosterMember, month: string) =>
  m.fromDate.slice(0, 7) <= month && (m.toDate === null || m.toDate.slice(0, 7) >= month);

function rowsFrom(report: MonthlyReport | null, roster: RosterMember[], month: string): AttendanceRow[] {
  const rows: AttendanceRow[] = (report?.report.attendance ?? []).map((a) => ({
    personId: a.personId,
    name: a.name ?? '',
    roleId: a.roleId,
    dates: a.dates ?? [],
    daysPresent: a.dates ? '' : (a.daysPresent ?? ''),
  }));
  const known = new Set(rows.map((r) => r.personId));
  for (const m of roster)
    if (overlaps(m, month) && !known.has(m.personId))
      rows.push({ personId: m.personId, name: m.name, roleId: m.roleId, dates: [], daysPresent: '' });
  return rows;
}

const splitList = (s: string) =>
  s
    .split(/[,，;；]/)
    .map((x) => x.trim())
    .filter(Boolean);

/** What the API receives: the schema's shape, empty optional fields left out. */
function toReport(rows: AttendanceRow[], deliveries: DeliveryRow[], events: EventRow[], notes: string): ReportContent {
  return {
    attendance: rows.map((r) => ({
      personId: r.personId,
      ...(r.name ? { name: r.name } : {}),
      roleId: r.roleId,
      // A person with nothing ticked and no count is absent all month: 0 days, not a missing field.
      ...(r.dates.length ? { dates: r.dates } : { daysPresent: r.daysPresent.trim() || '0' }),
    })),
    deliveries: deliveries.map((d): Delivery => ({
      obligationId: d.obligationId,
      deliveredOn: d.deliveredOn,
      ...(d.for.trim() ? { for: d.for.trim() } : {}),
      evidence: splitList(d.evidence),
      ...(d.participants.trim() ? { participants: Number.parseInt(d.participants, 10) } : {}),
    })),
    serviceEvents: events.map((e): ServiceEvent => ({
      id: e.id.trim(),
      kind: e.kind,
      from: e.from,
      ...(e.to ? { to: e.to } : {}),
      description: e.description,
      ...(e.obligationId ? { obligationId: e.obligationId } : {}),
      evidence: [],
    })),
    ...(notes.trim() ? { notes: notes.trim() } : {}),
  };
}

/** Problems of a BAD_USER_INPUT answer, by path without the `input.report.` prefix (`attendance[0].roleId`). */
function reportProblemsOf(error: GraphqlRequestError | null): GqlProblem[] {
  return problemsOf(error).map((p) => ({ ...p, path: p.path.replace(/^input\.report\.|^report\./, '') }));
}

function MonthReport({
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
  const w = useMessages(workingDaysMessages);
  const { locale } = useLocale();
  const calendarQuery = useGraphqlQuery(WORKING_DAYS, { id: contractId, month });
  const calendar =
    calendarQuery.status === 'ready' ? new Map(calendarQuery.data.workingDays.days.map((d) => [d.date, d])) : null;
  const [report, setReport] = useState(initial);
  const [rows, setRows] = useState(() => rowsFrom(initial, roster, month));
  const [deliveries, setDeliveries] = useState<DeliveryRow[]>(() =>
    (initial?.report.deliveries ?? []).map((d) => ({
      obligationId: d.obligationId,
      deliveredOn: d.deliveredOn,
      for: d.for ?? '',
      evidence: d.evidence.join(', '),
      participants: d.participants === undefined ? '' : String(d.participants),
    })),
  );
  const [events, setEvents] = useState<EventRow[]>(() =>
    (initial?.report.serviceEvents ?? []).map((e) => ({
      id: e.id,
      kind: e.kind,
      from: e.from,
      to: e.to ?? '',
      description: e.description,
      obligationId: e.obligationId ?? '',
    })),
  );
  const [notes, setNotes] = useState(initial?.report.notes ?? '');
  const [newPerson, setNewPerson] = useState({ personId: '', name: '', roleId: '' });
  const [notice, setNotice] = useState('');
  const [save, saveState] = useGraphqlMutation(SAVE_REPORT);
  const [submit, submitState] = useGraphqlMutation(SUBMIT_REPORT);
  const roles = config.staffing?.roles ?? [];
  const obligations = config.obligations ?? [];
  const roleName = (id: string) => roles.find((r) => r.id === id)?.name ?? id;
  const error = submitState.error ?? saveState.error;
  const problems = reportProblemsOf(error);
  const problemText = useProblemText();
  const errorReason = useErrorReason();
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
      (await save({ input: { contractId, month, report: toReport(rows, deliveries, events, notes) } }))
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

      <h3>{t.attendance}</h3>
      {rows.length === 0 ? (
        <p>
          {t.rosterEmpty}{' '}
          {previous ? (
            <button
              type="button"
              onClick={() =>
                setRows(
                  previous.report.attendance.map((a) => ({
                    personId: a.personId,
                    name: a.name ?? '',
                    roleId: a.roleId,
                    dates: [],
                    daysPresent: '',
                  })),
                )
              }
            >
              {format(t.copyPrevious, { month: previous.month })}
            </button>
          ) : null}
        </p>
      ) : (
        <>
          {calendarQuery.status === 'ready' ? (
            <p className="muted" data-field="calendar-note">
              {format(w.calendarNote, {
                count: calendarQuery.data.workingDays.workingDayCount,
                version: describeCalendarVersion(calendarQuery.data.workingDays.calendarVersion, locale),
              })}
            </p>
          ) : calendarQuery.status === 'error' ? (
            <p className="muted" role="status">
              {format(w.calendarUnavailable, { message: calendarQuery.error.errors.map(errorReason).join('；') })}
            </p>
          ) : null}
          <button
            type="button"
            onClick={() =>
              setRows(rows.map((r) => ({ ...r, dates: workingDatesOf(month, calendar), daysPresent: '' })))
            }
          >
            {w.fillAllWorkingDays}
          </button>
          <AttendanceGrid
            month={month}
            calendar={calendar}
            rows={rows}
            roleName={roleName}
            shares={shares}
            problemsOf={(i) => at(`attendance[${i}]`)}
            onChange={(i, row) => setRows(rows.map((r, j) => (j === i ? row : r)))}
            onRemove={(i) => setRows(rows.filter((_, j) => j !== i))}
          />
        </>
      )}
      {at('attendance').length && !rows.length ? <p className="field-error">{at('attendance').join('；')}</p> : null}
      <fieldset className="inline-form">
        <legend>{t.addPerson}</legend>
        <FormField label={t.personId}>
          {(p) => (
            <input
              {...p}
              value={newPerson.personId}
              onChange={(e) => setNewPerson({ ...newPerson, personId: e.target.value })}
            />
          )}
        </FormField>
        <FormField label={t.name}>
          {(p) => (
            <input
              {...p}
              value={newPerson.name}
              onChange={(e) => setNewPerson({ ...newPerson, name: e.target.value })}
            />
          )}
        </FormField>
        <FormField label={t.role}>
          {(p) => (
            <select
              {...p}
              value={newPerson.roleId}
              onChange={(e) => setNewPerson({ ...newPerson, roleId: e.target.value })}
            >
              <option value="">—</option>
              {roles.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name ?? r.id} ({r.countsForAttendance === false ? t.notCounted : t.counted})
                </option>
              ))}
            </select>
          )}
        </FormField>
        <button
          type="button"
          disabled={
            !newPerson.personId.trim() ||
            !newPerson.roleId ||
            rows.some((r) => r.personId === newPerson.personId.trim())
          }
          onClick={() => {
            setRows([
              ...rows,
              {
                personId: newPerson.personId.trim(),
                name: newPerson.name.trim(),
                roleId: newPerson.roleId,
                dates: [],
                daysPresent: '',
              },
            ]);
            setNewPerson({ personId: '', name: '', roleId: '' });
          }}
        >
          {t.addPerson}
        </button>
      </fieldset>

      <h3>{t.deliveries}</h3>
      {obligations.length ? (
        <ul className="muted">
          {obligations.map((o) => (
            <li key={o.id}>
              {o.label ?? o.id}
              {o.evidence ? ` — ${format(t.evidenceNeeded, { evidence: o.evidence })}` : ''}
            </li>
          ))}
        </ul>
      ) : null}
      {deliveries.length === 0 ? <p className="muted">{t.noDeliveries}</p> : null}
      {deliveries.map((d, i) => {
        const set = (patch: Partial<DeliveryRow>) =>
          setDeliveries(deliveries.map((x, j) => (j === i ? { ...x, ...patch } : x)));
        const path = `deliveries[${i}]`;
        return (
          <fieldset key={i} className="inline-form" data-delivery={i}>
            <legend>
              {t.deliveries} {i + 1}
            </legend>
            <FormField label={t.obligation} error={fieldError(`${path}.obligationId`)}>
              {(p) => (
                <select {...p} value={d.obligationId} onChange={(e) => set({ obligationId: e.target.value })}>
                  <option value="">—</option>
                  {obligations.map((o) => (
                    <option key={o.id} value={o.id}>
                      {o.label ?? o.id}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
            <FormField label={t.deliveredOn} error={fieldError(`${path}.deliveredOn`)}>
              {(p) => (
                <input
                  {...p}
                  type="date"
                  value={d.deliveredOn}
                  onChange={(e) => set({ deliveredOn: e.target.value })}
                />
              )}
            </FormField>
            <FormField label={t.occurrence} hint={t.occurrenceHint} error={fieldError(`${path}.for`)}>
              {(p) => <input {...p} value={d.for} onChange={(e) => set({ for: e.target.value })} />}
            </FormField>
            <FormField label={t.evidence} hint={t.evidenceHint} error={fieldError(`${path}.evidence`)}>
              {(p) => <input {...p} value={d.evidence} onChange={(e) => set({ evidence: e.target.value })} />}
            </FormField>
            <FormField label={t.participants} error={fieldError(`${path}.participants`)}>
              {(p) => (
                <input
                  {...p}
                  type="number"
                  min={0}
                  step={1}
                  value={d.participants}
                  onChange={(e) => set({ participants: e.target.value })}
                />
              )}
            </FormField>
            <button
              type="button"
              className="secondary"
              onClick={() => setDeliveries(deliveries.filter((_, j) => j !== i))}
            >
              {format(t.removeDelivery, { n: i + 1 })}
            </button>
          </fieldset>
        );
      })}
      <button
        type="button"
        className="secondary"
        onClick={() =>
          setDeliveries([
            ...deliveries,
            { obligationId: obligations[0]?.id ?? '', deliveredOn: '', for: '', evidence: '', participants: '' },
          ])
        }
      >
        {t.addDelivery}
      </button>

      <h3>{t.serviceEvents}</h3>
      {events.length === 0 ? <p className="muted">{t.noEvents}</p> : null}
      {events.map((ev, i) => {
        const set = (patch: Partial<EventRow>) => setEvents(events.map((x, j) => (j === i ? { ...x, ...patch } : x)));
        const path = `serviceEvents[${i}]`;
        return (
          <fieldset key={i} className="inline-form" data-event={i}>
            <legend>
              {t.serviceEvents} {i + 1}
            </legend>
            <FormField label={t.eventId} error={fieldError(`${path}.id`)}>
              {(p) => <input {...p} value={ev.id} onChange={(e) => set({ id: e.target.value })} />}
            </FormField>
            <FormField label={t.eventKind} error={fieldError(`${path}.kind`)}>
              {(p) => (
                <select {...p} value={ev.kind} onChange={(e) => set({ kind: e.target.value })}>
                  {SERVICE_EVENT_KINDS.map((k) => (
                    <option key={k} value={k}>
                      {t[eventKindKey(k)]}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
            <FormField label={t.from} error={fieldError(`${path}.from`)}>
              {(p) => <input {...p} type="date" value={ev.from} onChange={(e) => set({ from: e.target.value })} />}
            </FormField>
            <FormField label={t.to} error={fieldError(`${path}.to`)}>
              {(p) => <input {...p} type="date" value={ev.to} onChange={(e) => set({ to: e.target.value })} />}
            </FormField>
            <FormField label={t.description} error={fieldError(`${path}.description`)}>
              {(p) => <input {...p} value={ev.description} onChange={(e) => set({ description: e.target.value })} />}
            </FormField>
            <FormField label={t.obligation} error={fieldError(`${path}.obligationId`)}>
              {(p) => (
                <select {...p} value={ev.obligationId} onChange={(e) => set({ obligationId: e.target.value })}>
                  <option value="">{t.none}</option>
                  {obligations.map((o) => (
                    <option key={o.id} value={o.id}>
                      {o.label ?? o.id}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
            <button type="button" className="secondary" onClick={() => setEvents(events.filter((_, j) => j !== i))}>
              {format(t.removeEvent, { n: i + 1 })}
            </button>
          </fieldset>
        );
      })}
      <button
        type="button"
        className="secondary"
        onClick={() =>
          setEvents([
            ...events,
            {
              id: `event-${events.length + 1}`,
              kind: 'other',
              from: `${month}-01`,
              to: '',
              description: '',
              obligationId: '',
            },
          ])
        }
      >
        {t.addEvent}
      </button>

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
