import { Decimal, ValidationError, dec, formatPath, toFixed2, type Problem, problem } from '@ledger/kernel';

export const problemsError = (problems: readonly Problem[]): ValidationError =>
  new ValidationError(problems, problems.map((p) => `${p.path}: ${p.message}`).join('; '));
import type { WorkCalendar } from '@ledger/sla';
import type { ParsedConfig } from '../config/contract-config.schema';
import { termMonths } from '../config/periods';
import { addDays, daysBetween, daysInMonth, maxDate, minDate } from '../dates';
import { calendarOf } from '../tickets/lifecycle';
import { explain, type Explanation } from '../explain/explanation';

/*
 * Person-months (domain.md rule 9): a person on a role that counts for attendance contributes
 * days present ÷ working days of that month; planned = Σ headcount × months of the term in the period.
 * Working days come from the contract's calendar (national calendar + tenant overrides). Exact decimals
 * (40 significant digits) throughout; `display` fields are the only rounded figures (half up, 2 places).
 */

export type AttendanceEntry = {
  personId: string;
  roleId: string;
  name?: string;
  /** Days present in the month (may be fractional: half days). Give this or `dates`. */
  daysPresent?: string | number;
  /** The local dates present. Non-working dates and dates outside the term do not count. */
  dates?: readonly string[];
};

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export type MonthBounds = { month: string; start: string; end: string };

export function monthBounds(month: string): MonthBounds | null {
  const m = MONTH.exec(month);
  if (!m) return null;
  const [y, mo] = [Number(m[1]), Number(m[2])];
  return { month, start: `${month}-01`, end: `${month}-${String(daysInMonth(y, mo)).padStart(2, '0')}` };
}

/** The working dates in [from, to] on the calendar (throws CalendarNotPublishedError beyond its years). */
export function workingDatesBetween(calendar: WorkCalendar, from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) if (calendar.isWorkingDay(d)) out.push(d);
  return out;
}

/** The working dates of a month `YYYY-MM` on the contract calendar. */
export function workingDatesOfMonth(calendar: WorkCalendar, month: string): string[] {
  const b = monthBounds(month);
  if (!b) throw problemsError([problem('month', 'month.formatValue', { value: month })]);
  return workingDatesBetween(calendar, b.start, b.end);
}

/** Months of the term within [from, to] (partial months by calendar days, as the payment engine counts them). */
export function termMonthsWithin(term: { start: string; end: string }, from: string, to: string): Decimal {
  const s = maxDate(term.start, from);
  const e = minDate(term.end, to);
  return s > e ? new Decimal(0) : termMonths(s, e);
}

export type PlannedPersonMonths = {
  /** Exact. */
  planned: string;
  display: string;
  roles: { roleId: string; headcount: number; months: string; planned: string }[];
  explanation: string;
  /** The explanation as a code (what a screen or file renders). */
  explained: Explanation;
};

/**
 * Planned person-months over [from, to]: Σ headcount of the roles that count for attendance × months of the term in
 * the period (rule 9). Xuzhou 2026: (1 PM + 8 engineers) × 12 = 108; the offshore role does not count.
 */
export function plannedPersonMonths(
  config: Pick<ParsedConfig, 'staffing' | 'term'>,
  period: { from: string; to: string },
): PlannedPersonMonths {
  const months = termMonthsWithin(config.term, period.from, period.to);
  const roles = config.staffing.roles
    .filter((r) => r.countsForAttendance)
    .map((r) => ({
      roleId: r.id,
      headcount: r.headcount,
      months: months.toString(),
      planned: months.times(r.headcount).toString(),
    }));
  const total = roles.reduce((a, r) => a.plus(r.planned), new Decimal(0));
  const heads = roles.reduce((a, r) => a + r.headcount, 0);
  return {
    planned: total.toString(),
    display: toFixed2(total),
    roles,
    explanation: `planned person-months ${period.from}..${period.to} = ${heads} people on attendance roles (${roles.map((r) => `${r.roleId} ${r.headcount}`).join(' + ') || 'none'}) × ${months.toString()} month(s) of the term = ${total.toString()}`,
    explained: explain('attendance.planned', {
      from: period.from,
      to: period.to,
      heads,
      roles: roles.map((r) => `${r.roleId} ${r.headcount}`).join(' + ') || 'none',
      months: months.toString(),
      total: total.toString(),
    }),
  };
}

/** Absent person-months = planned − actual, never below 0 (as the absence-pro-rata deduction counts it). */
export function absentPersonMonths(planned: Decimal | string | number, actual: Decimal | string | number): Decimal {
  const d = dec(planned).minus(actual);
  return d.isNegative() ? new Decimal(0) : d;
}

export type PersonShare = {
  personId: string;
  roleId: string;
  /** false: the role does not count for attendance (e.g. Xuzhou's offshore engineer). */
  counted: boolean;
  /** Working days present that count. */
  daysPresent: string;
  /** daysPresent ÷ working days of the month, exact; capped at the term's share of the month. */
  personMonths: string;
  display: string;
  notes: string[];
};

