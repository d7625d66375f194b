/**
 * Recovery after faults (issue 15, point 3): `npm run build && npx tsx bench/recovery.bench.ts [--quick]`.
 *
 * The compiled API and worker processes (dist/, NODE_ENV=production, PostgreSQL as the app role) on a redis-server
 * of the bench's own (a free port, `--save '' --appendonly no`: a restart loses every queue; the shared Redis is
 * never touched), with the job settings at their defaults (WORKER_LOCK_MS, JOB_STALE_SECONDS 300,
 * JOB_RECONCILE_INTERVAL_SECONDS 60) — so nothing here waits for a stale age. Three measures:
 *
 * 1. Takeover: a worker SIGKILLed while it runs a job. The bench holds the job's advisory key
 *    (`schedule-<contract>`, what the schedule job locks first) so the job stays running in the only worker, starts
 *    a second worker, kills the first, releases the key, and times kill → the job row `completed`. Target ≤ 10 s.
 * 2. Enqueue after a Redis loss: redis-server SIGKILLed for OUTAGE seconds and started again (empty); from the
 *    moment it answers PING, the API is asked for a schedule recompute every 100 ms; the time until the first one
 *    whose enqueue did not fail (no `enqueue failed` line for its job id in the API's log). Target ≤ 2 s.
 * 3. Jobs of the outage: the recomputes requested while Redis was down (the API answered `queued`, the outbox kept
 *    them): the time from Redis answering again until the last of them is `completed`. Target ≤ 15 s.
 * Also reported: the workers' log lines about the Redis connection during the outage (was 108 stacks per worker in
 * a 21 s outage), and any stack trace line.
 *
 * The floor column holds the target (these are bounds, not ratios against a faster peer). Repetitions: 3 takeovers
 * and 2 outages (quick: 1 and 1); the value is the worst of the runs.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createConnection } from 'node:net';
import { admin, createBenchDatabase, type BenchDatabase } from './lib/bench-db';
import { BENCH_PASSWORD, generateWorld } from './lib/generate';
import { machine, QUICK } from './lib/machine';
import { API_MAIN, freePort, startNode, WORKER_MAIN, type Proc } from './lib/processes';
import { writeResult, type Measure } from './lib/results';

const SEED = 20261215;
const TAKEOVERS = QUICK ? 1 : 3;
const OUTAGES = QUICK ? 1 : 2;
/** Seconds Redis is down in each outage (the fault run's were 21 s). */
const OUTAGE_SECONDS = QUICK ? 8 : 20;
/** Recomputes requested during each outage. */
const OUTAGE_JOBS = 10;

const log = (m: string) => console.log(`[recovery] ${m}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// ---------------------------------------------------------------------------------------------------------------
// A redis-server of the bench's own

type OwnRedis = { url: string; start(): Promise<void>; kill(): Promise<void> };

function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const c = createConnection({ port, host: '127.0.0.1' });
    c.once('connect', () => c.write('PING\r\n'));
    c.once('data', (b) => {
      c.destroy();
      resolve(b.toString().startsWith('+PONG'));
    });
    c.once('error', () => resolve(false));
  });
}

async function ownRedis(): Promise<OwnRedis> {
  const port = await freePort();
  let child: ChildProcess | undefined;
  const exited = (c: ChildProcess) =>
    c.exitCode !== null || c.signalCode !== null ? Promise.resolve() : new Promise<void>((r) => c.once('exit', r));
  process.once('exit', () => child?.kill('SIGKILL'));
  const redis: OwnRedis = {
    url: `redis://127.0.0.1:${port}`,
    async start() {
      const c = spawn(
        'redis-server',
        ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no'],
        { stdio: 'ignore' },
      );
      child = c;
      const until = Date.now() + 10_000;
      while (!(await answers(port))) {
        if (c.exitCode !== null || Date.now() > until) throw new Error(`redis-server on ${port} did not start`);
        await sleep(20);
      }
    },
    async kill() {
      const c = child;
      if (c && c.exitCode === null && c.signalCode === null) {
        c.kill('SIGKILL');
        await exited(c);
      }
    },
  };
  await redis.start();
  return redis;
}

// ---------------------------------------------------------------------------------------------------------------
// The stack

type Api = {
  proc: Proc;
  gql(token: string, query: string, variables: Record<string, unknown>): Promise<Record<string, unknown>>;
  login(email: string): Promise<string>;
};

const RECOMPUTE = 'mutation ($c: ID!) { recomputeSchedule(contractId: $c) { id status } }';

