import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCalendarPublication, publicationToNationalYear } from './calendar-publication';
import { parseChineseDaysFile, validateChineseDaysFile } from './chinese-days-file';
import { CN_NATIONAL_CALENDAR, type NationalCalendar } from './national-calendar';

type ChineseDaysJson = {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
  inLieuDays: Record<string, string>;
};

// The installed package's whole data file (2004 onwards), read as an upload would be: the domain never imports the package.
// A file path, not a module: the domain lib may not import the package (module boundaries).
const packageFile = readFileSync(join(__dirname, '../../../node_modules/chinese-days/dist/chinese-days.json'), 'utf8');
const fresh = (): ChineseDaysJson => JSON.parse(packageFile) as ChineseDaysJson;

const notice2026 = {
  title: '国务院办公厅关于2026年部分节假日安排的通知',
  number: '国办发明电〔2025〕7号',
  date: '2025-11-04',
};
const extra2026 = { year: 2026, notice: notice2026 };
/** The shipped calendar without 2026, so 2026 is "the next year" to publish. */
const UNTIL_2025: NationalCalendar = {
  ...CN_NATIONAL_CALENDAR,
  years: CN_NATIONAL_CALENDAR.years.filter((y) => y.year <= 2025),
};
const pathsAndCodes = (r: { problems: { path: string; code: string; params: Record<string, string> }[] }) =>
  r.problems.map((p) => [p.path, p.code, p.params.other]);

