/**
 * Working-time engine vs `dayjs-business-time` (npm run bench:sla). Not a test.
 *
 * Both engines get the same cases from a seeded PRNG over 2025–2026 and the same rules: national
 * holidays from our versioned data, Mon–Fri 08:30–12:00 + 13:30–17:30, Asia/Shanghai. The peer cannot
 * express 补班 (make-up working days), so ours runs with `makeUpWorkdays: false`.
 *
 * The national calendar is read as the running system reads it: at start, from `national_calendar_years` in a
 * fresh migrated database on the local server (bench/lib/bench-db.ts), as the app role in the system scope,
 * through NationalCalendarStore; a second read must return the same WorkCalendar instance (cached per national
 * version + configuration). The database is dropped before anything is timed; the peer gets the same years.
 *
 * Case definitions (chosen so both engines are asked the same question):
 *  - add:  start = a whole minute, minutes ∈ [1, 4500] (≤ 10 working days), start < 2026-12-10 so every
 *          result stays inside the published range. m = 0 is not drawn: the peer returns the next
 *          opening for 0 minutes while ours returns the start itself (add(a, 0) = a, the identity the
 *          clock laws need); that is a convention difference, not an error, and it is stated here.
 *  - diff: a = a whole minute before 2026-12-01, b = a + [0, 30 days] in whole minutes.
 * Whole-minute instants: the peer truncates sub-minute parts in its own way; ours floors to the minute.
 *
 * The peer walks day by day (and scans its holiday array per day), so it is timed on a deterministic
 * prefix of the cases (PEER_CASES per kind, ≥ 100,000) and ours on all of them; equality is checked
 * case by case on the peer's prefix. `BENCH_PEER_CASES=1000000 npm run bench:sla` runs the peer on all
 * cases (~25 min); the committed bench/results/sla.json comes from such a full run.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { NationalCalendarStore } from '@ledger/features';
import { createDataSource, TenantDatabase } from '@ledger/persistence';
import {
  addWorkingMinutes,
  calendarConfigSchema,
  formatInstant,
  workingMinutesBetween,
  type NationalCalendar,
  type WorkCalendar,
} from '@ledger/sla';
import { createBenchDatabase } from './lib/bench-db';

// The peer computes in the host zone: pin it before any date is built, and check it took.
process.env.TZ = 'Asia/Shanghai';

const SEED = 20260213;
const CASES = 1_000_000;
const PEER_CASES = Math.max(100_000, Number(process.env.BENCH_PEER_CASES ?? 100_000));
const MINUTE = 60_000;

/** mulberry32: small, fast, deterministic. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sh = (y: number, mo: number, d: number): number => Date.UTC(y, mo - 1, d) - 8 * 60 * MINUTE; // local midnight +08:00

function makeCases() {
  const rnd = prng(SEED);
  const int = (lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1));
  const addStart = new Float64Array(CASES);
  const addMinutes = new Int32Array(CASES);
  const diffA = new Float64Array(CASES);
  const diffB = new Float64Array(CASES);
  const from = sh(2025, 1, 1) / MINUTE;
  const addTo = sh(2026, 12, 10) / MINUTE - 1;
  const diffTo = sh(2026, 12, 1) / MINUTE - 1;
  for (let i = 0; i < CASES; i++) {
    addStart[i] = int(from, addTo) * MINUTE;
    addMinutes[i] = int(1, 4500);
    const a = int(from, diffTo);
    diffA[i] = a * MINUTE;
    diffB[i] = (a + int(0, 30 * 1440)) * MINUTE;
  }
  return { addStart, addMinutes, diffA, diffB };
}

function packageVersion(name: string): string {
  const pkg = JSON.parse(readFileSync(join(__dirname, '..', 'node_modules', name, 'package.json'), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

/**
 * The national calendar and our working calendar, read from a fresh migrated database through NationalCalendarStore
 * (two reads: the second must be served from the per-version cache, same instance). The database is dropped after.
 */
