import { Fragment, type ReactNode, useState } from 'react';
import { DataTable } from '../../components/data-table';
import { Money } from '../../components/money';
import { format, useLocale, useMessages } from '../../i18n/i18n';
import { formatDate } from '../../i18n/local-format';
import {
  basisInWords,
  deductionKindInWords,
  explanationText,
  versionsInWords,
} from '../../components/explanation-text';
import { scheduleMessages, scheduleStatusKey } from './schedule-messages';
import type { ScheduleLine, StoredSchedule } from './schedule-queries';

/**
 * The lines of one or more stored schedules: gross, deductions (a button expands each deduction with its rule,
 * basis and formula), net, paid, status with its reasons. `action` adds a control per line (finance's mark paid)
 * and `below` a row under it (the mark-paid form).
 */
export function ScheduleLinesTable({
  schedules,
  showContract = false,
  action,
  below,
}: {
  schedules: StoredSchedule[];
  showContract?: boolean;
  action?: (s: StoredSchedule, line: ScheduleLine) => ReactNode;
  below?: (s: StoredSchedule, line: ScheduleLine) => ReactNode;
}) {
  const t = useMessages(scheduleMessages);
  const { locale } = useLocale();
  const [open, setOpen] = useState<Set<string>>(new Set());
  const headers = [
    ...(showContract ? [t.contract] : []),
    t.line,
    t.dueDate,
    t.gross,
    t.deductions,
    t.net,
    t.paid,
    t.status,
    t.reasons,
    ...(action ? [t.actions] : []),
  ];
  const columns = headers.length;
  const toggle = (key: string) => {
    const next = new Set(open);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    setOpen(next);
  };
  return (
    <DataTable
      columns={headers}
      caption={format(t.lineCount, { n: schedules.reduce((n, s) => n + s.schedule.lines.length, 0) })}
      className="schedule-lines"
    >
      {schedules.flatMap((s) =>
        s.schedule.lines.map((line) => {
          const key = `${s.contractId}:${line.id}`;
          const expanded = open.has(key);
          const detailsId = `deductions-${s.contractId}-${line.id}`.replace(/[^\w-]/g, '_');
          const statusKey = scheduleStatusKey(line.status);
          const extra = below?.(s, line);
          return (
            <Fragment key={key}>
              <tr data-line={line.id} data-contract-code={s.contractCode} data-status={line.status}>
                {showContract ? (
                  <td>
                    {s.contractName}
                    <div className="muted">{s.contractCode}</div>
                  </td>
                ) : null}
                <th scope="row">{line.label}</th>
                <td data-field="due-date">{line.dueDate ?? t.dueOpen}</td>
                <td data-field="gross">
                  <Money value={line.gross} />
                </td>
                <td data-field="deductions">
                  <Money value={line.deductionTotal} />
                  {line.deductions.length ? (
                    <>
                      {' '}
                      <button
                        type="button"
                        className="link-button"
                        aria-expanded={expanded}
                        aria-controls={detailsId}
                        aria-label={format(expanded ? t.hideDeductions : t.showDeductions, { label: line.label })}
                        onClick={() => toggle(key)}
                      >
                        {expanded ? t.hide : t.details}
                      </button>
                    </>
                  ) : null}
                </td>
                <td data-field="net">
                  <Money value={line.net} />
                </td>
                <td data-field="paid">
                  <Money value={line.paid} />
                </td>
                <td
                  data-field="status"
                  className={line.status === 'withheld' || line.status === 'forfeited' ? 'alert' : undefined}
                >
                  {statusKey ? t[statusKey] : line.status}
                </td>
                <td data-field="reasons">
                  {line.reasons.length ? (
                    <ul className="reasons">
                      {line.reasonExplanations.map((r, i) => (
                        <li key={i}>{explanationText(r, locale)}</li>
                      ))}
                    </ul>
                  ) : (
                    '—'
                  )}
                </td>
                {action ? <td>{action(s, line)}</td> : null}
              </tr>
              {expanded ? (
                <tr id={detailsId} className="deduction-details">
                  <td colSpan={columns}>
                    <table>
                      <caption>
                        {t.deductions}: {line.label}
                      </caption>
                      <thead>
                        <tr>
                          <th scope="col">{t.rule}</th>
                          <th scope="col">{t.basis}</th>
                          <th scope="col">{t.formula}</th>
                          <th scope="col">{t.amount}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {line.deductions.map((d, i) => (
                          <tr key={`${d.ruleId}-${i}`} data-rule={d.ruleId}>
                            <th scope="row">{d.label || deductionKindInWords(d.kind, locale)}</th>
                            <td>{basisInWords(d.basis, locale)}</td>
                            <td data-field="formula">{explanationText(d.formulaExplanation, locale)}</td>
                            <td>
                              <Money value={d.amount} />
                            </td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </td>
                </tr>
              ) : null}
              {extra ? (
                <tr className="line-form">
                  <td colSpan={columns}>{extra}</td>
                </tr>
              ) : null}
            </Fragment>
          );
        }),
      )}
    </DataTable>
  );
}

/** A schedule's totals (as the API stored them) and the vendor's balance. */
export function ScheduleTotals({ schedule }: { schedule: StoredSchedule }) {
  const t = useMessages(scheduleMessages);
  const { locale } = useLocale();
  const s = schedule.schedule;
  return (
    <p className="schedule-totals" data-contract-code={schedule.contractCode}>
      <strong>
        {schedule.contractCode} {t.totals}
      </strong>
      ：{t.gross} <Money value={s.totals.gross} /> · {t.deductions} <Money value={s.totals.deductions} /> · {t.net}{' '}
      <Money value={s.totals.net} /> · {t.paid} <Money value={s.totals.paid} /> · {t.vendorBalanceOwed}{' '}
      <Money value={s.vendorBalanceOwed} />
      <br />
      <span className="muted">
        {format(t.asOf, {
          asOf: formatDate(schedule.asOf, locale),
          versions: versionsInWords(schedule.calendarVersion, schedule.configVersion, locale),
        })}
      </span>
    </p>
  );
}
