import { z } from 'zod';
import { formatPath, problem, zodProblems, type Problem } from '@ledger/kernel';
import { epochDayOf, isoWeekdayOfEpochDay } from './instant';
import { CN_NATIONAL_CALENDAR, type NationalCalendar, type NationalDay } from './national-calendar';
import type { NationalYear } from './provisional-calendar';

// Dates and names are plain strings here and checked in `publicationProblems`, so a wrong date is reported
// together with every other problem instead of stopping at the schema.
const publishedDay = z.strictObject({ date: z.string(), name: z.string() });

/**
 * A national calendar year as the platform admin publishes it from the State Council notice
 * (国务院办公厅关于某年部分节假日安排的通知): the days off and the make-up working days (调休/补班) it names.
 * `reason` is required to correct a year that is already published.
 */
export const calendarPublicationSchema = z.strictObject({
  year: z.number().int(),
  notice: z.strictObject({ title: z.string(), number: z.string(), date: z.string() }),
  holidays: z.array(publishedDay),
  makeUpWorkdays: z.array(publishedDay).default([]),
  reason: z.string().optional(),
});

export type CalendarPublicationInput = z.input<typeof calendarPublicationSchema>;
export type CalendarPublication = z.output<typeof calendarPublicationSchema>;
export type CalendarNotice = CalendarPublication['notice'];

/** A national-calendar year row that records the notice it came from (and why it corrects a published one). */
export type PublishedNationalYear = NationalYear & { notice: CalendarNotice; correction?: string };

/**
 * Every problem of a publication, with its path (`holidays[2].date`): shape, date format, dates outside
 * the year, a date listed twice (within or across the two lists), a make-up day that is not a Saturday
 * or Sunday, no holidays, a notice dated after the year, a year before the first published one or
 * leaving a gap after the last, and a published year corrected without a reason or with no change.
 * A holiday on a weekend is allowed: notices list the weekend days inside a holiday block.
 */
export function validateCalendarPublication(
  input: unknown,
  national: NationalCalendar = CN_NATIONAL_CALENDAR,
): Problem[] {
  const parsed = calendarPublicationSchema.safeParse(input);
  if (!parsed.success) return zodProblems(parsed.error);
  return publicationProblems(parsed.data, national);
}

/** The parsed publication, or undefined with the problems (what a caller that goes on to write it needs). */
export function parseCalendarPublication(
  input: unknown,
  national: NationalCalendar = CN_NATIONAL_CALENDAR,
): { publication: CalendarPublication; problems: [] } | { publication: undefined; problems: Problem[] } {
  const parsed = calendarPublicationSchema.safeParse(input);
  if (!parsed.success) return { publication: undefined, problems: zodProblems(parsed.error) };
  const problems = publicationProblems(parsed.data, national);
  return problems.length ? { publication: undefined, problems } : { publication: parsed.data, problems: [] };
}

const blank = (s: string): boolean => s.trim() === '';

function publicationProblems(p: CalendarPublication, national: NationalCalendar): Problem[] {
  const problems: Problem[] = [];
  const { year } = p;

  const published = national.years.filter((y) => y.status === 'published');
  const first = Math.min(...published.map((y) => y.year));
  const last = Math.max(...published.map((y) => y.year));
  const shipped = published.find((y) => y.year === year);
  if (published.length && year < first) problems.push(problem('year', 'calendar.yearBeforeFirst', { year, first }));
  // buildCalendar refuses a calendar with a gap between years.
  if (published.length && year > last + 1)
    problems.push(problem('year', 'calendar.yearsNotContiguous', { previous: last, year }));

  if (blank(p.notice.title)) problems.push(problem('notice.title', 'text.empty'));
  if (blank(p.notice.number)) problems.push(problem('notice.number', 'text.empty'));
  if (epochDayOf(p.notice.date) === undefined)
    problems.push(problem('notice.date', 'date.formatValue', { value: p.notice.date }));
  else if (p.notice.date > `${year}-12-31`)
    problems.push(problem('notice.date', 'calendar.noticeAfterYear', { value: p.notice.date, year }));

  if (p.holidays.length === 0) problems.push(problem('holidays', 'calendar.noHolidays', { year }));
  const seen = new Map<string, string>();
  for (const kind of ['holidays', 'makeUpWorkdays'] as const) {
    p[kind].forEach((d, i) => {
      if (blank(d.name)) problems.push(problem(formatPath([kind, i, 'name']), 'text.empty'));
      const path = formatPath([kind, i, 'date']);
      const day = epochDayOf(d.date);
      if (day === undefined) {
        problems.push(problem(path, 'date.formatValue', { value: d.date }));
        return;
      }
      if (!d.date.startsWith(`${year}-`))
        problems.push(problem(path, 'calendar.dateOutsideYear', { value: d.date, year }));
      if (kind === 'makeUpWorkdays' && isoWeekdayOfEpochDay(day) < 6)
        problems.push(problem(path, 'calendar.makeUpNotWeekend', { value: d.date }));
      const other = seen.get(d.date);
      if (other) problems.push(problem(path, 'list.duplicate', { value: d.date, other }));
      else seen.set(d.date, path);
    });
  }

  if (shipped) {
    const reason = p.reason?.trim() ?? '';
    if (reason === '')
      problems.push(problem('reason', 'calendar.correctionReasonRequired', { year, version: national.version }));
    else if (sameYearDays(shipped, p)) problems.push(problem('reason', 'calendar.correctionUnchanged', { year }));
  } else if (p.reason !== undefined && blank(p.reason)) {
    problems.push(problem('reason', 'text.empty'));
  }
  return problems;
}