describe('chinese-days files', () => {
  it("the package's 2026 converts day for day into the shipped 2026 year", () => {
    const converted = validateChineseDaysFile(packageFile, extra2026, UNTIL_2025);
    expect(converted.problems).toEqual([]);
    const row = publicationToNationalYear(parseCalendarPublication(converted.publication, UNTIL_2025).publication!);
    const shipped = CN_NATIONAL_CALENDAR.years.find((y) => y.year === 2026)!;
    expect({ ...row, notice: undefined }).toEqual({ ...shipped, notice: undefined });
    expect(row.holidays).toHaveLength(33);
    expect(row.makeUpWorkdays.map((d) => `${d.date} ${d.name}`)).toEqual([
      '2026-01-04 元旦',
      '2026-02-14 春节',
      '2026-02-28 春节',
      '2026-05-09 劳动节',
      '2026-09-20 国庆节',
      '2026-10-10 国庆节',
    ]);
  });

  it('against the shipped calendar 2026 is a correction: a reason is required, and with one nothing changes', () => {
    expect(pathsAndCodes(validateChineseDaysFile(packageFile, extra2026))).toEqual([
      ['reason', 'calendar.correctionReasonRequired', undefined],
    ]);
    expect(pathsAndCodes(validateChineseDaysFile(packageFile, { ...extra2026, reason: '核对' }))).toEqual([
      ['reason', 'calendar.correctionUnchanged', undefined],
    ]);
  });

  it('takes only the requested year; other years are ignored and listed in yearsInFile', () => {
    const r = parseChineseDaysFile(packageFile, { ...extra2026, year: 2025 });
    expect(r.problems).toEqual([]);
    expect(r.publication!.holidays.every((d) => d.date.startsWith('2025-'))).toBe(true);
    expect(r.publication!.makeUpWorkdays!.every((d) => d.date.startsWith('2025-'))).toBe(true);
    expect(r.yearsInFile[0]).toBe(2004);
    expect(r.yearsInFile).toContain(2026);

    // A 2027 day in a file asked for 2026 is not part of it (and not a problem).
    const json = fresh();
    json.holidays['2027-01-01'] = "New Year's Day,元旦,1";
    const with2027 = validateChineseDaysFile(json, extra2026, UNTIL_2025);
    expect(with2027.problems).toEqual([]);
    expect(with2027.publication!.holidays.some((d) => d.date.startsWith('2027-'))).toBe(false);
    // 2022-12-31 (元旦 of the 2023 notice) belongs to 2022, as in the shipped calendar.
    expect(
      parseChineseDaysFile(packageFile, { ...extra2026, year: 2023 }).publication!.holidays.map((d) => d.date),
    ).not.toContain('2022-12-31');
    expect(parseChineseDaysFile(packageFile, { ...extra2026, year: 2022 }).publication!.holidays).toContainEqual({
      date: '2022-12-31',
      name: '元旦',
    });
  });

  it('a year the file has no day of is calendar.noHolidays at holidays, with no publication', () => {
    const r = validateChineseDaysFile(packageFile, { ...extra2026, year: 2027 });
    expect(r.publication).toBeUndefined();
    expect(r.problems.map((p) => [p.path, p.code, p.params.year])).toEqual([
      ['holidays', 'calendar.noHolidays', '2027'],
    ]);
  });

  it('inLieuDays add no day: in the package each is a holiday with the same value, and one listed alone stays a working day', () => {
    const json = fresh();
    const inLieu = Object.entries(json.inLieuDays);
    expect(inLieu.length).toBeGreaterThan(0);
    for (const [date, value] of inLieu) expect([date, json.holidays[date]]).toEqual([date, value]);

    // Friday 2 January 2026 as an in-lieu day only: not a holiday of the publication.
    delete json.holidays['2026-01-02'];
    const r = parseChineseDaysFile(json, extra2026);
    expect(r.publication!.holidays.map((d) => d.date)).not.toContain('2026-01-02');
    expect(r.publication!.holidays).toHaveLength(32);
  });

  it('reports publication problems at the file paths', () => {
    const json = fresh();
    // Monday 16 February: a make-up day on a weekday that is also a holiday.
    json.workdays['2026-02-16'] = 'Spring Festival,春节,4';
    // Not a calendar date: kept whatever its year, so it is reported.
    json.holidays['2026-02-30'] = 'Spring Festival,春节,4';
    json.holidays['2026-04-04'] = 'Tomb-sweeping Day, ,1';
    const r = validateChineseDaysFile(json, extra2026, UNTIL_2025);
    expect(pathsAndCodes(r)).toEqual([
      ['holidays.2026-04-04', 'text.empty', undefined],
      ['holidays.2026-02-30', 'date.formatValue', undefined],
      ['workdays.2026-02-16', 'calendar.makeUpNotWeekend', undefined],
      ['workdays.2026-02-16', 'list.duplicate', 'holidays.2026-02-16'],
    ]);
    expect(r.filePath('makeUpWorkdays')).toBe('workdays');
    expect(r.filePath('notice.date')).toBe('notice.date');
  });

  it('a malformed file gives its problems at its paths and no publication', () => {
    expect(pathsAndCodes(parseChineseDaysFile('{"holidays": {', extra2026))).toEqual([
      ['(root)', 'text.json', undefined],
    ]);
    expect(pathsAndCodes(parseChineseDaysFile('[]', extra2026))).toEqual([
      ['(root)', 'value.expectedObject', undefined],
    ]);

    const wrongShape = parseChineseDaysFile(
      { holidays: { '2026-01-01': 1 }, workdays: [], inLieuDays: { '2026-01-02': true } },
      extra2026,
    );
    expect(wrongShape.publication).toBeUndefined();
    expect(wrongShape.problems.map((p) => [p.path, p.code])).toEqual([
      ['holidays.2026-01-01', 'value.expectedText'],
      ['workdays', 'value.expectedObject'],
      ['inLieuDays.2026-01-02', 'value.expectedText'],
    ]);

    // A value of the year without its Chinese name part; other years' values are not read.
    const noName = parseChineseDaysFile(
      { holidays: { '2026-01-01': '元旦', '2025-01-01': 'whatever' }, workdays: {} },
      extra2026,
    );
    expect(noName.publication).toBeUndefined();
    expect(noName.problems.map((p) => [p.path, p.code])).toEqual([['holidays.2026-01-01', 'text.format']]);
  });
});
