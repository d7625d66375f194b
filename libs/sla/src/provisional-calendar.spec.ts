import fc from 'fast-check';
import { ValidationError } from '@ledger/kernel';
import { CalendarNotPublishedError } from './calendar-not-published.error';
import { dateOfEpochDay, epochDayOf, formatInstant, MINUTE_MS, toEpochMs } from './instant';
import { CN_NATIONAL_CALENDAR, nationalCalendarSchema, type NationalCalendar } from './national-calendar';
import {
  CN_FESTIVAL_DATES,
  DEFAULT_NATIONAL_CALENDAR,
  provisionalYear,
  provisionalYearsOf,
  withProvisionalYears,
} from './provisional-calendar';
import { buildCalendar } from './work-calendar';
import { addWorkingMinutes, workingDaysDeadline, workingMinutesBetween } from './working-time';

const EXTENDED = withProvisionalYears(CN_NATIONAL_CALENDAR, 2030);
const cal = buildCalendar({}, EXTENDED);
const publishedOnly = buildCalendar({}, CN_NATIONAL_CALENDAR);
const at = (local: string): string => `${local}:00+08:00`;
const fmt = (ms: number): string => formatInstant(ms).slice(0, 16);
const shift = (date: string, days: number): string => dateOfEpochDay((epochDayOf(date) as number) + days);
const namesOf = (year: number): [string, string][] => provisionalYear(year).holidays.map((h) => [h.date, h.name]);
const days = (name: string, ...dates: string[]): [string, string][] => dates.map((d) => [d, name]);
const thrown = (f: () => unknown): unknown => {
  try {
    f();
  } catch (e) {
    return e;
  }
  return undefined;
};

describe('provisionalYear: statutory holidays on their legal dates, no make-up days', () => {
  // Hand-checked with a second source (almanac dates, independent of chinese-days): Chinese New Year
  // 2027-02-06, 2028-01-26, 2029-02-13, 2030-02-03; 清明 04-05, 04-04, 04-04, 04-05; 端午 06-09, 05-28,
  // 06-16, 06-05; 中秋 09-15, 10-03, 09-22, 09-12.
  it.each<[number, [string, string][]]>([
    [
      2027,
      [
        ...days('元旦', '2027-01-01'),
        ...days('春节', '2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08'),
        ...days('清明', '2027-04-05'),
        ...days('劳动节', '2027-05-01', '2027-05-02'),
        ...days('端午', '2027-06-09'),
        ...days('中秋', '2027-09-15'),
        ...days('国庆节', '2027-10-01', '2027-10-02', '2027-10-03'),
      ],
    ],
    [
      2028,
      [
        ...days('元旦', '2028-01-01'),
        ...days('春节', '2028-01-25', '2028-01-26', '2028-01-27', '2028-01-28'),
        ...days('清明', '2028-04-04'),
        ...days('劳动节', '2028-05-01', '2028-05-02'),
        ...days('端午', '2028-05-28'),
        ...days('国庆节', '2028-10-01', '2028-10-02'),
        ...days('中秋、国庆节', '2028-10-03'), // both on one day: listed once, not a day more
      ],
    ],
    [
      2029,
      [
        ...days('元旦', '2029-01-01'),
        ...days('春节', '2029-02-12', '2029-02-13', '2029-02-14', '2029-02-15'),
        ...days('清明', '2029-04-04'),
        ...days('劳动节', '2029-05-01', '2029-05-02'),
        ...days('端午', '2029-06-16'),
        ...days('中秋', '2029-09-22'),
        ...days('国庆节', '2029-10-01', '2029-10-02', '2029-10-03'),
      ],
    ],
    [
      2030,
      [
        ...days('元旦', '2030-01-01'),
        ...days('春节', '2030-02-02', '2030-02-03', '2030-02-04', '2030-02-05'),
        ...days('清明', '2030-04-05'),
        ...days('劳动节', '2030-05-01', '2030-05-02'),
        ...days('端午', '2030-06-05'),
        ...days('中秋', '2030-09-12'),
        ...days('国庆节', '2030-10-01', '2030-10-02', '2030-10-03'),
      ],
    ],
  ])('%i', (year, expected) => {
    expect(namesOf(year)).toEqual(expected);
    expect(provisionalYear(year)).toMatchObject({ year, status: 'provisional', makeUpWorkdays: [] });
  });

  it('2027: 腊月 has 29 days, so 除夕 is 腊月廿九 (02-05) and 春节 runs 02-05..02-08, not to 02-09', () => {
    const row = CN_FESTIVAL_DATES.years.find((y) => y.year === 2027);
    expect(row?.lunarNewYear).toBe('2027-02-06');
    expect(
      namesOf(2027)
        .filter(([, n]) => n === '春节')
        .map(([d]) => d),
    ).toEqual(['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08']);
  });

  // Every year of the library's data (exhaustive, so no sampling): exactly the legal days, taken from the
  // library's lunar conversion and solar terms, and nothing else.
  it.each(CN_FESTIVAL_DATES.years.map((f) => [f.year, f] as const))(
    '%i: exactly the legal days from the library data',
    (year, f) => {
      const legal = [
        `${year}-01-01`,
        shift(f.lunarNewYear, -1), // 除夕
        f.lunarNewYear,
        shift(f.lunarNewYear, 1),
        shift(f.lunarNewYear, 2),
        f.qingming,
        `${year}-05-01`,
        `${year}-05-02`,
        f.dragonBoat,
        f.midAutumn,
        `${year}-10-01`,
        `${year}-10-02`,
        `${year}-10-03`,
      ];
      const dates = provisionalYear(year).holidays.map((h) => h.date);
      expect(dates).toEqual([...new Set(legal)].sort());
      expect(dates.every((d) => d.startsWith(`${year}-`))).toBe(true);
    },
  );

  it('the library dates agree with the official notices of every published year (2020–2026)', () => {
    const missing: string[] = [];
    for (const y of CN_NATIONAL_CALENDAR.years) {
      const f = CN_FESTIVAL_DATES.years.find((r) => r.year === y.year);
      const off = new Set(y.holidays.map((h) => h.date));
      for (const date of f ? [f.lunarNewYear, f.qingming, f.dragonBoat, f.midAutumn] : [`${y.year}: no library data`])
        if (!off.has(date)) missing.push(date);
    }
    expect(missing).toEqual([]);
  });

  it('under the 2024 law (from 2025) every provisional day is a day off in the published calendar', () => {
    for (const year of [2025, 2026]) {
      const published = CN_NATIONAL_CALENDAR.years.find((y) => y.year === year);
      const off = new Set(published?.holidays.map((h) => h.date));
      expect(provisionalYear(year).holidays.filter((h) => !off.has(h.date))).toEqual([]);
    }
  });

  it('refuses a year outside the library data', () => {
    expect(() => provisionalYear(2019)).toThrow(ValidationError);
    expect(() => provisionalYear(2051)).toThrow(ValidationError);
  });
});