export type MonthlyPersonMonths = {
  month: string;
  calendarVersion: string;
  /** Working days of the whole month on the contract calendar. */
  workingDays: number;
  /** The term's share of the month (1 for a month wholly inside the term). */
  termShare: string;
  planned: string;
  actual: string;
  absent: string;
  display: { planned: string; actual: string; absent: string };
  people: PersonShare[];
  explanation: string;
  notes: string[];
  /** The explanation as a code. */
  explained: Explanation;
};

export type MonthlyAttendanceInput = {
  config: Pick<ParsedConfig, 'staffing' | 'term' | 'calendar'>;
  month: string;
  attendance: readonly AttendanceEntry[];
  calendar?: WorkCalendar;
};

/**
 * Problems of a month's attendance, paths relative to the attendance list (`[2].roleId`): unknown role, a person
 * listed twice, neither or both of daysPresent / dates, days present beyond the month's working days, dates outside
 * the month or repeated. A month outside the term is reported at `month` (root path `(root)` when given alone).
 */
export function attendanceProblems(
  config: Pick<ParsedConfig, 'staffing' | 'term'>,
  month: string,
  attendance: readonly AttendanceEntry[],
  workingDays: number | undefined,
): Problem[] {
  const problems: Problem[] = [];
  const b = monthBounds(month);
  const roles = new Map(config.staffing.roles.map((r) => [r.id, r]));
  const seen = new Map<string, number>();
  attendance.forEach((a, i) => {
    const p = (field: string): string => formatPath([i, field]);
    if (!a.personId) problems.push(problem(p('personId'), 'value.required'));
    const first = seen.get(a.personId);
    if (a.personId && first !== undefined)
      problems.push(problem(p('personId'), 'list.duplicate', { value: a.personId, other: `[${first}]` }));
    else seen.set(a.personId, i);
    if (!roles.has(a.roleId))
      problems.push(problem(p('roleId'), 'unknown.role', { value: a.roleId, known: [...roles.keys()] }));
    const hasDays = a.daysPresent !== undefined;
    const hasDates = a.dates !== undefined;
    if (hasDays === hasDates) problems.push(problem(formatPath([i]), 'attendance.daysOrDates'));
    if (hasDays) {
      let d: Decimal | undefined;
      try {
        d = dec(a.daysPresent as string | number);
      } catch {
        problems.push(problem(p('daysPresent'), 'number.notNumber', { value: String(a.daysPresent) }));
      }
      if (d && d.isNegative()) problems.push(problem(p('daysPresent'), 'number.nonNegative'));
      else if (d && workingDays !== undefined && d.gt(workingDays))
        problems.push(problem(p('daysPresent'), 'attendance.tooManyDays', { value: d.toString(), month, workingDays }));
    }
    if (hasDates && b) {
      const dates = new Map<string, number>();
      (a.dates ?? []).forEach((date, j) => {
        const path = formatPath([i, 'dates', j]);
        const earlier = dates.get(date);
        if (
          date < b.start ||
          date > b.end ||
          monthBounds(date.slice(0, 7)) === null ||
          !/^\d{4}-\d{2}-\d{2}$/.test(date)
        )
          problems.push(problem(path, 'date.notInMonth', { value: date, month }));
        else if (earlier !== undefined)
          problems.push(problem(path, 'list.duplicate', { value: date, other: formatPath([i, 'dates', earlier]) }));
        if (earlier === undefined) dates.set(date, j);
      });
    }
  });
  return problems;
}

/**
 * Person-months of one month from the attendance (rule 9). Throws ValidationError with every problem
 * (paths `month`, `attendance[2].roleId`, …) and CalendarNotPublishedError for a month the calendar lacks.
 *
 * A month partly outside the term: planned counts the term's share of the month (by calendar days, as the
 * payment engine does); a person counts only dates inside the term and never more than that share (a note says
 * when the cap applies) — so actual ≤ planned whenever each role has no more people than its headcount.
 */