type YearDays = {
  holidays: readonly { date: string; name: string }[];
  makeUpWorkdays: readonly { date: string; name: string }[];
};

const daysKey = (days: YearDays['holidays']): string =>
  days
    .map((d) => `${d.date} ${d.name}`)
    .sort()
    .join('\n');

/** Same dates under the same names in both lists (English names are not part of a notice). */
export function sameYearDays(a: YearDays, b: YearDays): boolean {
  return daysKey(a.holidays) === daysKey(b.holidays) && daysKey(a.makeUpWorkdays) === daysKey(b.makeUpWorkdays);
}

/** English names of the festivals as notices and holiday-cn write them (the shipped data's wording). */
const NAME_EN: Readonly<Record<string, string>> = {
  元旦: "New Year's Day",
  春节: 'Spring Festival',
  清明: 'Tomb-sweeping Day',
  清明节: 'Tomb-sweeping Day',
  劳动节: 'Labour Day',
  端午: 'Dragon Boat Festival',
  端午节: 'Dragon Boat Festival',
  中秋: 'Mid-autumn Festival',
  中秋节: 'Mid-autumn Festival',
  国庆节: 'National Day',
};

/** "国庆节、中秋节" → "National Day / Mid-autumn Festival"; undefined when a part is not a known festival. */
function nameEnOf(name: string): string | undefined {
  const parts = name.split('、').map((n) => NAME_EN[n.trim()]);
  return parts.every((n) => n !== undefined) ? parts.join(' / ') : undefined;
}

const byDate = (a: NationalDay, b: NationalDay): number => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);

function nationalDay(d: { date: string; name: string }): NationalDay {
  const nameEn = nameEnOf(d.name);
  return nameEn ? { date: d.date, name: d.name.trim(), nameEn } : { date: d.date, name: d.name.trim() };
}

/** The national-calendar year row of a publication (validate it first), days sorted by date. */
export function publicationToNationalYear(p: CalendarPublication): PublishedNationalYear {
  const row: PublishedNationalYear = {
    year: p.year,
    status: 'published',
    holidays: p.holidays.map(nationalDay).sort(byDate),
    makeUpWorkdays: p.makeUpWorkdays.map(nationalDay).sort(byDate),
    notice: { title: p.notice.title.trim(), number: p.notice.number.trim(), date: p.notice.date },
  };
  const reason = p.reason?.trim();
  return reason ? { ...row, correction: reason } : row;
}

// ---------------------------------------------------------------------------------------------------------
// NateScarlet/holiday-cn year files: { year, papers: [notice URLs], days: [{ name, date, isOffDay }] }.

const holidayCnFileSchema = z.object({
  year: z.number().int(),
  papers: z.array(z.string()).optional(),
  days: z.array(z.object({ name: z.string(), date: z.string(), isOffDay: z.boolean() })),
});

/** A day of a holiday-cn file that belongs to another year (元旦 2023 starts on 2022-12-31 in 2023.json). */
export type OtherYearDay = { path: string; date: string; name: string; isOffDay: boolean };

