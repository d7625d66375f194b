/**
 * Tenant count (issue 5, item 5): `npm run build && npx tsx bench/tenants.bench.ts [--quick]`.
 *
 * The same API load as bench/api.bench.ts (same queries, rate, connections, duration; its helpers) on two generated
 * worlds that hold the same measured contract — tenant t0001's Xuzhou contract with 20,000 tickets (quick: 5,000),
 * its period inputs, the confirmed 2026-H1 close and the stored schedule; the generator is deterministic and tenant
 * t0001 is drawn first, so its ids and rows are identical in both — and differ only in how many other tenants share
 * the tables: 1 tenant vs 1,000 (quick: 200), each with 1–3 contracts and a few tickets with their SLA results on
 * every contract. Both API processes run side by side; the rounds alternate between the worlds (order swapped each
 * round) so a slow moment of the shared machine hits both. The measure is the paired ratio p99(many) ÷ p99(one) per
 * round, median and spread; `ping` is measured too as a control (it reads nothing, so its ratio shows the noise).
 */
import { QUICK, machine } from './lib/machine';
import { round, spread } from './lib/stats';
import { writeResult, type Measure } from './lib/results';
import {
  bodyOf,
  checkQueries,
  closeAndSchedule,
  CONNECTIONS,
  failures,
  load,
  median,
  prepareWorld,
  RATE,
  ROUNDS,
  startApi,
  sustained,
  type Api,
  type Load,
  type Measured,
  type QueryName,
} from './api.bench';
import type { BenchDatabase } from './lib/bench-db';

const QUERY_NAMES: QueryName[] = ['contractDashboard', 'paymentSchedule', 'ping'];
/**
 * Seconds per load run: half the API bench's, because every round loads two servers with three queries each (at 20 s
 * the tenant bench alone took 12 of the 30 minutes `npm run bench` may use); 500 requests per run still give a p99.
 */
const DURATION = Number(process.env.BENCH_TENANTS_DURATION ?? (QUICK ? 5 : 10));

