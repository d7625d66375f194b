import { z } from 'zod';
import { formatPath, problem, problemIssue, zodProblems, type Problem } from '@ledger/kernel';
import { epochDayOf, fixedOffsetMinutes, unsupportedZoneParams, yearOfEpochDay } from './instant';
import type { NationalCalendar } from './national-calendar';
import { DEFAULT_NATIONAL_CALENDAR } from './provisional-calendar';

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

const timeOfDay = z.string().regex(HH_MM, 'must be a time HH:MM (00:00..23:59)');
const localDate = z.string().refine((s) => epochDayOf(s) !== undefined, problemIssue('date.format'));
const datedReason = z.strictObject({ date: localDate, reason: z.string().min(1, 'give a reason') });

export const DEFAULT_WORKING_HOURS = [
  { start: '08:30', end: '12:00' },
  { start: '13:30', end: '17:30' },
] as const;

/**
 * A tenant's working-time calendar: the national calendar plus the tenant's hours and overrides.
 * Working hours are the same on every working day (what the seed contracts describe).
 */
export const calendarConfigSchema = z.strictObject({
  timeZone: z.string().default('Asia/Shanghai'),
  workingHours: z
    .array(z.strictObject({ start: timeOfDay, end: timeOfDay }))
    .min(1, 'give at least one working-hours window')
    .default(() => DEFAULT_WORKING_HOURS.map((w) => ({ ...w }))),
  overrides: z
    .strictObject({
      closures: z.array(datedReason).default([]),
      extraWorkdays: z.array(datedReason).default([]),
    })
    .default({ closures: [], extraWorkdays: [] }),
  /** false = treat 补班 Saturdays/Sundays as ordinary weekends (for comparison with engines that cannot express them). */
  makeUpWorkdays: z.boolean().default(true),
});

export type CalendarConfigInput = z.input<typeof calendarConfigSchema>;
export type CalendarConfig = z.output<typeof calendarConfigSchema>;

export const minutesOfDay = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Every problem of a calendar configuration, structural (zod) and semantic, with paths. */
export function validateCalendarConfig(
  cfg: unknown,
  national: NationalCalendar = DEFAULT_NATIONAL_CALENDAR,
): Problem[] {
  const parsed = calendarConfigSchema.safeParse(cfg);
  if (!parsed.success) return zodProblems(parsed.error);
  return semanticProblems(parsed.data, national);
}

function semanticProblems(cfg: CalendarConfig, national: NationalCalendar): Problem[] {
  const problems: Problem[] = [];
  if (fixedOffsetMinutes(cfg.timeZone) === undefined)
    problems.push(problem('timeZone', 'calendar.unsupportedZone', unsupportedZoneParams(cfg.timeZone)));

  cfg.workingHours.forEach((w, i) => {
    if (minutesOfDay(w.start) >= minutesOfDay(w.end)) {
      problems.push(problem(formatPath(['workingHours', i]), 'calendar.windowEmpty', { start: w.start, end: w.end }));
    }
    const prev = cfg.workingHours[i - 1];
    if (prev && minutesOfDay(w.start) < minutesOfDay(prev.end)) {
      problems.push(
        problem(formatPath(['workingHours', i]), 'calendar.windowOverlap', {
          start: w.start,
          end: w.end,
          prevStart: prev.start,
          prevEnd: prev.end,
        }),
      );
    }
  });

  const published = new Set(national.years.map((y) => y.year));
  const seen = new Map<string, string>();
  for (const kind of ['closures', 'extraWorkdays'] as const) {
    cfg.overrides[kind].forEach((o, i) => {
      const path = formatPath(['overrides', kind, i, 'date']);
      const year = yearOfEpochDay(epochDayOf(o.date) as number);
      if (!published.has(year)) problems.push(problem(path, 'calendar.yearNotPublished', { value: o.date, year }));
      const other = seen.get(o.date);
      if (other) problems.push(problem(path, 'list.duplicate', { value: o.date, other }));
      else seen.set(o.date, path);
    });
  }
  return problems;
}
