/**
 * The benchmark data generator and loader (issue 5, item 1): tenants, users, one vendor organisation, contracts
 * with their configuration versions, tickets with their whole history and SLA results, buyer period inputs and
 * accepted monthly reports — deterministic from a seed, loaded through COPY.
 *
 * Honesty rules:
 *  - every row is what the product itself would have written: histories come from the product's pure lifecycle
 *    machine (openTicket / transition, the functions the API's tickets service calls), SLA results from the SLA
 *    job's own evaluateTicket (evaluateTicketSla), period inputs are checked with the scoring library's
 *    checkAssessmentInputs, monthly reports with validateMonthlyReport, configurations are the presets validated by
 *    validateContractConfig and stored as the demo seeder stores them (test/bench/generate.spec.ts reads a generated
 *    world back through the product and checks it);
 *  - loads go through COPY as the database superuser (row-level security is not in the way of a bulk load; the app
 *    role reads everything through RLS afterwards) and satisfy every constraint and trigger: foreign keys, checks,
 *    unique keys, append-only guards, the SLA projection trigger of ticket_sla_results (ticket_sla_clocks and
 *    ticket_sla_month_counts are filled by it, as for results the jobs store). One exception, on purpose: while
 *    generateTickets loads, the two audit triggers `tickets_audit` and `ticket_events_audit` are disabled
 *    (ALTER TABLE … DISABLE TRIGGER before the load, ENABLE after, also on failure) unless `audit: true` is passed:
 *    a bulk history load is not a series of user actions (the API would log an INSERT and ~10 UPDATEs per ticket,
 *    not one row), nothing measured reads audit_log, and auditing 13 million rows would add ~30 % to the load and
 *    several GB to the database. Everything else — tenants, users, contracts, versions, period inputs, monthly
 *    reports — is audited as usual. The trigger switch is visible to every session of that database while the load
 *    runs: do not run the product against a benchmark database during generateTickets;
 *  - memory is constant in the ticket count: tickets are generated (in worker threads for large counts) and
 *    streamed in batches of a few thousand, each batch its own COPY transaction;
 *  - rows are laid out as a ledger in use lays them out: tickets numbered and created in the order they are raised
 *    (number order = created_at order = heap order), events interleaved in time order across tickets, tables
 *    VACUUM (ANALYZE)d at the end as autovacuum would have (so a benchmark does not race autovacuum).
 */
import {
  periodsInTerm,
  PRESET_IDS,
  timeZoneOf,
  validateMonthlyReport,
  workingDatesOfMonth,
  calendarOf,
  closablePeriods,
  type ParsedConfig,
} from '@ledger/contracts';
import { checkAssessmentInputs, type AssessmentScheme } from '@ledger/scoring';
import { hash } from 'argon2';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { Client } from 'pg';
import type { BenchDatabase } from './bench-db';
import { copyInto, copyJson, copyLine, copyValue } from './generate-copy';
import { Rng } from './generate-rng';
import {
  batchMaker,
  EVENT_COLUMNS,
  presetConfig,
  SLA_COLUMNS,
  TICKET_COLUMNS,
  ticketBatchText,
  hashString,
  type Actors,
  type BatchData,
  type BatchSpec,
  type ContractRef,
} from './generate-batch';
import { calendarHorizonMs, generateTicket, ticketContext, ticketNumber } from './generate-tickets';

export type GeneratedWorld = {
  vendorOrgId: string;
  passwordHash: string; // one argon2 hash (apps/api/src/auth/password.ts hashPassword) of BENCH_PASSWORD reused by every user
  tenants: {
    id: string;
    code: string;
    contracts: { id: string; presetId: string; code: string }[];
    users: { email: string; role: 'buyer-admin' | 'finance' }[];
  }[];
  vendorUser: { email: string };
};

export const BENCH_PASSWORD = 'bench-password-2026';
export const BENCH_VENDOR = '基准运维服务有限公司';
export const VENDOR_EMAIL = 'vendor@bench.local';

/** Tenant codes t0001, t0002, …; user e-mails `<code>.admin@bench.local`, `<code>.finance@bench.local`. */
export const tenantCode = (i: number): string => `t${String(i + 1).padStart(4, '0')}`;

/** The default instant tickets are generated up to (and SLA evaluated at): the last minute of 2026 in Beijing time. */
export const DEFAULT_NOW = '2026-12-31T23:00:00+08:00';

/** Same hash as apps/api/src/auth/password.ts hashPassword (argon2id with the library's defaults). */
const hashPassword = (password: string): Promise<string> => hash(password, { type: 2 });

async function connect(db: BenchDatabase): Promise<Client> {
  const client = new Client({ connectionString: db.adminUrl });
  await client.connect();
  return client;
}