async function calendarFromDatabase(): Promise<{ national: NationalCalendar; cal: WorkCalendar; readMs: number }> {
  const bench = await createBenchDatabase('sla');
  const ds = createDataSource({ url: bench.appUrl }, { poolSize: 1 });
  try {
    await ds.initialize();
    const db = new TenantDatabase(ds, { setRole: false });
    const store = new NationalCalendarStore();
    const config = { calendar: calendarConfigSchema.parse({ timeZone: 'Asia/Shanghai', makeUpWorkdays: false }) };
    const scope = { kind: 'system', operation: 'bench:sla' } as const;
    const t0 = performance.now();
    const first = await db.run(scope, async (em) => ({
      national: await store.national(em),
      cal: await store.calendarOf(em, config),
    }));
    const readMs = performance.now() - t0;
    const again = await db.run(scope, (em) => store.calendarOf(em, config));
    if (again !== first.cal)
      throw new Error(
        'NationalCalendarStore built a second WorkCalendar for the same national version and configuration',
      );
    if (first.cal.version !== again.version || !first.cal.version.startsWith(first.national.version))
      throw new Error(`calendar version ${first.cal.version} is not on ${first.national.version}`);
    return { ...first, readMs };
  } finally {
    if (ds.isInitialized) await ds.destroy();
    await bench.drop();
  }
}

