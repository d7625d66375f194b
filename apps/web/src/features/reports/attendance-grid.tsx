import { FormField } from '../../components/form-field';
import { format, useMessages } from '../../i18n/i18n';
import { AttendanceRowHead } from './attendance-row-head';
import { reportMessages } from './report-messages';
import { daysOfMonth, type PersonShare, weekdayOf } from './report-queries';
import { useGridFocus } from './use-grid-focus';
import { dayKindText, workingDaysMessages } from './working-days-messages';
import type { CalendarDay } from './working-days-queries';
import './attendance-grid.css';

/** One person's line of the grid: the dates ticked, or (for a report saved as a count) the days present. */
export type AttendanceRow = { personId: string; name: string; roleId: string; dates: string[]; daysPresent: string };

const WEEKDAY_ZH = ['日', '一', '二', '三', '四', '五', '六'];
const WEEKDAY_EN = ['Su', 'Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa'];

/**
 * The attendance grid: a person per row, a day of the month per column, a labelled checkbox per cell. One cell
 * is in the tab order (roving tabindex); the arrow keys move between cells, Space ticks, Home / End go to the
 * row's ends. Days off on the contract calendar (the API's `workingDays`: weekends, holidays, 调休) are shaded and
 * marked 休, make-up working days marked 班, and each cell's name says so; without the calendar, weekends are shaded.
 * A month of a year not yet published is on the provisional calendar: the caption says 暂定 (domain rule 18).
 */
export function AttendanceGrid({
  month,
  rows,
  roleName,
  shares,
  problemsOf,
  onChange,
  onRemove,
  calendar,
  readOnly = false,
}: {
  month: string;
  rows: AttendanceRow[];
  roleName(roleId: string): string;
  shares: Map<string, PersonShare>;
  problemsOf(index: number): string[];
  onChange(index: number, row: AttendanceRow): void;
  onRemove(index: number): void;
  /** The month's days on the contract calendar; null while loading or when the API could not give it. */
  calendar: ReadonlyMap<string, CalendarDay> | null;
  readOnly?: boolean;
}) {
  const t = useMessages(reportMessages);
  const w = useMessages(workingDaysMessages);
  const en = t.month === 'Month';
  const days = daysOfMonth(month);
  const { focus, setFocus, table, onKey } = useGridFocus(rows.length, days.length);
  const toggle = (index: number, date: string) => {
    const row = rows[index];
    const dates = row.dates.includes(date) ? row.dates.filter((d) => d !== date) : [...row.dates, date].sort();
    onChange(index, { ...row, dates, daysPresent: '' });
  };
  const workingDays = workingDatesOf(month, calendar);
  const dayOff = (d: string): boolean => (calendar ? calendar.get(d)?.working === false : weekdayOf(d) % 6 === 0);
  const makeUp = (d: string): boolean => calendar?.get(d)?.kind === 'make-up-workday';
  const why = (d: string): string => {
    const day = calendar?.get(d);
    if (!day) return w.weekend;
    return day.name ?? dayKindText(w, day.kind);
  };
  // Any provisional day makes the month's working days provisional (a whole month lies in one year).
  const provisional = calendar ? [...calendar.values()].some((d) => d.provisional) : false;
  const dayClass = (d: string): string | undefined =>
    dayOff(d) ? 'weekend day-off' : makeUp(d) ? 'make-up' : undefined;
  const cellName = (who: string, d: string): string => {
    if (dayOff(d)) return format(w.presentOff, { name: who, date: d, why: why(d) });
    if (makeUp(d)) return format(w.presentMakeUp, { name: who, date: d, why: why(d) });
    return format(t.present, { name: who, date: d });
  };

  return (
    <div className="table-wrap attendance-grid">
      <table ref={table}>
        <caption>
          {t.attendance} <span className="muted">{t.attendanceHint}</span>
          {provisional ? (
            <span className="provisional" data-field="calendar-provisional">
              {' '}
              {w.provisionalMark}{' '}
              <span className="muted">{format(w.provisionalCalendar, { year: month.slice(0, 4) })}</span>
            </span>
          ) : null}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t.person}</th>
            {days.map((d) => (
              <th
                scope="col"
                key={d}
                className={dayClass(d)}
                abbr={d}
                title={dayOff(d) || makeUp(d) ? why(d) : undefined}
                data-day={d}
                data-working={dayOff(d) ? 'false' : 'true'}
              >
                {Number(d.slice(8))}
                <br />
                <span className="muted">{(en ? WEEKDAY_EN : WEEKDAY_ZH)[weekdayOf(d)]}</span>
                {dayOff(d) || makeUp(d) ? (
                  <>
                    <br />
                    <span className="day-mark" aria-hidden="true">
                      {dayOff(d) ? w.offMark : w.makeUpMark}
                    </span>
                  </>
                ) : null}
              </th>
            ))}
            <th scope="col">{t.daysPresent}</th>
            <th scope="col">{t.personMonths}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => {
            const who = row.name || row.personId;
            const share = shares.get(row.personId);
            return (
              <tr key={row.personId} data-person={row.personId}>
                <AttendanceRowHead
                  who={who}
                  personId={row.personId}
                  role={roleName(row.roleId)}
                  problems={problemsOf(r)}
                  readOnly={readOnly}
                  onFill={() => onChange(r, { ...row, dates: workingDays, daysPresent: '' })}
                  onClear={() => onChange(r, { ...row, dates: [], daysPresent: '' })}
                  onRemove={() => onRemove(r)}
                />
                {days.map((d, c) => (
                  <td key={d} className={dayClass(d) ? `${dayClass(d)} cell` : 'cell'}>
                    <input
                      type="checkbox"
                      data-cell={`${r}-${c}`}
                      aria-label={cellName(who, d)}
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
                    row.daysPresent || String(row.dates.length)
                  ) : (
                    <FormField label={format(t.daysOf, { name: who })}>
                      {(p) => (
                        <input
                          {...p}
                          className="days-input"
                          inputMode="decimal"
                          value={row.daysPresent}
                          onChange={(e) => onChange(r, { ...row, daysPresent: e.target.value })}
                        />
                      )}
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

/** The quick fill: the contract calendar's working days, or Monday to Friday while it is not available. */
export function workingDatesOf(month: string, calendar: ReadonlyMap<string, CalendarDay> | null): string[] {
  return daysOfMonth(month).filter((d) =>
    calendar ? calendar.get(d)?.working === true : weekdayOf(d) !== 0 && weekdayOf(d) !== 6,
  );
}
