/**
 * API latency under fixed-rate load (issue 5, item 4): `npm run build && npx tsx bench/api.bench.ts [--quick]`.
 *
 * The real API process (dist/apps/api/src/main.js, NODE_ENV=production, PostgreSQL as the app role under RLS) on a
 * generated world: 100 tenants (quick: 20) with 20 tickets (quick: 10) on each contract, and the measured contract (tenant
 * t0001's Xuzhou contract) with 20,000 tickets (quick: 5,000), their histories and stored SLA results, the buyer's
 * period inputs of 2026-H1, the 2026-H1 close computed by the in-process job and confirmed, and the payment schedule
 * it stored. Signed in as the tenant's buyer admin, autocannon then sends the same fixed-rate load, one after the
 * other on the same server, to:
 *   - `ping` — the bare resolver: signed in (JWT verified by the guard), no database: the floor;
 *   - `contractDashboard(contractId, month)` — the status tiles of the measured contract for a full month;
 *   - `paymentSchedule(contractId)` — the stored schedule with its lines, deductions and payments;
 *   - `vendorContractDashboard` — the measured contract's `contractDashboard` signed in as its vendor (the vendor's
 *     cost per contract, issue 15, point 2);
 *   - `vendorDashboards` — `contractDashboards(month)` signed in as the generated vendor user (issue 15, point 2): the
 *     tiles of every contract of the world (one vendor holds them all, across the tenants) in one request, checked
 *     first to show the measured contract as its buyer reads it;
 *   - `vendorFirstScreen` — what the console's contract list asks for, signed in as the vendor: the first page of 20
 *     contracts (contractSearch) with each one's tiles, the obligations tile included (one batched transaction).
 * Each round runs them all (order rotated per round) for the same duration at the same rate; the measure is the
 * paired ratio p99(query) ÷ p99(ping) of each round, median and spread over the rounds; errors (socket errors,
 * timeouts), non-2xx responses and GraphQL errors (a body without `data` or with `errors`) are counted.
 *
 * Load shape (read this before comparing with another tool): autocannon's `overallRate` is split over the
 * connections and each connection sends its share of the second back to back, then waits for the next second. So
 * the load arrives in per-second bursts with up to CONNECTIONS requests in flight; the latencies include that
 * queueing, for the floor and the queries alike. `ignoreCoordinatedOmission` is on: autocannon's correction records
 * extra samples at an expected interval of Math.ceil(1 / rate) = 1 ms whatever the rate (lib/run.js), which adds
 * synthetic 1, 2, 3 … ms samples to every response slower than 1 ms and drags the percentiles of the fast floor
 * and the slow queries differently. Below the capacity of the slowest query (checked: the sent rate is reported
 * and must match), no request is held back by the generator, so there is nothing for the correction to restore.
 *
 * Second floor (issue 14, point 7): the unthrottled throughput of `{ ping }` on the API against a minimal NestJS +
 * Apollo app (lib/minimal-api.ts, one `ping` query, no guard, logging or plugins), paired rounds in the same run; the
 * ratio API ÷ minimal is what our per-request stack costs (target ≥ 0.5×).
 *
 * `bench/tenants.bench.ts` reuses this file's helpers for the 1 vs 1,000 tenants comparison.
 */
import autocannon from 'autocannon';
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { admin, createBenchDatabase, type BenchDatabase } from './lib/bench-db';
import {
  BENCH_PASSWORD,
  DEFAULT_NOW,
  generatePeriodData,
  generateTickets,
  generateWorld,
  type GeneratedWorld,
} from './lib/generate';
import { machine, QUICK } from './lib/machine';
import { join } from 'node:path';
import { API_MAIN, freePort, startNode, type Proc } from './lib/processes';
import { round, spread, type Spread } from './lib/stats';
import { writeResult, type Measure } from './lib/results';

export const SEED = 20261124;
/** The measured contract's month: a full month of the generated year (its clocks are counted and reported). */
export const MONTH = '2026-10';
export const RATE = Number(process.env.BENCH_API_RATE ?? 50);
export const CONNECTIONS = Number(process.env.BENCH_API_CONNECTIONS ?? 4);
export const DURATION = Number(process.env.BENCH_API_DURATION ?? (QUICK ? 5 : 20));
export const ROUNDS = Number(process.env.BENCH_API_ROUNDS ?? (QUICK ? 3 : 5));
/** Seconds of each unthrottled `{ ping }` throughput run, on the API and on the minimal app (per round). */
export const THROUGHPUT_SECONDS = Number(process.env.BENCH_API_THROUGHPUT_SECONDS ?? (QUICK ? 5 : 10));

