/**
 * Writes libs/sla/src/data/cn-national-calendar.json from the `chinese-days` package.
 *
 * The package is read here, at build time, and never at run time: the domain libraries import the
 * generated, versioned JSON (ESLint bans `chinese-days` in libs). The package silently treats an
 * unpublished year (2027 today) as an ordinary year, so only the years listed in PUBLISHED_YEARS are
 * written, each marked `published`; the engine fails closed for every other year.
 *
 * Output is deterministic (sorted, no timestamp) so a re-run with the same package is a no-op diff.
 * Run: npm run calendar:generate
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { getDayDetail, getHolidaysInRange, getWorkdaysInRange } from 'chinese-days';

/** Years whose State Council notice is out and present in the package data. Extend when a notice appears. */
const PUBLISHED_YEARS = [2020, 2021, 2022, 2023, 2024, 2025, 2026];
/** Bump when the same package version is re-generated with a different interpretation. */
const DATA_REVISION = 1;

const OUT = resolve(__dirname, '..', 'libs', 'sla', 'src', 'data', 'cn-national-calendar.json');

type NamedDay = { date: string; name: string; nameEn: string };

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

/** The package names days "English,中文,statutory-days" (e.g. "Spring Festival,春节,4"). */
function named(date: string): NamedDay {
  const detail = getDayDetail(date);
  const [nameEn, name] = detail.name.split(',');
  if (!name) throw new Error(`${date}: the package gives no festival name ("${detail.name}")`);
  return { date, name, nameEn };
}

function yearData(year: number): { year: number; status: 'published'; holidays: NamedDay[]; makeUpWorkdays: NamedDay[] } {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  // includeWeekends=false → only dates the package lists as holidays (weekends inside a holiday block included).
  const holidays = [...getHolidaysInRange(from, to, false)].sort().map(named);
  // 补班: a Saturday or Sunday that the package reports as a working day.
  const makeUpWorkdays = getWorkdaysInRange(from, to, true).filter(isWeekend).sort().map(named);
  for (const h of holidays) {
    if (getDayDetail(h.date).work) throw new Error(`${h.date} is listed as a holiday but reported as a working day`);
  }
  if (holidays.length === 0) throw new Error(`${year}: no holidays in the package data — not published?`);
  return { year, status: 'published', holidays, makeUpWorkdays };
}

function main(): void {
  const pkgVersion = packageVersion();
  const years = PUBLISHED_YEARS.map(yearData);
  const lastYear = PUBLISHED_YEARS[PUBLISHED_YEARS.length - 1];
  const data = {
    version: `cn-national@${lastYear}.${DATA_REVISION}+chinese-days-${pkgVersion}`,
    source: { package: 'chinese-days', version: pkgVersion },
    generatedBy: 'scripts/generate-national-calendar.ts',
    note: 'Statutory holidays (days off, including weekends inside a holiday block) and make-up working days (调休/补班). Years not listed are not published: the engine refuses them.',
    years,
  };
  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(OUT, `${JSON.stringify(data, null, 2)}\n`, 'utf8');
  const counts = years.map((y) => `${y.year}: ${y.holidays.length} holidays, ${y.makeUpWorkdays.length} make-up days`);
  console.log(`wrote ${OUT}\n${data.version}\n${counts.join('\n')}`);
}

main();