/**
 * N tenants (default 1000), each with contracts from the presets (round-robin over the 12 presets, 1–3 per
 * tenant), a buyer admin and a finance user, one vendor organisation holding all; config versions as the API
 * would store them. Deterministic from seed (ids included). Loaded through COPY in one transaction, audited as usual.
 * Tenant i has code t0001…, users `<code>.admin@bench.local` / `<code>.finance@bench.local`, the vendor user
 * `vendor@bench.local`; every password is BENCH_PASSWORD; contract codes are the preset ids.
 * Optionally: `ticketsPerContract` tickets on every contract (generateTickets, seed + contract ordinal), up to the
 * end of the last of `months` (YYYY-MM) or DEFAULT_NOW; and when `months` is given, period data up to its last month
 * (generatePeriodData) on every contract.
 */
export async function generateWorld(
  db: BenchDatabase,
  opts: { seed: number; tenants: number; ticketsPerContract?: number; months?: string[] },
): Promise<GeneratedWorld> {
  const n = opts.tenants ?? 1000;
  const r = new Rng(opts.seed, 0x3017d);
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const vendorOrgId = r.uuid();
  const vendorUserId = r.uuid();
  const tenants: (GeneratedWorld['tenants'][number] & { name: string; adminId: string; financeId: string })[] = [];
  let k = 0;
  for (let i = 0; i < n; i++) {
    const code = tenantCode(i);
    const count = r.int(1, 3);
    const contracts = Array.from({ length: count }, () => {
      const presetId = PRESET_IDS[k++ % PRESET_IDS.length];
      return { id: r.uuid(), presetId, code: presetId };
    });
    tenants.push({
      id: r.uuid(),
      code,
      name: `基准采购人${code.slice(1)}`,
      adminId: r.uuid(),
      financeId: r.uuid(),
      contracts,
      users: [
        { email: `${code}.admin@bench.local`, role: 'buyer-admin' },
        { email: `${code}.finance@bench.local`, role: 'finance' },
      ],
    });
  }

  const client = await connect(db);
  try {
    await client.query('BEGIN');
    await client.query(`SET LOCAL app.operation = 'benchGenerate'`);
    await copyInto(client, 'vendor_organizations', ['id', 'name'], [copyLine([vendorOrgId, BENCH_VENDOR])]);
    await copyInto(
      client,
      'tenants',
      ['id', 'code', 'name'],
      chunked(tenants, (t) => copyLine([t.id, t.code, t.name])),
    );
    const userLines = function* (): Generator<string> {
      yield copyLine([vendorUserId, VENDOR_EMAIL, passwordHash, 'vendor', 'vendor', null, vendorOrgId]);
      for (const t of tenants) {
        yield copyLine([
          t.adminId,
          t.users[0].email,
          passwordHash,
          t.users[0].email.split('@')[0],
          'buyer-admin',
          t.id,
          null,
        ]);
        yield copyLine([
          t.financeId,
          t.users[1].email,
          passwordHash,
          t.users[1].email.split('@')[0],
          'finance',
          t.id,
          null,
        ]);
      }
    };
    await copyInto(
      client,
      'users',
      ['id', 'email', 'password_hash', 'display_name', 'role', 'tenant_id', 'vendor_org_id'],
      batchLines(userLines()),
    );
    await copyInto(
      client,
      'contracts',
      [
        'id',
        'tenant_id',
        'vendor_org_id',
        'code',
        'name',
        'preset_id',
        'current_version',
        'amount',
        'term_start',
        'term_end',
      ],
      batchLines(
        (function* () {
          for (const t of tenants)
            for (const c of t.contracts) {
              const p = presetConfig(c.presetId);
              yield copyLine([
                c.id,
                t.id,
                vendorOrgId,
                c.code,
                p.title,
                c.presetId,
                1,
                p.amount,
                p.config.term.start,
                p.config.term.end,
              ]);
            }
        })(),
      ),
    );
    // The configuration JSON is the same for every contract of a preset: serialise it once per preset.
    const configText = new Map<string, string>(PRESET_IDS.map((id) => [id, copyJson(presetConfig(id).stored)]));
    await copyInto(
      client,
      'contract_versions',
      ['tenant_id', 'contract_id', 'version', 'configuration', 'change_note', 'created_by'],
      batchLines(
        (function* () {
          for (const t of tenants)
            for (const c of t.contracts)
              yield `${t.id}\t${c.id}\t1\t${configText.get(c.presetId)}\t${copyValue(`created from preset ${c.presetId}`)}\t${t.adminId}\n`;
        })(),
        64,
      ),
    );
    await client.query('COMMIT');
    await client.query('ANALYZE tenants, users, contracts, contract_versions, vendor_organizations');
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    await client.end();
  }

  if (opts.ticketsPerContract) {
    const now = opts.months?.length ? monthEndInstant([...opts.months].sort().pop() as string) : DEFAULT_NOW;
    let ci = 0;
    for (const t of tenants)
      for (const c of t.contracts) {
        const seed = opts.seed + ci++;
        // A contract whose term starts after `now` has no tickets yet.
        if (Date.parse(`${presetConfig(c.presetId).config.term.start}T00:00:00+08:00`) + 86_400_000 >= Date.parse(now))
          continue;
        await generateTickets(
          db,
          { tenantId: t.id, contractId: c.id, presetId: c.presetId },
          { seed, count: opts.ticketsPerContract, now, vacuum: false },
        );
      }
    const client = await connect(db);
    try {
      await client.query('VACUUM (ANALYZE) tickets, ticket_events, ticket_sla_results, ticket_sla_clocks');
    } finally {
      await client.end();
    }
  }
  if (opts.months?.length) {
    const upTo = [...opts.months].sort().pop() as string;
    for (const t of tenants)
      for (const c of t.contracts)
        await generatePeriodData(
          db,
          { tenantId: t.id, contractId: c.id, presetId: c.presetId },
          { seed: opts.seed, upTo },
        );
  }

  return {
    vendorOrgId,
    passwordHash,
    tenants: tenants.map((t) => ({ id: t.id, code: t.code, contracts: t.contracts, users: t.users })),
    vendorUser: { email: VENDOR_EMAIL },
  };
}