async function main(): Promise<void> {
  if (new Date(sh(2026, 3, 1)).getTimezoneOffset() !== -480)
    throw new Error('TZ=Asia/Shanghai did not take effect; the comparison would be invalid');
  const { national, cal, readMs } = await calendarFromDatabase();
  console.log(
    `calendar ${cal.version} read from national_calendar_years in ${Math.round(readMs)} ms; second read: same WorkCalendar (cached)`,
  );
  const dayjs = (await import('dayjs')).default;
  const businessTime = (await import('dayjs-business-time')).default;
  dayjs.extend(businessTime);

  // The peer gets the published years' holidays of the same database version (provisional years lie after the cases).
  const holidays = national.years.filter((y) => y.status === 'published').flatMap((y) => y.holidays.map((h) => h.date));
  dayjs.setHolidays(holidays);
  const hours = [
    { start: '08:30:00', end: '12:00:00' },
    { start: '13:30:00', end: '17:30:00' },
  ];
  dayjs.setBusinessTime({
    sunday: null,
    monday: hours,
    tuesday: hours,
    wednesday: hours,
    thursday: hours,
    friday: hours,
    saturday: null,
  });

  const { addStart, addMinutes, diffA, diffB } = makeCases();

  // --- ours: all cases (after a short warm-up so we time compiled code, as for the peer) ---
  for (let i = 0; i < 20_000; i++) {
    addWorkingMinutes(cal, addStart[i], addMinutes[i]);
    workingMinutesBetween(cal, diffA[i], diffB[i]);
  }
  const oursAdd = new Float64Array(CASES);
  const oursDiff = new Float64Array(CASES);
  let t0 = performance.now();
  for (let i = 0; i < CASES; i++) oursAdd[i] = addWorkingMinutes(cal, addStart[i], addMinutes[i]);
  const oursAddMs = performance.now() - t0;
  t0 = performance.now();
  for (let i = 0; i < CASES; i++) oursDiff[i] = workingMinutesBetween(cal, diffA[i], diffB[i]);
  const oursDiffMs = performance.now() - t0;

  // --- peer: the first PEER_CASES of each kind ---
  const n = Math.min(PEER_CASES, CASES);
  for (let i = 0; i < 2_000; i++) {
    dayjs(addStart[i]).addBusinessMinutes(addMinutes[i]);
    dayjs(diffA[i]).businessMinutesDiff(dayjs(diffB[i]));
  }
  const peerAdd = new Float64Array(n);
  const peerDiff = new Float64Array(n);
  t0 = performance.now();
  for (let i = 0; i < n; i++) peerAdd[i] = dayjs(addStart[i]).addBusinessMinutes(addMinutes[i]).valueOf();
  const peerAddMs = performance.now() - t0;
  t0 = performance.now();
  for (let i = 0; i < n; i++) peerDiff[i] = dayjs(diffA[i]).businessMinutesDiff(dayjs(diffB[i]));
  const peerDiffMs = performance.now() - t0;

  // --- case-by-case equality on the peer's cases ---
  const examples: string[] = [];
  let addMismatches = 0;
  let diffMismatches = 0;
  for (let i = 0; i < n; i++) {
    if (oursAdd[i] !== peerAdd[i]) {
      addMismatches++;
      if (examples.length < 10)
        examples.push(
          `add ${formatInstant(addStart[i])} + ${addMinutes[i]}: ours ${formatInstant(oursAdd[i])}, peer ${formatInstant(peerAdd[i])}`,
        );
    }
    if (oursDiff[i] !== peerDiff[i]) {
      diffMismatches++;
      if (examples.length < 10)
        examples.push(
          `diff ${formatInstant(diffA[i])} → ${formatInstant(diffB[i])}: ours ${oursDiff[i]}, peer ${peerDiff[i]}`,
        );
    }
  }

  const ops = (count: number, ms: number): number => Math.round((count / ms) * 1000);
  const oursOpsPerSec = ops(2 * CASES, oursAddMs + oursDiffMs);
  const peerOpsPerSec = ops(2 * n, peerAddMs + peerDiffMs);
  const ratio = Math.round((oursOpsPerSec / peerOpsPerSec) * 10) / 10;
  const result = {
    date: new Date().toISOString(),
    node: process.version,
    seed: SEED,
    cases: { add: CASES, diff: CASES, total: 2 * CASES, range: '2025-01-01..2026-12-31, whole minutes, Asia/Shanghai' },
    peer: {
      name: 'dayjs-business-time',
      version: packageVersion('dayjs-business-time'),
      dayjs: packageVersion('dayjs'),
      cases: {
        add: n,
        diff: n,
        total: 2 * n,
        note: n < CASES ? `timed and compared on the first ${n} cases of each kind (it walks day by day)` : 'all cases',
      },
      config:
        'national holidays of the same database version (published years), no make-up days (cannot be expressed), Mon–Fri 08:30–12:00 + 13:30–17:30, TZ=Asia/Shanghai',
    },
    ours: {
      calendarVersion: cal.version,
      makeUpWorkdays: false,
      calendarSource:
        'national_calendar_years of a fresh migrated PostgreSQL database, read at start through NationalCalendarStore (system scope); a second read returned the cached WorkCalendar',
      calendarReadMs: Math.round(readMs),
    },
    oursOpsPerSec,
    peerOpsPerSec,
    ratio,
    detail: {
      oursAddOpsPerSec: ops(CASES, oursAddMs),
      oursDiffOpsPerSec: ops(CASES, oursDiffMs),
      peerAddOpsPerSec: ops(n, peerAddMs),
      peerDiffOpsPerSec: ops(n, peerDiffMs),
    },
    mismatches: {
      add: addMismatches,
      diff: diffMismatches,
      total: addMismatches + diffMismatches,
      compared: 2 * n,
      examples,
    },
    excluded:
      'minutes = 0 add-cases are not drawn (peer returns the next opening, ours the start: a stated convention difference); nothing else is excluded',
  };

  const out = join(__dirname, 'results', 'sla.json');
  mkdirSync(join(__dirname, 'results'), { recursive: true });
  writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
  console.log(
    [
      `cases: ours ${2 * CASES} (${CASES} add + ${CASES} diff); peer ${2 * n}${n < CASES ? ' (deterministic prefix, see note)' : ''}`,
      `ours  ${oursOpsPerSec.toLocaleString('en')} ops/s (add ${result.detail.oursAddOpsPerSec.toLocaleString('en')}, diff ${result.detail.oursDiffOpsPerSec.toLocaleString('en')})`,
      `peer  ${peerOpsPerSec.toLocaleString('en')} ops/s (add ${result.detail.peerAddOpsPerSec.toLocaleString('en')}, diff ${result.detail.peerDiffOpsPerSec.toLocaleString('en')})`,
      `ratio ${ratio}× (target ≥ 50×)`,
      `mismatches ${addMismatches + diffMismatches} of ${2 * n} compared (add ${addMismatches}, diff ${diffMismatches})`,
      ...examples.map((e) => `  ${e}`),
      `wrote ${out}`,
    ].join('\n'),
  );
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
