/**
 * Writes libs/sla/src/data/cn-national-calendar.json from the `chinese-days` package, and from holiday-cn
 * year files given on the command line.
 *
 * The package is read here, at build time, and never at run time: the domain libraries import the
 * generated, versioned JSON (ESLint bans `chinese-days` in libs). The package silently treats an
 * unpublished year (2027 today) as an ordinary year, so only the years listed in PUBLISHED_YEARS (and
 * `--year`) are written, each marked `published`, and a year that would be written with no holidays is
 * refused (exit 1); the engine fails closed for every other year.
 *
 * The package computes with local `Date`s and gives dates a day early west of UTC, so the process is
 * pinned to Asia/Shanghai before the package is loaded (as scripts/generate-festival-dates.ts does).
 *
 * `--holiday-cn <file>` (repeatable) adds or replaces a year from a NateScarlet/holiday-cn year file,
 * validated like a publication from the console (libs/sla/src/calendar-publication.ts). The file has no
 * notice number or date, so give them after it: `--notice-number 国办发明电〔2026〕10号 --notice-date
 * 2026-11-10` (`--notice-title` defaults to the notices' usual title). Replacing a year the package has
 * is a correction: `--reason <text>` is required and recorded in the year, and the version says which
 * years came from files.
 *
 * Output is deterministic (sorted, no timestamp) so a re-run with the same inputs is a no-op diff.
 * Run: npm run calendar:generate [-- --holiday-cn 2027.json --notice-number … --notice-date …]
 *      `--check` compares instead of writing and exits 1 on any difference.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { writeOrCheck } from './generated-file';
import {
  publicationToNationalYear,
  validateHolidayCnFile,
  type CalendarNotice,
  type NationalCalendar,
  type NationalDay,
  type NationalYear,
  type PublishedNationalYear,
} from '@ledger/sla';

/** Years whose State Council notice is out and present in the package data. Extend when a notice appears. */
const PUBLISHED_YEARS = [2020, 2021, 2022, 2023, 2024, 2025, 2026];
/** Bump when the same package version is re-generated with a different interpretation. */
const DATA_REVISION = 1;

const OUT = resolve(__dirname, '..', 'libs', 'sla', 'src', 'data', 'cn-national-calendar.json');

type ChineseDays = typeof import('chinese-days');

export type HolidayCnSource = { file: string; notice: CalendarNotice; reason?: string };
export type GeneratorOptions = { years: number[]; holidayCn: HolidayCnSource[]; check: boolean };
/** What is written: the national calendar's shape plus where it came from. */
export type NationalCalendarFile = NationalCalendar & {
  generatedBy: string;
  note: string;
  years: (NationalYear | PublishedNationalYear)[];
};

const noticeTitle = (year: number | string): string => `国务院办公厅关于${year}年部分节假日安排的通知`;

/** The command line; `--notice-*` and `--reason` belong to the `--holiday-cn` before them. */
export function parseArgs(argv: readonly string[]): { options: GeneratorOptions; errors: string[] } {
  const options: GeneratorOptions = { years: [...PUBLISHED_YEARS], holidayCn: [], check: false };
  const errors: string[] = [];
  const given: { file: string; title?: string; number?: string; date?: string; reason?: string }[] = [];
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === '--check') {
      options.check = true;
      continue;
    }
    const value = argv[i + 1];
    if (!['--year', '--holiday-cn', '--notice-title', '--notice-number', '--notice-date', '--reason'].includes(flag)) {
      errors.push(`unknown argument ${flag}`);
      continue;
    }
    i++;
    if (value === undefined || value.startsWith('--')) {
      errors.push(`${flag} needs a value`);
      i--;
      continue;
    }
    const last = given[given.length - 1];
    if (flag === '--year') {
      const year = Number(value);
      if (!Number.isInteger(year)) errors.push(`--year ${value}: not a year`);
      else if (!options.years.includes(year)) options.years.push(year);
    } else if (flag === '--holiday-cn') given.push({ file: value });
    else if (!last) errors.push(`${flag} must follow the --holiday-cn file it belongs to`);
    else if (flag === '--notice-title') last.title = value;
    else if (flag === '--notice-number') last.number = value;
    else if (flag === '--notice-date') last.date = value;
    else last.reason = value;
  }
  options.years.sort((a, b) => a - b);
  for (const g of given) {
    // A missing number or date is left empty: the publication check names it with the file.
    options.holidayCn.push({
      file: g.file,
      notice: { title: g.title ?? '', number: g.number ?? '', date: g.date ?? '' },
      ...(g.reason !== undefined ? { reason: g.reason } : {}),
    });
  }
  return { options, errors };
}

