/**
 * Period close at scale (issue 5, item 2): `npm run build && npx tsx bench/close.bench.ts [--quick]`.
 *
 * What is measured: one Xuzhou contract (preset xuzhou-2026, half-year scheme) with N tickets raised in 2026-H1 —
 * 10,000 / 100,000 / 1,000,000 (quick: 1,000 / 10,000 / 100,000) — closed END TO END through the product: the real
 * API process and a real worker process (dist/, NODE_ENV=production, PostgreSQL as the app role under RLS, BullMQ
 * on the local Redis with a queue prefix of its own). Signed in as the tenant's buyer admin, the bench calls
 * `closePeriod(2026-H1, asOf 2026-07-10)` (later runs: `reopenPeriodClose`, which requests the next revision and
 * computes it again) and polls the close row (superuser connection, every 5 ms) until it is `draft`: the time is
 * enqueue → draft stored (request, outbox, BullMQ, the job's transaction: reads, computation, deduction lines,
 * result, commit).
 *
 * The floor, measured in the same run right before each close (paired): the bare SQL that reads the rows the close
 * needs, as the app role in the same tenant scope (the same transaction-local settings, so the same RLS policies):
 * the contract and its configuration version, the period inputs, the accepted monthly reports, and the contract's
 * tickets with the instant of each one's last deployment (the only event the metrics read) — one `COPY (SELECT …)
 * TO STDOUT` streamed and discarded, no ordering, no pagination. As context (not the floor), the old read of every
 * event of every ticket (`tickets JOIN ticket_events`, streamed the same way) is timed once per size below 1,000,000.
 *
 * Data: bench/lib/generate.ts (generateWorld with 24 tenants, then generateTickets and generatePeriodData on three
 * of their Xuzhou contracts, `now` = 2026-06-30 23:00 so every ticket is raised in H1). The largest size is, by
 * default, the middle size's tickets copied ten times inside PostgreSQL onto the third contract (new ids and
 * numbers, the same histories; INSERT … SELECT with the audit triggers and foreign-key checks off in that transaction
 * (session_replication_role = replica: the copies satisfy every constraint by construction); the indexes of
 * ticket_events are dropped for the copy and built again after it, with the same definitions)
 * — generating 1,000,000 histories from scratch takes ~15 minutes on a 2-CPU machine, the copy a few.
 * `BENCH_CLOSE_GENERATE_ALL=1` generates every size instead. VACUUM ANALYZE afterwards (what autovacuum does after a
 * bulk load). No SLA results are stored, generated or copied (the close does not read them).
 *
 * Repetitions: 5 at each size below 1,000,000, 1 at 1,000,000 (BENCH_CLOSE_RUNS overrides all but the
 * million; BENCH_CLOSE_SIZES=1000,10000,100000 sets the sizes); the ratio is the median of the paired ratios, with their spread; the growth exponent is the least-squares
 * slope of log(median close time) over log(N) (bench/lib/stats.ts). Target: ≤ 3× the floor at 100,000 tickets.
 *
 * With `npm run bench` (bench/run.ts running memory next), the database with the largest contract is kept for
 * bench/memory.bench.ts (hand-over file in the OS temp directory), which closes it again in a fresh worker and
 * drops it. Run alone, the database is dropped at the end (BENCH_KEEP_CLOSE_DB=1 keeps it for the memory bench).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Client } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { ADMIN_URL, admin, createBenchDatabase, REDIS_URL, type BenchDatabase } from './lib/bench-db';
import { BENCH_PASSWORD, generatePeriodData, generateTickets, generateWorld } from './lib/generate';
import { machine, QUICK } from './lib/machine';
import { API_MAIN, freePort, startNode, WORKER_MAIN, type Proc } from './lib/processes';
import { writeResult, type Measure } from './lib/results';
import { growthExponent, pairedRatio, round, spread, type Spread } from './lib/stats';

export const SEED = 20261210;
export const PERIOD = '2026-H1';
export const AS_OF = '2026-07-10';
/** Tickets are raised up to this instant: all of them in 2026-H1. */
export const NOW = '2026-06-30T23:00:00+08:00';
export const SIZES = process.env.BENCH_CLOSE_SIZES
  ? process.env.BENCH_CLOSE_SIZES.split(',').map(Number)
  : QUICK
    ? [1_000, 10_000, 100_000]
    : [10_000, 100_000, 1_000_000];
