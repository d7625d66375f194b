import { DataTable } from '../../components/data-table';
import { StatTile } from '../../components/stat-tile';
import { format, useLocale, useMessages } from '../../i18n/i18n';
import { formatDate, formatDateTime, formatDecimal2, formatPeriod } from '../../i18n/local-format';
import { eventKindKey, reportMessages } from './report-messages';
import type { ContractConfigView, MonthlyReport } from './report-queries';

/** The figures the API computes for a report: person-months and the obligation checklist with explanations. */
export function ReportFigures({ report }: { report: MonthlyReport }) {
  const t = useMessages(reportMessages);
  const { locale } = useLocale();
  if (report.summaryError) return <p role="status">{format(t.summaryError, { error: report.summaryError })}</p>;
  const s = report.summary;
  if (!s) return <p className="muted">{t.notComputed}</p>;
  const items = s.details.obligations?.items ?? [];
  const duty = s.details.holidayDuty;
  return (
    <section aria-labelledby={`figures-${report.id}`} data-testid="report-figures">
      <h2 id={`figures-${report.id}`}>
        {format(t.computedAsOf, { asOf: /T/.test(s.asOf) ? formatDateTime(s.asOf) : formatDate(s.asOf, locale) })}
      </h2>
      <dl className="tiles">
        <StatTile label={t.planned}>
          <span data-field="planned">{formatDecimal2(s.personMonths.planned)}</span>
        </StatTile>
        <StatTile label={t.actual}>
          <span data-field="actual">{formatDecimal2(s.personMonths.actual)}</span>
        </StatTile>
        <StatTile label={t.absent} tone={s.personMonths.absent === '0.00' ? 'ok' : 'alert'}>
          <span data-field="absent">{formatDecimal2(s.personMonths.absent)}</span>
        </StatTile>
        <StatTile label={t.obligations} tone={s.obligations.missing ? 'alert' : undefined}>
          <span data-field="obligations">
            {t.met} {s.obligations.met} · {t.late} {s.obligations.late} · {t.missing} {s.obligations.missing} ·{' '}
            {t.pending} {s.obligations.pending}
          </span>
        </StatTile>
        {duty ? (
          <StatTile label={t.dutyTile} tone={duty.short.length ? 'alert' : 'ok'}>
            <span data-field="holiday-duty">
              {format(t.dutyTileValue, { short: duty.short.length, days: duty.days.length })}
            </span>
          </StatTile>
        ) : null}
      </dl>
      {duty?.short.length ? (
        <p className="alert" data-field="holiday-duty-short">
          {format(t.dutyShortList, { dates: duty.short.map((d) => formatDate(d, locale)).join('、') })}
        </p>
      ) : null}
      {/* The basis from the figures themselves, in the reader's language (the engine's sentence is English). */}
      {s.details.personMonths ? (
        <p className="muted" data-field="person-months-basis">
          {format(t.personMonthsBasis, {
            workingDays: s.details.personMonths.workingDays,
            actual: formatDecimal2(s.personMonths.actual),
            planned: formatDecimal2(s.personMonths.planned),
            absent: formatDecimal2(s.personMonths.absent),
          })}
        </p>
      ) : null}
      {s.personMonths.provisional ? (
        <p className="muted" data-field="person-months-provisional">
          {t.personMonthsProvisional}
        </p>
      ) : null}
      {items.length ? (
        <DataTable
          columns={[t.obligation, t.occurrenceCol, t.window, t.dueDate, t.result, t.explanation]}
          caption={t.checklist}
        >
          {items.map((i) => (
            <tr key={`${i.obligationId}-${i.occurrence}`} data-obligation={i.obligationId}>
              <th scope="row">{i.label}</th>
              <td>{i.occurrence === 'term' ? t.termOccurrence : formatPeriod(i.occurrence, locale)}</td>
              <td>
                {formatDate(i.window.from, locale)} – {formatDate(i.window.to, locale)}
              </td>
              <td>{formatDate(i.dueDate, locale)}</td>
              <td className={i.status === 'missing' ? 'alert' : undefined}>{t[i.status]}</td>
              <td>{format(t.checklistBasis, { required: i.required, onTime: i.onTime, late: i.late })}</td>
            </tr>
          ))}
        </DataTable>
      ) : null}
    </section>
  );
}

/** A report's content, read-only: attendance per person (with the computed share), deliveries, service events. */
export function ReportContentView({ report, config }: { report: MonthlyReport; config: ContractConfigView }) {
  const t = useMessages(reportMessages);
  const roles = new Map((config.staffing?.roles ?? []).map((r) => [r.id, r.name ?? r.id]));
  const obligations = new Map((config.obligations ?? []).map((o) => [o.id, o.label ?? o.id]));
  const shares = new Map((report.summary?.details.personMonths?.people ?? []).map((p) => [p.personId, p]));
  const c = report.report;
  return (
    <>
      <DataTable columns={[t.person, t.role, t.daysPresent, t.personMonths]} caption={t.attendance}>
        {c.attendance.map((a) => {
          const share = shares.get(a.personId);
          return (
            <tr key={a.personId} data-person={a.personId}>
              <th scope="row">
                {a.name ? `${a.name} ` : ''}
                <span className="muted">{a.personId}</span>
              </th>
              <td>{roles.get(a.roleId) ?? a.roleId}</td>
              <td>{a.daysPresent ?? (a.dates ? format(t.days, { n: a.dates.length }) : '—')}</td>
              <td>
                {share ? formatDecimal2(share.personMonths) : '—'}
                {share && !share.counted ? <span className="muted"> ({t.notCounted})</span> : null}
              </td>
            </tr>
          );
        })}
      </DataTable>
      <DataTable
        columns={[t.obligation, t.deliveredOn, t.occurrence, t.evidence]}
        caption={t.deliveries}
        empty={t.noDeliveries}
      >
        {c.deliveries.map((d, i) => (
          <tr key={i}>
            <th scope="row">{obligations.get(d.obligationId) ?? d.obligationId}</th>
            <td>{d.deliveredOn}</td>
            <td>{d.for ?? '—'}</td>
            <td>{d.evidence.join('，') || '—'}</td>
          </tr>
        ))}
      </DataTable>
      <DataTable
        columns={[t.eventId, t.eventKind, t.from, t.to, t.description, t.obligation]}
        caption={t.serviceEvents}
        empty={t.noEvents}
      >
        {c.serviceEvents.map((e) => (
          <tr key={e.id}>
            <th scope="row">{e.id}</th>
            <td>{t[eventKindKey(e.kind)] ?? e.kind}</td>
            <td>{e.from}</td>
            <td>{e.to ?? '—'}</td>
            <td>{e.description}</td>
            <td>{e.obligationId ? (obligations.get(e.obligationId) ?? e.obligationId) : '—'}</td>
          </tr>
        ))}
      </DataTable>
      {c.holidayDuty?.length ? (
        <DataTable columns={[t.dutyDay, t.dutyPeople, t.dutyCount]} caption={t.holidayDuty}>
          {c.holidayDuty.map((d) => (
            <tr key={d.date} data-duty={d.date}>
              <th scope="row">{d.date}</th>
              <td>{d.people.join('，')}</td>
              <td>{d.people.length}</td>
            </tr>
          ))}
        </DataTable>
      ) : null}
      {c.notes ? (
        <p>
          <strong>{t.notes}：</strong>
          {c.notes}
        </p>
      ) : null}
    </>
  );
}
