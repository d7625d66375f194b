/**
 * The data generator and loader (issue 5, item 1): `npx tsx bench/generate.bench.ts [--quick] [--tickets=N]`. Not a test.
 *
 * 1. The world: 1,000 tenants (`--quick`: 100) with their users, one vendor organisation, 1–3 contracts each
 *    round-robin over the twelve presets and their configuration versions — generateWorld, timed once; reported
 *    as rows/s for information (no floor: it is a few thousand rows).
 * 2. Tickets: 100,000 tickets (`--quick`: 10,000) on one Xuzhou contract with their whole histories and stored SLA
 *    results — generateTickets, from the seed to committed rows (generation in worker threads, COPY over two
 *    connections, VACUUM (ANALYZE) at the end). Its floor is the same loader fed with the same bytes generated
 *    beforehand into files (loadTicketBatches: same batches, connections, statistics step and VACUUM): what the
 *    database itself costs for those rows, so the ratio (measure throughput ÷ floor throughput) is the share of
 *    the database's own speed the generator keeps. Runs are paired (measure then floor, then floor then measure),
 *    each on a fresh Xuzhou contract of the same world.
 *
 * Writes bench/results/generate.json (generate.quick.json with --quick).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { admin, createBenchDatabase, type BenchDatabase } from './lib/bench-db';
import {
  batchRanges,
  contractActors,
  DEFAULT_NOW,
  generateTickets,
  generateWorld,
  loadTicketBatches,
  type BatchSource,
  type ContractRef,
  type GeneratedWorld,
} from './lib/generate';
import { batchMaker, ticketBatchText } from './lib/generate-batch';
import { machine, QUICK } from './lib/machine';
import { writeResult, type Measure } from './lib/results';
import { pairedRatio, round, spread } from './lib/stats';

const SEED = 20260501;
const TENANTS = QUICK ? 100 : 1000;
const ticketsArg = process.argv.find((a) => a.startsWith('--tickets='));
const TICKETS = ticketsArg ? Number(ticketsArg.slice('--tickets='.length)) : QUICK ? 10_000 : 100_000;
const PAIRS = Number(process.env.BENCH_GENERATE_PAIRS ?? (QUICK ? 1 : 2));
const BATCH = 5_000;
/** generateTickets' default for this many tickets (the floor loads over as many). */
const CONNECTIONS = TICKETS >= 20_000 ? 2 : 1;

const log = (msg: string): void => console.log(`[generate] ${msg}`);

/** Peak RSS of this process (worker threads included) while `work` runs, sampled every 200 ms. */
async function withPeakRss<T>(work: () => Promise<T>): Promise<{ value: T; peakMiB: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 200);
  try {
    const value = await work();
    return { value, peakMiB: Math.round(Math.max(peak, process.memoryUsage().rss) / 2 ** 20) };
  } finally {
    clearInterval(timer);
  }
}

type Prepared = {
  dir: string;
  batches: { file: string; start: number; size: number; eventCount: number; slaCount: number }[];
  bytes: number;
};

/** The bytes generateTickets would load for `c`, written to files beforehand (not timed). */
async function prepareFloor(db: BenchDatabase, c: ContractRef): Promise<Prepared> {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-bench-generate-'));
  const maker = batchMaker({
    c,
    actors: await contractActors(db, c),
    seed: SEED,
    count: TICKETS,
    nowMs: Date.parse(DEFAULT_NOW),
  });
  const batches: Prepared['batches'] = [];
  let bytes = 0;
  for (const r of batchRanges(TICKETS, BATCH)) {
    const b = ticketBatchText(maker, r.start, r.size);
    const file = join(dir, `batch-${r.start}`);
    for (const [part, text] of [
      ['t', b.tickets],
      ['e', b.events],
      ['s', b.sla],
    ] as const) {
      writeFileSync(`${file}.${part}`, text);
      bytes += Buffer.byteLength(text);
    }
    batches.push({ file, start: r.start, size: r.size, eventCount: b.eventCount, slaCount: b.slaCount });
  }
  return { dir, batches, bytes };
}

