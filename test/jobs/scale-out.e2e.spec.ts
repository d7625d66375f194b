import request from 'supertest';
import { startApi, type TestApi } from '../api/api-app';
import { asSuperuser } from '../support/test-database';
import { eventually, queuePrefix, REDIS_URL, startWorker, type WorkerProcess } from './worker-harness';

type Gql = { data?: Record<string, unknown> | null; errors?: { message: string; extensions: { code: string } }[] };

const PASSWORD = 'demo-password-2026';
const SCAN_SECONDS = 2;

/**
 * Scale-out (issue 14, point 9): two API processes and two workers on one PostgreSQL and one Redis, requests spread
 * over both APIs. Sessions, sign-in throttling, the SLA scan (once per slot, not once per process), warnings (each
 * once), closes and exports behave as with one process: every shared state lives in the database or in Redis.
 */
describe('two APIs and two workers on one database and one Redis', () => {
  const apis: TestApi[] = [];
  const workers: WorkerProcess[] = [];
  const prefix = queuePrefix('scale');
  let turn = 0;
  /** The next API in turn: requests alternate between the two processes. */
  const next = (): TestApi => apis[turn++ % apis.length];
  const gql = async (
    query: string,
    variables: Record<string, unknown> = {},
    token?: string,
    api = next(),
  ): Promise<Gql> => (await api.gql(query, variables, token)).body as Gql;
  const login = (email: string, password = PASSWORD, api = next()): Promise<Gql> =>
    gql('mutation ($i: LoginInput!) { login(input: $i) { token } }', { i: { email, password } }, undefined, api);
  const token = async (email: string): Promise<string> => ((await login(email)).data?.login as { token: string }).token;
  const db = () => apis[0].database;
  const count = async (sql: string, params: unknown[] = []): Promise<number> =>
    asSuperuser(db().name, async (c) => Number((await c.query(sql, params)).rows[0].n));

  beforeAll(async () => {
    const env = { REDIS_URL, QUEUE_PREFIX: prefix, LOGIN_MAX_FAILURES_PER_ACCOUNT: '3', LOGIN_LOCKOUT_SECONDS: '60' };
    apis.push(await startApi({ ...env, SEED_DEMO: 'auto' }));
    apis.push(await startApi({ ...env, SEED_DEMO: 'auto' }, apis[0].database)); // the seed runs once: it finds the data
    for (let i = 0; i < 2; i++)
      workers.push(
        startWorker({
          DATABASE_URL: db().appUrl,
          QUEUE_PREFIX: prefix,
          SLA_SCAN_INTERVAL_SECONDS: String(SCAN_SECONDS),
        }),
      );
    await Promise.all(workers.map((w) => w.waitFor('worker ready')));
  }, 180_000);

  afterAll(async () => {
    await Promise.all(workers.map((w) => w.stop()));
    for (const api of [...apis].reverse()) await api.close();
  });

  it('the demo is seeded once although both APIs started on the database', async () => {
    expect(await count(`SELECT count(*) AS n FROM tenants`)).toBe(5);
    expect(await count(`SELECT count(*) AS n FROM users WHERE email = 'admin@demo.local'`)).toBe(1);
  });

  it('a session made on one API is honoured by the other, and signing out everywhere on one ends it on both', async () => {
    const t = await token('huaian.staff@demo.local');
    for (const api of apis)
      expect((await gql('{ me { email } }', {}, t, api)).data?.me).toEqual({ email: 'huaian.staff@demo.local' });
    expect((await gql('mutation { revokeUserSessions { id } }', {}, t, apis[0])).errors).toBeUndefined();
    for (const api of apis)
      expect((await gql('{ me { email } }', {}, t, api)).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('sign-in failures spread over both APIs add up to one lockout', async () => {
    const email = 'huaian.finance@demo.local';
    expect((await login(email, 'wrong-password-1', apis[0])).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    expect((await login(email, 'wrong-password-2', apis[1])).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    expect((await login(email, 'wrong-password-3', apis[0])).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    for (const api of apis)
      expect((await login(email, PASSWORD, api)).errors?.[0].extensions.code).toBe('TOO_MANY_REQUESTS');
  });

  it('the SLA scan runs once per slot and tenant although two workers tick; each warning exists once', async () => {
    // Both workers tick every SCAN_SECONDS and dispatch the slot's scans (job id = tenant + slot): what ran is in
    // their logs ("job done" with the job id), one line per run.
    const ran = (): Map<string, number> => {
      const runs = new Map<string, number>();
      for (const w of workers)
        for (const line of w.output().split('\n')) {
          const m = /"job":"(scan-[^"]+)".*"msg":"job done"/.exec(line);
          if (m) runs.set(m[1], (runs.get(m[1]) ?? 0) + 1);
        }
      return runs;
    };
    await new Promise((r) => setTimeout(r, SCAN_SECONDS * 3 * 1000 + 500));
    const runs = ran();
    const slots = new Set([...runs.keys()].map((id) => id.split('-').pop()));
    expect(slots.size).toBeGreaterThanOrEqual(2);
    // Every tenant with running clocks is scanned once per slot: never twice, although both workers ticked.
    expect([...runs.entries()].filter(([, n]) => n > 1)).toEqual([]);
    expect(
      await count(
        `SELECT count(*) AS n FROM (SELECT tenant_id, dedupe_key FROM notifications GROUP BY 1, 2 HAVING count(*) > 1) d`,
      ),
    ).toBe(0);
  });

  it('a close requested on both APIs at once is one close, computed once by one of the workers, confirmed through the other API', async () => {
    const admin = await token('xuzhou.admin@demo.local');
    const c = (
      (await gql('{ contracts { id code } }', {}, admin)).data?.contracts as { id: string; code: string }[]
    ).find((x) => x.code === 'xuzhou-2026')?.id as string;
    const set = await gql(
      'mutation ($i: SetPeriodInputsInput!) { setPeriodInputs(input: $i) { period } }',
      {
        i: {
          contractId: c,
          period: '2026-H1',
          staffScores: [{ personId: 'p1', attitude: 28, ability: 27, results: 35 }],
          securityIncidents: 0,
          satisfaction: { businessSatisfaction: '比较满意', itSatisfaction: '一般' },
        },
      },
      admin,
    );
    expect(set.errors).toBeUndefined();
    const ask = (api: TestApi) =>
      gql(
        'mutation ($i: ClosePeriodInput!) { closePeriod(input: $i) { id revision } }',
        { i: { contractId: c, period: '2026-H1', asOf: '2026-07-10' } },
        admin,
        api,
      );
    const [a, b] = await Promise.all([ask(apis[0]), ask(apis[1])]);
    const ids = [a, b].filter((r) => !r.errors).map((r) => (r.data?.closePeriod as { id: string }).id);
    expect(new Set(ids).size).toBe(1); // the loser got the same close or a CONFLICT, never a second one
    const id = ids[0];
    const draft = await eventually(async () => {
      const r = await gql('query ($id: ID!) { periodClose(id: $id) { status score } }', { id }, admin);
      const close = r.data?.periodClose as { status: string; score: string };
      return close.status === 'draft' ? close : undefined;
    }, 60_000);
    expect(draft.score).toBe('100.00');
    expect(
      await count(`SELECT count(*) AS n FROM period_closes WHERE contract_id = $1 AND period = '2026-H1'`, [c]),
    ).toBe(1);
    expect(
      await count(
        `SELECT count(*) AS n FROM jobs WHERE name = 'close-period' AND status = 'completed' AND payload->>'closeId' = $1`,
        [id],
      ),
    ).toBe(1);
    const confirmed = await gql(
      'mutation ($id: ID!, $r: String) { confirmPeriodClose(closeId: $id, reason: $r) { status } }',
      { id, r: '（测试）出勤月报未全，按约定先行确认' },
      admin,
      apis[1],
    );
    expect(confirmed.data?.confirmPeriodClose).toEqual({ status: 'confirmed' });
  });

  it('an export requested on one API is rendered by a worker and downloaded from the other', async () => {
    const finance = await token('xuzhou.finance@demo.local');
    const requested = await gql(
      'mutation ($i: RequestExportInput!) { requestExport(input: $i) { id } }',
      { i: { format: 'CSV' } },
      finance,
      apis[0],
    );
    expect(requested.errors).toBeUndefined();
    const id = (requested.data?.requestExport as { id: string }).id;
    const ready = await eventually(async () => {
      const r = await gql('query ($id: ID!) { export(id: $id) { status downloadPath } }', { id }, finance, apis[1]);
      const e = r.data?.export as { status: string; downloadPath: string | null };
      return e.status === 'READY' ? e : undefined;
    }, 60_000);
    const file = await request(apis[1].app.getHttpServer())
      .get(ready.downloadPath as string)
      .set('authorization', `Bearer ${finance}`);
    expect(file.status).toBe(200);
    expect(file.text).toContain('徐州');
  });
});
