import { ValidationError } from '@ledger/kernel';
import { CalendarNotPublishedError } from './calendar-not-published.error';
import {
  calendarConfigSchema,
  minutesOfDay,
  validateCalendarConfig,
  type CalendarConfig,
  type CalendarConfigInput,
} from './calendar-config.schema';
import { canonicalJson, fnv1a32 } from './fnv1a';
import {
  DAY_MINUTES,
  MINUTE_MS,
  invalid,
  dateOfEpochDay,
  epochDayOf,
  fixedOffsetMinutes,
  isoWeekdayOfEpochDay,
  yearOfEpochDay,
} from './instant';
import type { NationalCalendar } from './national-calendar';
import { DEFAULT_NATIONAL_CALENDAR } from './provisional-calendar';

/** Why a date is on or off. Precedence: tenant closure > tenant extra workday > holiday > 补班 > weekday/weekend. */
export type DayKind = 'workday' | 'weekend' | 'holiday' | 'make-up-workday' | 'closure' | 'extra-workday';

const KINDS: readonly DayKind[] = ['workday', 'weekend', 'holiday', 'make-up-workday', 'closure', 'extra-workday'];
const WORKING: Readonly<Record<DayKind, boolean>> = {
  workday: true,
  weekend: false,
  holiday: false,
  'make-up-workday': true,
  closure: false,
  'extra-workday': true,
};

export type DayInfo = { date: string; kind: DayKind; working: boolean; workingMinutes: number; name?: string };

export type WorkingWindow = { readonly start: number; readonly end: number };

/**
 * A tenant's working-time calendar, precomputed over the national years (published and provisional) so that every query is
 * O(1) index arithmetic (no day-by-day walk):
 *  - `wdBefore[i]`: working days before day i, so cumulative working minutes up to the start of day i
 *    are `dayMinutes × wdBefore[i]` (every working day has the same hours);
 *  - `workdays[k]`: the day index of the k-th working day, to invert the cumulative count directly.
 * Immutable after construction; no global state, so tenants with different calendars coexist.
 */
export class WorkCalendar {
  /** National data version + FNV-1a hash of the normalised tenant configuration. */
  readonly version: string;
  readonly nationalVersion: string;
  readonly timeZone: string;
  readonly offsetMinutes: number;
  readonly windows: readonly WorkingWindow[];
  /** Working minutes in one working day (450 for 08:30–12:00, 13:30–17:30). */
  readonly dayMinutes: number;
  /** Years of the national calendar with status 'published', ascending. */
  readonly publishedYears: readonly number[];
  /** Years computed on a provisional calendar (domain rule 18), ascending: a result touching one says so. */
  readonly provisionalYears: readonly number[];
  readonly config: CalendarConfig;

  /** Epoch day (days since 1970-01-01, local) of 1 January of the first national year. */
  private readonly firstDay: number;
  /** Last year the calendar covers (published or provisional): the first one past it is not published. */
  private readonly lastYear: number;
  private readonly provisionalSet: ReadonlySet<number>;
  private readonly dayCount: number;
  private readonly kinds: Uint8Array;
  private readonly workingFlags: Uint8Array;
  private readonly wdBefore: Int32Array;
  private readonly workdays: Int32Array;
  private readonly names: ReadonlyMap<number, string>;