/** The prepared batches, read from their files one at a time. */
function fileSource(p: Prepared): BatchSource {
  let i = 0;
  return {
    async next() {
      const b = p.batches[i++];
      if (!b) return null;
      return {
        start: b.start,
        size: b.size,
        eventCount: b.eventCount,
        slaCount: b.slaCount,
        tickets: readFileSync(`${b.file}.t`),
        events: readFileSync(`${b.file}.e`),
        sla: readFileSync(`${b.file}.s`),
      };
    },
    close: async () => undefined,
  };
}

async function main(): Promise<void> {
  const startedAt = new Date();
  log(
    `${QUICK ? 'quick' : 'full'}: ${TENANTS} tenants, ${TICKETS.toLocaleString('en')} tickets per run, ${PAIRS} pair(s)`,
  );
  const db = await createBenchDatabase('generate');
  try {
    const w0 = performance.now();
    const world: GeneratedWorld = await generateWorld(db, { seed: SEED, tenants: TENANTS });
    const worldMs = performance.now() - w0;
    const worldRows = await admin(db.adminUrl, async (c) => {
      const r = await c.query<{ n: number }>(
        `SELECT (SELECT count(*) FROM tenants) + (SELECT count(*) FROM users) + (SELECT count(*) FROM vendor_organizations)
              + (SELECT count(*) FROM contracts) + (SELECT count(*) FROM contract_versions) AS n`,
      );
      return Number(r.rows[0].n);
    });
    const contracts = world.tenants.reduce((s, t) => s + t.contracts.length, 0);
    log(`world: ${worldRows} rows (${contracts} contracts) in ${Math.round(worldMs)} ms`);

    const xuzhou: ContractRef[] = world.tenants.flatMap((t) =>
      t.contracts
        .filter((c) => c.presetId === 'xuzhou-2026')
        .map((c) => ({ tenantId: t.id, contractId: c.id, presetId: c.presetId })),
    );
    if (xuzhou.length < 2 * PAIRS)
      throw new Error(`the world has ${xuzhou.length} Xuzhou contracts; ${2 * PAIRS} needed`);

    const measureMs: number[] = [];
    const floorMs: number[] = [];
    const rss: number[] = [];
    let rows = { tickets: 0, events: 0, slaResults: 0 };
    let bytes = 0;
    for (let pair = 0; pair < PAIRS; pair++) {
      const mc = xuzhou[2 * pair];
      const fc = xuzhou[2 * pair + 1];
      const prepared = await prepareFloor(db, fc);
      bytes = prepared.bytes;
      try {
        const runMeasure = async () => {
          const t = performance.now();
          const r = await withPeakRss(() =>
            generateTickets(db, mc, { seed: SEED, count: TICKETS, now: DEFAULT_NOW, batch: BATCH }),
          );
          measureMs.push(performance.now() - t);
          rss.push(r.peakMiB);
          rows = r.value;
          log(
            `pair ${pair + 1}: generated and loaded ${r.value.tickets} tickets, ${r.value.events} events, ${r.value.slaResults} SLA results in ${Math.round(measureMs[measureMs.length - 1])} ms (peak RSS ${r.peakMiB} MiB)`,
          );
        };
        const runFloor = async () => {
          const t = performance.now();
          const r = await loadTicketBatches(db, fileSource(prepared), { connections: CONNECTIONS });
          floorMs.push(performance.now() - t);
          log(
            `pair ${pair + 1}: COPY of the same bytes (${Math.round(prepared.bytes / 2 ** 20)} MiB, ${r.tickets + r.events + r.slaResults} rows) in ${Math.round(floorMs[floorMs.length - 1])} ms`,
          );
        };
        if (pair % 2 === 0) {
          await runMeasure();
          await runFloor();
        } else {
          await runFloor();
          await runMeasure();
        }
      } finally {
        rmSync(prepared.dir, { recursive: true, force: true });
      }
    }

    const rowCount = rows.tickets + rows.events + rows.slaResults;
    const m = spread(measureMs);
    const f = spread(floorMs);
    const ratio = pairedRatio(f, m); // floor time ÷ measure time = measure throughput ÷ floor throughput
    const perSecond = (ms: number) => Math.round((rowCount / ms) * 1000);
    const extrapolated1M = (m.median / TICKETS) * 1_000_000;

    const mix = await admin(db.adminUrl, async (c) => {
      const r = await c.query(
        `SELECT count(*)::int AS tickets,
                count(*) FILTER (WHERE state = 'closed')::int AS closed,
                count(*) FILTER (WHERE state NOT IN ('closed', 'withdrawn', 'unsolvable'))::int AS open,
                count(*) FILTER (WHERE special_attention)::int AS special_attention,
                count(*) FILTER (WHERE expected_close_date IS NOT NULL)::int AS with_expected_date,
                (SELECT count(*)::int FROM ticket_sla_results r WHERE r.contract_id = $1 AND r.status = 'breached') AS sla_breached,
                (SELECT count(DISTINCT ticket_id)::int FROM ticket_events e WHERE e.contract_id = $1 AND e.kind = 'paused') AS paused
           FROM tickets WHERE contract_id = $1`,
        [xuzhou[0].contractId],
      );
      return r.rows[0] as Record<string, number>;
    });

    const measures: Measure[] = [
      {
        id: 'generate-world',
        title: `Generate and load the world: ${TENANTS} tenants, ${contracts} contracts with configuration versions, ${2 * TENANTS + 1} users (one argon2 hash)`,
        floor: 'none (information)',
        unit: 'rows/s',
        value: Math.round((worldRows / worldMs) * 1000),
        floorValue: null,
        ratio: null,
        target: 'information (no target in the issue)',
        met: null,
        notes: [`${worldRows} rows in ${Math.round(worldMs)} ms, one run`],
      },
      {
        id: 'generate-tickets',
        title: `Generate and load ${TICKETS.toLocaleString('en')} tickets with their histories and SLA results (${rowCount.toLocaleString('en')} rows) on one contract`,
        floor:
          'COPY of the same bytes, prepared beforehand, through the same loader (batches, connections, statistics, VACUUM)',
        unit: 'rows/s (ratio: measure throughput ÷ floor throughput)',
        value: perSecond(m.median),
        floorValue: perSecond(f.median),
        ratio: round(ratio.median),
        ratioMin: round(ratio.min),
        ratioMax: round(ratio.max),
        target: 'information (no target in the issue); brief: 1M tickets (+ ~8–12M events) in a few minutes',
        met: null,
        notes: [
          `${TICKETS.toLocaleString('en')} tickets in ${round(m.median / 1000, 1)} s median (runs ${m.runs.map((x) => round(x / 1000, 1)).join(', ')} s); floor ${round(f.median / 1000, 1)} s (runs ${f.runs.map((x) => round(x / 1000, 1)).join(', ')} s)`,
          `${round(rows.events / rows.tickets, 2)} events per ticket; ${Math.round(bytes / 2 ** 20)} MiB of COPY text per run`,
          `linear extrapolation to 1,000,000 tickets: ${Math.round(extrapolated1M / 1000)} s`,
          `peak RSS of the generating process (worker threads included): ${Math.max(...rss)} MiB`,
        ],
      },
    ];
    const file = writeResult({
      bench: 'generate',
      mode: QUICK ? 'quick' : 'full',
      startedAt: startedAt.toISOString(),
      durationSeconds: Math.round((Date.now() - startedAt.getTime()) / 1000),
      machine: machine(),
      parameters: {
        seed: SEED,
        tenants: TENANTS,
        tickets: TICKETS,
        pairs: PAIRS,
        batch: BATCH,
        connections: CONNECTIONS,
        now: DEFAULT_NOW,
      },
      measures,
      extra: {
        worldRows,
        contracts,
        rows,
        mix,
        measureMs: m.runs.map((x) => Math.round(x)),
        floorMs: f.runs.map((x) => Math.round(x)),
        peakRssMiB: rss,
      },
    });
    log(
      `tickets: ${perSecond(m.median)} rows/s vs COPY floor ${perSecond(f.median)} rows/s (ratio ${round(ratio.median)}); wrote ${file}`,
    );
  } finally {
    await db.drop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