const COUNTS = 'met breached compliancePercent running atRisk overdue';
const DASHBOARD_FIELDS = `contractId contractCode asOf
      sla { month ${COUNTS} severities { severity ${COUNTS} targets { targetId name ${COUNTS} } } }
      openBreaches lastConfirmedClose { closeId period revision score grade confirmedAt }
      nextPayment { lineId label status dueDate net paid outstanding scheduleAsOf scheduleComputedAt }
      notifications { total critical warning latestAt }`;
const EXPLANATION = 'code params { name value } text';
const CONSOLE_DASHBOARD_FIELDS = `contractId contractCode contractName asOf openBreaches
  sla { month compliancePercent met breached notRecorded running atRisk overdue
    severities { severity compliancePercent met breached notRecorded running atRisk overdue
      targets { targetId name compliancePercent met breached notRecorded running atRisk overdue } } }
  lastConfirmedClose { period score grade confirmedAt }
  nextPayment { label dueDate net outstanding status }
  notifications { total warning critical }
  obligations { month asOf reportStatus due met late missing pending nextDueDate problem problemExplanation { ${EXPLANATION} } provisional
    calendarNoteExplanation { ${EXPLANATION} } }`;
export const QUERIES = {
  ping: { query: '{ ping }' },
  contractDashboard: {
    query: `query ($c: ID!, $m: String) { contractDashboard(contractId: $c, month: $m) { ${DASHBOARD_FIELDS} } }`,
  },
  /** The measured contract's tiles signed in as its vendor (VENDOR_QUERIES): the vendor's cost per contract. */
  vendorContractDashboard: {
    query: `query ($c: ID!, $m: String) { vendorContractDashboard: contractDashboard(contractId: $c, month: $m) { ${DASHBOARD_FIELDS} } }`,
  },
  /** Measured signed in as the vendor (every contract of the world, across its tenants; VENDOR_QUERIES). */
  vendorDashboards: {
    query: `query ($m: String) { vendorDashboards: contractDashboards(month: $m) { ${DASHBOARD_FIELDS} } }`,
  },
  /**
   * Measured signed in as the vendor (VENDOR_QUERIES): the vendor's first screen as the console asks for it
   * (apps/web/src/features/dashboard/dashboard-queries.ts, ContractSearch with DashboardFields): the first page of 20
   * contracts with their tiles, the obligations tile included.
   */
  vendorFirstScreen: {
    query: `query ($m: String) { vendorFirstScreen: contractSearch(first: 20) { totalCount hasNextPage endCursor
      nodes { id code name tenantName amount termStart termEnd }
      dashboards(month: $m) { ${CONSOLE_DASHBOARD_FIELDS} } agencies { id name } } }`,
  },
  paymentSchedule: {
    query: `query ($c: ID!) { paymentSchedule(contractId: $c) { contractId contractCode configVersion calendarVersion asOf computedAt basis
      schedule { asOf lines { id milestoneId label basis year gross deductions { ruleId kind amount formula } deductionTotal net paid dueDate status reasons }
        totals { gross deductions net paid } vendorBalanceOwed notes }
      payments { id lineId amount paidOn } } }`,
  },
} as const;
export type QueryName = keyof typeof QUERIES;
/** The queries measured signed in as the generated vendor user rather than the buyer admin. */
export const VENDOR_QUERIES: readonly QueryName[] = [
  'vendorContractDashboard',
  'vendorDashboards',
  'vendorFirstScreen',
];

export type Measured = { tenantId: string; contractId: string; presetId: string };

/**
 * A generated world: `tenants` tenants (generateWorld: 1–3 contracts each from the presets, users, the vendor),
 * tenant t0001's contracts with their tickets — the measured one (its Xuzhou contract) with `tickets` tickets and the
 * period inputs of 2026-H1, the others with `ticketsPerContract` — and every other tenant's contracts with
 * `ticketsPerContract` tickets each (see spreadTickets). Tenant t0001 is generated by the same calls with the same
 * seeds whatever `tenants` is, so its rows are identical in every world. Vacuumed and analysed, as autovacuum would.
 */
