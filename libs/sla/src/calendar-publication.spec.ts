import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  parseCalendarPublication,
  parseHolidayCnFile,
  publicationToNationalYear,
  validateCalendarPublication,
  validateHolidayCnFile,
  type CalendarPublicationInput,
} from './calendar-publication';
import { CN_NATIONAL_CALENDAR, type NationalCalendar } from './national-calendar';
import { withProvisionalYears } from './provisional-calendar';
import { buildCalendar } from './work-calendar';

const NOTICE_2027 = {
  title: '国务院办公厅关于2027年部分节假日安排的通知',
  number: '国办发明电〔2026〕10号',
  date: '2026-11-10',
};
const days = (name: string, ...dates: string[]) => dates.map((date) => ({ date, name }));

/** A well-formed 2027 publication (dates made up for the test: the 2027 notice is not out). */
const valid = (): CalendarPublicationInput => ({
  year: 2027,
  notice: { ...NOTICE_2027 },
  holidays: [
    ...days('元旦', '2027-01-01', '2027-01-02', '2027-01-03'),
    ...days('春节', '2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11'),
  ],
  // Sunday 31 January and Saturday 20 February.
  makeUpWorkdays: days('春节', '2027-01-31', '2027-02-20'),
});

type Edit = (p: CalendarPublicationInput) => void;
const codesOf = (input: unknown, national: NationalCalendar = CN_NATIONAL_CALENDAR) =>
  validateCalendarPublication(input, national).map((p) => [p.path, p.code]);
const edited = (edit: Edit): CalendarPublicationInput => {
  const p = valid();
  edit(p);
  return p;
};

/** The shipped calendar without 2026, so the shipped 2026 is "the next year" to publish. */
const UNTIL_2025: NationalCalendar = {
  ...CN_NATIONAL_CALENDAR,
  years: CN_NATIONAL_CALENDAR.years.filter((y) => y.year <= 2025),
};