describe('withProvisionalYears', () => {
  it('appends 2027–2030 as provisional and says so in the version', () => {
    expect(EXTENDED.version).toBe('cn-national@2026.1+chinese-days-1.5.7+provisional-2027..2030');
    expect(provisionalYearsOf(EXTENDED)).toEqual([2027, 2028, 2029, 2030]);
    expect(provisionalYearsOf(CN_NATIONAL_CALENDAR)).toEqual([]);
    expect(nationalCalendarSchema.parse(EXTENDED)).toEqual(EXTENDED);
    expect(cal.nationalVersion).toBe(EXTENDED.version);
    expect(cal.version.startsWith(`${EXTENDED.version}+cfg-`)).toBe(true);
  });

  it('never touches a published year and adds only the years after the last one (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1990, max: 2050 }), (through) => {
        const ext = withProvisionalYears(CN_NATIONAL_CALENDAR, through);
        if (through <= 2026) return ext === CN_NATIONAL_CALENDAR;
        const kept = ext.years.slice(0, CN_NATIONAL_CALENDAR.years.length);
        const added = ext.years.slice(CN_NATIONAL_CALENDAR.years.length);
        return (
          kept.every((y, i) => y === CN_NATIONAL_CALENDAR.years[i]) &&
          added.map((y) => y.year).join() === Array.from({ length: through - 2026 }, (_, i) => 2027 + i).join() &&
          added.every((y) => y.status === 'provisional') &&
          ext.version === `${CN_NATIONAL_CALENDAR.version}+provisional-2027..${through}`
        );
      }),
    );
  });

  it('every published day of the extended calendar is as in the published-only one (property)', () => {
    const first = epochDayOf('2020-01-01') as number;
    const last = epochDayOf('2026-12-31') as number;
    fc.assert(
      fc.property(fc.integer({ min: first, max: last }), (day) => {
        const date = dateOfEpochDay(day);
        expect(cal.describeDay(date)).toEqual(publishedOnly.describeDay(date));
      }),
      { numRuns: 500 },
    );
    // The published 2026 make-up Saturday and holiday block survive the extension.
    expect(cal.describeDay('2026-02-14').kind).toBe('make-up-workday');
    expect(cal.describeDay('2026-10-07').kind).toBe('holiday');
  });

  it('a year published later is kept as published, and provisional years start after it', () => {
    // 2027 "published" with 4 Jan as an extra holiday (the second half of worked example H).
    const y2027 = provisionalYear(2027);
    const published2027: NationalCalendar = {
      version: 'cn-national@2027.1+test',
      years: [
        ...CN_NATIONAL_CALENDAR.years,
        {
          ...y2027,
          status: 'published',
          holidays: [...y2027.holidays, { date: '2027-01-04', name: '元旦', nameEn: "New Year's Day" }],
        },
      ],
    };
    const ext = withProvisionalYears(published2027, 2030);
    expect(ext.years.find((y) => y.year === 2027)).toBe(published2027.years[published2027.years.length - 1]);
    expect(provisionalYearsOf(ext)).toEqual([2028, 2029, 2030]);
    expect(ext.version).toBe('cn-national@2027.1+test+provisional-2028..2030');
    const later = buildCalendar({}, ext);
    const start = at('2026-12-31T10:00');
    const due = workingDaysDeadline(later, start, 3, 'elapsed');
    expect(fmt(due)).toBe('2027-01-07T10:00');
    expect(later.touchesProvisional(toEpochMs(start), toEpochMs(due))).toBe(false);
  });

  it('refuses to extend an already extended calendar, a fractional year, or a year past the library data', () => {
    expect(() => withProvisionalYears(EXTENDED, 2031)).toThrow(ValidationError);
    expect(() => withProvisionalYears(CN_NATIONAL_CALENDAR, 2027.5)).toThrow(ValidationError);
    expect(() => withProvisionalYears(CN_NATIONAL_CALENDAR, 2051)).toThrow(ValidationError);
  });
});