export async function prepareWorld(
  label: string,
  opts: { tenants: number; ticketsPerContract: number; tickets: number; log: (s: string) => void },
): Promise<{
  db: BenchDatabase;
  world: GeneratedWorld;
  measured: Measured;
  clocksInMonth: number;
  runningClocks: number;
}> {
  const db = await createBenchDatabase(label);
  try {
    let t = Date.now();
    const world = await generateWorld(db, { seed: SEED, tenants: opts.tenants });
    const t0 = world.tenants[0];
    const c = t0.contracts.find((x) => x.presetId === 'xuzhou-2026') ?? t0.contracts[0];
    const measured = { tenantId: t0.id, contractId: c.id, presetId: c.presetId };
    for (const [i, other] of t0.contracts.entries()) {
      if (other.id !== c.id)
        await generateTickets(
          db,
          { tenantId: t0.id, contractId: other.id, presetId: other.presetId },
          { seed: SEED + 10 + i, count: opts.ticketsPerContract, now: DEFAULT_NOW, vacuum: false },
        );
    }
    opts.log(
      `world: ${opts.tenants} tenants, ${world.tenants.reduce((a, x) => a + x.contracts.length, 0)} contracts (${Date.now() - t} ms)`,
    );
    t = Date.now();
    const made = await generateTickets(db, measured, {
      seed: SEED + 1,
      count: opts.tickets,
      now: DEFAULT_NOW,
      numberPrefix: 'BM-',
    });
    await generatePeriodData(db, measured, { seed: SEED, upTo: '2026-06-30' });
    opts.log(
      `measured contract ${c.presetId}: ${made.tickets} tickets, ${made.events} events, ${made.slaResults} SLA results (${Date.now() - t} ms)`,
    );
    if (opts.tenants > 1) {
      t = Date.now();
      const spread = await spreadTickets(db, world, opts.ticketsPerContract);
      opts.log(
        `other tenants: ${spread.contracts} contracts with ${opts.ticketsPerContract} tickets each (${spread.generated} generated, the rest copied) (${Date.now() - t} ms)`,
      );
    }
    const counts = await admin(db.adminUrl, async (client) => {
      await client.query('VACUUM ANALYZE');
      const r = await client.query<{ month: number; running: number }>(
        `SELECT (SELECT coalesce(sum(met + breached), 0) FROM ticket_sla_month_counts WHERE contract_id = $1 AND month = $2)::int AS month,
                (SELECT count(*) FROM ticket_sla_clocks WHERE contract_id = $1 AND is_current AND stop_month IS NULL AND ticket_open)::int AS running`,
        [c.id, MONTH],
      );
      return r.rows[0];
    });
    return { db, world, measured, clocksInMonth: counts.month, runningClocks: counts.running };
  } catch (e) {
    await db.drop();
    throw e;
  }
}

/**
 * Tickets for every contract of the tenants after t0001: one contract per preset gets `perContract` generated tickets
 * (generateTickets: histories from the lifecycle machine, SLA results from the job's evaluation), then its tickets,
 * events and SLA results are copied (INSERT … SELECT, new ids, no acting user) to every other contract of that preset,
 * 200 contracts per transaction — the SLA results trigger projects the copies like any insert. Generating each of
 * ~2,000 contracts separately costs about half a second each (a transaction and statistics per call); the copies make
 * the same volume in seconds. Audit triggers of tickets and events are off inside the copying transactions, as in
 * the generator's own loads.
 */
export async function spreadTickets(
  db: BenchDatabase,
  world: GeneratedWorld,
  perContract: number,
): Promise<{ contracts: number; generated: number }> {
  const others = world.tenants
    .slice(1)
    .flatMap((t) => t.contracts.map((c) => ({ tenantId: t.id, contractId: c.id, presetId: c.presetId })));
  const templates = new Map<string, Measured>();
  for (const c of others) if (!templates.has(c.presetId)) templates.set(c.presetId, c);
  let i = 0;
  for (const c of templates.values())
    await generateTickets(db, c, { seed: SEED + 1000 + i++, count: perContract, now: DEFAULT_NOW, vacuum: false });
  const copies = others.filter((c) => templates.get(c.presetId) !== c);
  await admin(db.adminUrl, async (client) => {
    const columns = async (table: string): Promise<string[]> =>
      (
        await client.query<{ column_name: string }>(
          `SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 ORDER BY ordinal_position`,
          [table],
        )
      ).rows.map((r) => r.column_name);
    const copy = async (table: string, join: string, replace: Record<string, string>) => {
      const cols = await columns(table);
      const select = cols.map((col) => replace[col] ?? `x.${col}`).join(', ');
      await client.query(
        `INSERT INTO ${table} (${cols.join(', ')}) SELECT ${select} FROM spread_map m JOIN ${table} x ON ${join}`,
      );
    };
    for (let k = 0; k < copies.length; k += 200) {
      const chunk = copies.slice(k, k + 200);
      await client.query('BEGIN');
      await client.query(`SET LOCAL app.operation = 'benchSpreadTickets'`);
      await client.query(
        'ALTER TABLE tickets DISABLE TRIGGER tickets_audit; ALTER TABLE ticket_events DISABLE TRIGGER ticket_events_audit',
      );
      await client.query(
        `CREATE TEMP TABLE spread_map ON COMMIT DROP AS
         SELECT x.tenant_id, x.contract_id, k.id AS old_id, gen_random_uuid() AS new_id
         FROM unnest($1::uuid[], $2::uuid[], $3::uuid[]) AS x(tenant_id, contract_id, template_id) JOIN tickets k ON k.contract_id = x.template_id`,
        [
          chunk.map((c) => c.tenantId),
          chunk.map((c) => c.contractId),
          chunk.map((c) => (templates.get(c.presetId) as Measured).contractId),
        ],
      );
      const owner = { tenant_id: 'm.tenant_id', contract_id: 'm.contract_id' };
      await copy('tickets', 'x.id = m.old_id', {
        ...owner,
        id: 'm.new_id',
        created_by: 'NULL',
        import_id: 'NULL',
        import_event_count: 'NULL',
      });
      await copy('ticket_events', 'x.ticket_id = m.old_id', {
        ...owner,
        ticket_id: 'm.new_id',
        id: 'gen_random_uuid()',
        actor_user_id: 'NULL',
      });
      await copy('ticket_sla_results', 'x.ticket_id = m.old_id', {
        ...owner,
        ticket_id: 'm.new_id',
        id: 'gen_random_uuid()',
      });
      await client.query(
        'ALTER TABLE tickets ENABLE TRIGGER tickets_audit; ALTER TABLE ticket_events ENABLE TRIGGER ticket_events_audit',
      );
      await client.query('COMMIT');
    }
  });
  return { contracts: others.length, generated: templates.size };
}