export type HolidayCnConversion = {
  /** The publication built from the file (undefined when the file itself is malformed). */
  publication: CalendarPublicationInput | undefined;
  /** Days dated in another year: the caller checks them against that year, they are not dropped silently. */
  otherYears: OtherYearDay[];
  /** Problems with paths in the file (`days[4].date`). */
  problems: Problem[];
  /** The file's path of a publication path (`holidays[2].date` → `days[5].date`). */
  filePath: (publicationPath: string) => string;
};

/**
 * Turns a holiday-cn year file (parsed JSON or its text) into a publication: `isOffDay: true` is a holiday,
 * `false` a make-up working day. The file names no notice number or date, so the caller gives the notice
 * (and a reason for a correction). Problems carry the file's paths.
 */
export function parseHolidayCnFile(
  json: unknown,
  extra: { notice: CalendarNotice; reason?: string },
): HolidayCnConversion {
  let value = json;
  if (typeof json === 'string') {
    try {
      value = JSON.parse(json) as unknown;
    } catch {
      return {
        publication: undefined,
        otherYears: [],
        problems: [problem('(root)', 'text.json')],
        filePath: (path) => path,
      };
    }
  }
  const parsed = holidayCnFileSchema.safeParse(value);
  if (!parsed.success)
    return { publication: undefined, otherYears: [], problems: zodProblems(parsed.error), filePath: (path) => path };
  const { year, days } = parsed.data;
  const holidays: { date: string; name: string }[] = [];
  const makeUpWorkdays: { date: string; name: string }[] = [];
  const otherYears: OtherYearDay[] = [];
  const pathOf: Record<'holidays' | 'makeUpWorkdays', string[]> = { holidays: [], makeUpWorkdays: [] };
  days.forEach((d, i) => {
    const path = formatPath(['days', i]);
    const day = epochDayOf(d.date);
    if (day !== undefined && !d.date.startsWith(`${year}-`)) {
      otherYears.push({ path, date: d.date, name: d.name, isOffDay: d.isOffDay });
      return;
    }
    const kind = d.isOffDay ? 'holidays' : 'makeUpWorkdays';
    (kind === 'holidays' ? holidays : makeUpWorkdays).push({ date: d.date, name: d.name });
    pathOf[kind].push(path);
  });
  const publication: CalendarPublicationInput = {
    year,
    notice: extra.notice,
    holidays,
    makeUpWorkdays,
    ...(extra.reason !== undefined ? { reason: extra.reason } : {}),
  };
  const filePath = (path: string): string =>
    path.replace(
      /^(holidays|makeUpWorkdays)(?:\[(\d+)\])?(.*)$/,
      (whole, kind: 'holidays' | 'makeUpWorkdays', i: string | undefined, rest: string) => {
        if (i === undefined) return `days${rest}`;
        const at = pathOf[kind][Number(i)];
        return at === undefined ? whole : `${at}${rest}`;
      },
    );
  return { publication, otherYears, problems: [], filePath };
}

/**
 * A holiday-cn file converted and validated against `national`: every problem with the file's path
 * (`days[4].date`, and `list.duplicate`'s `other` too); the notice and reason keep theirs.
 */
export function validateHolidayCnFile(
  json: unknown,
  extra: { notice: CalendarNotice; reason?: string },
  national: NationalCalendar = CN_NATIONAL_CALENDAR,
): HolidayCnConversion {
  const converted = parseHolidayCnFile(json, extra);
  if (!converted.publication) return converted;
  const problems = validateCalendarPublication(converted.publication, national).map((p) =>
    p.code === 'list.duplicate' && p.params.other !== undefined
      ? problem(converted.filePath(p.path), p.code, { ...p.params, other: converted.filePath(p.params.other) })
      : { ...p, path: converted.filePath(p.path) },
  );
  // In the file's order: the year and notice, then the days as the file lists them, then the reason.
  const rank = (path: string): number => {
    const m = /^days(?:\[(\d+)\])?/.exec(path);
    if (m) return m[1] === undefined ? Number.MAX_SAFE_INTEGER - 1 : Number(m[1]);
    return path === 'reason' ? Number.MAX_SAFE_INTEGER : -1;
  };
  problems.sort((a, b) => rank(a.path) - rank(b.path));
  return { ...converted, problems };
}
