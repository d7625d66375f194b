/**
 * Writes libs/sla/src/data/cn-festival-dates.json: per Gregorian year, the dates of 正月初一, 清明, 端午 and 中秋
 * from the `chinese-days` package's lunar conversion and solar-term functions. The provisional calendar
 * (libs/sla/src/provisional-calendar.ts) builds unpublished years from them; like the national calendar,
 * the package is read here, at build time, and never at run time (ESLint bans it in libs).
 *
 * The package computes with local `Date`s: in a zone west of UTC (America/Los_Angeles) it returns every
 * date one day early. So this script pins the process to Asia/Shanghai before calling it, and checks
 * each date back through the package's reverse conversion.
 *
 * Run: npm run calendar:generate (with the national calendar). `--check` compares instead of writing
 * and exits 1 on any difference (test/provisional-calendar-library.spec.ts runs it).
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { writeOrCheck } from './generated-file';
import { getLunarDate, getSolarDateFromLunar, getSolarTermDate, getSolarTerms } from 'chinese-days';

/** The first published national year through a horizon far enough for multi-year contracts. */
const FIRST_YEAR = 2020;
const LAST_YEAR = 2050;
/** Bump when the same package version is re-generated with a different interpretation. */
const DATA_REVISION = 1;

const OUT = resolve(__dirname, '..', 'libs', 'sla', 'src', 'data', 'cn-festival-dates.json');

type FestivalYear = { year: number; lunarNewYear: string; qingming: string; dragonBoat: string; midAutumn: string };

function packageVersion(): string {
  const pkgJson = join(dirname(require.resolve('chinese-days')), '..', 'package.json');
  const pkg = JSON.parse(readFileSync(pkgJson, 'utf8')) as { name: string; version: string };
  if (pkg.name !== 'chinese-days') throw new Error(`unexpected package at ${pkgJson}: ${pkg.name}`);
  return pkg.version;
}

function pinZone(): void {
  process.env.TZ = 'Asia/Shanghai';
  const offset = new Date(Date.UTC(2027, 0, 1)).getTimezoneOffset();
  if (offset !== -480) throw new Error(`could not pin the process to Asia/Shanghai (offset ${offset})`);
}

function dayBefore(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

/** The solar date of lunar month/day in lunar year `year` (the ordinary month, never a leap month). */
function lunar(year: number, month: number, day: number): string {
  const date = getSolarDateFromLunar(`${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`).date;
  const back = getLunarDate(date);
  if (back.lunarYear !== year || back.lunarMon !== month || back.lunarDay !== day || back.isLeap) {
    throw new Error(`lunar ${year}-${month}-${day} → ${date} → ${JSON.stringify(back)}: the conversions disagree`);
  }
  return date;
}

function festivalYear(year: number): FestivalYear {
  const lunarNewYear = lunar(year, 1, 1);
  const eve = getLunarDate(dayBefore(lunarNewYear));
  if (eve.lunarYear !== year - 1 || eve.lunarMon !== 12 || eve.isLeap || (eve.lunarDay !== 29 && eve.lunarDay !== 30)) {
    throw new Error(
      `${year}: the day before 正月初一 ${lunarNewYear} is not the last day of 腊月 (${JSON.stringify(eve)})`,
    );
  }
  const qingming = getSolarTermDate(year, 4, 'pure_brightness');
  if (!getSolarTerms(qingming).some((t) => t.term === 'pure_brightness'))
    throw new Error(`${year}: ${qingming} is not 清明 in getSolarTerms`);
  const row = { year, lunarNewYear, qingming, dragonBoat: lunar(year, 5, 5), midAutumn: lunar(year, 8, 15) };
  for (const [key, date] of Object.entries(row)) {
    if (key !== 'year' && !String(date).startsWith(`${year}-`))
      throw new Error(`${year}: ${key} ${date} is outside the year`);
  }
  return row;
}

function main(): void {
  pinZone();
  const pkgVersion = packageVersion();
  const years: FestivalYear[] = [];
  for (let y = FIRST_YEAR; y <= LAST_YEAR; y++) years.push(festivalYear(y));
  const data = {
    version: `cn-festivals@${DATA_REVISION}+chinese-days-${pkgVersion}`,
    source: { package: 'chinese-days', version: pkgVersion },
    generatedBy: 'scripts/generate-festival-dates.ts',
    note: 'Solar dates of 正月初一 (除夕 is the day before), the 清明 solar term, 端午 (五月初五) and 中秋 (八月十五), ordinary lunar months only. Used for provisional calendar years.',
    years,
  };
  const text = `${JSON.stringify(data, null, 2)}\n`;
  if (!writeOrCheck(OUT, text, process.argv.includes('--check'), `chinese-days ${pkgVersion}`)) return;
  console.log(`wrote ${OUT}\n${data.version}\n${years.length} years ${FIRST_YEAR}..${LAST_YEAR}`);
}

main();