const monthEndInstant = (month: string): string => {
  const [y, m] = month.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  return `${last}T23:00:00+08:00`;
};

/** Lines grouped into chunks of `size` (fewer, larger writes to the COPY stream). */
function* batchLines(lines: Iterable<string>, size = 2000): Generator<string> {
  let buf: string[] = [];
  for (const l of lines) {
    buf.push(l);
    if (buf.length >= size) {
      yield buf.join('');
      buf = [];
    }
  }
  if (buf.length) yield buf.join('');
}

function* chunked<T>(items: readonly T[], line: (t: T) => string, size = 2000): Generator<string> {
  yield* batchLines(
    (function* () {
      for (const t of items) yield line(t);
    })(),
    size,
  );
}

/** Who acts on a contract: its tenant's buyer admin (buyer side) and its vendor organisation's vendor user. */
async function actorsOf(client: Client, c: ContractRef): Promise<Actors> {
  const rows = await client.query<{ buyer: string | null; vendor: string | null; version: number }>(
    `SELECT (SELECT u.id FROM users u WHERE u.tenant_id = c.tenant_id AND u.role = 'buyer-admin' ORDER BY u.email LIMIT 1) AS buyer,
            (SELECT u.id FROM users u WHERE u.vendor_org_id = c.vendor_org_id AND u.role = 'vendor' ORDER BY u.email LIMIT 1) AS vendor,
            c.current_version AS version
       FROM contracts c WHERE c.tenant_id = $1 AND c.id = $2`,
    [c.tenantId, c.contractId],
  );
  const row = rows.rows[0];
  if (!row || !row.buyer || !row.vendor)
    throw new Error(
      `contract ${c.contractId}: no such contract, or its tenant has no buyer admin / its vendor no user`,
    );
  return { buyerUserId: row.buyer, vendorUserId: row.vendor, version: row.version };
}

/** Options of generateTickets beyond the brief's: how the work is spread (never what is generated). */
export type GenerateTicketsOptions = {
  seed: number;
  count: number;
  /** ISO instant: nothing after it has happened; SLA results are evaluated at it. */
  now: string;
  /** Keep the audit triggers of tickets / ticket_events on during the load (default false: see the file header). */
  audit?: boolean;
  /** Ticket numbers `${prefix}0001…` (default LX-, the API's own numbering). */
  numberPrefix?: string;
  /** Tickets per COPY transaction (default 5,000). */
  batch?: number;
  /** Worker threads generating batches (default: none below 20,000 tickets, else CPUs − 1, between 2 and 6). */
  workers?: number;
  /** Loading connections, each committing its own batches (default: 1 below 20,000 tickets, else 2). */
  connections?: number;
  /**
   * Store each ticket's SLA result (default true; the SLA projection trigger fills ticket_sla_clocks /
   * ticket_sla_month_counts from them). false: none, as if the SLA jobs had not run yet — for measures that do not
   * read them (the period close reads tickets and events only), about a third less generation and load work.
   */
  slaResults?: boolean;
  /** VACUUM (ANALYZE) the ticket tables after the load, as autovacuum would have in a running ledger (default true). */
  vacuum?: boolean;
  onBatch?: (doneTickets: number) => void;
};