  constructor(config: CalendarConfig, national: NationalCalendar) {
    this.config = config;
    this.nationalVersion = national.version;
    this.version = `${national.version}+cfg-${fnv1a32(canonicalJson(config))}`;
    this.timeZone = config.timeZone;
    this.offsetMinutes = fixedOffsetMinutes(config.timeZone) as number;
    this.windows = config.workingHours.map((w) => ({ start: minutesOfDay(w.start), end: minutesOfDay(w.end) }));
    this.dayMinutes = this.windows.reduce((sum, w) => sum + (w.end - w.start), 0);

    const years = national.years.map((y) => y.year).sort((a, b) => a - b);
    years.forEach((y, i) => {
      if (i > 0 && y !== years[i - 1] + 1) {
        throw invalid('national.years', 'calendar.yearsNotContiguous', { previous: years[i - 1], year: y });
      }
    });
    this.publishedYears = national.years
      .filter((y) => y.status === 'published')
      .map((y) => y.year)
      .sort((a, b) => a - b);
    this.provisionalYears = national.years
      .filter((y) => y.status === 'provisional')
      .map((y) => y.year)
      .sort((a, b) => a - b);
    this.provisionalSet = new Set(this.provisionalYears);
    this.lastYear = years[years.length - 1];
    this.firstDay = epochDayOf(`${years[0]}-01-01`) as number;
    this.dayCount = (epochDayOf(`${years[years.length - 1]}-12-31`) as number) - this.firstDay + 1;

    const kinds = new Uint8Array(this.dayCount);
    for (let i = 0; i < this.dayCount; i++)
      kinds[i] = KINDS.indexOf(isoWeekdayOfEpochDay(this.firstDay + i) >= 6 ? 'weekend' : 'workday');
    const names = new Map<number, string>();
    const set = (date: string, kind: DayKind, name?: string): void => {
      const i = (epochDayOf(date) as number) - this.firstDay;
      if (i < 0 || i >= this.dayCount) return; // validated earlier; national rows are inside their own year
      kinds[i] = KINDS.indexOf(kind);
      if (name !== undefined) names.set(i, name);
      else names.delete(i);
    };
    for (const y of national.years) {
      if (config.makeUpWorkdays) for (const d of y.makeUpWorkdays) set(d.date, 'make-up-workday', `${d.name}补班`);
      for (const d of y.holidays) set(d.date, 'holiday', d.name);
    }
    for (const d of config.overrides.extraWorkdays) set(d.date, 'extra-workday', d.reason);
    for (const d of config.overrides.closures) set(d.date, 'closure', d.reason);
    this.kinds = kinds;
    this.names = names;

    this.wdBefore = new Int32Array(this.dayCount + 1);
    this.workingFlags = new Uint8Array(this.dayCount);
    const list: number[] = [];
    for (let i = 0; i < this.dayCount; i++) {
      const working = WORKING[KINDS[kinds[i]]];
      this.workingFlags[i] = working ? 1 : 0;
      this.wdBefore[i + 1] = this.wdBefore[i] + (working ? 1 : 0);
      if (working) list.push(i);
    }
    this.workdays = Int32Array.from(list);
  }

  /** Kind, working flag and name of a local date `YYYY-MM-DD`. Throws for a year the calendar does not cover. */
  describeDay(date: string): DayInfo {
    const day = epochDayOf(date);
    if (day === undefined) throw invalid('date', 'date.formatValue', { value: date });
    const i = this.dayIndex(day);
    const kind = KINDS[this.kinds[i]];
    const name = this.names.get(i);
    return {
      date,
      kind,
      working: WORKING[kind],
      workingMinutes: WORKING[kind] ? this.dayMinutes : 0,
      ...(name ? { name } : {}),
    };
  }

  isWorkingDay(date: string): boolean {
    return this.describeDay(date).working;
  }

  /**
   * Working minutes from the start of the first published year to `ms` (floored to the minute).
   * The building block of every working-time query: elapsed(a, b) = cumulative(b) − cumulative(a).
   */
  cumulativeMinutes(ms: number): number {
    const localMinute = Math.floor(ms / MINUTE_MS) + this.offsetMinutes;
    const epochDay = Math.floor(localMinute / DAY_MINUTES);
    const i = this.dayIndex(epochDay);
    const base = this.dayMinutes * this.wdBefore[i];
    return this.workingFlags[i] ? base + this.withinDay(localMinute - epochDay * DAY_MINUTES) : base;
  }

  /**
   * The earliest instant (epoch ms, whole minute) at which the cumulative count reaches `total` (> 0).
   * Earliest means a budget used up exactly at a window's end is due at that end (12:00), not at the
   * next opening (13:30).
   */
  instantAtCumulative(total: number): number {
    if (total <= 0) return (this.firstDay * DAY_MINUTES - this.offsetMinutes) * MINUTE_MS;
    const k = Math.ceil(total / this.dayMinutes) - 1;
    if (k >= this.workdays.length) throw this.notPublished(this.lastYear + 1);
    const day = this.workdays[k];
    return this.instantInDay(day, total - k * this.dayMinutes);
  }

