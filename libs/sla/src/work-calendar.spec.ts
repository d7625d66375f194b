import {
  CalendarNotPublishedError,
  buildCalendar,
  validateCalendarConfig,
  CN_NATIONAL_CALENDAR,
  type DayKind,
} from './index';

describe('national calendar data', () => {
  it('lists exactly the published years 2020..2026 and names its version', () => {
    expect(CN_NATIONAL_CALENDAR.years.map((y) => y.year)).toEqual([2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    expect(CN_NATIONAL_CALENDAR.version).toBe('cn-national@2026.1+chinese-days-1.5.7');
    expect(CN_NATIONAL_CALENDAR.years.every((y) => y.status === 'published')).toBe(true);
  });

  it('has the 2026 Spring Festival and National Day blocks with their 补班 days', () => {
    const y2026 = CN_NATIONAL_CALENDAR.years.find((y) => y.year === 2026);
    const holidays = y2026?.holidays.map((h) => h.date) ?? [];
    for (let d = 15; d <= 23; d++) expect(holidays).toContain(`2026-02-${d}`);
    for (let d = 1; d <= 7; d++) expect(holidays).toContain(`2026-10-0${d}`);
    expect(y2026?.makeUpWorkdays.map((h) => h.date)).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
  });
});

describe('WorkCalendar day kinds (2026)', () => {
  const cal = buildCalendar({
    overrides: {
      closures: [{ date: '2026-03-03', reason: '市局停电检修' }],
      extraWorkdays: [{ date: '2026-03-08', reason: '医保年度结算值班' }],
    },
  });

  it.each<[string, DayKind, boolean, string | null]>([
    ['2026-02-13', 'workday', true, null], // Friday before Spring Festival
    ['2026-02-14', 'make-up-workday', true, '春节补班'], // Saturday
    ['2026-02-15', 'holiday', false, '春节'],
    ['2026-02-17', 'holiday', false, '春节'], // 初一, a Tuesday
    ['2026-02-23', 'holiday', false, '春节'], // Monday, last day off
    ['2026-02-24', 'workday', true, null],
    ['2026-02-28', 'make-up-workday', true, '春节补班'], // Saturday
    ['2026-03-01', 'weekend', false, null],
    ['2026-03-03', 'closure', false, '市局停电检修'], // a Tuesday, closed by the tenant
    ['2026-03-08', 'extra-workday', true, '医保年度结算值班'], // a Sunday, on duty
    ['2026-09-20', 'make-up-workday', true, '国庆节补班'], // Sunday
    ['2026-10-01', 'holiday', false, '国庆节'],
    ['2026-10-07', 'holiday', false, '国庆节'],
    ['2026-10-08', 'workday', true, null],
    ['2026-10-10', 'make-up-workday', true, '国庆节补班'], // Saturday
    ['2026-10-11', 'weekend', false, null],
  ])('%s is %s', (date, kind, working, name) => {
    const info = cal.describeDay(date);
    expect(info.kind).toBe(kind);
    expect(info.working).toBe(working);
    expect(info.workingMinutes).toBe(working ? 450 : 0);
    expect(info.name).toBe(name ?? undefined);
  });

  it('treats 补班 days as weekends when makeUpWorkdays is false', () => {
    const plain = buildCalendar({ makeUpWorkdays: false });
    expect(plain.describeDay('2026-02-14')).toMatchObject({ kind: 'weekend', working: false });
    expect(plain.describeDay('2026-10-10')).toMatchObject({ kind: 'weekend', working: false });
    expect(plain.describeDay('2026-10-01')).toMatchObject({ kind: 'holiday', working: false });
  });

  it.each(['2027-01-04', '2027-10-01'])('computes %s on the provisional 2027', (date) => {
    expect(cal.describeDay(date).kind).toBe(date === '2027-01-04' ? 'workday' : 'holiday');
    expect(cal.isProvisionalDate(date)).toBe(true);
    expect(cal.isProvisionalDate('2026-12-31')).toBe(false);
    expect(cal.publishedYears).toEqual([2020, 2021, 2022, 2023, 2024, 2025, 2026]);
  });

  it.each(['2031-01-06', '2031-10-01'])('refuses %s: past the provisional range', (date) => {
    expect(() => cal.describeDay(date)).toThrow(CalendarNotPublishedError);
    expect(() => cal.describeDay(date)).toThrow(/2031 is not published/);
  });

  it('refuses a year before the first published one', () => {
    expect(() => cal.describeDay('2019-12-31')).toThrow(/2019 is not published/);
  });
});

describe('calendar configuration', () => {
  it('defaults to Asia/Shanghai, 08:30–12:00 + 13:30–17:30, make-up days on', () => {
    const cal = buildCalendar({});
    expect(cal.timeZone).toBe('Asia/Shanghai');
    expect(cal.offsetMinutes).toBe(480);
    expect(cal.windows).toEqual([
      { start: 510, end: 720 },
      { start: 810, end: 1050 },
    ]);
    expect(cal.dayMinutes).toBe(450);
    expect(cal.config.makeUpWorkdays).toBe(true);
  });

  it('versions the calendar by national data + a stable hash of the configuration', () => {
    const a = buildCalendar({});
    const b = buildCalendar({ makeUpWorkdays: true, timeZone: 'Asia/Shanghai' });
    const c = buildCalendar({ makeUpWorkdays: false });
    expect(a.version).toMatch(/^cn-national@2026\.1\+chinese-days-1\.5\.7\+provisional-2027\.\.2030\+cfg-[0-9a-f]{8}$/);
    expect(b.version).toBe(a.version);
    expect(c.version).not.toBe(a.version);
  });

  it('reports every problem with its path', () => {
    const problems = validateCalendarConfig({
      timeZone: 'America/New_York',
      workingHours: [
        { start: '13:30', end: '17:30' },
        { start: '08:30', end: '12:00' },
        { start: '18:00', end: '18:00' },
      ],
      overrides: {
        closures: [
          { date: '2026-03-03', reason: 'x' },
          { date: '2031-01-06', reason: 'too early to know' },
        ],
        extraWorkdays: [{ date: '2026-03-03', reason: 'conflict' }],
      },
    });
    expect(problems.map((p) => [p.path, p.code, p.params])).toEqual([
      [
        'timeZone',
        'calendar.unsupportedZone',
        {
          value: 'America/New_York',
          known: 'Asia/Shanghai, Asia/Chongqing, Asia/Chungking, Asia/Harbin, PRC, Etc/GMT-8',
        },
      ],
      [
        'workingHours[1]',
        'calendar.windowOverlap',
        { start: '08:30', end: '12:00', prevStart: '13:30', prevEnd: '17:30' },
      ],
      ['workingHours[2]', 'calendar.windowEmpty', { start: '18:00', end: '18:00' }],
      ['overrides.closures[1].date', 'calendar.yearNotPublished', { value: '2031-01-06', year: '2031' }],
      [
        'overrides.extraWorkdays[0].date',
        'list.duplicate',
        { value: '2026-03-03', other: 'overrides.closures[0].date' },
      ],
    ]);
    expect(problems[0].message).toContain('"America/New_York" is not supported');
  });

  it('reports structural problems from zod with paths', () => {
    const problems = validateCalendarConfig({
      workingHours: [{ start: '8:30', end: '12:00' }],
      overrides: { closures: [{ date: '2026-02-30', reason: '' }] },
    });
    expect(problems.map((p) => p.path)).toEqual([
      'workingHours[0].start',
      'overrides.closures[0].date',
      'overrides.closures[0].reason',
    ]);
  });

  it('buildCalendar throws a ValidationError carrying the problems', () => {
    expect(() => buildCalendar({ timeZone: 'Europe/Berlin' })).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', problems: [expect.objectContaining({ path: 'timeZone' })] }),
    );
  });
});