/**
 * Batch ranges: a small first batch (loaded alone, then the tables are analysed: the foreign-key checks and the SLA
 * projection trigger look rows up by key, and an empty table's statistics plan those lookups as sequential scans,
 * quadratic in the batch), then `batch` tickets each.
 */
export function batchRanges(count: number, batch: number): { start: number; size: number }[] {
  const out: { start: number; size: number }[] = [];
  const first = Math.min(count, 200, batch);
  if (first > 0) out.push({ start: 0, size: first });
  for (let s = first; s < count; s += batch) out.push({ start: s, size: Math.min(batch, count - s) });
  return out;
}

/** A source of batches, in any order, ending with null. */
export type BatchSource = { next(): Promise<BatchData | null>; close(): Promise<void> };

function inThreadSource(spec: BatchSpec, batch: number): BatchSource {
  const maker = batchMaker(spec);
  const ranges = batchRanges(spec.count, batch);
  let next = 0;
  return {
    async next() {
      const r = ranges[next++];
      if (!r) return null;
      // Let the loaders' sockets drain between batches.
      await new Promise((resolve) => setImmediate(resolve));
      return ticketBatchText(maker, r.start, r.size);
    },
    close: async () => undefined,
  };
}

/**
 * Batches generated by worker threads. Each worker holds one request at a time; at most `ahead` finished batches
 * wait for a loader (backpressure: memory stays a few batches whatever the count).
 */
function workerSource(spec: BatchSpec, batch: number, workers: number, ahead: number): BatchSource {
  const file = join(__dirname, 'generate-worker.ts');
  const ranges = batchRanges(spec.count, batch);
  let nextIndex = 0;
  const ready: BatchData[] = [];
  const waiting: ((b: BatchData | null) => void)[] = [];
  let failure: Error | null = null;
  let outstanding = 0;
  const idle: Worker[] = [];
  // A bounded heap: the batches' strings are garbage as soon as they are sent, and a worker need not keep more.
  const pool = Array.from(
    { length: workers },
    () =>
      new Worker(`require('tsx/cjs'); require(${JSON.stringify(file)});`, {
        eval: true,
        workerData: spec,
        resourceLimits: { maxOldGenerationSizeMb: 512 },
      }),
  );
  const finished = () => nextIndex >= ranges.length && outstanding === 0 && ready.length === 0;
  const settle = () => {
    while (waiting.length && (ready.length || failure || finished())) {
      const w = waiting.shift() as (b: BatchData | null) => void;
      if (failure) w(null);
      else w(ready.shift() ?? null);
    }
  };
  const feed = () => {
    while (idle.length && nextIndex < ranges.length && ready.length + outstanding < ahead + workers) {
      const w = idle.shift() as Worker;
      outstanding++;
      w.postMessage(ranges[nextIndex++]);
    }
  };
  for (const w of pool) {
    w.on('message', (m: { ok: true; batch: BatchData } | { ok: false; error: string }) => {
      outstanding--;
      if (m.ok) ready.push(m.batch);
      else failure = new Error(`generator worker: ${m.error}`);
      idle.push(w);
      feed();
      settle();
    });
    w.on('error', (e) => {
      failure = e;
      settle();
    });
    idle.push(w);
  }
  feed();
  return {
    next() {
      if (failure) return Promise.reject(failure);
      const b = ready.shift();
      if (b) {
        feed();
        return Promise.resolve(b);
      }
      if (finished()) return Promise.resolve(null);
      return new Promise<BatchData | null>((resolve, reject) => {
        waiting.push((x) => {
          if (failure) reject(failure);
          else {
            feed();
            resolve(x);
          }
        });
      });
    },
    async close() {
      await Promise.all(pool.map((w) => w.terminate()));
    },
  };
}

/** BENCH_GENERATE_DEBUG=1 logs each batch's COPY times and the loaders' waits. */
const DEBUG = process.env.BENCH_GENERATE_DEBUG === '1';

async function loadBatch(client: Client, b: BatchData): Promise<void> {
  await client.query('BEGIN');
  try {
    const t0 = Date.now();
    await client.query(`SET LOCAL app.operation = 'benchGenerate'`);
    await copyInto(client, 'tickets', TICKET_COLUMNS, [b.tickets]);
    const t1 = Date.now();
    await copyInto(client, 'ticket_events', EVENT_COLUMNS, [b.events]);
    const t2 = Date.now();
    if (b.sla.length) await copyInto(client, 'ticket_sla_results', SLA_COLUMNS, [b.sla]);
    const t3 = Date.now();
    await client.query('COMMIT');
    if (DEBUG)
      console.log(
        `batch ${b.start}: tickets ${t1 - t0} ms, events ${t2 - t1} ms, sla ${t3 - t2} ms, commit ${Date.now() - t3} ms; heap ${Math.round(process.memoryUsage().heapUsed / 2 ** 20)} MB`,
      );
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  }
}

