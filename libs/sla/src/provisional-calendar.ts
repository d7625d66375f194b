import { z } from 'zod';
import data from './data/cn-festival-dates.json';
import { dateOfEpochDay, epochDayOf, invalid } from './instant';
import { CN_NATIONAL_CALENDAR, type NationalCalendar, type NationalDay } from './national-calendar';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** Shape of `data/cn-festival-dates.json` (see scripts/generate-festival-dates.ts). */
export const festivalDatesSchema = z.object({
  version: z.string().min(1),
  source: z.object({ package: z.string(), version: z.string() }),
  years: z
    .array(
      z.object({
        year: z.number().int(),
        lunarNewYear: isoDate,
        qingming: isoDate,
        dragonBoat: isoDate,
        midAutumn: isoDate,
      }),
    )
    .min(1),
});

export type FestivalDates = z.infer<typeof festivalDatesSchema>;
export type FestivalYear = FestivalDates['years'][number];
export type NationalYear = NationalCalendar['years'][number];

/**
 * Lunar festival and 清明 dates generated from `chinese-days` at build time (the package is never loaded
 * at run time: it is a dev dependency and gives wrong dates in zones west of UTC).
 */
export const CN_FESTIVAL_DATES: FestivalDates = festivalDatesSchema.parse(data);

const BY_YEAR: ReadonlyMap<number, FestivalYear> = new Map(CN_FESTIVAL_DATES.years.map((y) => [y.year, y]));
const FIRST_DATA_YEAR = CN_FESTIVAL_DATES.years[0].year;
const LAST_DATA_YEAR = CN_FESTIVAL_DATES.years[CN_FESTIVAL_DATES.years.length - 1].year;

// Names as in the published data, so a provisional day reads like a published one.
const NEW_YEAR = { name: '元旦', nameEn: "New Year's Day" };
const SPRING_FESTIVAL = { name: '春节', nameEn: 'Spring Festival' };
const QINGMING = { name: '清明', nameEn: 'Tomb-sweeping Day' };
const LABOUR_DAY = { name: '劳动节', nameEn: 'Labour Day' };
const DRAGON_BOAT = { name: '端午', nameEn: 'Dragon Boat Festival' };
const MID_AUTUMN = { name: '中秋', nameEn: 'Mid-autumn Festival' };
const NATIONAL_DAY = { name: '国庆节', nameEn: 'National Day' };

const shift = (date: string, days: number): string => dateOfEpochDay((epochDayOf(date) as number) + days);

/**
 * The provisional national calendar of `year` (domain rule 18): the statutory holidays on their legal
 * dates under 《全国年节及纪念日放假办法》 (2024 revision) and no make-up working days; weekends are off
 * anyway. 除夕 is the day before 正月初一, whether 腊月 has 29 or 30 days. When two festivals fall on
 * the same date (中秋 = 国庆 3 Oct in 2028) the date is listed once under both names.
 */
export function provisionalYear(year: number): NationalYear {
  const f = BY_YEAR.get(year);
  if (!f) throw invalid('year', 'number.range', { min: FIRST_DATA_YEAR, max: LAST_DATA_YEAR });
  const days: NationalDay[] = [
    { date: `${year}-01-01`, ...NEW_YEAR },
    ...[-1, 0, 1, 2].map((d) => ({ date: shift(f.lunarNewYear, d), ...SPRING_FESTIVAL })),
    { date: f.qingming, ...QINGMING },
    { date: `${year}-05-01`, ...LABOUR_DAY },
    { date: `${year}-05-02`, ...LABOUR_DAY },
    { date: f.dragonBoat, ...DRAGON_BOAT },
    { date: f.midAutumn, ...MID_AUTUMN },
    { date: `${year}-10-01`, ...NATIONAL_DAY },
    { date: `${year}-10-02`, ...NATIONAL_DAY },
    { date: `${year}-10-03`, ...NATIONAL_DAY },
  ];
  const byDate = new Map<string, NationalDay>();
  for (const d of days) {
    const other = byDate.get(d.date);
    byDate.set(
      d.date,
      other ? { date: d.date, name: `${other.name}、${d.name}`, nameEn: `${other.nameEn} / ${d.nameEn}` } : d,
    );
  }
  const holidays = [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { year, status: 'provisional', holidays, makeUpWorkdays: [] };
}

/**
 * `national` plus provisional years from the year after its last one through `throughYear`. Published
 * years are kept as they are (never replaced); nothing is added before the first published year, so a
 * date there stays CalendarNotPublishedError. The version says which years are provisional, e.g.
 * `cn-national@2026.1+chinese-days-1.5.7+provisional-2027..2030`, so a stored result shows it was
 * computed on guesses. `throughYear` at or before the last published year returns `national` unchanged.
 */
export function withProvisionalYears(national: NationalCalendar, throughYear: number): NationalCalendar {
  if (!Number.isSafeInteger(throughYear)) throw invalid('throughYear', 'number.integer');
  national.years.forEach((y, i) => {
    // Extending an already extended calendar would stack version suffixes: extend the published one.
    if (y.status !== 'published')
      throw invalid(`national.years[${i}].status`, 'value.oneOf', { values: ['published'] });
  });
  const last = Math.max(...national.years.map((y) => y.year));
  if (throughYear <= last) return national;
  if (throughYear > LAST_DATA_YEAR) throw invalid('throughYear', 'number.max', { max: LAST_DATA_YEAR });
  const added: NationalYear[] = [];
  for (let y = last + 1; y <= throughYear; y++) added.push(provisionalYear(y));
  return {
    ...national,
    version: `${national.version}+provisional-${last + 1}..${throughYear}`,
    years: [...national.years, ...added],
  };
}

/** The years of `national` that are provisional, ascending. */
export function provisionalYearsOf(national: NationalCalendar): number[] {
  return national.years
    .filter((y) => y.status === 'provisional')
    .map((y) => y.year)
    .sort((a, b) => a - b);
}

/** How many years after the last published one the default calendar computes provisionally (domain rule 18). */
export const PROVISIONAL_YEARS_AHEAD = 4;

/**
 * The national calendar the product computes on: the shipped published years plus provisional years through
 * the last published one + PROVISIONAL_YEARS_AHEAD, so a deadline in late December crossing into an unpublished
 * year is computed (and flagged) instead of refused. Before the first published year and after that range a
 * date stays CalendarNotPublishedError.
 */
export const DEFAULT_NATIONAL_CALENDAR: NationalCalendar = withProvisionalYears(
  CN_NATIONAL_CALENDAR,
  Math.max(...CN_NATIONAL_CALENDAR.years.map((y) => y.year)) + PROVISIONAL_YEARS_AHEAD,
);
