/**
 * Worker memory (issue 5, item 6): `npm run build && npx tsx bench/memory.bench.ts [--quick]`.
 *
 * Peak resident set size (VmHWM of /proc/<pid>/status, bench/lib/processes.ts peakRssMiB) of a fresh worker process
 * — the compiled worker, NODE_ENV=production, default Node heap settings — while it closes one Xuzhou contract with
 * 1,000,000 tickets raised in 2026-H1 (quick: 100,000) end to end: `closePeriod` (or `reopenPeriodClose` of the
 * close the close bench left) through the real API, the job run by the worker on BullMQ, polled until the draft is
 * stored. The worker runs nothing else (SLA scan off, reconciler hourly). Context, from the same process before the
 * close: its RSS when idle (started, connected, 5 s quiet) and its peak so far (start-up).
 *
 * Data: with `npm run bench` the close bench (run just before) leaves its largest contract and database for this
 * bench (hand-over file in the OS temp directory, see bench/close.bench.ts); run alone, this bench prepares the same
 * contract itself (bench/close.bench.ts prepareCloseData: a tenth of it generated, then copied ten times). The
 * database is dropped at the end either way. Target: < 400 MB (400 × 10^6 bytes = 381.5 MiB).
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { admin, ADMIN_URL, type BenchDatabase } from './lib/bench-db';
import { machine, QUICK } from './lib/machine';
import { writeResult } from './lib/results';
import { round } from './lib/stats';
import {
  closeThroughWorker,
  dropStaleHandover,
  HANDOVER,
  prepareCloseData,
  startStack,
  type CloseContract,
  type Handover,
} from './close.bench';

const SIZE = QUICK ? 100_000 : 1_000_000;
const TARGET_MB = 400;
const MIB_PER_MB = 1e6 / 2 ** 20;
const log = (s: string) => console.log(`[memory] ${s}`);

/** VmRSS (current) of a process, MiB. */
function rssMiB(pid: number | undefined): number | null {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** The close bench's database, when it left one of this mode and size that still exists. */
async function handedOver(): Promise<Handover | null> {
  if (!existsSync(HANDOVER)) return null;
  try {
    const h = JSON.parse(readFileSync(HANDOVER, 'utf8')) as Handover;
    if (h.mode !== (QUICK ? 'quick' : 'full') || h.contract.size !== SIZE) return null;
    const exists = await admin(
      ADMIN_URL,
      async (c) => (await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [h.db.name])).rowCount === 1,
    );
    return exists ? h : null;
  } catch {
    return null;
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  let db: BenchDatabase;
  let contract: CloseContract;
  let reopen: string | null = null;
  let reused = false;
  const h = await handedOver();
  if (h) {
    rmSync(HANDOVER, { force: true });
    // The hand-over file holds the database's names and URLs; its drop() is made again here.
    db = {
      ...h.db,
      drop: () =>
        admin(ADMIN_URL, (c) => c.query(`DROP DATABASE IF EXISTS ${h.db.name} WITH (FORCE)`)).then(() => undefined),
    };
    contract = h.contract;
    reopen = h.lastCloseId;
    reused = true;
    log(`reusing the close bench's database ${db.name} (${SIZE.toLocaleString('en-US')} tickets)`);
  } else {
    await dropStaleHandover();
    const prepared = await prepareCloseData([SIZE / 10, SIZE], 'memory');
    db = prepared.db;
    contract = prepared.contracts[1];
  }
  try {
    const stack = await startStack(db);
    try {
      const pid = stack.worker.child.pid;
      await new Promise((r) => setTimeout(r, 5000));
      const idleRss = rssMiB(pid);
      const idlePeak = stack.worker.peakRssMiB();
      log(`idle worker: RSS ${idleRss?.toFixed(1)} MiB (peak so far ${idlePeak?.toFixed(1)} MiB)`);
      const token = await stack.login(contract.email);
      let sampledMax = 0;
      const run = await closeThroughWorker(stack, token, db, contract, reopen, () => {
        sampledMax = Math.max(sampledMax, rssMiB(pid) ?? 0);
      });
      const peak = stack.worker.peakRssMiB() as number;
      const after = rssMiB(pid);
      log(
        `close of ${SIZE.toLocaleString('en-US')} tickets: ${run.ms.toFixed(0)} ms, score ${run.score}; worker peak RSS ${peak.toFixed(1)} MiB (${(peak / MIB_PER_MB).toFixed(0)} MB), RSS after ${after?.toFixed(1)} MiB`,
      );
      const file = writeResult({
        bench: 'memory',
        mode: QUICK ? 'quick' : 'full',
        startedAt: new Date(started).toISOString(),
        durationSeconds: Math.round((Date.now() - started) / 1000),
        machine: machine(),
        parameters: { tickets: SIZE, preset: 'xuzhou-2026', period: '2026-H1', reusedCloseBenchDatabase: reused },
        measures: [
          {
            id: 'worker-memory',
            title: `Worker peak RSS closing a ${SIZE.toLocaleString('en-US')}-ticket contract`,
            floor: 'the same worker idle (RSS after start, before the close)',
            unit: 'MiB',
            value: round(peak, 1),
            floorValue: idleRss === null ? null : round(idleRss, 1),
            ratio: idleRss === null ? null : round(peak / idleRss),
            target: `< ${TARGET_MB} MB (${(TARGET_MB * MIB_PER_MB).toFixed(1)} MiB)`,
            met: peak < TARGET_MB * MIB_PER_MB,
            notes: [
              `VmHWM of the worker process; idle RSS ${idleRss?.toFixed(1)} MiB, peak before the close (start-up) ${idlePeak?.toFixed(1)} MiB, highest RSS sampled during the close ${sampledMax.toFixed(1)} MiB, after it ${after?.toFixed(1)} MiB`,
              `close ${run.ms.toFixed(0)} ms (enqueue → draft), stored result ${run.resultBytes} bytes; ${run.figures}`,
            ],
          },
        ],
        extra: {
          idleWorkerRssMiB: idleRss === null ? null : round(idleRss, 1),
          workerPeakRssMiB: round(peak, 1),
          closeMs: round(run.ms, 0),
        },
      });
      log(`wrote ${file}`);
    } finally {
      await stack.stop();
    }
  } finally {
    await db.drop();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