/**
 * `count` tickets (with their full lifecycle events, realistic severities/categories from the contract's
 * configuration, event timings, some SLA breaches, some approved pauses, some special-attention tickets with
 * expected close dates inside the term, most closed, some open), plus their ticket_sla_results (computed with the
 * SLA job's evaluateTicket — the pure SLA engine evaluateTicketSla — at `now`), on one contract; deterministic from
 * seed (and count: ticket i is raised in the i-th slice of the term); COPY in batches of `batch` tickets, each its
 * own transaction, from worker threads over one or more connections (constant memory). Returns counts.
 * The contract must have no tickets numbered like these yet (use `numberPrefix` to add more).
 */
export async function generateTickets(
  db: BenchDatabase,
  c: ContractRef,
  opts: GenerateTicketsOptions,
): Promise<{ tickets: number; events: number; slaResults: number }> {
  const nowMs = Date.parse(opts.now);
  if (Number.isNaN(nowMs)) throw new Error(`now must be an ISO instant, got ${opts.now}`);
  if (opts.count <= 0) return { tickets: 0, events: 0, slaResults: 0 };
  presetConfig(c.presetId); // fail fast on an unknown preset
  const large = opts.count >= 20_000;
  const batch = opts.batch ?? 5_000;
  const workers = opts.workers ?? (large ? Math.min(6, Math.max(2, cpus().length - 1)) : 0);
  const connections = Math.max(1, opts.connections ?? (large ? 2 : 1));
  const spec: BatchSpec = {
    c,
    actors: await contractActors(db, c),
    seed: opts.seed,
    count: opts.count,
    nowMs,
    ...(opts.numberPrefix ? { prefix: opts.numberPrefix } : {}),
    ...(opts.slaResults === false ? { slaResults: false } : {}),
  };
  const source = workers > 0 ? workerSource(spec, batch, workers, connections + 1) : inThreadSource(spec, batch);
  return loadTicketBatches(db, source, { connections, audit: opts.audit, vacuum: opts.vacuum, onBatch: opts.onBatch });
}

/** The contract's actors and configuration version, as generateTickets stamps them on the rows. */
export async function contractActors(db: BenchDatabase, c: ContractRef): Promise<Actors> {
  const client = await connect(db);
  try {
    return await actorsOf(client, c);
  } finally {
    await client.end();
  }
}

/**
 * The loading half of generateTickets: takes batches from `source` (its first batch must be small, see
 * batchRanges) and COPYs each in its own transaction over `connections` connections; audit triggers of tickets and
 * ticket_events off meanwhile unless `audit`; VACUUM (ANALYZE) at the end unless `vacuum` is false. Closes the
 * source. Exported so that a benchmark can time the same loads from pre-generated bytes (the COPY floor).
 */
export async function loadTicketBatches(
  db: BenchDatabase,
  source: BatchSource,
  opts: { connections?: number; audit?: boolean; vacuum?: boolean; onBatch?: (doneTickets: number) => void } = {},
): Promise<{ tickets: number; events: number; slaResults: number }> {
  const totals = { tickets: 0, events: 0, slaResults: 0 };
  const connections = Math.max(1, opts.connections ?? 1);
  const control = await connect(db);
  const loaders: Client[] = [];
  try {
    for (let i = 0; i < connections; i++) loaders.push(await connect(db));
    if (!opts.audit)
      await control.query(
        'ALTER TABLE tickets DISABLE TRIGGER tickets_audit; ALTER TABLE ticket_events DISABLE TRIGGER ticket_events_audit',
      );
    const account = (b: BatchData) => {
      totals.tickets += b.size;
      totals.events += b.eventCount;
      totals.slaResults += b.slaCount;
      opts.onBatch?.(totals.tickets);
    };
    // The first (small) batch alone, then statistics for the key lookups of the loads that follow (batchRanges).
    const first = await source.next();
    if (first) {
      await loadBatch(loaders[0], first);
      account(first);
      await control.query('ANALYZE tickets, ticket_events, ticket_sla_results, ticket_sla_clocks');
    }
    await Promise.all(
      loaders.map(async (client) => {
        for (;;) {
          const w0 = Date.now();
          const b = await source.next();
          if (DEBUG) console.log(`waited ${Date.now() - w0} ms for a batch`);
          if (!b) break;
          await loadBatch(client, b);
          account(b);
        }
      }),
    );
  } finally {
    await source.close();
    await Promise.all(loaders.map((l) => l.end().catch(() => undefined)));
    try {
      if (!opts.audit)
        await control.query(
          'ALTER TABLE tickets ENABLE TRIGGER tickets_audit; ALTER TABLE ticket_events ENABLE TRIGGER ticket_events_audit',
        );
    } finally {
      await control.end().catch(() => undefined);
    }
  }
  const after = await connect(db);
  const v0 = Date.now();
  try {
    await after.query(
      opts.vacuum === false
        ? 'ANALYZE tickets, ticket_events, ticket_sla_results, ticket_sla_clocks'
        : 'VACUUM (ANALYZE) tickets, ticket_events, ticket_sla_results, ticket_sla_clocks',
    );
  } finally {
    await after.end();
  }
  if (DEBUG) console.log(`vacuum/analyze ${Date.now() - v0} ms`);
  return totals;
}