async function startApi(db: BenchDatabase, redisUrl: string, prefix: string): Promise<Api> {
  const port = await freePort();
  const proc = startNode(API_MAIN, {
    DATABASE_URL: db.appUrl,
    REDIS_URL: redisUrl,
    QUEUE_PREFIX: prefix,
    JWT_SECRET: randomBytes(48).toString('base64'),
    PORT: String(port),
    HOST: '127.0.0.1',
    SEED_DEMO: 'off',
    SLA_SCAN_INTERVAL_SECONDS: '0',
  });
  const url = `http://127.0.0.1:${port}`;
  const until = Date.now() + 60_000;
  for (;;) {
    const ok = await fetch(`${url}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (proc.child.exitCode !== null || Date.now() > until)
      throw new Error(`the API did not start:\n${proc.output().slice(-3000)}`);
    await sleep(200);
  }
  const post = async (token: string | null, query: string, variables: Record<string, unknown>) => {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: Record<string, unknown> | null; errors?: { message: string }[] };
    if (body.errors?.length || !body.data) throw new Error(`GraphQL: ${JSON.stringify(body.errors)}`);
    return body.data;
  };
  return {
    proc,
    gql: post,
    async login(email) {
      const d = await post(null, 'mutation ($i: LoginInput!) { login(input: $i) { token } }', {
        i: { email, password: BENCH_PASSWORD },
      });
      return (d.login as { token: string }).token;
    },
  };
}

async function startWorker(db: BenchDatabase, redisUrl: string, prefix: string): Promise<Proc> {
  const w = startNode(WORKER_MAIN, {
    DATABASE_URL: db.appUrl,
    REDIS_URL: redisUrl,
    QUEUE_PREFIX: prefix,
    LOG_LEVEL: 'info',
    SLA_SCAN_INTERVAL_SECONDS: '0',
  });
  await w.waitFor('worker ready', 60_000);
  return w;
}

const jobStatus = (db: BenchDatabase, ids: readonly string[]) =>
  admin(db.adminUrl, async (c) => {
    const r = await c.query<{ id: string; status: string }>(`SELECT id, status FROM jobs WHERE id = ANY($1)`, [ids]);
    return new Map(r.rows.map((row) => [row.id, row.status]));
  });

async function until<T>(probe: () => Promise<T | undefined>, timeoutMs: number, everyMs = 50): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`not reached within ${timeoutMs} ms`);
    await sleep(everyMs);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The measures

type Contract = { id: string; token: string };

/** One takeover: the job held running in worker A, worker B started, A SIGKILLed, the key released. */
async function takeover(db: BenchDatabase, api: Api, redisUrl: string, prefix: string, c: Contract): Promise<number> {
  const a = await startWorker(db, redisUrl, prefix);
  let b: Proc | undefined;
  const key = `schedule-${c.id}`;
  try {
    const { jobId, killedAt } = await admin(db.adminUrl, async (pg) => {
      await pg.query(`SELECT pg_advisory_lock(hashtextextended($1, 0))`, [key]);
      try {
        const d = await api.gql(c.token, RECOMPUTE, { c: c.id });
        const id = (d.recomputeSchedule as { id: string }).id;
        // The job runs in A and waits for the key (its first statement).
        await until(async () => {
          const r = await pg.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted`,
          );
          return r.rows[0].n > 0 ? true : undefined;
        }, 30_000);
        b = await startWorker(db, redisUrl, prefix);
        a.child.kill('SIGKILL');
        await new Promise<void>((r) =>
          a.child.exitCode !== null || a.child.signalCode ? r() : a.child.once('exit', () => r()),
        );
        return { jobId: id, killedAt: Date.now() };
      } finally {
        await pg.query(`SELECT pg_advisory_unlock(hashtextextended($1, 0))`, [key]);
      }
    });
    await until(async () => ((await jobStatus(db, [jobId])).get(jobId) === 'completed' ? true : undefined), 120_000);
    return Date.now() - killedAt;
  } finally {
    await a.stop();
    await b?.stop();
  }
}

type OutageRun = {
  enqueueResumedMs: number;
  outageJobsCompletedMs: number;
  workerConnectionLines: number[];
  stackLines: number;
};

/** One Redis outage with the API and two workers running. */
async function outage(
  db: BenchDatabase,
  api: Api,
  workers: Proc[],
  redis: OwnRedis,
  contracts: Contract[],
): Promise<OutageRun> {
  const apiFrom = api.proc.output().length;
  const workerFrom = workers.map((w) => w.output().length);
  await redis.kill();
  log(`redis-server killed; down for ${OUTAGE_SECONDS} s`);
  const requested: string[] = [];
  const t0 = Date.now();
  for (let i = 0; i < OUTAGE_JOBS; i++) {
    const c = contracts[i % contracts.length];
    const d = await api.gql(c.token, RECOMPUTE, { c: c.id });
    requested.push((d.recomputeSchedule as { id: string }).id);
  }
  await sleep(Math.max(0, OUTAGE_SECONDS * 1000 - (Date.now() - t0)));
  await redis.start();
  const back = Date.now();
  log('redis-server started again (empty)');

  // Enqueue resumed: the first request after the restart whose enqueue did not fail.
  const enqueueResumedMs = await until(
    async () => {
      const sent = Date.now();
      const c = contracts[0];
      const d = await api.gql(c.token, RECOMPUTE, { c: c.id });
      const id = (d.recomputeSchedule as { id: string }).id;
      await sleep(100);
      const failed = api.proc.output().slice(apiFrom).includes(`"job":"${id}"`);
      return failed ? undefined : sent - back;
    },
    60_000,
    100,
  );
  const outageJobsCompletedMs = await until(
    async () => {
      const s = await jobStatus(db, requested);
      return requested.every((id) => s.get(id) === 'completed') ? Date.now() - back : undefined;
    },
    600_000,
    100,
  );
  await sleep(1000);
  const since = workers.map((w, i) => w.output().slice(workerFrom[i]));
  return {
    enqueueResumedMs,
    outageJobsCompletedMs,
    workerConnectionLines: since.map(
      (o) => o.split('\n').filter((l) => /"context":"Redis"|ECONNREFUSED/.test(l)).length,
    ),
    stackLines: since.reduce((n, o) => n + o.split('\n').filter((l) => /^\s+at /.test(l)).length, 0),
  };
}

