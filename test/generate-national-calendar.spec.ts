import { spawnSync } from 'child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import { buildCalendar, CN_NATIONAL_CALENDAR, nationalCalendarSchema, type NationalYear } from '@ledger/sla';
import { assembleCalendar, parseArgs } from '../scripts/generate-national-calendar';

// The generator's pure parts: what it would write from the package's years and holiday-cn files. The
// shipped JSON is never rewritten here (the one process run below uses --check).
const root = resolve(__dirname, '..');
const PKG = CN_NATIONAL_CALENDAR.source?.version ?? '1.5.7';
/** The package's years as shipped, so the assembled calendar can be compared with the shipped one. */
const shipped = (): NationalYear[] => CN_NATIONAL_CALENDAR.years.map((y) => ({ ...y }));
/** What chinese-days gives for a year whose notice it does not have: an ordinary year, no holidays. */
const empty = (year: number): NationalYear => ({ year, status: 'published', holidays: [], makeUpWorkdays: [] });

const NOTICE_2027 = { title: '', number: '国办发明电〔2026〕10号', date: '2026-11-10' };
/** A holiday-cn year file for 2027 (dates made up for the test: the 2027 notice is not out). */
const holidayCn2027 = {
  year: 2027,
  papers: [],
  days: [
    { name: '元旦', date: '2027-01-01', isOffDay: true },
    { name: '元旦', date: '2027-01-02', isOffDay: true },
    { name: '元旦', date: '2027-01-03', isOffDay: true },
    { name: '春节', date: '2027-01-31', isOffDay: false },
    ...['05', '06', '07', '08', '09', '10', '11'].map((d) => ({ name: '春节', date: `2027-02-${d}`, isOffDay: true })),
    { name: '春节', date: '2027-02-20', isOffDay: false },
  ],
};
const file2026 = readFileSync(join(root, 'libs/sla/src/fixtures/holiday-cn-2026.json'), 'utf8');
const notice2026 = { title: '', number: '国办发明电〔2025〕7号', date: '2025-11-04' };

describe('generate-national-calendar: assembleCalendar', () => {
  it('from the shipped years alone it gives the shipped calendar', () => {
    const { data, errors } = assembleCalendar(shipped(), [], PKG);
    expect(errors).toEqual([]);
    expect(nationalCalendarSchema.parse(data)).toEqual(CN_NATIONAL_CALENDAR);
  });

  it('refuses a year with no holidays, and writes nothing', () => {
    const { data, errors } = assembleCalendar([...shipped(), empty(2027)], [], PKG);
    expect(data).toBeUndefined();
    expect(errors).toEqual([expect.stringMatching(/^2027: no holidays — refusing to write an empty year/)]);
  });

  it('a holiday-cn file fills that year in, with its notice and a new version', () => {
    const { data, errors } = assembleCalendar(
      [...shipped(), empty(2027)],
      [{ source: { file: '2027.json', notice: NOTICE_2027 }, json: JSON.stringify(holidayCn2027) }],
      PKG,
    );
    expect(errors).toEqual([]);
    const row = data!.years.find((y) => y.year === 2027)!;
    expect(row).toMatchObject({
      status: 'published',
      notice: {
        title: '国务院办公厅关于2027年部分节假日安排的通知',
        number: '国办发明电〔2026〕10号',
        date: '2026-11-10',
      },
      makeUpWorkdays: [
        { date: '2027-01-31', name: '春节', nameEn: 'Spring Festival' },
        { date: '2027-02-20', name: '春节', nameEn: 'Spring Festival' },
      ],
    });
    expect(row.holidays).toHaveLength(10);
    expect(data!.version).toBe(`cn-national@2027.1+chinese-days-${PKG}+holiday-cn-2027`);
    // What is written loads and computes 2027.
    const cal = buildCalendar({}, nationalCalendarSchema.parse(data));
    expect(cal.describeDay('2027-02-20').kind).toBe('make-up-workday');
  });

  it("a file's problems are reported with the file's paths and nothing is written", () => {
    const bad = {
      ...holidayCn2027,
      days: [
        ...holidayCn2027.days,
        { name: '春节', date: '2027-02-15', isOffDay: false },
        { name: '春节', date: '2027-02-06', isOffDay: true },
      ],
    };
    const { data, errors } = assembleCalendar(
      [...shipped(), empty(2027)],
      [{ source: { file: '2027.json', notice: { ...NOTICE_2027, number: '' } }, json: bad }],
      PKG,
    );
    expect(data).toBeUndefined();
    expect(errors).toEqual([
      '2027.json: notice.number: must not be empty',
      '2027.json: days[12].date: 2027-02-15 is not a Saturday or Sunday: a make-up working day is a weekend day',
      '2027.json: days[13].date: "2027-02-06" is listed twice (also days[5].date)',
      '2027: no holidays — refusing to write an empty year (is its notice in chinese-days 1.5.7? update the package or give --holiday-cn)',
    ]);
  });

  it('replacing a year the package has is a correction: it needs a reason and a change', () => {
    const source = { file: 'holiday-cn-2026.json', notice: notice2026 };
    expect(assembleCalendar(shipped(), [{ source, json: file2026 }], PKG).errors).toEqual([
      expect.stringMatching(/^holiday-cn-2026\.json: reason: the national calendar for 2026 is already published/),
    ]);
    expect(
      assembleCalendar(shipped(), [{ source: { ...source, reason: '核对' }, json: file2026 }], PKG).errors,
    ).toEqual(['holiday-cn-2026.json: reason: the same days as the published calendar for 2026: nothing to correct']);
    const corrected = JSON.parse(file2026) as { days: { date: string }[] };
    corrected.days = corrected.days.filter((d) => d.date !== '2026-10-10');
    const { data, errors } = assembleCalendar(
      shipped(),
      [{ source: { ...source, reason: '通知更正' }, json: corrected }],
      PKG,
    );
    expect(errors).toEqual([]);
    expect(data!.years.find((y) => y.year === 2026)).toMatchObject({
      correction: '通知更正',
      notice: { number: '国办发明电〔2025〕7号' },
    });
    expect(data!.years.find((y) => y.year === 2026)!.makeUpWorkdays.map((d) => d.date)).not.toContain('2026-10-10');
    expect(data!.version).toBe(`cn-national@2026.1+chinese-days-${PKG}+holiday-cn-2026`);
  });

  it("days of another year in a file must agree with that year's calendar", () => {
    const withEve = {
      ...holidayCn2027,
      days: [{ name: '元旦', date: '2026-12-31', isOffDay: true }, ...holidayCn2027.days],
    };
    expect(
      assembleCalendar(
        [...shipped(), empty(2027)],
        [{ source: { file: '2027.json', notice: NOTICE_2027 }, json: withEve }],
        PKG,
      ).errors,
    ).toEqual([
      '2027.json: days[0]: 2026-12-31 (元旦) is a day of 2026, whose calendar does not list it as a holiday',
      expect.stringMatching(/^2027: no holidays/),
    ]);
  });
});