const TARGET_SIZE = 100_000;
const TARGET_RATIO = 3;
const GENERATE_ALL = process.env.BENCH_CLOSE_GENERATE_ALL === '1';
const runsAt = (i: number): number => (SIZES[i] >= 1_000_000 ? 1 : Number(process.env.BENCH_CLOSE_RUNS ?? 5));

/** Where the close bench leaves its largest contract for the memory bench. */
export const HANDOVER = join(tmpdir(), 'ledger-bench-close-handover.json');

export type CloseContract = { size: number; tenantId: string; contractId: string; email: string };
export type Handover = {
  mode: 'quick' | 'full';
  db: BenchDatabase;
  contract: CloseContract;
  lastCloseId: string | null;
};

const log = (s: string) => console.log(`[close] ${s}`);
const label = (n: number): string => (n >= 1_000_000 ? `${n / 1_000_000}M` : `${n / 1000}k`);

// ---------------------------------------------------------------------------------------------------------------
// Data

/** A benchmark database with one Xuzhou contract per size (tickets raised in 2026-H1, the buyer's inputs and reports). */
export async function prepareCloseData(
  sizes: readonly number[],
  tag: string,
): Promise<{ db: BenchDatabase; contracts: CloseContract[] }> {
  const db = await createBenchDatabase(tag);
  try {
    let t = Date.now();
    const world = await generateWorld(db, { seed: SEED, tenants: 24 });
    const xuzhou = world.tenants.flatMap((tenant) =>
      tenant.contracts.filter((c) => c.presetId === 'xuzhou-2026').map((c) => ({ tenant, c })),
    );
    if (xuzhou.length < sizes.length)
      throw new Error(`the generated world has ${xuzhou.length} Xuzhou contracts; ${sizes.length} needed`);
    log(`world: 24 tenants, ${xuzhou.length} Xuzhou contracts (${Date.now() - t} ms)`);
    const contracts: CloseContract[] = [];
    for (let i = 0; i < sizes.length; i++) {
      const { tenant, c } = xuzhou[i];
      const ref = { tenantId: tenant.id, contractId: c.id, presetId: c.presetId };
      const contract = {
        size: sizes[i],
        tenantId: tenant.id,
        contractId: c.id,
        email: tenant.users.find((u) => u.role === 'buyer-admin')?.email ?? tenant.users[0].email,
      };
      t = Date.now();
      await generatePeriodData(db, ref, { seed: SEED + i, upTo: PERIOD });
      const copyFrom =
        !GENERATE_ALL && i > 0 && i === sizes.length - 1 && sizes[i] > sizes[i - 1] && sizes[i] % sizes[i - 1] === 0
          ? contracts[i - 1]
          : null;
      if (copyFrom) {
        const made = await copyTickets(db, copyFrom, contract, sizes[i] / sizes[i - 1]);
        log(
          `${label(sizes[i])}: ${made.tickets} tickets, ${made.events} events — ${sizes[i] / sizes[i - 1]} copies of the ${label(sizes[i - 1])} contract's (${Date.now() - t} ms)`,
        );
      } else {
        // The close reads tickets and events only: no SLA results (a third less generation and load work).
        const made = await generateTickets(db, ref, {
          seed: SEED + 100 + i,
          count: sizes[i],
          now: NOW,
          slaResults: false,
        });
        log(`${label(sizes[i])}: ${made.tickets} tickets, ${made.events} events generated (${Date.now() - t} ms)`);
      }
      contracts.push(contract);
    }
    t = Date.now();
    await admin(db.adminUrl, (client) => client.query('VACUUM ANALYZE'));
    log(`VACUUM ANALYZE (${Date.now() - t} ms)`);
    return { db, contracts };
  } catch (e) {
    await db.drop();
    throw e;
  }
}