/** Year of a parsed holiday-cn file, for the default notice title and the order of files. */
function fileYear(json: unknown): number | undefined {
  const year = typeof json === 'object' && json !== null && 'year' in json ? json.year : undefined;
  return typeof year === 'number' ? year : undefined;
}

const listed = (row: NationalYear | undefined, date: string, isOffDay: boolean): boolean =>
  (isOffDay ? row?.holidays : row?.makeUpWorkdays)?.some((d) => d.date === date) ?? false;

/**
 * The calendar to write: the package's years, then each holiday-cn file (in year order) validated against
 * what is assembled so far and added or put in place of its year. Errors (every problem of every file,
 * and every year left with no holidays) mean nothing is written.
 */
export function assembleCalendar(
  packageYears: readonly NationalYear[],
  files: readonly { source: HolidayCnSource; json: unknown }[],
  pkgVersion: string,
): { data: NationalCalendarFile | undefined; errors: string[] } {
  const errors: string[] = [];
  const years = new Map<number, NationalYear | PublishedNationalYear>(packageYears.map((y) => [y.year, y]));
  const fromFiles: number[] = [];
  const sorted = files
    .map((f) => ({ ...f, json: typeof f.json === 'string' ? safeJson(f.json) : f.json }))
    .sort((a, b) => (fileYear(a.json) ?? 0) - (fileYear(b.json) ?? 0));
  for (const { source, json } of sorted) {
    const year = fileYear(json);
    const notice = { ...source.notice, title: source.notice.title || (year !== undefined ? noticeTitle(year) : '') };
    // Only years with holidays count as published: an empty package year is what a file fills in.
    const national: NationalCalendar = {
      version: versionOf([...years.keys()], pkgVersion, fromFiles),
      years: [...years.values()].filter((y) => y.holidays.length > 0),
    };
    const r = validateHolidayCnFile(
      json,
      { notice, ...(source.reason !== undefined ? { reason: source.reason } : {}) },
      national,
    );
    const problems = r.problems.map((p) => `${source.file}: ${p.path}: ${p.message}`);
    for (const d of r.otherYears) {
      const y = Number(d.date.slice(0, 4));
      if (!listed(years.get(y), d.date, d.isOffDay)) {
        problems.push(
          `${source.file}: ${d.path}: ${d.date} (${d.name}) is a day of ${y}, whose calendar does not list it as a ${d.isOffDay ? 'holiday' : 'make-up working day'}`,
        );
      }
    }
    errors.push(...problems);
    if (problems.length || !r.publication) continue;
    const row = publicationToNationalYear({ ...r.publication, makeUpWorkdays: r.publication.makeUpWorkdays ?? [] });
    years.set(row.year, row);
    fromFiles.push(row.year);
  }

  const rows = [...years.values()].sort((a, b) => a.year - b.year);
  for (const y of rows) {
    if (y.holidays.length === 0) {
      errors.push(
        `${y.year}: no holidays — refusing to write an empty year (is its notice in chinese-days ${pkgVersion}? update the package or give --holiday-cn)`,
      );
    }
  }
  rows.forEach((y, i) => {
    if (i > 0 && y.year !== rows[i - 1].year + 1)
      errors.push(`${y.year}: the years must be contiguous (${rows[i - 1].year} is followed by ${y.year})`);
  });
  if (errors.length) return { data: undefined, errors };
  const data: NationalCalendarFile = {
    version: versionOf(
      rows.map((y) => y.year),
      pkgVersion,
      fromFiles,
    ),
    source: { package: 'chinese-days', version: pkgVersion },
    generatedBy: 'scripts/generate-national-calendar.ts',
    note: 'Statutory holidays (days off, including weekends inside a holiday block) and make-up working days (调休/补班). Years not listed are not published: the engine refuses them.',
    years: rows,
  };
  return { data, errors };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text; // validateHolidayCnFile reports it as not JSON
  }
}

