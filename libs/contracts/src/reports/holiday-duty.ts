import { formatPath, problem, type Problem } from '@ledger/kernel';
import { explain, type Explanation } from '../explain/explanation';
import type { DayKind, WorkCalendar } from '@ledger/sla';
import type { ParsedConfig } from '../config/contract-config.schema';
import { addDays } from '../dates';
import { monthBounds } from './attendance';

/*
 * Holiday duty (domain.md rule 16; Xuzhou 000:76 节假日：至少安排1名技术工程师市内值班, Huai'an 001:476): on every
 * non-working day of the contract calendar (weekends, holidays, the buyer's closures) at least `minOnDuty`
 * engineers are on duty. The vendor's monthly report says who was on duty on which day; a day with fewer is short.
 */

/** One day of the report: the people on duty (names or staff ids, as the vendor's roster writes them). */
export type HolidayDutyEntry = { date: string; people: readonly string[] };

export type HolidayDutyDay = {
  date: string;
  /** weekend, holiday or closure (the calendar's reason the day is not worked). */
  kind: DayKind;
  /** The holiday's name when the calendar has one (国庆节). */
  name?: string;
  onDuty: number;
  people: string[];
  met: boolean;
};

export type HolidayDutyCheck = {
  minOnDuty: number;
  where?: string;
  /** Every non-working day of the month within the term, in date order. */
  days: HolidayDutyDay[];
  /** The dates with fewer than `minOnDuty` on duty. */
  short: string[];
};

type DutyConfig = Pick<ParsedConfig, 'staffing' | 'term'>;

/**
 * The month's non-working days of the term with who was on duty, or null when the contract asks for no holiday
 * duty. Throws CalendarNotPublishedError beyond the calendar's years (the report's validation says so first).
 */
export function holidayDutyCheck(
  config: DutyConfig,
  month: string,
  duty: readonly HolidayDutyEntry[],
  calendar: WorkCalendar,
): HolidayDutyCheck | null {
  const rule = config.staffing.holidayDuty;
  const b = monthBounds(month);
  if (!rule || !b) return null;
  const byDate = new Map<string, Set<string>>();
  for (const d of duty) {
    const people = byDate.get(d.date) ?? new Set<string>();
    for (const p of d.people) if (p.trim()) people.add(p.trim());
    byDate.set(d.date, people);
  }
  const from = b.start < config.term.start ? config.term.start : b.start;
  const to = b.end > config.term.end ? config.term.end : b.end;
  const days: HolidayDutyDay[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) {
    const info = calendar.describeDay(date);
    if (info.working) continue;
    const people = [...(byDate.get(date) ?? [])];
    days.push({
      date,
      kind: info.kind,
      ...(info.name ? { name: info.name } : {}),
      onDuty: people.length,
      people,
      met: people.length >= rule.minOnDuty,
    });
  }
  return {
    minOnDuty: rule.minOnDuty,
    ...(rule.where ? { where: rule.where } : {}),
    days,
    short: days.filter((d) => !d.met).map((d) => d.date),
  };
}

/**
 * Problems of the report's duty roster, paths under `holidayDuty`: a date outside the month, a working day (duty
 * is for non-working days), a date given twice, a person twice on one day, a roster for a contract without
 * holiday duty.
 */
export function holidayDutyProblems(
  config: DutyConfig,
  month: string,
  duty: readonly HolidayDutyEntry[],
  calendar: WorkCalendar | undefined,
): Problem[] {
  const problems: Problem[] = [];
  if (duty.length && !config.staffing.holidayDuty)
    return [problem('holidayDuty', 'report.noHolidayDuty', { count: duty.length })];
  const b = monthBounds(month);
  const seen = new Map<string, number>();
  duty.forEach((d, i) => {
    const at = (...rest: (string | number)[]): string => formatPath(['holidayDuty', i, ...rest]);
    if (b && (d.date < b.start || d.date > b.end))
      problems.push(problem(at('date'), 'date.notInMonth', { value: d.date, month }));
    else if (calendar?.isWorkingDay(d.date))
      problems.push(problem(at('date'), 'report.dutyOnWorkingDay', { value: d.date }));
    const first = seen.get(d.date);
    if (first !== undefined)
      problems.push(problem(at('date'), 'report.dutyDateTwice', { value: d.date, other: `holidayDuty[${first}]` }));
    else seen.set(d.date, i);
    const names = new Set<string>();
    d.people.forEach((p, j) => {
      if (names.has(p.trim())) problems.push(problem(at('people', j), 'report.dutyPersonTwice', { value: p }));
      names.add(p.trim());
    });
  });
  return problems;
}

/** A close's flag for each short day (the close lists them; the buyer decides what follows, no automatic money). */
export type HolidayDutyFlag = { code: 'HOLIDAY_DUTY_SHORT'; subject: string; message: string; explained: Explanation };

/** A flag for each short day of the check, or only of those within a period (a close flags its own days). */
export function holidayDutyFlags(
  check: HolidayDutyCheck | null,
  within?: { start: string; end: string },
): HolidayDutyFlag[] {
  if (!check) return [];
  return check.days
    .filter((d) => !d.met && (!within || (d.date >= within.start && d.date <= within.end)))
    .map((d) => ({
      code: 'HOLIDAY_DUTY_SHORT' as const,
      subject: d.date,
      message: `${d.date}: ${d.onDuty} on duty, at least ${check.minOnDuty} required`,
      explained: explain('HOLIDAY_DUTY_SHORT', {
        date: d.date,
        name: d.name,
        dayKind: d.kind,
        onDuty: d.onDuty,
        min: check.minOnDuty,
        where: check.where,
      }),
    }));
}