// ---------------------------------------------------------------------------------------------------------------
// Period data

type Component = AssessmentScheme['components'][number];

/** The end date of `upTo` (a date YYYY-MM-DD, a month YYYY-MM, or a period id 2026 / 2026-H1 / 2026-Q3). */
function upToDate(upTo: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(upTo)) return upTo;
  if (/^\d{4}-\d{2}$/.test(upTo)) {
    const [y, m] = upTo.split('-').map(Number);
    return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  }
  const y = Number(upTo.slice(0, 4));
  const rest = upTo.slice(5);
  const endMonth =
    rest === '' ? 12 : rest === 'H1' ? 6 : rest === 'H2' ? 12 : rest.startsWith('Q') ? Number(rest.slice(1)) * 3 : NaN;
  if (!Number.isFinite(y) || !Number.isFinite(endMonth))
    throw new Error(`upTo must be a date, a month or a period id, got ${upTo}`);
  return new Date(Date.UTC(y, endMonth, 0)).toISOString().slice(0, 10);
}

/** A scheme component's buyer input for one period, drawn from `r` (values the API's validation accepts). */
function componentValue(c: Component, config: ParsedConfig, r: Rng): unknown {
  const params = c.params as Record<string, unknown>;
  switch (c.kind) {
    case 'staff-average': {
      const parts = params.parts as { id: string; max: string | number }[];
      const bonus = params.taskBonus as { min: string | number; max: string | number } | undefined;
      const people = config.staffing.roles
        .filter((x) => x.countsForAttendance)
        .flatMap((role) => Array.from({ length: role.headcount }, (_, i) => `${role.id.toUpperCase()}-${i + 1}`));
      return people.map((personId) => {
        const good = r.chance(0.9);
        const person: Record<string, unknown> = { personId };
        for (const p of parts) {
          const max = Number(p.max);
          person[p.id] = String(Math.round(max * (good ? 0.8 + r.next() * 0.2 : 0.55 + r.next() * 0.25)));
        }
        if (bonus && r.chance(0.15)) person.bonuses = [String(bonus.min)];
        return person;
      });
    }
    case 'per-event':
      return r.chance(0.9) ? 0 : 1;
    case 'choice-table': {
      const choices = params.choices as { value: string; points: string | number }[];
      const best = [...choices].sort((a, b) => Number(b.points) - Number(a.points));
      return (r.chance(0.8) ? best[0] : r.pick(best)).value;
    }
    case 'item-average-grade': {
      const items = params.items as { id: string }[];
      const max = Number(params.itemMax ?? 100);
      return Object.fromEntries(items.map((it) => [it.id, String(Math.round(max * (0.75 + r.next() * 0.25)))]));
    }
    default:
      return undefined;
  }
}

/**
 * The buyer's period inputs (staff scores, satisfaction, incidents, complaints, item scores / quarter
 * qualification / ledger confirmation / acceptance as the preset's scheme and payment terms need) and accepted
 * monthly reports (attendance) for the term's periods up to `upTo` (a date, month or period id; a period counts
 * when it starts by then), so a close of any period up to it computes a full assessment with no missing input.
 * Months the national calendar does not publish yet are skipped (no working days to report against).
 */