export function monthlyPersonMonths(input: MonthlyAttendanceInput): MonthlyPersonMonths {
  const { config, month, attendance } = input;
  const b = monthBounds(month);
  const problems: Problem[] = [];
  if (!b) problems.push(problem('month', 'month.formatValue', { value: month }));
  else if (b.end < config.term.start || b.start > config.term.end)
    problems.push(
      problem('month', 'date.outsideTerm', { value: month, start: config.term.start, end: config.term.end }),
    );
  if (problems.length || !b) throw problemsError(problems);
  const calendar = calendarOf(config, input.calendar);
  const workingDates = workingDatesOfMonth(calendar, month);
  const workingDays = workingDates.length;
  problems.push(
    ...attendanceProblems(config, month, attendance, workingDays).map((p) => ({
      ...p,
      path: p.path.startsWith('[') ? `attendance${p.path}` : `attendance.${p.path}`,
    })),
  );
  if (problems.length) throw problemsError(problems);

  const inTerm = (d: string): boolean => d >= config.term.start && d <= config.term.end;
  // The term's share of the month as a fraction daysInTerm / daysInMonth. Totals are computed as ONE division of
  // exact numerators (days are whole or half), so planned and actual are the same decimal whenever they are the
  // same rational number — no 40th-digit residue shows up as "absent".
  const daysInMonth = daysBetween(b.start, b.end) + 1;
  const daysInTerm = Math.max(0, daysBetween(maxDate(b.start, config.term.start), minDate(b.end, config.term.end)) + 1);
  const termShare = dec(daysInTerm).div(daysInMonth);
  const roles = new Map(config.staffing.roles.map((r) => [r.id, r]));
  const notes: string[] = [];
  let uncappedDays = new Decimal(0);
  let capped = 0;
  const people: PersonShare[] = attendance.map((a) => {
    const role = roles.get(a.roleId);
    const personNotes: string[] = [];
    let present: Decimal;
    if (a.dates !== undefined) {
      const counted = a.dates.filter((d) => calendar.isWorkingDay(d) && inTerm(d));
      const skipped = a.dates.filter((d) => !counted.includes(d));
      if (skipped.length)
        personNotes.push(`not counted (not a working day or outside the term): ${skipped.join(', ')}`);
      present = new Decimal(counted.length);
    } else present = dec(a.daysPresent as string | number);
    if (!role?.countsForAttendance) {
      personNotes.push(`role ${a.roleId} does not count for attendance`);
      return {
        personId: a.personId,
        roleId: a.roleId,
        counted: false,
        daysPresent: present.toString(),
        personMonths: '0',
        display: '0.00',
        notes: personNotes,
      };
    }
    let share: Decimal;
    if (present.times(daysInMonth).gt(dec(daysInTerm).times(workingDays))) {
      personNotes.push(
        `capped at the term's share of ${month} (${daysInTerm}/${daysInMonth} = ${termShare.toString()})`,
      );
      share = termShare;
      capped += 1;
    } else {
      share = workingDays === 0 ? new Decimal(0) : present.div(workingDays);
      uncappedDays = uncappedDays.plus(present);
    }
    return {
      personId: a.personId,
      roleId: a.roleId,
      counted: true,
      daysPresent: present.toString(),
      personMonths: share.toString(),
      display: toFixed2(share),
      notes: personNotes,
    };
  });

  const heads = config.staffing.roles.filter((r) => r.countsForAttendance).reduce((n, r) => n + r.headcount, 0);
  const plannedTotal = dec(heads * daysInTerm).div(daysInMonth);
  const planned = {
    planned: plannedTotal.toString(),
    explanation: `planned = ${heads} people on attendance roles × ${daysInTerm}/${daysInMonth} of the month in the term = ${plannedTotal.toString()}`,
  };
  const actual =
    workingDays === 0
      ? new Decimal(0)
      : uncappedDays
          .times(daysInMonth)
          .plus(dec(capped).times(daysInTerm).times(workingDays))
          .div(dec(workingDays).times(daysInMonth));
  const absent = absentPersonMonths(plannedTotal, actual);
  if (actual.gt(planned.planned))
    notes.push(
      `actual ${actual.toString()} exceeds planned ${planned.planned}: more people present than the planned headcount`,
    );
  for (const r of config.staffing.roles.filter((x) => x.countsForAttendance)) {
    const n = attendance.filter((a) => a.roleId === r.id).length;
    if (n < r.headcount) notes.push(`role ${r.id}: ${n} of ${r.headcount} planned people listed`);
  }
  return {
    month,
    calendarVersion: calendar.version,
    workingDays,
    termShare: termShare.toString(),
    planned: planned.planned,
    actual: actual.toString(),
    absent: absent.toString(),
    display: { planned: toFixed2(planned.planned), actual: toFixed2(actual), absent: toFixed2(absent) },
    people,
    explanation:
      `${month}: ${workingDays} working days on calendar ${calendar.version}; actual = Σ days present ÷ ${workingDays} = ${actual.toString()}; ` +
      `${planned.explanation}; absent = max(0, planned − actual) = ${absent.toString()}`,
    notes,
    explained: explain('attendance.month', {
      month,
      workingDays,
      calendar: calendar.version,
      actual: actual.toString(),
      heads,
      daysInTerm,
      daysInMonth,
      planned: plannedTotal.toString(),
      absent: absent.toString(),
    }),
  };
}

/** Σ of several months (exact), e.g. a half-year or the term, and the absent person-months of the sum. */
export function sumPersonMonths(months: readonly Pick<MonthlyPersonMonths, 'planned' | 'actual'>[]): {
  planned: string;
  actual: string;
  absent: string;
  display: { planned: string; actual: string; absent: string };
} {
  const planned = months.reduce((s, m) => s.plus(m.planned), new Decimal(0));
  const actual = months.reduce((s, m) => s.plus(m.actual), new Decimal(0));
  const absent = absentPersonMonths(planned, actual);
  return {
    planned: planned.toString(),
    actual: actual.toString(),
    absent: absent.toString(),
    display: { planned: toFixed2(planned), actual: toFixed2(actual), absent: toFixed2(absent) },
  };
}