/** `cn-national@2027.1+chinese-days-1.5.7+holiday-cn-2027`: a file's year (or a correction) is a new version. */
function versionOf(years: readonly number[], pkgVersion: string, fromFiles: readonly number[]): string {
  const last = Math.max(...years);
  const files = fromFiles.length ? `+holiday-cn-${[...fromFiles].sort((a, b) => a - b).join('.')}` : '';
  return `cn-national@${last}.${DATA_REVISION}+chinese-days-${pkgVersion}${files}`;
}

function pinZone(): void {
  process.env.TZ = 'Asia/Shanghai';
  const offset = new Date(Date.UTC(2027, 0, 1)).getTimezoneOffset();
  if (offset !== -480) throw new Error(`could not pin the process to Asia/Shanghai (offset ${offset})`);
}

function packageVersion(): string {
  const pkgJson = join(dirname(require.resolve('chinese-days')), '..', 'package.json');
  const pkg = JSON.parse(readFileSync(pkgJson, 'utf8')) as { name: string; version: string };
  if (pkg.name !== 'chinese-days') throw new Error(`unexpected package at ${pkgJson}: ${pkg.name}`);
  return pkg.version;
}

function isWeekend(date: string): boolean {
  const dow = new Date(`${date}T00:00:00Z`).getUTCDay();
  return dow === 0 || dow === 6;
}

/** One year from the package; an unpublished year comes back with no holidays (refused by assembleCalendar). */
function yearData(cd: ChineseDays, year: number): NationalYear {
  /** The package names days "English,中文,statutory-days" (e.g. "Spring Festival,春节,4"). */
  const named = (date: string): NationalDay => {
    const detail = cd.getDayDetail(date);
    const [nameEn, name] = detail.name.split(',');
    if (!name) throw new Error(`${date}: the package gives no festival name ("${detail.name}")`);
    return { date, name, nameEn };
  };
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  // includeWeekends=false → only dates the package lists as holidays (weekends inside a holiday block included).
  const holidays = [...cd.getHolidaysInRange(from, to, false)].sort().map(named);
  // 补班: a Saturday or Sunday that the package reports as a working day.
  const makeUpWorkdays = cd.getWorkdaysInRange(from, to, true).filter(isWeekend).sort().map(named);
  for (const h of holidays) {
    if (cd.getDayDetail(h.date).work) throw new Error(`${h.date} is listed as a holiday but reported as a working day`);
  }
  return { year, status: 'published', holidays, makeUpWorkdays };
}

async function main(): Promise<void> {
  const { options, errors: argErrors } = parseArgs(process.argv.slice(2));
  if (argErrors.length) {
    console.error(argErrors.join('\n'));
    process.exit(1);
  }
  pinZone();
  const cd: ChineseDays = await import('chinese-days');
  const pkgVersion = packageVersion();
  const files = options.holidayCn.map((source) => ({ source, json: readFileSync(source.file, 'utf8') }));
  const { data, errors } = assembleCalendar(
    options.years.map((y) => yearData(cd, y)),
    files,
    pkgVersion,
  );
  if (!data) {
    console.error(`nothing written:\n${errors.join('\n')}`);
    process.exit(1);
  }
  const text = `${JSON.stringify(data, null, 2)}\n`;
  if (!writeOrCheck(OUT, text, options.check, `chinese-days ${pkgVersion}`)) return;
  const counts = data.years.map(
    (y) => `${y.year}: ${y.holidays.length} holidays, ${y.makeUpWorkdays.length} make-up days`,
  );
  console.log(`wrote ${OUT}\n${data.version}\n${counts.join('\n')}`);
}

// Imported by test/generate-national-calendar.spec.ts for its pure parts: run only from the command line.
if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