async function main(): Promise<void> {
  const started = Date.now();
  const log = (s: string) => console.log(`[tenants] ${s}`);
  const many = Number(process.env.BENCH_TENANTS ?? (QUICK ? 200 : 1000));
  const tickets = Number(process.env.BENCH_API_TICKETS ?? (QUICK ? 5_000 : 20_000));
  const ticketsPerContract = QUICK ? 10 : 20;
  const worlds: {
    label: string;
    tenants: number;
    db: BenchDatabase;
    measured: Measured;
    api: Api | null;
    sizes: Record<string, number>;
    loads: Partial<Record<QueryName, Load[]>>;
  }[] = [];
  try {
    for (const tenants of [1, many]) {
      const w = await prepareWorld(`tenants${tenants}`, {
        tenants,
        ticketsPerContract,
        tickets,
        log: (s) => log(`${tenants} tenant(s): ${s}`),
      });
      const entry: (typeof worlds)[number] = {
        label: `${tenants}`,
        tenants,
        db: w.db,
        measured: w.measured,
        api: null,
        sizes: {},
        loads: {},
      };
      worlds.push(entry);
      entry.api = await startApi(w.db, 't0001.admin@bench.local');
      await closeAndSchedule(entry.api, w.measured.contractId, (s) => log(`${tenants} tenant(s): ${s}`));
      await checkQueries(entry.api, w.measured);
      entry.sizes = await sizesOf(w.db);
      log(`${tenants} tenant(s): ${JSON.stringify(entry.sizes)}`);
    }
    const measuredOf = (w: (typeof worlds)[number]): Measured => w.measured;
    if (measuredOf(worlds[0]).contractId !== measuredOf(worlds[1]).contractId)
      throw new Error(
        'the measured contract differs between the worlds: the generator is not deterministic on tenant t0001',
      );
    const opts = { rate: RATE, connections: CONNECTIONS, duration: DURATION };
    // Warm-up of both servers (JIT, plan and buffer caches), not measured.
    for (const w of worlds)
      for (const name of QUERY_NAMES) await load(w.api as Api, bodyOf(name, measuredOf(w)), { ...opts, duration: 3 });
    for (let i = 0; i < ROUNDS; i++) {
      const order = i % 2 === 0 ? worlds : [...worlds].reverse();
      for (const name of QUERY_NAMES) {
        for (const w of order) {
          const l = await load(w.api as Api, bodyOf(name, measuredOf(w)), opts);
          (w.loads[name] ??= []).push(l);
          log(
            `round ${i + 1} ${w.tenants} tenant(s) ${name}: p50 ${l.p50} ms, p99 ${l.p99} ms, ${l.sentPerSecond} req/s, failures ${failures([l])}, load average ${l.loadAvg1}`,
          );
        }
      }
    }
    const [one, lots] = worlds;
    const measures: Measure[] = QUERY_NAMES.map((name) => {
      const a = lots.loads[name] as Load[];
      const b = one.loads[name] as Load[];
      const ratio = spread(a.map((l, k) => l.p99 / b[k].p99));
      const p50 = spread(a.map((l, k) => l.p50 / b[k].p50));
      const fails = failures(a) + failures(b);
      return {
        id: `tenants-${name}`,
        title: `${name} p99 with ${many} tenants vs 1 tenant at ${RATE} req/s${name === 'ping' ? ' (control: reads nothing)' : ''}`,
        floor: `the same query on the same contract in a database holding 1 tenant`,
        unit: `ms (p99; ratio = p99 with ${many} ÷ p99 with 1, paired per round, median)`,
        value: median(a.map((l) => l.p99)),
        floorValue: median(b.map((l) => l.p99)),
        ratio: round(ratio.median),
        ratioMin: round(ratio.min),
        ratioMax: round(ratio.max),
        target: 'p99 ratio ≤ 1.2, zero errors',
        met: sustained([...a, ...b]) ? ratio.median <= 1.2 && fails === 0 : null,
        notes: [
          `p50 ${median(a.map((l) => l.p50))} ms vs ${median(b.map((l) => l.p50))} ms (ratio ${round(p50.median)})`,
          `failures (errors, timeouts, non-2xx, GraphQL errors): ${fails}`,
          `sent ${median(a.map((l) => l.sentPerSecond))} and ${median(b.map((l) => l.sentPerSecond))} req/s (target ${RATE}); machine load average (1 min) during the rounds: ${median([...a, ...b].map((l) => l.loadAvg1))}`,
          ...(sustained([...a, ...b])
            ? []
            : [
                `the rate was not sustained in every round: the machine was saturated, so the target is not judged (met: null)`,
              ]),
        ],
      };
    });
    const file = writeResult({
      bench: 'tenants',
      mode: QUICK ? 'quick' : 'full',
      startedAt: new Date(started).toISOString(),
      durationSeconds: Math.round((Date.now() - started) / 1000),
      machine: machine(),
      parameters: {
        tenants: [1, many],
        ticketsPerContract,
        measuredContractTickets: tickets,
        rate: RATE,
        connections: CONNECTIONS,
        durationSeconds: DURATION,
        rounds: ROUNDS,
        tool: 'autocannon (overallRate, ignoreCoordinatedOmission)',
      },
      measures,
      extra: {
        sizes: Object.fromEntries(worlds.map((w) => [w.label, w.sizes])),
        rounds: Object.fromEntries(worlds.map((w) => [w.label, w.loads])),
      },
    });
    for (const m of measures)
      log(
        `${m.id}: p99 ${m.value} ms vs ${m.floorValue} ms → ratio ${m.ratio} (${m.ratioMin}–${m.ratioMax}); target ${m.target}: ${m.met ? 'met' : 'NOT met'}`,
      );
    log(`wrote ${file}`);
  } finally {
    for (const w of worlds) {
      await w.api?.stop();
      await w.db.drop();
    }
  }
}

async function sizesOf(db: BenchDatabase): Promise<Record<string, number>> {
  const { admin } = await import('./lib/bench-db');
  return admin(db.adminUrl, async (c) => {
    const out: Record<string, number> = {};
    for (const t of [
      'tenants',
      'contracts',
      'tickets',
      'ticket_events',
      'ticket_sla_results',
      'ticket_sla_clocks',
      'payment_schedules',
    ])
      out[t] = Number((await c.query(`SELECT count(*) AS n FROM ${t}`)).rows[0].n);
    return out;
  });
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