/**
 * `times` copies of one contract's tickets and events onto another contract (of another tenant): new ids, numbers
 * `<number>-<copy>`, the same histories and instants; buyer-side actors become the target tenant's buyer admin.
 * Every column is copied (read from the catalogue), so columns added later come along. One transaction per copy.
 */
async function copyTickets(
  db: BenchDatabase,
  from: CloseContract,
  to: CloseContract,
  times: number,
): Promise<{ tickets: number; events: number }> {
  return admin(db.adminUrl, async (c) => {
    const columns = async (table: string): Promise<string[]> =>
      (
        await c.query<{ column_name: string }>(
          `SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 AND is_generated = 'NEVER' ORDER BY ordinal_position`,
          [table],
        )
      ).rows.map((r) => r.column_name);
    const [{ admin_id: adminId }] = (
      await c.query<{ admin_id: string }>(
        `SELECT id AS admin_id FROM users WHERE tenant_id = $1 AND role = 'buyer-admin' ORDER BY email LIMIT 1`,
        [to.tenantId],
      )
    ).rows;
    const ticketCols = await columns('tickets');
    const eventCols = await columns('ticket_events');
    const ticketExpr: Record<string, string> = {
      tenant_id: '$3::uuid',
      contract_id: '$4::uuid',
      id: 'm.new_id',
      number: `t.number || '-' || $5::int`,
      created_by: 'CASE WHEN t.created_by IS NULL THEN NULL ELSE $6::uuid END',
    };
    const eventExpr: Record<string, string> = {
      tenant_id: '$3::uuid',
      contract_id: '$4::uuid',
      ticket_id: 'm.new_id',
      id: 'gen_random_uuid()',
      actor_user_id: `CASE WHEN e.actor_side = 'buyer' AND e.actor_user_id IS NOT NULL THEN $5::uuid ELSE e.actor_user_id END`,
    };
    let tickets = 0;
    let events = 0;
    // Bulk-load practice: the indexes of ticket_events (random uuids: every insert lands on a random page of three
    // b-trees of 10+ million entries) are dropped for the copy and built again after it, with the same definitions.
    await c.query(`SET maintenance_work_mem = '512MB'`);
    const rebuild = await dropIndexes(c, 'ticket_events');
    for (let k = 1; k <= times; k++) {
      await c.query('BEGIN');
      try {
        await c.query(`SET LOCAL app.operation = 'benchCopy'`);
        // Copies of rows that satisfy every constraint, their tickets inserted first in the same transaction: the
        // per-row foreign-key checks and the audit triggers are skipped (replica role, this transaction only).
        await c.query(`SET LOCAL session_replication_role = replica`);
        await c.query(
          `CREATE TEMP TABLE copy_map ON COMMIT DROP AS SELECT id AS old_id, gen_random_uuid() AS new_id FROM tickets WHERE tenant_id = $1 AND contract_id = $2`,
          [from.tenantId, from.contractId],
        );
        await c.query('CREATE UNIQUE INDEX ON copy_map (old_id)');
        const t = await c.query(
          `INSERT INTO tickets (${ticketCols.join(', ')})
           SELECT ${ticketCols.map((col) => ticketExpr[col] ?? `t.${col}`).join(', ')}
             FROM tickets t JOIN copy_map m ON m.old_id = t.id WHERE t.tenant_id = $1 AND t.contract_id = $2`,
          [from.tenantId, from.contractId, to.tenantId, to.contractId, k, adminId],
        );
        const e = await c.query(
          `INSERT INTO ticket_events (${eventCols.join(', ')})
           SELECT ${eventCols.map((col) => eventExpr[col] ?? `e.${col}`).join(', ')}
             FROM ticket_events e JOIN copy_map m ON m.old_id = e.ticket_id WHERE e.tenant_id = $1 AND e.contract_id = $2`,
          [from.tenantId, from.contractId, to.tenantId, to.contractId, adminId],
        );
        await c.query('COMMIT');
        tickets += t.rowCount ?? 0;
        events += e.rowCount ?? 0;
      } catch (err) {
        await c.query('ROLLBACK').catch(() => undefined);
        throw err;
      }
    }
    await rebuild();
    return { tickets, events };
  });
}

