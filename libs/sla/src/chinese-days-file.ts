import { z } from 'zod';
import { formatPath, problem, zodProblems, type Problem } from '@ledger/kernel';
import {
  validateCalendarPublication,
  type CalendarNotice,
  type CalendarPublicationInput,
} from './calendar-publication';
import { epochDayOf } from './instant';
import { CN_NATIONAL_CALENDAR, type NationalCalendar } from './national-calendar';

// ---------------------------------------------------------------------------------------------------------
// `chinese-days` data files (vsme/chinese-days: dist/chinese-days.json, all years; dist/years/2026.json, one):
// { holidays: { '2026-01-01': "New Year's Day,元旦,1", … }, workdays: { … }, inLieuDays: { … } },
// each value "English name,中文名,statutory days of that festival".

// An object of strings rather than z.record: a wrong type is then `value.expectedObject`, not zod's "record".
const daysRecord = z.object({}).catchall(z.string());

const chineseDaysFileSchema = z.object({
  holidays: daysRecord,
  workdays: daysRecord.default({}),
  inLieuDays: daysRecord.optional(),
});

/** "New Year's Day,元旦,1" → 元旦 (the statutory-days count is optional here: it is not part of our model). */
const DAY_VALUE = /^[^,]*,([^,]*)(?:,\d+)?$/;

export type ChineseDaysConversion = {
  /** The publication of the requested year (undefined when the file is malformed or has no day of that year). */
  publication: CalendarPublicationInput | undefined;
  /** The years the file has days for, ascending: a whole-package file holds 2004 onwards. */
  yearsInFile: number[];
  /** Problems with paths in the file (`holidays.2026-01-01`, `workdays`). */
  problems: Problem[];
  /** The file's path of a publication path (`makeUpWorkdays[2].date` → `workdays.2026-02-28`). */
  filePath: (publicationPath: string) => string;
};

export type ChineseDaysExtra = { year: number; notice: CalendarNotice; reason?: string };

const FILE_KIND = { holidays: 'holidays', makeUpWorkdays: 'workdays' } as const;

/**
 * Turns a `chinese-days` file (parsed JSON or its text) into the publication of `extra.year`: `holidays`
 * entries are its days off, `workdays` its make-up working days, named by the Chinese part of the value.
 *
 * - A file may hold many years: only days dated in `extra.year` are taken, days of other years are ignored
 *   (not reported). A holiday block that crosses New Year belongs by date, as the shipped calendar has it
 *   (2022-12-31, 元旦 of the 2023 notice, is a 2022 day): such a day is published with its own year.
 * - A key that is not a date is kept whatever its year, so the publication check reports it.
 * - `inLieuDays` are not read: in chinese-days they mark the days off of a block that make-up days pay back
 *   (是节假日，但后续有需要补班); each is also in `holidays` with the same value, and the package's own
 *   isWorkday ignores them. Only their shape is checked.
 * - The file names no notice, so the caller gives it (and a reason to correct a published year).
 *
 * Problems: malformed JSON at `(root)` (`text.json`), wrong shape at its path, a value of the year not
 * "English,中文[,days]" (`text.format`), and no day of the year at all (`calendar.noHolidays` at `holidays`).
 */
export function parseChineseDaysFile(json: unknown, extra: ChineseDaysExtra): ChineseDaysConversion {
  const failed = (problems: Problem[], yearsInFile: number[] = []): ChineseDaysConversion => ({
    publication: undefined,
    yearsInFile,
    problems,
    filePath: (path) => path,
  });
  let value = json;
  if (typeof json === 'string') {
    try {
      value = JSON.parse(json) as unknown;
    } catch {
      return failed([problem('(root)', 'text.json')]);
    }
  }
  const parsed = chineseDaysFileSchema.safeParse(value);
  if (!parsed.success) return failed(zodProblems(parsed.error));
  const { year } = extra;
  if (!Number.isInteger(year)) return failed([problem('year', 'number.integer')]);

  const file = parsed.data;
  const years = new Set<number>();
  const problems: Problem[] = [];
  const lists: Record<'holidays' | 'makeUpWorkdays', { date: string; name: string }[]> = {
    holidays: [],
    makeUpWorkdays: [],
  };
  const keysOf: Record<'holidays' | 'makeUpWorkdays', string[]> = { holidays: [], makeUpWorkdays: [] };
  for (const kind of ['holidays', 'makeUpWorkdays'] as const) {
    for (const [date, text] of Object.entries(file[FILE_KIND[kind]])) {
      const isDate = epochDayOf(date) !== undefined;
      if (isDate) years.add(Number(date.slice(0, 4)));
      if (isDate && Number(date.slice(0, 4)) !== year) continue;
      const m = DAY_VALUE.exec(text);
      if (!m) {
        problems.push(problem(formatPath([FILE_KIND[kind], date]), 'text.format'));
        continue;
      }
      lists[kind].push({ date, name: m[1] });
      keysOf[kind].push(date);
    }
  }
  for (const date of Object.keys(file.inLieuDays ?? {}))
    if (epochDayOf(date) !== undefined) years.add(Number(date.slice(0, 4)));
  const yearsInFile = [...years].sort((a, b) => a - b);
  if (problems.length) return failed(problems, yearsInFile);
  if (lists.holidays.length === 0 && lists.makeUpWorkdays.length === 0)
    return failed([problem('holidays', 'calendar.noHolidays', { year })], yearsInFile);

  const publication: CalendarPublicationInput = {
    year,
    notice: extra.notice,
    holidays: lists.holidays,
    makeUpWorkdays: lists.makeUpWorkdays,
    ...(extra.reason !== undefined ? { reason: extra.reason } : {}),
  };
  // The date is the key and the name is inside the value: both problems point at the entry.
  const filePath = (path: string): string =>
    path.replace(
      /^(holidays|makeUpWorkdays)(?:\[(\d+)\](.*))?$/,
      (whole, kind: 'holidays' | 'makeUpWorkdays', i: string | undefined) => {
        if (i === undefined) return FILE_KIND[kind];
        const key = keysOf[kind][Number(i)];
        return key === undefined ? whole : formatPath([FILE_KIND[kind], key]);
      },
    );
  return { publication, yearsInFile, problems: [], filePath };
}

/**
 * A `chinese-days` file's year converted and validated against `national`: every problem of
 * validateCalendarPublication at the file's path (`workdays.2026-02-16`, and `list.duplicate`'s `other`
 * too); the year, notice and reason keep theirs.
 */
export function validateChineseDaysFile(
  json: unknown,
  extra: ChineseDaysExtra,
  national: NationalCalendar = CN_NATIONAL_CALENDAR,
): ChineseDaysConversion {
  const converted = parseChineseDaysFile(json, extra);
  if (!converted.publication) return converted;
  const problems = validateCalendarPublication(converted.publication, national).map((p) =>
    p.code === 'list.duplicate' && p.params.other !== undefined
      ? problem(converted.filePath(p.path), p.code, { ...p.params, other: converted.filePath(p.params.other) })
      : { ...p, path: converted.filePath(p.path) },
  );
  return { ...converted, problems };
}