export async function generatePeriodData(
  db: BenchDatabase,
  c: ContractRef,
  opts: { seed: number; upTo: string },
): Promise<void> {
  const p = presetConfig(c.presetId);
  const config = p.config;
  const calendar = calendarOf(config);
  const until = upToDate(opts.upTo);
  const r = new Rng(opts.seed, 0x9e71d, hashString(c.contractId));
  const client = await connect(db);
  try {
    const actors = await actorsOf(client, c);
    const horizon = new Date(calendarHorizonMs() + 8 * 3_600_000).toISOString().slice(0, 10);
    const scheme = config.assessment;
    type Input = { period: string; kind: string; value: unknown };
    const inputs: Input[] = [];
    const closable = closablePeriods(config).filter((x) => x.start <= until);
    if (scheme) {
      for (const period of periodsInTerm(scheme.period, config.term.start, config.term.end).filter(
        (x) => x.start <= until,
      )) {
        const values: Record<string, unknown> = {};
        const satisfaction: Record<string, unknown> = {};
        for (const comp of scheme.components) {
          const v = componentValue(comp, config, r);
          if (v === undefined) continue;
          const problems = checkAssessmentInputs({ ...scheme, components: [comp] }, { [comp.input]: v });
          if (problems.length)
            throw new Error(
              `generator: ${c.presetId} ${comp.id} input refused: ${problems[0].path} ${problems[0].message}`,
            );
          if (comp.kind === 'staff-average') values.staffScores = v;
          else if (comp.kind === 'per-event') values.securityIncidents = v;
          else if (comp.kind === 'item-average-grade') values.itemScores = v;
          else if (comp.kind === 'choice-table') satisfaction[comp.input] = v;
        }
        if (Object.keys(satisfaction).length) values.satisfaction = satisfaction;
        for (const [kind, value] of Object.entries(values)) inputs.push({ period: period.id, kind, value });
      }
    }
    // Facts every close period carries: complaints; ledger confirmation and quarter qualification where the
    // payment terms ask for them; acceptance at the end of the term.
    const conditions = new Set(config.payment.milestones.flatMap((m) => (m.conditions ?? []).map((x) => x.kind)));
    const deductions = new Set(config.payment.deductions.map((d) => d.kind));
    for (const period of closable) {
      const valid = r.chance(0.85) ? 0 : r.int(1, 2);
      inputs.push({ period: period.id, kind: 'complaints', value: { valid, invalid: r.int(0, 2) } });
      if (conditions.has('ledger-confirmed')) inputs.push({ period: period.id, kind: 'ledgerConfirmed', value: true });
    }
    if (conditions.has('quarter-qualified')) {
      for (const q of periodsInTerm('quarter', config.term.start, config.term.end).filter((x) => x.start <= until))
        inputs.push({ period: q.id, kind: 'quarterQualified', value: r.chance(0.95) });
    }
    const last = closable[closable.length - 1];
    if (
      last &&
      until >= config.term.end &&
      (conditions.has('acceptance-passed') || deductions.has('acceptance-clawback'))
    ) {
      const existing = inputs.find((x) => x.period === last.id && x.kind === 'acceptance');
      if (!existing)
        inputs.push({ period: last.id, kind: 'acceptance', value: { passed: true, date: config.term.end } });
    }

    // Accepted monthly reports: everyone who counts for attendance, present every working day but now and then
    // one or two days short.
    const people = config.staffing.roles
      .filter((x) => x.countsForAttendance)
      .flatMap((role) =>
        Array.from({ length: role.headcount }, (_, i) => ({
          personId: `${role.id.toUpperCase()}-${i + 1}`,
          roleId: role.id,
        })),
      );
    const reports: string[] = [];
    for (const m of periodsInTerm('month', config.term.start, config.term.end)) {
      if (m.start > until || m.end >= horizon) continue;
      const workingDays = workingDatesOfMonth(calendar, m.id).length;
      const attendance = people.map((person) => ({
        ...person,
        daysPresent: String(r.chance(0.1) ? Math.max(0, workingDays - r.int(1, 2)) : workingDays),
      }));
      const check = validateMonthlyReport({ month: m.id, attendance, deliveries: [], serviceEvents: [] }, config, {
        calendar,
      });
      if (!check.ok)
        throw new Error(
          `generator: ${c.presetId} report ${m.id} refused: ${check.problems[0].path} ${check.problems[0].message}`,
        );
      const saved = `${addDaysIso(m.end, 2)}T10:00:00+08:00`;
      const submitted = `${addDaysIso(m.end, 3)}T10:00:00+08:00`;
      const decided = `${addDaysIso(m.end, 6)}T15:00:00+08:00`;
      reports.push(
        copyLine([
          r.uuid(),
          c.tenantId,
          c.contractId,
          m.id,
          'accepted',
          JSON.stringify(check.report),
          actors.version,
          null,
          actors.vendorUserId,
          saved,
          actors.vendorUserId,
          submitted,
          actors.buyerUserId,
          decided,
          saved,
        ]),
      );
    }

    await client.query('BEGIN');
    await client.query(`SET LOCAL app.operation = 'benchGenerate'`);
    if (inputs.length) {
      const updated = `${addDaysIso(until, 1)}T09:00:00+08:00`;
      await copyInto(
        client,
        'period_inputs',
        [
          'id',
          'tenant_id',
          'contract_id',
          'period',
          'kind',
          'value',
          'config_version',
          'locked',
          'updated_by',
          'updated_at',
          'created_at',
        ],
        [
          inputs
            .map((x) =>
              copyLine([
                r.uuid(),
                c.tenantId,
                c.contractId,
                x.period,
                x.kind,
                JSON.stringify(x.value),
                actors.version,
                false,
                actors.buyerUserId,
                updated,
                updated,
              ]),
            )
            .join(''),
        ],
      );
    }
    if (reports.length) {
      await copyInto(
        client,
        'monthly_reports',
        [
          'id',
          'tenant_id',
          'contract_id',
          'month',
          'status',
          'payload',
          'config_version',
          'buyer_comment',
          'saved_by',
          'saved_at',
          'submitted_by',
          'submitted_at',
          'decided_by',
          'decided_at',
          'created_at',
        ],
        [reports.join('')],
      );
    }
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    await client.end();
  }
}