/**
 * Drops a table's indexes that no foreign key depends on (plain indexes, and primary / unique constraints no foreign
 * key references) and returns what builds them again, as they were (pg_get_indexdef / pg_get_constraintdef).
 */
async function dropIndexes(c: Client, table: string): Promise<() => Promise<void>> {
  const plain = (
    await c.query<{ name: string; def: string }>(
      `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def FROM pg_index i
        WHERE i.indrelid = $1::regclass AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)`,
      [table],
    )
  ).rows;
  const constraints = (
    await c.query<{ name: string; def: string }>(
      `SELECT k.conname AS name, pg_get_constraintdef(k.oid) AS def FROM pg_constraint k
        WHERE k.conrelid = $1::regclass AND k.contype IN ('p', 'u')
          AND NOT EXISTS (SELECT 1 FROM pg_constraint f WHERE f.contype = 'f' AND f.confrelid = k.conrelid AND f.conindid = k.conindid)`,
      [table],
    )
  ).rows;
  for (const i of plain) await c.query(`DROP INDEX ${i.name}`);
  for (const k of constraints) await c.query(`ALTER TABLE ${table} DROP CONSTRAINT ${k.name}`);
  return async () => {
    for (const k of constraints) await c.query(`ALTER TABLE ${table} ADD CONSTRAINT ${k.name} ${k.def}`);
    for (const i of plain) await c.query(i.def);
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Processes

export type Stack = {
  api: Proc;
  worker: Proc;
  gql(
    token: string | null,
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<{ data?: Record<string, unknown> | null; errors?: { message: string }[] }>;
  login(email: string): Promise<string>;
  stop(): Promise<void>;
};

/** The compiled API and one worker process on the database (app role), BullMQ on Redis under a fresh prefix. */
export async function startStack(
  db: BenchDatabase,
  workerEnv: Record<string, string> = {},
  workerArgs: string[] = [],
): Promise<Stack> {
  const port = await freePort();
  const prefix = `bclose${randomBytes(4).toString('hex')}`;
  const common = {
    DATABASE_URL: db.appUrl,
    REDIS_URL,
    QUEUE_PREFIX: prefix,
    // Nothing else in the background during the measure: no periodic SLA scan, the reconciler once an hour.
    SLA_SCAN_INTERVAL_SECONDS: '0',
    JOB_RECONCILE_INTERVAL_SECONDS: '3600',
  };
  const api = startNode(API_MAIN, {
    ...common,
    JWT_SECRET: randomBytes(48).toString('base64'),
    PORT: String(port),
    HOST: '127.0.0.1',
    SEED_DEMO: 'off',
  });
  const worker = startNode(WORKER_MAIN, { ...common, LOG_LEVEL: 'info', ...workerEnv }, workerArgs);
  const url = `http://127.0.0.1:${port}`;
  try {
    const until = Date.now() + 60_000;
    for (;;) {
      try {
        if ((await fetch(`${url}/health`)).ok) break;
      } catch {
        // not listening yet
      }
      if (api.child.exitCode !== null || Date.now() > until)
        throw new Error(`the API did not start:\n${api.output().slice(-3000)}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    await worker.waitFor('worker ready', 60_000);
  } catch (e) {
    await Promise.all([api.stop(), worker.stop()]);
    throw e;
  }
  const gql: Stack['gql'] = async (token, query, variables = {}) => {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as { data?: Record<string, unknown> | null; errors?: { message: string }[] };
  };
  return {
    api,
    worker,
    gql,
    async login(email) {
      const r = await gql(null, 'mutation ($i: LoginInput!) { login(input: $i) { token } }', {
        i: { email, password: BENCH_PASSWORD },
      });
      const token = (r.data?.login as { token: string } | undefined)?.token;
      if (!token) throw new Error(`login ${email} failed: ${JSON.stringify(r.errors)}`);
      return token;
    },
    stop: async () => {
      await Promise.all([api.stop(), worker.stop()]);
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The measured close and its floor

export type CloseRun = { closeId: string; ms: number; score: string | null; figures: string; resultBytes: number };

/**
 * One close through the product: `closePeriod` (or, when `reopen` names the previous close, `reopenPeriodClose`,
 * which requests the next revision), then the close row polled until draft. `onTick` runs at every poll.
 */
export async function closeThroughWorker(
  stack: Stack,
  token: string,
  db: BenchDatabase,
  c: CloseContract,
  reopen: string | null,
  onTick: () => void = () => undefined,
): Promise<CloseRun> {
  const poller = new Client({ connectionString: db.adminUrl });
  await poller.connect();
  try {
    const t0 = process.hrtime.bigint();
    const r = reopen
      ? await stack.gql(
          token,
          'mutation ($i: ReopenPeriodCloseInput!) { reopenPeriodClose(input: $i) { id status } }',
          { i: { closeId: reopen, reason: 'benchmark: compute again', asOf: AS_OF } },
        )
      : await stack.gql(token, 'mutation ($i: ClosePeriodInput!) { closePeriod(input: $i) { id status } }', {
          i: { contractId: c.contractId, period: PERIOD, asOf: AS_OF },
        });
    const close = (r.data?.reopenPeriodClose ?? r.data?.closePeriod) as { id: string; status: string } | undefined;
    if (!close) throw new Error(`${reopen ? 'reopenPeriodClose' : 'closePeriod'} failed: ${JSON.stringify(r.errors)}`);
    for (;;) {
      const row = (
        await poller.query<{ status: string; job_status: string | null; last_error: string | null }>(
          `SELECT pc.status, j.status AS job_status, j.last_error FROM period_closes pc LEFT JOIN jobs j ON j.id = pc.job_id WHERE pc.id = $1`,
          [close.id],
        )
      ).rows[0];
      onTick();
      if (row?.status === 'draft') break;
      if (row?.job_status === 'failed' || (row?.last_error && row.status === 'pending'))
        throw new Error(`the close job failed: ${row.last_error}\n${stack.worker.output().slice(-3000)}`);
      if (stack.worker.child.exitCode !== null)
        throw new Error(`the worker exited:\n${stack.worker.output().slice(-3000)}`);
      await new Promise((res) => setTimeout(res, 5));
    }
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    const stored = (
      await poller.query<{ score: string | null; figures: string; bytes: number }>(
        `SELECT score::text AS score, octet_length(result::text) AS bytes,
                (SELECT string_agg(m->>'period' || ':' || (m->>'id') || '=' || coalesce(m->>'value', 'null'), ' ' ORDER BY m->>'period', m->>'id')
                   FROM jsonb_array_elements(result->'metrics') m) AS figures
           FROM period_closes WHERE id = $1`,
        [close.id],
      )
    ).rows[0];
    return { closeId: close.id, ms, score: stored.score, figures: stored.figures, resultBytes: stored.bytes };
  } finally {
    await poller.end();
  }
}

/** The rows a close of `c` reads, as the close's own SQL selects them (the ticket read without order or batches). */
function floorQueries(c: CloseContract): { small: [string, unknown[]][]; tickets: string; allEvents: string } {
  const t = `'${c.tenantId}'::uuid`;
  const k = `'${c.contractId}'::uuid`;
  return {
    small: [
      [
        `SELECT c.*, v.configuration FROM contracts c JOIN contract_versions v ON v.tenant_id = c.tenant_id AND v.contract_id = c.id AND v.version = c.current_version WHERE c.id = $1`,
        [c.contractId],
      ],
      [`SELECT * FROM period_inputs WHERE contract_id = $1 ORDER BY period, kind`, [c.contractId]],
      [`SELECT * FROM monthly_reports WHERE contract_id = $1 AND status = 'accepted' ORDER BY month`, [c.contractId]],
    ],
    tickets: `SELECT t.number, t.state, t.special_attention, t.expected_close_date, t.extended_to, t.created_at,
                (SELECT e.at FROM ticket_events e WHERE e.tenant_id = t.tenant_id AND e.ticket_id = t.id AND e.kind = 'deployed' ORDER BY e.seq DESC LIMIT 1)
              FROM tickets t WHERE t.tenant_id = ${t} AND t.contract_id = ${k}`,
    allEvents: `SELECT t.number, t.state, t.special_attention, t.expected_close_date, t.extended_to, e.seq, e.kind, e.at
                FROM tickets t JOIN ticket_events e ON e.tenant_id = t.tenant_id AND e.ticket_id = t.id
               WHERE t.tenant_id = ${t} AND t.contract_id = ${k}`,
  };
}

/** A client as the app role, in the tenant's scope exactly as TenantDatabase sets it (transaction-local settings). */
async function scoped<T>(db: BenchDatabase, tenantId: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: db.appUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query(
      `SELECT set_config('app.tenant_id', $1, true), set_config('app.vendor_org_id', '', true), set_config('app.user_id', '', true),
              set_config('app.platform_admin', '', true), set_config('app.login_email', '', true), set_config('app.operation', 'bench-floor', true)`,
      [tenantId],
    );
    const out = await work(client);
    await client.query('COMMIT');
    return out;
  } finally {
    await client.end();
  }
}

/** COPY (query) TO STDOUT, streamed into a sink that only counts: bytes read. */
async function streamed(client: Client, query: string): Promise<number> {
  let bytes = 0;
  await pipeline(
    client.query(copyTo(`COPY (${query}) TO STDOUT`)),
    new Writable({
      write(chunk: Buffer, _enc, done) {
        bytes += chunk.length;
        done();
      },
    }),
  );
  return bytes;
}

/** The floor: the bare reads of the close's rows, timed from the first statement to the commit (connection made before). */
export async function floorRead(
  db: BenchDatabase,
  c: CloseContract,
  which: 'tickets' | 'allEvents' = 'tickets',
): Promise<{ ms: number; bytes: number }> {
  const q = floorQueries(c);
  const client = new Client({ connectionString: db.appUrl });
  await client.connect();
  try {
    const t0 = process.hrtime.bigint();
    await client.query('BEGIN');
    await client.query(
      `SELECT set_config('app.tenant_id', $1, true), set_config('app.vendor_org_id', '', true), set_config('app.user_id', '', true),
              set_config('app.platform_admin', '', true), set_config('app.login_email', '', true), set_config('app.operation', 'bench-floor', true)`,
      [c.tenantId],
    );
    for (const [sql, params] of q.small) await client.query(sql, params);
    const bytes = await streamed(client, q[which]);
    await client.query('COMMIT');
    return { ms: Number(process.hrtime.bigint() - t0) / 1e6, bytes };
  } finally {
    await client.end();
  }
}

/** The plan of the close's ticket cursor (EXPLAIN DECLARE, as the app role in the tenant's scope) and, with timings, the floor's. */
async function plans(db: BenchDatabase, c: CloseContract): Promise<{ cursor: string[]; floor: string[] }> {
  const keep = (rows: { 'QUERY PLAN': string }[]) =>
    rows
      .map((x) => x['QUERY PLAN'])
      .filter((l) => /Scan|Sort|Limit|Execution|Heap Fetches/.test(l) && !/on contracts/.test(l))
      .map((l) => l.trim().replace(/\s+/g, ' '));
  return scoped(db, c.tenantId, async (client) => {
    const cursor = await client.query<{ 'QUERY PLAN': string }>(
      `EXPLAIN DECLARE bench_plan NO SCROLL CURSOR FOR
       SELECT t.number, t.state, t.special_attention, to_char(t.expected_close_date, 'YYYY-MM-DD') AS expected_close_date, to_char(t.extended_to, 'YYYY-MM-DD') AS extended_to,
              (SELECT e.at FROM ticket_events e WHERE e.tenant_id = t.tenant_id AND e.ticket_id = t.id AND e.kind = 'deployed' ORDER BY e.seq DESC LIMIT 1) AS completed_at
         FROM tickets t WHERE t.tenant_id = '${c.tenantId}' AND t.contract_id = '${c.contractId}' ORDER BY t.created_at, t.number`,
    );
    const floor = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${floorQueries(c).tickets}`);
    return { cursor: keep(cursor.rows), floor: keep(floor.rows) };
  });
}

// ---------------------------------------------------------------------------------------------------------------

/** Whether bench/run.ts is running the memory bench after this one (the database is then kept for it). */
function memoryBenchFollows(): boolean {
  if (process.env.BENCH_KEEP_CLOSE_DB === '1') return true;
  try {
    const parent = readFileSync(`/proc/${process.ppid}/cmdline`, 'utf8').split('\0');
    if (!parent.some((a) => a.endsWith('run.ts'))) return false;
    const only = parent.find((a) => a.startsWith('--only='));
    return !only || only.slice('--only='.length).split(',').includes('memory');
  } catch {
    return false;
  }
}

/** Drops the database a previous close bench left for a memory bench that never ran. */
export async function dropStaleHandover(): Promise<void> {
  if (!existsSync(HANDOVER)) return;
  try {
    const h = JSON.parse(readFileSync(HANDOVER, 'utf8')) as Handover;
    await admin(ADMIN_URL, (c) => c.query(`DROP DATABASE IF EXISTS ${h.db.name} WITH (FORCE)`));
  } catch {
    // unreadable: nothing to drop
  }
  rmSync(HANDOVER, { force: true });
}

async function main(): Promise<void> {
  const started = Date.now();
  await dropStaleHandover();
  log(
    `sizes ${SIZES.map(label).join(' / ')}${QUICK ? ' (quick)' : ''}; runs ${SIZES.map((_, i) => runsAt(i)).join(' / ')}`,
  );
  const { db, contracts } = await prepareCloseData(SIZES, 'close');
  let keep = false;
  let stack: Stack | null = null;
  try {
    stack = await startStack(db);
    log(`API and worker up (worker RSS ${stack.worker.peakRssMiB()?.toFixed(0)} MiB)`);
    const perSize: {
      size: number;
      close: Spread;
      floor: Spread;
      ratio: Spread;
      allEventsMs: number | null;
      floorBytes: number;
      allEventsBytes: number | null;
      score: string | null;
      figures: string;
      resultBytes: number;
      plan: { cursor: string[]; floor: string[] };
    }[] = [];
    let lastCloseId: string | null = null;
    for (let i = 0; i < contracts.length; i++) {
      const c = contracts[i];
      const token = await stack.login(c.email);
      // Warm-up read (unmeasured): both sides then start from the same cache.
      await floorRead(db, c);
      const closeMs: number[] = [];
      const floorMs: number[] = [];
      let floorBytes = 0;
      let prev: string | null = null;
      let first: CloseRun | null = null;
      for (let run = 0; run < runsAt(i); run++) {
        const f = await floorRead(db, c);
        floorMs.push(f.ms);
        floorBytes = f.bytes;
        const r = await closeThroughWorker(stack, token, db, c, prev);
        closeMs.push(r.ms);
        prev = r.closeId;
        // Every revision of the close must compute the same figures (same data, same asOf).
        if (first && (r.figures !== first.figures || r.score !== first.score))
          throw new Error(`run ${run} computed ${r.score} ${r.figures}, run 0 ${first.score} ${first.figures}`);
        first ??= r;
        log(
          `${label(c.size)} run ${run + 1}: close ${r.ms.toFixed(0)} ms, floor ${f.ms.toFixed(0)} ms (${(r.ms / f.ms).toFixed(2)}×)`,
        );
      }
      // Context only, and not at a million tickets (it reads 12 million events: ~45 s of the bench budget).
      const all = c.size < 1_000_000 ? await floorRead(db, c, 'allEvents') : null;
      const plan = await plans(db, c);
      const close = spread(closeMs);
      const floor = spread(floorMs);
      perSize.push({
        size: c.size,
        close,
        floor,
        ratio: pairedRatio(close, floor),
        allEventsMs: all?.ms ?? null,
        floorBytes,
        allEventsBytes: all?.bytes ?? null,
        score: (first as CloseRun).score,
        figures: (first as CloseRun).figures,
        resultBytes: (first as CloseRun).resultBytes,
        plan,
      });
      log(
        `${label(c.size)}: close median ${close.median.toFixed(0)} ms, floor ${floor.median.toFixed(0)} ms, ratio ${pairedRatio(close, floor).median.toFixed(2)}; all-events read ${all ? `${all.ms.toFixed(0)} ms` : 'skipped'}; score ${(first as CloseRun).score}; ${(first as CloseRun).figures}; result ${(first as CloseRun).resultBytes} B`,
      );
      if (i === contracts.length - 1) lastCloseId = prev;
    }
    const workerPeak = stack.worker.peakRssMiB();
    await stack.stop();
    stack = null;

    const exponent = growthExponent(perSize.map((p) => ({ size: p.size, cost: p.close.median })));
    const floorExponent = growthExponent(perSize.map((p) => ({ size: p.size, cost: p.floor.median })));
    log(
      `growth exponent ${exponent.toFixed(3)} (floor ${floorExponent.toFixed(3)}); worker peak RSS ${workerPeak?.toFixed(0)} MiB`,
    );
    const measures: Measure[] = perSize.map((p) => {
      const target = p.size === TARGET_SIZE;
      return {
        id: `close-${label(p.size)}`,
        title: `Period close, ${p.size.toLocaleString('en-US')} tickets (enqueue → draft through API + worker)`,
        floor: 'bare SQL read of the same rows (app role, RLS): tickets + last deployment, inputs, reports',
        unit: 'ms',
        value: round(p.close.median, 1),
        floorValue: round(p.floor.median, 1),
        ratio: round(p.ratio.median),
        ratioMin: round(p.ratio.min),
        ratioMax: round(p.ratio.max),
        target: target ? `≤ ${TARGET_RATIO}× floor` : 'context (growth)',
        met: target ? p.ratio.median <= TARGET_RATIO : null,
        notes: [
          `${p.close.runs.length} run(s): close ${p.close.runs.map((x) => x.toFixed(0)).join(', ')} ms; floor ${p.floor.runs.map((x) => x.toFixed(0)).join(', ')} ms`,
          p.allEventsMs === null || p.allEventsBytes === null
            ? `floor streamed ${(p.floorBytes / 2 ** 20).toFixed(1)} MiB`
            : `reading every event instead (what the close read before issue 5): ${p.allEventsMs.toFixed(0)} ms, ${(p.allEventsBytes / 2 ** 20).toFixed(1)} MiB streamed vs ${(p.floorBytes / 2 ** 20).toFixed(1)} MiB`,
          `score ${p.score}; ${p.figures}; stored result ${p.resultBytes} bytes`,
        ],
      };
    });
    measures.push({
      id: 'close-growth',
      title: `Period close growth exponent over ${SIZES.map(label).join(' / ')} (cost ∝ N^k)`,
      floor: 'the floor’s own exponent',
      unit: 'k',
      value: round(exponent),
      floorValue: round(floorExponent),
      ratio: null,
      target: 'reported (≈ 1: linear)',
      met: null,
    });
    const file = writeResult({
      bench: 'close',
      mode: QUICK ? 'quick' : 'full',
      startedAt: new Date(started).toISOString(),
      durationSeconds: Math.round((Date.now() - started) / 1000),
      machine: machine(),
      parameters: {
        sizes: SIZES,
        period: PERIOD,
        asOf: AS_OF,
        ticketsRaisedUpTo: NOW,
        preset: 'xuzhou-2026',
        runs: SIZES.map((_, i) => runsAt(i)),
        largestCopied: !GENERATE_ALL,
        seed: SEED,
      },
      measures,
      extra: {
        growthExponent: round(exponent),
        floorGrowthExponent: round(floorExponent),
        closeWorkerPeakRssMiB: workerPeak === null ? null : round(workerPeak, 0),
        [`plans${label(SIZES[SIZES.length - 1])}`]: perSize[perSize.length - 1].plan,
      },
    });
    log(`wrote ${file}`);
    if (memoryBenchFollows()) {
      const big = contracts[contracts.length - 1];
      const h: Handover = { mode: QUICK ? 'quick' : 'full', db, contract: big, lastCloseId };
      writeFileSync(HANDOVER, JSON.stringify(h));
      keep = true;
      log(`database ${db.name} kept for bench/memory.bench.ts (${label(big.size)} contract)`);
    }
  } finally {
    if (stack) await stack.stop();
    if (!keep) await db.drop();
  }
}

if (process.argv[1]?.endsWith('close.bench.ts')) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