// ---------------------------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const started = Date.now();
  const db = await createBenchDatabase('recovery');
  const redis = await ownRedis();
  const prefix = `brecov${randomBytes(4).toString('hex')}`;
  let api: Api | undefined;
  const workers: Proc[] = [];
  try {
    const world = await generateWorld(db, { seed: SEED, tenants: 6 });
    api = await startApi(db, redis.url, prefix);
    const contracts: Contract[] = [];
    for (const t of world.tenants) {
      const token = await api.login(t.users.find((u) => u.role === 'finance')?.email ?? t.users[0].email);
      for (const c of t.contracts) contracts.push({ id: c.id, token });
    }
    log(`${contracts.length} contracts in ${world.tenants.length} tenants`);

    const takeovers: number[] = [];
    for (let i = 0; i < TAKEOVERS; i++) {
      takeovers.push(await takeover(db, api, redis.url, prefix, contracts[i % contracts.length]));
      log(`takeover ${i + 1}: ${takeovers[i]} ms after the kill`);
    }

    workers.push(await startWorker(db, redis.url, prefix), await startWorker(db, redis.url, prefix));
    const outages: OutageRun[] = [];
    for (let i = 0; i < OUTAGES; i++) {
      outages.push(await outage(db, api, workers, redis, contracts));
      log(`outage ${i + 1}: ${JSON.stringify(outages[i])}`);
    }

    const worst = (xs: number[]) => Math.max(...xs);
    const measure = (id: string, title: string, values: number[], targetMs: number, notes: string[]): Measure => ({
      id,
      title,
      floor: `target ${targetMs / 1000} s (a bound, not a peer)`,
      unit: 'ms (worst run; ratio = value ÷ target)',
      value: worst(values),
      floorValue: targetMs,
      ratio: Math.round((worst(values) / targetMs) * 100) / 100,
      ratioMin: Math.round((Math.min(...values) / targetMs) * 100) / 100,
      ratioMax: Math.round((worst(values) / targetMs) * 100) / 100,
      target: `≤ ${targetMs / 1000} s`,
      met: worst(values) <= targetMs,
      notes: [`runs: ${values.join(', ')} ms`, ...notes],
    });
    const lines = outages.flatMap((o) => o.workerConnectionLines);
    const measures: Measure[] = [
      measure('takeover', "A killed worker's job taken over and completed (SIGKILL → completed)", takeovers, 10_000, [
        'the default lock (WORKER_LOCK_MS 5 s, stalled check every 2.5 s); was 35–45 s with the 30 s lock',
      ]),
      measure(
        'enqueue-resumed',
        'Enqueue resumed after Redis returned (PING answered → first enqueue that succeeds)',
        outages.map((o) => o.enqueueResumedMs),
        2_000,
        ['ioredis reconnect delay capped at 500 ms; was ~16 s with BullMQ’s default backoff (up to 20 s)'],
      ),
      measure(
        'outage-jobs',
        `Jobs requested during a ${OUTAGE_SECONDS} s Redis outage completed after it returned`,
        outages.map((o) => o.outageJobsCompletedMs),
        15_000,
        [
          `${OUTAGE_JOBS} schedule recomputes per outage, JOB_STALE_SECONDS at its default 300: the reconciler reacts to the reconnect`,
          `worker log lines about the Redis connection per outage: ${lines.join(', ')} (was 108 stacks per worker in 21 s); stack lines: ${outages.reduce((n, o) => n + o.stackLines, 0)}`,
        ],
      ),
    ];
    const file = writeResult({
      bench: 'recovery',
      mode: QUICK ? 'quick' : 'full',
      startedAt: new Date(started).toISOString(),
      durationSeconds: Math.round((Date.now() - started) / 1000),
      machine: machine(),
      parameters: { takeovers: TAKEOVERS, outages: OUTAGES, outageSeconds: OUTAGE_SECONDS, outageJobs: OUTAGE_JOBS },
      measures,
      extra: { takeoversMs: takeovers, outages },
    });
    log(`written ${file}`);
    for (const m of measures) log(`${m.id}: ${m.value} ms, target ${m.target}: ${m.met ? 'met' : 'NOT met'}`);
  } finally {
    await Promise.all(workers.map((w) => w.stop()));
    await api?.proc.stop();
    await redis.kill();
    await db.drop();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