const addDaysIso = (date: string, n: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

// ---------------------------------------------------------------------------------------------------------------
// Import files

/** The import columns, in file order (Chinese headers, libs/contracts/src/tickets/ticket-row.schema.ts). */
export const TICKET_CSV_HEADER = [
  '编号',
  '标题',
  '问题分类',
  '业务领域',
  '严重程度',
  '特别关注',
  '期望完成日期',
  '顺延至',
  '提出时间',
  '生效时间',
  '签收时间',
  '反馈时间',
  '上线时间',
  '关闭时间',
];

const csvField = (v: string | undefined): string =>
  v === undefined ? '' : /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
/** An instant as the import format's local time (`2026-03-05 14:30`, Beijing time). */
const localMinute = (ms: number): string => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

/**
 * The same tickets (same seed → same tickets as generateTickets, numbered `${prefix}0001…`) as CSV lines in the
 * product's import format, header first. Only what the import format carries: fields, expected / extended dates
 * and the timeline 提出 / 生效 / 签收 / 反馈 / 上线 / 关闭 (first occurrence of each, the last deployment);
 * withdrawn and unsolvable tickets have no import form and are skipped. Each line ends with "\n".
 */
export function* ticketCsvLines(
  presetId: string,
  opts: { seed: number; count: number; prefix: string; now?: string },
): Generator<string> {
  yield `${TICKET_CSV_HEADER.join(',')}\n`;
  for (const row of ticketImportRows(presetId, opts))
    yield `${TICKET_CSV_HEADER.map((h) => csvField(row[h])).join(',')}\n`;
}

/**
 * The import rows (header → cell) of the same tickets: what ticketCsvLines writes, before CSV quoting. Feed them
 * to validateTicketRows to get exactly the tickets and events the import path stores (the COPY floor of the
 * ingest benchmark), or to the CSV writer.
 */
export function* ticketImportRows(
  presetId: string,
  opts: { seed: number; count: number; prefix: string; now?: string },
): Generator<Record<string, string>> {
  const p = presetConfig(presetId);
  const ctx = ticketContext(presetId, p.config, calendarOf(p.config), Date.parse(opts.now ?? DEFAULT_NOW), opts.count);
  for (let i = 0; i < opts.count; i++) {
    const g = generateTicket(ctx, opts.seed, i, opts.prefix);
    const t = g.ticket;
    if (t.state === 'withdrawn' || t.state === 'unsolvable') continue;
    const first = (kind: string) => g.events.find((e) => e.kind === kind)?.ms;
    const lastOf = (kind: string) => [...g.events].reverse().find((e) => e.kind === kind)?.ms;
    const deployed = ['deployed', 'stable', 'closed'].includes(t.state) ? lastOf('deployed') : undefined;
    const closed = t.state === 'closed' ? first('closed') : undefined;
    const received = first('received');
    const feedback = first('feedback');
    const row: Record<string, string> = {
      编号: t.id,
      标题: t.title ?? '',
      问题分类: t.category,
      业务领域: t.businessArea ?? '',
      严重程度: t.severity,
      特别关注: t.specialAttention ? '是' : '否',
      期望完成日期: t.expectedCloseDate ?? '',
      顺延至: t.extendedTo ?? '',
      提出时间: localMinute(g.submittedMs),
      生效时间: first('effective') !== undefined ? localMinute(first('effective') as number) : '',
      签收时间: received !== undefined ? localMinute(received) : '',
      反馈时间: feedback !== undefined && received !== undefined ? localMinute(feedback) : '',
      上线时间: deployed !== undefined && received !== undefined ? localMinute(deployed) : '',
      关闭时间: closed !== undefined && deployed !== undefined ? localMinute(closed) : '',
    };
    yield row;
  }
}

export { presetConfig, ticketNumber, timeZoneOf };
export type { ContractRef };