describe('working time on a provisional year', () => {
  it('worked example H: 3 working days from Thu 2026-12-31 10:00 → Wed 2027-01-06 10:00, provisional', () => {
    const start = at('2026-12-31T10:00');
    expect(cal.describeDay('2027-01-01')).toMatchObject({ kind: 'holiday', name: '元旦', working: false });
    expect(cal.describeDay('2027-01-02').kind).toBe('weekend');
    expect(cal.describeDay('2027-01-03').kind).toBe('weekend');
    const due = workingDaysDeadline(cal, start, 3, 'elapsed');
    expect(fmt(due)).toBe('2027-01-06T10:00');
    expect(workingMinutesBetween(cal, start, due)).toBe(3 * 450);
    expect(cal.touchesProvisional(toEpochMs(start), toEpochMs(due))).toBe(true);
    // A calendar built on the published years only still refuses 2027.
    expect(() => workingDaysDeadline(publishedOnly, start, 3, 'elapsed')).toThrow(CalendarNotPublishedError);
    // The default calendar is this one.
    expect(DEFAULT_NATIONAL_CALENDAR).toEqual(EXTENDED);
    expect(fmt(workingDaysDeadline(buildCalendar({}), start, 3, 'elapsed'))).toBe('2027-01-06T10:00');
  });

  it('has no make-up working days and no 补假 for a holiday on a weekend', () => {
    expect(cal.describeDay('2027-05-01')).toMatchObject({ kind: 'holiday', name: '劳动节' }); // a Saturday
    expect(cal.describeDay('2027-05-03').kind).toBe('workday'); // Monday stays a working day
    expect(cal.describeDay('2027-02-20').kind).toBe('weekend'); // no 补班 Saturday after 春节
    expect(cal.describeDay('2027-02-05')).toMatchObject({ kind: 'holiday', name: '春节' });
    expect(cal.describeDay('2028-10-03')).toMatchObject({ kind: 'holiday', name: '中秋、国庆节' });
  });

  it('elapsed(a, add(a, m)) = m across the year boundary into provisional years (property)', () => {
    const lastDecember = (year: number): fc.Arbitrary<number> =>
      fc.integer({ min: 0, max: 31 * 24 * 60 - 1 }).map((m) => Date.parse(at(`${year}-12-01T00:00`)) + m * MINUTE_MS);
    fc.assert(
      fc.property(
        fc.oneof(lastDecember(2026), lastDecember(2027), lastDecember(2028), lastDecember(2029)),
        fc.integer({ min: 0, max: 450 * 40 }),
        (a, m) => {
          const due = addWorkingMinutes(cal, a, m);
          expect(workingMinutesBetween(cal, a, due)).toBe(m);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('touchesProvisional follows the local date in the calendar zone, in either order', () => {
    const ms = (i: string) => toEpochMs(i);
    expect(cal.touchesProvisional(ms(at('2026-12-01T10:00')), ms(at('2026-12-31T23:59')))).toBe(false);
    expect(cal.touchesProvisional(ms('2026-12-31T16:00:00Z'), ms('2026-12-31T16:00:00Z'))).toBe(true); // 2027-01-01 00:00 in Shanghai
    expect(cal.touchesProvisional(ms(at('2027-01-05T10:00')), ms(at('2026-12-30T10:00')))).toBe(true);
    expect(publishedOnly.touchesProvisional(ms(at('2026-12-01T10:00')), ms(at('2027-01-05T10:00')))).toBe(false);
  });

  it('a year before the first published one, or after the last provisional one, stays an error', () => {
    const before = thrown(() => cal.describeDay('2019-12-31'));
    expect(before).toBeInstanceOf(CalendarNotPublishedError);
    expect(before).toMatchObject({ year: 2019 });
    expect(() => workingMinutesBetween(cal, at('2019-12-31T10:00'), at('2020-01-02T10:00'))).toThrow(
      CalendarNotPublishedError,
    );
    expect(thrown(() => cal.describeDay('2031-01-02'))).toMatchObject({ year: 2031 });
    expect(() => addWorkingMinutes(cal, at('2030-12-30T10:00'), 450 * 5)).toThrow(CalendarNotPublishedError);
  });
});
