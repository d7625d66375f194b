import type { CalendarNotice } from './calendar-publication';
import { invalid } from './instant';
import type { NationalCalendar, NationalDay } from './national-calendar';
import { CN_FESTIVAL_DATES, PROVISIONAL_YEARS_AHEAD, withProvisionalYears } from './provisional-calendar';

/**
 * One stored publication of a national-calendar year (a row of `national_calendar_years`). `seq` orders them
 * (the database's identity): the calendar "as of seq S" is, per year, the latest record with seq ≤ S.
 *  - `shipped`: loaded from the data shipped with the product when the database was first seeded;
 *  - `package`: a year a later release shipped (new or changed), loaded into an existing database;
 *  - `admin`: published at run time by the platform admin from the State Council notice.
 */
export type CalendarYearRecord = {
  seq: number;
  year: number;
  holidays: readonly NationalDay[];
  makeUpWorkdays: readonly NationalDay[];
  source: 'shipped' | 'package' | 'admin';
  /** The shipped data version the record came from (shipped/package), else null. */
  release: string | null;
  notice: CalendarNotice | null;
  correction: string | null;
};

/** How a year stands in a calendar version: the record it was read from, provisional, or not covered. */
export type YearState = { kind: 'record'; seq: number } | { kind: 'provisional' } | { kind: 'absent' };

const REV = /\+rev-(\d+)$/;
const PROVISIONAL = /\+provisional-(\d{4})\.\.(\d{4})$/;
const LAST_FESTIVAL_YEAR = CN_FESTIVAL_DATES.years[CN_FESTIVAL_DATES.years.length - 1].year;

const sorted = (records: readonly CalendarYearRecord[]): CalendarYearRecord[] =>
  [...records].sort((a, b) => a.seq - b.seq);

/** The version label of the records' base: the release of the first seeding (the smallest seq). */
function baseOf(records: readonly CalendarYearRecord[]): string {
  const first = sorted(records)[0];
  if (!first) throw invalid('records', 'list.empty');
  return first.release ?? `cn-national@seed-${first.seq}`;
}

/** The last seq of the first seeding: the shipped records of the base release. */
function seedSeq(records: readonly CalendarYearRecord[]): number {
  const base = baseOf(records);
  return Math.max(...records.filter((r) => r.source === 'shipped' && (r.release ?? '') === base).map((r) => r.seq));
}

/**
 * The national calendar as of `atSeq` (default: every record) with provisional years after its last year
 * (through last + PROVISIONAL_YEARS_AHEAD, as far as festival data reaches). Version: the base release when
 * nothing was added after the first seeding (so a database seeded from the shipped file computes exactly what
 * the shipped default does), else `<base>+rev-<seq>`; the provisional suffix follows. Everything a stored
 * result's version names can be rebuilt from the records.
 */
export function composeNationalCalendar(records: readonly CalendarYearRecord[], atSeq?: number): NationalCalendar {
  const upTo = atSeq ?? Math.max(...records.map((r) => r.seq));
  const latest = new Map<number, CalendarYearRecord>();
  for (const r of sorted(records)) if (r.seq <= upTo) latest.set(r.year, r);
  if (latest.size === 0) throw invalid('records', 'list.empty');
  const base = baseOf(records);
  const head = Math.max(...[...latest.values()].map((r) => r.seq));
  const version = head <= seedSeq(records) ? base : `${base}+rev-${head}`;
  const years = [...latest.values()]
    .sort((a, b) => a.year - b.year)
    .map((r) => ({
      year: r.year,
      status: 'published' as const,
      holidays: [...r.holidays],
      makeUpWorkdays: [...r.makeUpWorkdays],
    }));
  const published: NationalCalendar = { version, years };
  const last = years[years.length - 1].year;
  return withProvisionalYears(published, Math.min(last + PROVISIONAL_YEARS_AHEAD, LAST_FESTIVAL_YEAR));
}

/** The national part of a stored calendar version (`…+cfg-<hash>` is the tenant configuration's). */
export const nationalPartOf = (calendarVersion: string): string => calendarVersion.replace(/\+cfg-[0-9a-f]+$/, '');

/**
 * The seq a national version was composed at, and its provisional years; undefined for a version these records
 * cannot have produced (another base, a seq they do not hold).
 */
export function resolveNationalVersion(
  records: readonly CalendarYearRecord[],
  version: string,
): { seq: number; provisional: readonly [number, number] | null } | undefined {
  let rest = nationalPartOf(version);
  let provisional: [number, number] | null = null;
  const p = PROVISIONAL.exec(rest);
  if (p) {
    provisional = [Number(p[1]), Number(p[2])];
    rest = rest.slice(0, p.index);
  }
  const base = baseOf(records);
  const r = REV.exec(rest);
  if (r) {
    const seq = Number(r[1]);
    if (rest.slice(0, r.index) !== base || !records.some((x) => x.seq === seq)) return undefined;
    return { seq, provisional };
  }
  return rest === base ? { seq: seedSeq(records), provisional } : undefined;
}

/** How `year` stands in `version` (undefined when the version is not one of these records'). */
export function yearStateIn(
  records: readonly CalendarYearRecord[],
  version: string,
  year: number,
): YearState | undefined {
  const v = resolveNationalVersion(records, version);
  if (!v) return undefined;
  if (v.provisional && year >= v.provisional[0] && year <= v.provisional[1]) return { kind: 'provisional' };
  let seq: number | undefined;
  for (const r of records) if (r.year === year && r.seq <= v.seq && (seq === undefined || r.seq > seq)) seq = r.seq;
  return seq === undefined ? { kind: 'absent' } : { kind: 'record', seq };
}

/**
 * The records a database holds right after its first seeding from `national` (what the migration loads: one
 * `shipped` record per year, in year order from seq 1) — for computations and tests without a database.
 */
export function seededRecords(national: NationalCalendar): CalendarYearRecord[] {
  return national.years.map((y, i) => ({
    seq: i + 1,
    year: y.year,
    holidays: y.holidays,
    makeUpWorkdays: y.makeUpWorkdays,
    source: 'shipped',
    release: national.version,
    notice: null,
    correction: null,
  }));
}

const sameState = (a: YearState, b: YearState): boolean =>
  a.kind === b.kind && (a.kind !== 'record' || (b.kind === 'record' && a.seq === b.seq));

/**
 * The years among `years` whose days may differ between two national versions: read from different records, or
 * provisional in one and published in the other. A version the records do not know changes every year (safe).
 */
export function changedYears(
  records: readonly CalendarYearRecord[],
  from: string,
  to: string,
  years: readonly number[],
): number[] {
  return years.filter((y) => {
    const a = yearStateIn(records, from, y);
    const b = yearStateIn(records, to, y);
    return !a || !b || !sameState(a, b);
  });
}