describe('generate-national-calendar: parseArgs', () => {
  it('attaches notice and reason to the file before them, and adds years', () => {
    const { options, errors } = parseArgs([
      '--holiday-cn',
      'a.json',
      '--notice-number',
      'N',
      '--notice-date',
      '2026-11-10',
      '--reason',
      'R',
      '--holiday-cn',
      'b.json',
      '--year',
      '2027',
    ]);
    expect(errors).toEqual([]);
    expect(options.years).toEqual([2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027]);
    expect(options.holidayCn).toEqual([
      { file: 'a.json', notice: { title: '', number: 'N', date: '2026-11-10' }, reason: 'R' },
      { file: 'b.json', notice: { title: '', number: '', date: '' } },
    ]);
  });

  it('refuses a stray flag, a flag without a value and a notice without a file', () => {
    expect(parseArgs(['--reason', 'R', '--holiday-cn', '--year', 'x', '--what']).errors).toEqual([
      '--reason must follow the --holiday-cn file it belongs to',
      '--holiday-cn needs a value',
      '--year x: not a year',
      'unknown argument --what',
    ]);
  });
});

describe('generate-national-calendar: the script', () => {
  // One process run each, from a zone west of UTC where the package gives dates a day early unless pinned.
  const run = (...args: string[]) =>
    spawnSync(resolve(root, 'node_modules/.bin/tsx'), ['scripts/generate-national-calendar.ts', '--check', ...args], {
      cwd: root,
      env: { ...process.env, TZ: 'America/Los_Angeles' },
      encoding: 'utf8',
    });

  it('the shipped JSON is what the installed package gives', () => {
    expect(run()).toMatchObject({ status: 0, stderr: '' });
  }, 60_000);

  it('refuses an empty year (exit 1) and takes a holiday-cn file from the command line', () => {
    const refused = run('--year', '2027');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/2027: no holidays — refusing to write an empty year/);
    const dir = mkdtempSync(join(tmpdir(), 'holiday-cn-'));
    writeFileSync(join(dir, '2027.json'), JSON.stringify(holidayCn2027));
    const filled = run(
      '--year',
      '2027',
      '--holiday-cn',
      join(dir, '2027.json'),
      '--notice-number',
      '国办发明电〔2026〕10号',
      '--notice-date',
      '2026-11-10',
    );
    // --check: the assembled calendar (with 2027) differs from the shipped one, which stays as it is.
    expect(filled.status).toBe(1);
    expect(filled.stderr).toMatch(/differs from what chinese-days/);
  }, 60_000);
});