describe('validateCalendarPublication', () => {
  it('accepts a well-formed next year, and holidays on a Saturday or Sunday (notices list them)', () => {
    expect(validateCalendarPublication(valid())).toEqual([]);
    expect(parseCalendarPublication(valid()).problems).toEqual([]);
  });

  it.each<[string, Edit, [string, string][]]>([
    ['a malformed date', (p) => (p.holidays[1].date = '2027-1-2'), [['holidays[1].date', 'date.formatValue']]],
    [
      'a date that is not in the calendar',
      (p) => (p.makeUpWorkdays![0].date = '2027-02-30'),
      [['makeUpWorkdays[0].date', 'date.formatValue']],
    ],
    [
      'a holiday outside the year',
      (p) => (p.holidays[0].date = '2026-12-31'),
      [['holidays[0].date', 'calendar.dateOutsideYear']],
    ],
    [
      'a make-up day outside the year (a Saturday)',
      (p) => (p.makeUpWorkdays![1].date = '2028-01-08'),
      [['makeUpWorkdays[1].date', 'calendar.dateOutsideYear']],
    ],
    [
      'a make-up day on a weekday',
      (p) => (p.makeUpWorkdays![1].date = '2027-02-15'),
      [['makeUpWorkdays[1].date', 'calendar.makeUpNotWeekend']],
    ],
    [
      'a holiday listed twice',
      (p) => p.holidays.push({ date: '2027-02-06', name: '春节' }),
      [['holidays[10].date', 'list.duplicate']],
    ],
    [
      'a date both a holiday and a make-up day',
      (p) => (p.makeUpWorkdays![0].date = '2027-02-06'),
      [['makeUpWorkdays[0].date', 'list.duplicate']],
    ],
    ['no holidays', (p) => (p.holidays = []), [['holidays', 'calendar.noHolidays']]],
    ['a day without a name', (p) => (p.holidays[2].name = ' '), [['holidays[2].name', 'text.empty']]],
    ['a notice without a number', (p) => (p.notice.number = ''), [['notice.number', 'text.empty']]],
    ['a notice without a title', (p) => (p.notice.title = '  '), [['notice.title', 'text.empty']]],
    ['a notice date that is not a date', (p) => (p.notice.date = '2026/11/10'), [['notice.date', 'date.formatValue']]],
    [
      'a notice dated after the year',
      (p) => (p.notice.date = '2028-01-01'),
      [['notice.date', 'calendar.noticeAfterYear']],
    ],
    ['an empty reason', (p) => (p.reason = ' '), [['reason', 'text.empty']]],
    [
      'a year that leaves a gap after the last published one',
      (p) => (p.year = 2028),
      [
        ['year', 'calendar.yearsNotContiguous'],
        ...Array.from({ length: 12 }, (_, i): [string, string] => [
          i < 10 ? `holidays[${i}].date` : `makeUpWorkdays[${i - 10}].date`,
          'calendar.dateOutsideYear',
        ]),
      ],
    ],
  ])('%s', (_name, edit, expected) => {
    expect(codesOf(edited(edit))).toEqual(expected);
  });

  it('names the other place of a duplicate', () => {
    const [p] = validateCalendarPublication(edited((x) => (x.makeUpWorkdays![0].date = '2027-02-06')));
    expect(p).toMatchObject({
      path: 'makeUpWorkdays[0].date',
      params: { value: '2027-02-06', other: 'holidays[4].date' },
    });
  });

  it('refuses a year before the first published one', () => {
    const p = {
      ...valid(),
      year: 2019,
      notice: { ...NOTICE_2027, date: '2018-12-01' },
      holidays: days('元旦', '2019-01-01'),
      makeUpWorkdays: [],
    };
    expect(codesOf(p)).toEqual([['year', 'calendar.yearBeforeFirst']]);
  });

  it('a published year needs a reason, and a correction must change something', () => {
    const shipped2026 = CN_NATIONAL_CALENDAR.years.find((y) => y.year === 2026)!;
    const again: CalendarPublicationInput = {
      year: 2026,
      notice: {
        title: '国务院办公厅关于2026年部分节假日安排的通知',
        number: '国办发明电〔2025〕7号',
        date: '2025-11-04',
      },
      holidays: shipped2026.holidays.map(({ date, name }) => ({ date, name })),
      makeUpWorkdays: shipped2026.makeUpWorkdays.map(({ date, name }) => ({ date, name })),
    };
    expect(validateCalendarPublication(again)).toEqual([
      expect.objectContaining({
        path: 'reason',
        code: 'calendar.correctionReasonRequired',
        params: { year: '2026', version: CN_NATIONAL_CALENDAR.version },
      }),
    ]);
    expect(codesOf({ ...again, reason: '更正' })).toEqual([['reason', 'calendar.correctionUnchanged']]);
    const corrected = {
      ...again,
      reason: '通知更正：10 月 10 日不再调休',
      makeUpWorkdays: again.makeUpWorkdays!.filter((d) => d.date !== '2026-10-10'),
    };
    expect(validateCalendarPublication(corrected)).toEqual([]);
    expect(publicationToNationalYear(parseCalendarPublication(corrected).publication!).correction).toBe(
      '通知更正：10 月 10 日不再调休',
    );
  });

  it('a provisional year is replaced without a reason', () => {
    expect(validateCalendarPublication(valid(), withProvisionalYears(CN_NATIONAL_CALENDAR, 2028))).toEqual([]);
  });

  it('reports shape problems with their paths', () => {
    expect(
      codesOf({
        year: 2027.5,
        notice: { title: 'x', number: 'y' },
        holidays: [{ date: 20270101, name: '元旦' }],
        extra: 1,
      }),
    ).toEqual([
      ['year', 'number.integer'],
      ['notice.date', 'value.required'],
      ['holidays[0].date', 'value.expectedText'],
      ['(root)', 'object.unknownKeys'],
    ]);
  });

  it('bad input: every problem at once, each with its path', () => {
    const bad: CalendarPublicationInput = {
      year: 2026,
      notice: { title: '关于2026年部分节假日安排的通知', number: '', date: '2027-01-05' },
      holidays: [
        { date: '2026-01-01', name: '元旦' },
        { date: '2025-12-31', name: '元旦' },
        { date: '2026-01-01', name: '元旦' },
        { date: '2026-13-01', name: '春节' },
      ],
      makeUpWorkdays: [
        { date: '2026-01-05', name: '元旦' },
        { date: '2026-01-01', name: '元旦' },
      ],
    };
    expect(codesOf(bad)).toEqual([
      ['notice.number', 'text.empty'],
      ['notice.date', 'calendar.noticeAfterYear'],
      ['holidays[1].date', 'calendar.dateOutsideYear'],
      ['holidays[2].date', 'list.duplicate'],
      ['holidays[3].date', 'date.formatValue'],
      ['makeUpWorkdays[0].date', 'calendar.makeUpNotWeekend'],
      ['makeUpWorkdays[1].date', 'calendar.makeUpNotWeekend'],
      ['makeUpWorkdays[1].date', 'list.duplicate'],
      ['reason', 'calendar.correctionReasonRequired'],
    ]);
  });
});