  /**
   * Close of business (end of the last window) of the n-th working day after the local date of `ms`
   * (n ≥ 1); that date itself is never counted, as with periods counted in days under civil law.
   */
  endOfNthWorkingDayAfter(ms: number, n: number): number {
    const localMinute = Math.floor(ms / MINUTE_MS) + this.offsetMinutes;
    const i = this.dayIndex(Math.floor(localMinute / DAY_MINUTES));
    const k = this.wdBefore[i + 1] + n - 1;
    if (k >= this.workdays.length) throw this.notPublished(this.lastYear + 1);
    return this.instantInDay(this.workdays[k], this.dayMinutes);
  }

  /** Epoch ms at which `r` (0 < r ≤ dayMinutes) working minutes of working day `day` have elapsed. */
  private instantInDay(day: number, r: number): number {
    let rest = r;
    let minute = this.windows[this.windows.length - 1].end;
    for (const w of this.windows) {
      const len = w.end - w.start;
      if (rest <= len) {
        minute = w.start + rest;
        break;
      }
      rest -= len;
    }
    return ((this.firstDay + day) * DAY_MINUTES + minute - this.offsetMinutes) * MINUTE_MS;
  }

  /** Working minutes of a working day elapsed at minute-of-day `mod`. */
  private withinDay(mod: number): number {
    let sum = 0;
    for (const w of this.windows) {
      if (mod <= w.start) break;
      sum += (mod < w.end ? mod : w.end) - w.start;
    }
    return sum;
  }

  private dayIndex(epochDay: number): number {
    const i = epochDay - this.firstDay;
    if (i < 0 || i >= this.dayCount) throw this.notPublished(yearOfEpochDay(epochDay));
    return i;
  }

  private notPublished(year: number): CalendarNotPublishedError {
    return new CalendarNotPublishedError(year, this.publishedYears);
  }

  /** `YYYY-MM-DD` local date of an instant in this calendar's zone. */
  localDateOf(ms: number): string {
    return dateOfEpochDay(Math.floor((Math.floor(ms / MINUTE_MS) + this.offsetMinutes) / DAY_MINUTES));
  }

  /** Whether local date `YYYY-MM-DD` lies in a provisional year (no check that the year is covered at all). */
  isProvisionalDate(date: string): boolean {
    const day = epochDayOf(date);
    if (day === undefined) throw invalid('date', 'date.formatValue', { value: date });
    return this.provisionalSet.has(yearOfEpochDay(day));
  }

  /**
   * Whether some local date between two instants (epoch ms, either order, both dates inclusive, in this
   * calendar's zone) lies in a provisional year: a result computed over that span used guessed days.
   */
  touchesProvisional(fromMs: number, toMs: number): boolean {
    if (!this.provisionalYears.length) return false;
    const first = Number(this.localDateOf(Math.min(fromMs, toMs)).slice(0, 4));
    const last = Number(this.localDateOf(Math.max(fromMs, toMs)).slice(0, 4));
    return this.provisionalYears.some((y) => y >= first && y <= last);
  }
}

/**
 * Validate the tenant configuration and precompute its calendar over the national years (by default the
 * published ones plus provisional years after them: DEFAULT_NATIONAL_CALENDAR).
 * Throws ValidationError (every problem, with paths) for a bad configuration.
 */
export function buildCalendar(
  cfg: CalendarConfigInput,
  national: NationalCalendar = DEFAULT_NATIONAL_CALENDAR,
): WorkCalendar {
  const problems = validateCalendarConfig(cfg, national);
  if (problems.length)
    throw new ValidationError(
      problems,
      `calendar configuration: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`,
    );
  return new WorkCalendar(calendarConfigSchema.parse(cfg), national);
}
