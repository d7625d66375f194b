import { StatTile } from '../../components/stat-tile';
import { format, useMessages } from '../../i18n/i18n';
import { eventKindKey, reportMessages } from './report-messages';
import type { ContractConfigView, MonthlyReport } from './report-queries';

/** The figures the API computes for a report: person-months and the obligation checklist with explanations. */
export function ReportFigures({ report }: { report: MonthlyReport }) {
  const t = useMessages(reportMessages);
  if (report.summaryError) return <p role="status">{format(t.summaryError, { error: report.summaryError })}</p>;
  const s = report.summary;
  if (!s) return <p className="muted">{t.notComputed}</p>;
  const items = s.details.obligations?.items ?? [];
  return (
    <section aria-labelledby={`figures-${report.id}`} data-testid="report-figures">
      <h2 id={`figures-${report.id}`}>{format(t.computedAsOf, { asOf: s.asOf })}</h2>
      <dl className="tiles">
        <StatTile label={t.planned}>
          <span data-field="planned">{s.personMonths.planned}</span>
        </StatTile>
        <StatTile label={t.actual}>
          <span data-field="actual">{s.personMonths.actual}</span>
        </StatTile>
        <StatTile label={t.absent} tone={s.personMonths.absent === '0.00' ? 'ok' : 'alert'}>
          <span data-field="absent">{s.personMonths.absent}</span>
        </StatTile>
        <StatTile label={t.obligations} tone={s.obligations.missing ? 'alert' : undefined}>
          <span data-field="obligations">
            {t.met} {s.obligations.met} · {t.late} {s.obligations.late} · {t.missing} {s.obligations.missing} · {t.pending} {s.obligations.pending}
          </span>
        </StatTile>
      </dl>
      {s.details.personMonths?.explanation ? <p className="muted">{s.details.personMonths.explanation}</p> : null}
      {items.length ? (
        <div className="table-wrap">
          <table>
            <caption>{t.checklist}</caption>
            <thead>
              <tr>
                <th scope="col">{t.obligation}</th>
                <th scope="col">{t.occurrenceCol}</th>
                <th scope="col">{t.window}</th>
                <th scope="col">{t.dueDate}</th>
                <th scope="col">{t.result}</th>
                <th scope="col">{t.explanation}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((i) => (
                <tr key={`${i.obligationId}-${i.occurrence}`} data-obligation={i.obligationId}>
                  <th scope="row">{i.label}</th>
                  <td>{i.occurrence}</td>
                  <td>
                    {i.window.from} – {i.window.to}
                  </td>
                  <td>{i.dueDate ?? '—'}</td>
                  <td className={i.status === 'missing' ? 'alert' : undefined}>{t[i.status]}</td>
                  <td>{i.explanation}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
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
      <div className="table-wrap">
        <table>
          <caption>{t.attendance}</caption>
          <thead>
            <tr>
              <th scope="col">{t.person}</th>
              <th scope="col">{t.role}</th>
              <th scope="col">{t.daysPresent}</th>
              <th scope="col">{t.personMonths}</th>
            </tr>
          </thead>
          <tbody>
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
                    {share ? share.display : '—'}
                    {share && !share.counted ? <span className="muted"> ({t.notCounted})</span> : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="table-wrap">
        <table>
          <caption>{t.deliveries}</caption>
          <thead>
            <tr>
              <th scope="col">{t.obligation}</th>
              <th scope="col">{t.deliveredOn}</th>
              <th scope="col">{t.occurrence}</th>
              <th scope="col">{t.evidence}</th>
            </tr>
          </thead>
          <tbody>
            {c.deliveries.length ? (
              c.deliveries.map((d, i) => (
                <tr key={i}>
                  <th scope="row">{obligations.get(d.obligationId) ?? d.obligationId}</th>
                  <td>{d.deliveredOn}</td>
                  <td>{d.for ?? '—'}</td>
                  <td>{d.evidence.join('，') || '—'}</td>
                </tr>
              ))
            ) : (
              <tr>
                <td colSpan={4}>{t.noDeliveries}</td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <div className="table-wrap">
        <table>
          <caption>{t.serviceEvents}</caption>
          <thead>
            <tr>
              <th scope="col">{t.eventId}</th>
              <th scope="col">{t.eventKind}</th>
              <th scope="col">{t.from}</th>
              <th scope="col">{t.to}</th>
              <th scope="col">{t.description}</th>
              <th scope="col">{t.obligation}</th>
            </tr>
          </thead>
          <tbody>
            {c.serviceEvents.length ? (
              c.serviceEvents.map((e) => (
                <tr key={e.id}>
                  <th scope="row">{e.id}</th>
                  <td>{t[eventKindKey(e.kind)] ?? e.kind}</td>
                  <td>{e.from}</td>
                  <td>{e.to ?? '—'}</td>
                  <td>{e.description}</td>
                  <td>{e.obligationId ? (obligations.get(e.obligationId) ?? e.obligationId) : '—'}</td>
                </tr>
              ))
            ) : (
              <tr>
                <td colSpan={6}>{t.noEvents}</td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      {c.notes ? (
        <p>
          <strong>{t.notes}：</strong>
          {c.notes}
        </p>
      ) : null}
    </>
  );
}
