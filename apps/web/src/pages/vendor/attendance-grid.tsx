import { type KeyboardEvent, useRef, useState } from 'react';
import { FormField } from '../../components/form-field';
import { format, useMessages } from '../../i18n/i18n';
import { reportMessages } from '../shared/report-messages';
import { daysOfMonth, type PersonShare, weekdayOf } from '../shared/report-queries';

/** One person's line of the grid: the dates ticked, or (for a report saved as a count) the days present. */
export type AttendanceRow = { personId: string; name: string; roleId: string; dates: string[]; daysPresent: string };

const WEEKDAY_ZH = ['日', '一', '二', '三', '四', '五', '六'];
const WEEKDAY_EN = ['Su', 'Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa'];

/**
 * The attendance grid: a person per row, a day of the month per column, a labelled checkbox per cell. One cell
 * is in the tab order (roving tabindex); the arrow keys move between cells, Space ticks, Home / End go to the
 * row's ends. Weekends are shaded only as a hint: the contract calendar (调休, holidays) is the API's to apply.
 */
export function AttendanceGrid({
  month,
  rows,
  roleName,
  shares,
  problemsOf,
  onChange,
  onRemove,
  readOnly = false,
}: {
  month: string;
  rows: AttendanceRow[];
  roleName(roleId: string): string;
  shares: Map<string, PersonShare>;
  problemsOf(index: number): string[];
  onChange(index: number, row: AttendanceRow): void;
  onRemove(index: number): void;
  readOnly?: boolean;
}) {
  const t = useMessages(reportMessages);
  const en = t.month === 'Month';
  const days = daysOfMonth(month);
  const [focus, setFocus] = useState<{ r: number; c: number }>({ r: 0, c: 0 });
  const table = useRef<HTMLTableElement>(null);

  const moveTo = (r: number, c: number) => {
    const rr = Math.max(0, Math.min(rows.length - 1, r));
    const cc = Math.max(0, Math.min(days.length - 1, c));
    setFocus({ r: rr, c: cc });
    table.current?.querySelector<HTMLInputElement>(`input[data-cell="${rr}-${cc}"]`)?.focus();
  };
  const onKey = (e: KeyboardEvent<HTMLInputElement>, r: number, c: number) => {
    const moves: Record<string, [number, number]> = { ArrowRight: [r, c + 1], ArrowLeft: [r, c - 1], ArrowDown: [r + 1, c], ArrowUp: [r - 1, c], Home: [r, 0], End: [r, days.length - 1] };
    const target = moves[e.key];
    if (!target) return;
    e.preventDefault();
    moveTo(target[0], target[1]);
  };
  const toggle = (index: number, date: string) => {
    const row = rows[index];
    const dates = row.dates.includes(date) ? row.dates.filter((d) => d !== date) : [...row.dates, date].sort();
    onChange(index, { ...row, dates, daysPresent: '' });
  };
  const weekdays = days.filter((d) => weekdayOf(d) !== 0 && weekdayOf(d) !== 6);

  return (
    <div className="table-wrap attendance-grid">
      <table ref={table}>
        <caption>
          {t.attendance} <span className="muted">{t.attendanceHint}</span>
        </caption>
        <thead>
          <tr>
            <th scope="col">{t.person}</th>
            {days.map((d) => (
              <th scope="col" key={d} className={weekdayOf(d) % 6 === 0 ? 'weekend' : undefined} abbr={d}>
                {Number(d.slice(8))}
                <br />
                <span className="muted">{(en ? WEEKDAY_EN : WEEKDAY_ZH)[weekdayOf(d)]}</span>
              </th>
            ))}
            <th scope="col">{t.daysPresent}</th>
            <th scope="col">{t.personMonths}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => {
            const who = row.name || row.personId;
            const problems = problemsOf(r);
            const share = shares.get(row.personId);
            return (
              <tr key={row.personId} data-person={row.personId}>
                <th scope="row">
                  {who} <span className="muted">{row.personId}</span>
                  <div className="muted">{roleName(row.roleId)}</div>
                  {problems.map((p) => (
                    <div key={p} className="field-error" role="alert">
                      {p}
                    </div>
                  ))}
                  {readOnly ? null : (
                    <div className="row-actions">
                      <button type="button" className="link-button" aria-label={format(t.fillWeekdays, { name: who })} onClick={() => onChange(r, { ...row, dates: weekdays, daysPresent: '' })}>
                        {t.weekdaysShort}
                      </button>
                      <button type="button" className="link-button" aria-label={format(t.clearRow, { name: who })} onClick={() => onChange(r, { ...row, dates: [], daysPresent: '' })}>
                        {t.clearShort}
                      </button>
                      <button type="button" className="link-button" aria-label={format(t.removePerson, { name: who })} onClick={() => onRemove(r)}>
                        {t.removeShort}
                      </button>
                    </div>
                  )}
                </th>
                {days.map((d, c) => (
                  <td key={d} className={weekdayOf(d) % 6 === 0 ? 'weekend cell' : 'cell'}>
                    <input
                      type="checkbox"
                      data-cell={`${r}-${c}`}
                      aria-label={format(t.present, { name: who, date: d })}
                      checked={row.dates.includes(d)}
                      disabled={readOnly}
                      tabIndex={focus.r === r && focus.c === c ? 0 : -1}
                      onFocus={() => setFocus({ r, c })}
                      onKeyDown={(e) => onKey(e, r, c)}
                      onChange={() => toggle(r, d)}
                    />
                  </td>
                ))}
                <td data-field="days">
                  {row.dates.length || readOnly ? (
                    (row.daysPresent || String(row.dates.length))
                  ) : (
                    <FormField label={format(t.daysOf, { name: who })}>
                      {(p) => <input {...p} className="days-input" inputMode="decimal" value={row.daysPresent} onChange={(e) => onChange(r, { ...row, daysPresent: e.target.value })} />}
                    </FormField>
                  )}
                </td>
                <td data-field="share">{share ? share.display : '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