export type Api = {
  proc: Proc;
  url: string;
  token: string;
  gql(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<{ data?: Record<string, unknown> | null; errors?: { message: string }[] }>;
  stop(): Promise<void>;
};

/** The compiled API on the benchmark database as the app role; jobs in-process (no Redis), the SLA scan off. */
export async function startApi(db: BenchDatabase, email: string, nodeArgs: string[] = []): Promise<Api> {
  const port = await freePort();
  const proc = startNode(
    API_MAIN,
    {
      DATABASE_URL: db.appUrl,
      JWT_SECRET: randomBytes(48).toString('base64'),
      PORT: String(port),
      HOST: '127.0.0.1',
      SEED_DEMO: 'off',
      // Nothing in the background during the measure: no periodic SLA scan, the reconciler once an hour.
      SLA_SCAN_INTERVAL_SECONDS: '0',
      JOB_RECONCILE_INTERVAL_SECONDS: '3600',
    },
    nodeArgs,
  );
  const url = `http://127.0.0.1:${port}/graphql`;
  const until = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (proc.child.exitCode !== null || Date.now() > until) {
      await proc.stop();
      throw new Error(`the API did not start:\n${proc.output().slice(-3000)}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const token = await logIn(url, email).catch(async (e: unknown) => {
    await proc.stop();
    throw e;
  });
  return { proc, url, token, gql: (q, v) => postGraphql(url, token, q, v), stop: () => proc.stop() };
}

/** One GraphQL request to the API, signed in with `token` when given; the parsed answer. */
async function postGraphql(
  url: string,
  token: string | null,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<{ data?: Record<string, unknown> | null; errors?: { message: string }[] }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as { data?: Record<string, unknown> | null; errors?: { message: string }[] };
}

async function logIn(url: string, email: string): Promise<string> {
  const login = await postGraphql(url, null, 'mutation ($i: LoginInput!) { login(input: $i) { token } }', {
    i: { email, password: BENCH_PASSWORD },
  });
  const token = (login.data?.login as { token: string } | null | undefined)?.token;
  if (!token) throw new Error(`login ${email} failed: ${JSON.stringify(login.errors)}`);
  return token;
}

/** The same server signed in as another user (its own token); stopping it stops the server. */
export async function signedInAs(api: Api, email: string): Promise<Api> {
  const token = await logIn(api.url, email);
  return { ...api, token, gql: (q, v) => postGraphql(api.url, token, q, v) };
}

async function poll<T>(what: string, timeoutMs: number, probe: () => Promise<T | undefined>): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/**
 * Through the product: close 2026-H1 (the in-process job computes the draft over the contract's tickets), confirm it
 * (the schedule job stores the payment schedule). Returns what the dashboard then shows.
 */
export async function closeAndSchedule(api: Api, contractId: string, log: (s: string) => void): Promise<void> {
  const t = Date.now();
  const closed = await api.gql('mutation ($i: ClosePeriodInput!) { closePeriod(input: $i) { id } }', {
    i: { contractId, period: '2026-H1', asOf: '2026-07-10' },
  });
  const closeId = (closed.data?.closePeriod as { id: string } | undefined)?.id;
  if (!closeId) throw new Error(`closePeriod failed: ${JSON.stringify(closed.errors)}`);
  const status = await poll('the 2026-H1 close', 600_000, async () => {
    const r = await api.gql('query ($id: ID!) { periodClose(id: $id) { status job { status lastError } } }', {
      id: closeId,
    });
    const c = r.data?.periodClose as
      { status: string; job: { status: string; lastError: string | null } | null } | undefined;
    if (c?.job?.status === 'failed') throw new Error(`the close job failed: ${c.job.lastError}`);
    return c && c.status !== 'pending' ? c.status : undefined;
  });
  // The generated period data leaves an input missing; since the close requires it, a reason is given (recorded only then).
  const confirmed = await api.gql(
    'mutation ($id: ID!, $r: String) { confirmPeriodClose(closeId: $id, reason: $r) { status score } }',
    { id: closeId, r: 'benchmark: generated period data' },
  );
  if (confirmed.errors) throw new Error(`confirmPeriodClose (${status}) failed: ${JSON.stringify(confirmed.errors)}`);
  await poll('the payment schedule', 120_000, async () => {
    const r = await api.gql('query ($c: ID!) { paymentSchedule(contractId: $c) { asOf } }', { c: contractId });
    return r.data?.paymentSchedule ?? undefined;
  });
  log(
    `2026-H1 closed (score ${(confirmed.data?.confirmPeriodClose as { score: string | null }).score}), confirmed, schedule stored (${Date.now() - t} ms)`,
  );
}

export function bodyOf(name: QueryName, m: Measured): string {
  const variables =
    name === 'ping'
      ? {}
      : name === 'contractDashboard' || name === 'vendorContractDashboard'
        ? { c: m.contractId, m: MONTH }
        : name === 'vendorDashboards' || name === 'vendorFirstScreen'
          ? { m: MONTH }
          : { c: m.contractId };
  return JSON.stringify({ query: QUERIES[name].query, variables });
}

/** One request of each kind, checked: no GraphQL error, and the data the load will read is there. */
export async function checkQueries(api: Api, m: Measured): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const name of Object.keys(QUERIES) as QueryName[]) {
    const { query, variables } = JSON.parse(bodyOf(name, m)) as { query: string; variables: Record<string, unknown> };
    const r = await api.gql(query, variables);
    if (r.errors || !r.data?.[name]) throw new Error(`${name}: ${JSON.stringify(r.errors ?? r.data)}`);
    out[name] = r.data[name];
  }
  const d = out.contractDashboard as {
    sla: { met: number; breached: number; running: number };
    lastConfirmedClose: unknown;
    nextPayment: unknown;
  };
  if (d.sla.met + d.sla.breached === 0 || !d.lastConfirmedClose)
    throw new Error(`the dashboard is empty: ${JSON.stringify(d)}`);
  return out;
}

/**
 * The vendor's `contractDashboards`: one dashboard per contract of the world (one vendor holds them all), by code, and
 * the measured contract's figures as its buyer reads them (`buyers`: the buyer's contractDashboard). Returns the count.
 */
export async function checkVendorDashboards(vendor: Api, world: GeneratedWorld, buyers: unknown): Promise<number> {
  const { query, variables } = JSON.parse(
    bodyOf('vendorDashboards', { tenantId: '', contractId: '', presetId: '' }),
  ) as {
    query: string;
    variables: Record<string, unknown>;
  };
  const r = await vendor.gql(query, variables);
  const list = r.data?.vendorDashboards as { contractId: string; contractCode: string; asOf: string }[] | undefined;
  if (r.errors || !list) throw new Error(`vendorDashboards: ${JSON.stringify(r.errors ?? r.data)}`);
  const expected = world.tenants.reduce((a, t) => a + t.contracts.length, 0);
  if (list.length !== expected) throw new Error(`vendorDashboards: ${list.length} contracts, expected ${expected}`);
  const buyer = buyers as { contractId: string; asOf: string };
  const mine = list.find((d) => d.contractId === buyer.contractId);
  if (JSON.stringify({ ...mine, asOf: null }) !== JSON.stringify({ ...buyer, asOf: null }))
    throw new Error(`vendorDashboards: the measured contract differs from the buyer's: ${JSON.stringify(mine)}`);
  return list.length;
}

/** One load run; `loadAvg1` is the machine's 1-minute load average at its end (other work on the shared cores shows there). */
export type Load = {
  p50: number;
  p99: number;
  mean: number;
  max: number;
  requests: number;
  sentPerSecond: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  mismatches: number;
  loadAvg1: number;
};

/** Fixed-rate load on one query (see the header for the load shape). */
export async function load(
  api: Api,
  body: string,
  opts: { rate: number; connections: number; duration: number },
): Promise<Load> {
  const r = await autocannon({
    url: api.url,
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${api.token}` },
    body,
    connections: opts.connections,
    overallRate: opts.rate,
    duration: opts.duration,
    timeout: 10,
    ignoreCoordinatedOmission: true,
    verifyBody: (b: string) => b.startsWith('{"data":') && !b.includes('"errors":'),
  } as autocannon.Options);
  return {
    p50: r.latency.p50,
    p99: r.latency.p99,
    mean: r.latency.average,
    max: r.latency.max,
    requests: r.requests.total,
    sentPerSecond: round(r.requests.total / opts.duration, 1),
    errors: r.errors,
    timeouts: r.timeouts,
    non2xx: r.non2xx,
    mismatches: r.mismatches ?? 0,
    loadAvg1: round(loadavg()[0], 2),
  };
}

/** Unthrottled for a few seconds: what the server sustains for one query (to pick and justify the rate). */
export async function capacity(api: Api, body: string, connections: number): Promise<number> {
  const r = await autocannon({
    url: api.url,
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${api.token}` },
    body,
    connections,
    duration: 3,
  } as autocannon.Options);
  return round(r.requests.average, 0);
}

/** The minimal NestJS + Apollo app (lib/minimal-api.ts), the second floor: its own process, `ping` only, no database. */
export async function startMinimalApi(): Promise<{ url: string; stop(): Promise<void> }> {
  const port = await freePort();
  const proc = startNode(
    join(process.cwd(), 'bench', 'lib', 'minimal-api.ts'),
    { PORT: String(port), HOST: '127.0.0.1' },
    ['--import', 'tsx'],
  );
  try {
    await proc.waitFor('minimal API ready');
  } catch (e) {
    await proc.stop();
    throw e;
  }
  return { url: `http://127.0.0.1:${port}/graphql`, stop: () => proc.stop() };
}

export type Throughput = { perSecond: number; p50: number; p99: number; failures: number };

/** Unthrottled `{ ping }` for `seconds`: requests per second answered `pong` (anything else counts as a failure). */
export async function pingThroughput(
  url: string,
  token: string,
  seconds: number,
  connections = CONNECTIONS,
): Promise<Throughput> {
  const r = await autocannon({
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(QUERIES.ping),
    connections,
    duration: seconds,
    timeout: 10,
    verifyBody: (b: string) => b.startsWith('{"data":{"ping":"pong"}}'),
  } as autocannon.Options);
  const mismatches = r.mismatches ?? 0;
  return {
    perSecond: round(r.requests.average, 0),
    p50: r.latency.p50,
    p99: r.latency.p99,
    failures: r.errors + r.timeouts + r.non2xx + mismatches,
  };
}

/**
 * `{ ping }` throughput of the API against the minimal app, `n` paired rounds (order alternated), after a warm-up of
 * each: the measure of the API's own per-request stack (guard and session check, logging, CLS, limits, plugins).
 */
export async function pingFloors(
  api: Api,
  minimalUrl: string,
  n: number,
  log: (s: string) => void,
): Promise<{ api: Throughput[]; minimal: Throughput[] }> {
  const out = { api: [] as Throughput[], minimal: [] as Throughput[] };
  await pingThroughput(api.url, api.token, 3);
  await pingThroughput(minimalUrl, api.token, 3);
  for (let i = 0; i < n; i++) {
    const order = i % 2 === 0 ? (['api', 'minimal'] as const) : (['minimal', 'api'] as const);
    for (const which of order) {
      const t = await pingThroughput(which === 'api' ? api.url : minimalUrl, api.token, THROUGHPUT_SECONDS);
      out[which].push(t);
      log(
        `round ${i + 1} ping throughput, ${which}: ${t.perSecond} req/s (p50 ${t.p50} ms, p99 ${t.p99} ms), failures ${t.failures}`,
      );
    }
  }
  return out;
}

export type Rounds = Record<QueryName, Load[]>;

/**
 * `rounds` rounds of the given queries at the same rate and duration, the order rotated each round; a query named in
 * `as` is sent signed in as that (same server, another user: the vendor).
 */
export async function rounds(
  api: Api,
  bodies: Partial<Record<QueryName, string>>,
  n: number,
  log: (s: string) => void,
  opts = { rate: RATE, connections: CONNECTIONS, duration: DURATION },
  as: Partial<Record<QueryName, Api>> = {},
): Promise<Partial<Rounds>> {
  const names = Object.keys(bodies) as QueryName[];
  const out: Partial<Rounds> = {};
  // Warm-up (JIT, plan and buffer caches), not measured.
  for (const name of names) await load(as[name] ?? api, bodies[name] as string, { ...opts, duration: 3 });
  for (let i = 0; i < n; i++) {
    const order = names.map((_, k) => names[(k + i) % names.length]);
    for (const name of order) {
      const l = await load(as[name] ?? api, bodies[name] as string, opts);
      (out[name] ??= []).push(l);
      log(
        `round ${i + 1} ${name}: p50 ${l.p50} ms, p99 ${l.p99} ms, ${l.sentPerSecond} req/s, errors ${l.errors + l.timeouts}, non-2xx ${l.non2xx}, GraphQL errors ${l.mismatches}, load average ${l.loadAvg1}`,
      );
    }
  }
  return out;
}

/** Every round sent at least 95 % of the fixed rate (otherwise the server, or the machine, was saturated). */
export const sustained = (ls: readonly Load[], rate = RATE): boolean => ls.every((l) => l.sentPerSecond >= 0.95 * rate);
export const failures = (ls: readonly Load[]): number =>
  ls.reduce((a, l) => a + l.errors + l.timeouts + l.non2xx + l.mismatches, 0);
export const median = (xs: readonly number[]): number => spread(xs).median;
export const paired = (a: readonly Load[], b: readonly Load[], k: 'p50' | 'p99' = 'p99'): Spread =>
  spread(a.map((l, i) => l[k] / b[i][k]));

/** What the measured dashboard showed (its size, in short). */
function summary(d: unknown): Record<string, unknown> {
  const x = d as {
    sla: { month: string; met: number; breached: number; running: number; severities: { targets: unknown[] }[] };
    openBreaches: number;
    lastConfirmedClose: { period: string } | null;
    nextPayment: { lineId: string; status: string } | null;
  };
  return {
    month: x.sla.month,
    met: x.sla.met,
    breached: x.sla.breached,
    running: x.sla.running,
    severities: x.sla.severities.length,
    targets: x.sla.severities.reduce((a, s) => a + s.targets.length, 0),
    openBreaches: x.openBreaches,
    lastConfirmedClose: x.lastConfirmedClose?.period ?? null,
    nextPayment: x.nextPayment ? `${x.nextPayment.lineId} (${x.nextPayment.status})` : null,
  };
}

async function main(): Promise<void> {
  const started = Date.now();
  const log = (s: string) => console.log(`[api] ${s}`);
  const tenants = Number(process.env.BENCH_API_TENANTS ?? (QUICK ? 20 : 100));
  const tickets = Number(process.env.BENCH_API_TICKETS ?? (QUICK ? 5_000 : 20_000));
  const ticketsPerContract = QUICK ? 10 : 20;
  const { db, world, measured, clocksInMonth, runningClocks } = await prepareWorld('api', {
    tenants,
    ticketsPerContract,
    tickets,
    log,
  });
  let api: Api | null = null;
  try {
    api = await startApi(db, 't0001.admin@bench.local');
    await closeAndSchedule(api, measured.contractId, log);
    const sample = await checkQueries(api, measured);
    const vendor = await signedInAs(api, world.vendorUser.email);
    const vendorContracts = await checkVendorDashboards(vendor, world, sample.contractDashboard);
    log(
      `vendor ${world.vendorUser.email}: contractDashboards of ${vendorContracts} contracts, the measured one as its buyer reads it`,
    );
    const as: Partial<Record<QueryName, Api>> = Object.fromEntries(VENDOR_QUERIES.map((q) => [q, vendor]));
    const bodies = {
      ping: bodyOf('ping', measured),
      contractDashboard: bodyOf('contractDashboard', measured),
      paymentSchedule: bodyOf('paymentSchedule', measured),
      vendorContractDashboard: bodyOf('vendorContractDashboard', measured),
      vendorDashboards: bodyOf('vendorDashboards', measured),
      vendorFirstScreen: bodyOf('vendorFirstScreen', measured),
    };
    const cap: Record<string, number> = {};
    for (const name of Object.keys(bodies) as QueryName[])
      cap[name] = await capacity(as[name] ?? api, bodies[name], CONNECTIONS);
    log(
      `capacity (unthrottled, ${CONNECTIONS} connections, 3 s): ${Object.entries(cap)
        .map(([k, v]) => `${k} ${v} req/s`)
        .join(', ')}; measuring at ${RATE} req/s`,
    );
    const r = (await rounds(api, bodies, ROUNDS, log, undefined, as)) as Rounds;
    const minimal = await startMinimalApi();
    let floors: Awaited<ReturnType<typeof pingFloors>>;
    try {
      floors = await pingFloors(api, minimal.url, ROUNDS, log);
    } finally {
      await minimal.stop();
    }
    const floorRatio = spread(floors.api.map((t, i) => t.perSecond / floors.minimal[i].perSecond));
    const floorFailures = [...floors.api, ...floors.minimal].reduce((a, t) => a + t.failures, 0);
    const throughputMeasure: Measure = {
      id: 'api-ping-throughput',
      title: `\`{ ping }\` throughput, unthrottled (${CONNECTIONS} connections, ${THROUGHPUT_SECONDS} s × ${ROUNDS} rounds)`,
      floor:
        'a minimal NestJS + Apollo app (bench/lib/minimal-api.ts: one `ping` query, same package versions) on the same machine',
      unit: 'req/s (higher is better; ratio = API ÷ minimal app in the same round, median of rounds)',
      value: median(floors.api.map((t) => t.perSecond)),
      floorValue: median(floors.minimal.map((t) => t.perSecond)),
      ratio: round(floorRatio.median),
      ratioMin: round(floorRatio.min),
      ratioMax: round(floorRatio.max),
      target: '≥ 0.5× the minimal app, zero failures',
      met: floorRatio.median >= 0.5 && floorFailures === 0,
      notes: [
        `p50 ${median(floors.api.map((t) => t.p50))} ms vs minimal ${median(floors.minimal.map((t) => t.p50))} ms; failures ${floorFailures}`,
        'the API signs the caller in on every request (JWT and the session row read under RLS: one transaction); the minimal app has no guard',
      ],
    };
    const queryMeasures: Measure[] = (
      [
        'contractDashboard',
        'paymentSchedule',
        'vendorContractDashboard',
        'vendorDashboards',
        'vendorFirstScreen',
      ] as const
    ).map((name) => {
      const ratio = paired(r[name], r.ping);
      const fails = failures(r[name]);
      const what =
        name === 'vendorDashboards'
          ? `vendorDashboards (contractDashboards signed in as the vendor: ${vendorContracts} contracts of ${tenants} tenants)`
          : name === 'vendorFirstScreen'
            ? 'vendorFirstScreen (the console’s first screen for the vendor: contractSearch, first 20, with every tile and the obligations)'
            : name === 'vendorContractDashboard'
              ? 'vendorContractDashboard (the measured contract’s contractDashboard signed in as its vendor)'
              : name;
      return {
        id: `api-${name}`,
        title: `${what} p99 latency at ${RATE} req/s (${DURATION} s × ${ROUNDS} rounds)`,
        floor: '`ping`: the bare resolver (signed in, no database) on the same server, rate and duration',
        unit: 'ms (p99; ratio = p99 ÷ p99 of ping in the same round, median of rounds)',
        value: median(r[name].map((l) => l.p99)),
        floorValue: median(r.ping.map((l) => l.p99)),
        ratio: round(ratio.median),
        ratioMin: round(ratio.min),
        ratioMax: round(ratio.max),
        target: 'p99 ≤ 2× the bare resolver, zero errors',
        // A round that did not get its requests out at the rate measured a saturated machine, not the query.
        met: sustained([...r[name], ...r.ping]) ? ratio.median <= 2 && fails === 0 && failures(r.ping) === 0 : null,
        notes: [
          `p50 ${median(r[name].map((l) => l.p50))} ms vs ping ${median(r.ping.map((l) => l.p50))} ms (p50 ratio ${round(paired(r[name], r.ping, 'p50').median)})`,
          `errors + timeouts + non-2xx + GraphQL errors: ${fails} (ping: ${failures(r.ping)}) of ${r[name].reduce((a, l) => a + l.requests, 0)} requests`,
          `sent ${median(r[name].map((l) => l.sentPerSecond))} req/s (target ${RATE}); unthrottled capacity ${cap[name]} req/s (ping ${cap.ping})`,
          `machine load average (1 min) during the rounds: ${median(r[name].map((l) => l.loadAvg1))} on ${machine().cpus} cores`,
          ...(sustained([...r[name], ...r.ping])
            ? []
            : [
                `the rate was not sustained in every round (below ${Math.round(0.95 * RATE)} req/s sent): the machine was saturated, so the target is not judged (met: null)`,
              ]),
        ],
      };
    });
    const measures = [...queryMeasures, throughputMeasure];
    const file = writeResult({
      bench: 'api',
      mode: QUICK ? 'quick' : 'full',
      startedAt: new Date(started).toISOString(),
      durationSeconds: Math.round((Date.now() - started) / 1000),
      machine: machine(),
      parameters: {
        tenants,
        ticketsPerContract,
        measuredContractTickets: tickets,
        vendorContracts,
        month: MONTH,
        clocksInMonth,
        runningClocks,
        rate: RATE,
        connections: CONNECTIONS,
        durationSeconds: DURATION,
        rounds: ROUNDS,
        seed: SEED,
        tool: 'autocannon (overallRate, ignoreCoordinatedOmission)',
      },
      measures,
      extra: { capacity: cap, rounds: r, pingFloors: floors, dashboard: summary(sample.contractDashboard) },
    });
    for (const m of measures)
      log(
        `${m.id}: ${m.value} vs floor ${m.floorValue} → ratio ${m.ratio} (${m.ratioMin}–${m.ratioMax}); target ${m.target}: ${m.met ? 'met' : 'NOT met'}`,
      );
    log(`wrote ${file}`);
  } finally {
    await api?.stop();
    await db.drop();
  }
}

if (/api\.bench\.ts$/.test(process.argv[1] ?? '')) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