describe('publicationToNationalYear', () => {
  it('sorts the days, names them in English where the festival is known, and keeps the notice', () => {
    const p = parseCalendarPublication({
      ...valid(),
      holidays: [...valid().holidays].reverse(),
      makeUpWorkdays: days('国庆节、中秋节', '2027-02-20'),
    });
    const row = publicationToNationalYear(p.publication!);
    expect(row.holidays.map((d) => d.date)).toEqual([...valid().holidays.map((d) => d.date)]);
    expect(row.makeUpWorkdays).toEqual([
      { date: '2027-02-20', name: '国庆节、中秋节', nameEn: 'National Day / Mid-autumn Festival' },
    ]);
    expect(row).toMatchObject({ year: 2027, status: 'published', notice: NOTICE_2027 });
    expect(row.correction).toBeUndefined();
    // The row extends the calendar: 2027 is then a published year that buildCalendar computes.
    const cal = buildCalendar({}, { ...CN_NATIONAL_CALENDAR, years: [...CN_NATIONAL_CALENDAR.years, row] });
    expect(cal.describeDay('2027-02-08').kind).toBe('holiday');
    expect(cal.describeDay('2027-02-20').kind).toBe('make-up-workday');
  });
});

describe('holiday-cn files', () => {
  // The fixture is in holiday-cn's shape, written from the shipped 2026 days (see its $comment).
  const file2026 = readFileSync(join(__dirname, 'fixtures', 'holiday-cn-2026.json'), 'utf8');
  const notice2026 = {
    title: '国务院办公厅关于2026年部分节假日安排的通知',
    number: '国办发明电〔2025〕7号',
    date: '2025-11-04',
  };

  it('2026 converts day for day into the shipped 2026 year', () => {
    const converted = validateHolidayCnFile(file2026, { notice: notice2026 }, UNTIL_2025);
    expect(converted.problems).toEqual([]);
    expect(converted.otherYears).toEqual([]);
    const row = publicationToNationalYear(parseCalendarPublication(converted.publication, UNTIL_2025).publication!);
    const shipped = CN_NATIONAL_CALENDAR.years.find((y) => y.year === 2026)!;
    expect({ ...row, notice: undefined }).toEqual({ ...shipped, notice: undefined });
    expect(row.holidays).toHaveLength(33);
    // Against the shipped calendar it is a correction without a reason.
    expect(validateHolidayCnFile(file2026, { notice: notice2026 }).problems.map((p) => [p.path, p.code])).toEqual([
      ['reason', 'calendar.correctionReasonRequired'],
    ]);
  });

  it('isOffDay false is a make-up working day; days of another year are set apart, not dropped', () => {
    const r = parseHolidayCnFile(
      {
        year: 2023,
        papers: ['http://www.gov.cn/zhengce/content/2022-12/08/content_5730844.htm'],
        days: [
          { name: '元旦', date: '2022-12-31', isOffDay: true },
          { name: '元旦', date: '2023-01-01', isOffDay: true },
          { name: '春节', date: '2023-01-28', isOffDay: false },
        ],
      },
      { notice: notice2026 },
    );
    expect(r.publication).toMatchObject({
      year: 2023,
      holidays: [{ date: '2023-01-01', name: '元旦' }],
      makeUpWorkdays: [{ date: '2023-01-28', name: '春节' }],
    });
    expect(r.otherYears).toEqual([{ path: 'days[0]', date: '2022-12-31', name: '元旦', isOffDay: true }]);
  });

  it('reports problems at the file paths', () => {
    const json = JSON.parse(file2026) as { days: { name: string; date: string; isOffDay: boolean }[] };
    json.days[5].date = '2026-02-30';
    json.days.push({ name: '春节', date: '2026-02-16', isOffDay: false });
    const r = validateHolidayCnFile(json, { notice: notice2026 }, UNTIL_2025);
    expect(r.problems.map((p) => [p.path, p.code, p.params.other])).toEqual([
      ['days[5].date', 'date.formatValue', undefined],
      // Monday 16 February, a holiday too.
      ['days[39].date', 'calendar.makeUpNotWeekend', undefined],
      ['days[39].date', 'list.duplicate', 'days[6].date'],
    ]);
  });

  it('a malformed file gives its problems and no publication', () => {
    expect(parseHolidayCnFile('{', { notice: notice2026 }).problems.map((p) => [p.path, p.code])).toEqual([
      ['(root)', 'text.json'],
    ]);
    const r = parseHolidayCnFile(
      { year: '2026', days: [{ name: '元旦', date: '2026-01-01', isOffDay: 'yes' }] },
      { notice: notice2026 },
    );
    expect(r.publication).toBeUndefined();
    expect(r.problems.map((p) => [p.path, p.code])).toEqual([
      ['year', 'value.expectedNumber'],
      ['days[0].isOffDay', 'value.expectedBoolean'],
    ]);
  });
});
