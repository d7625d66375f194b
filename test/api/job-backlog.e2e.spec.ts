import { asSuperuser } from '../support/test-database';
import { startApi, type TestApi } from './api-app';

/*
 * The platform admin's job backlog (counts over every tenant, no tenant data): what the embedded mode has instead of
 * the queue board, and what the browser suites wait on when the jobs run inside the API process.
 */
const BACKLOG = '{ jobBacklog { queued failed oldestQueuedAt } }';

describe('jobBacklog', () => {
  let api: TestApi;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    api = await startApi({ SEED_DEMO: 'auto' });
    for (const who of ['admin', 'xuzhou.admin', 'vendor', 'xuzhou.finance'])
      tokens[who] = await api.login(`${who}@demo.local`);
  }, 120_000);

  afterAll(async () => {
    await api?.close();
  });

  it('counts waiting and failed jobs over every tenant for the platform admin', async () => {
    await api.jobsIdle();
    const settled = await api.gql(BACKLOG, {}, tokens.admin);
    expect(settled.body).toEqual({ data: { jobBacklog: { queued: 0, failed: 0, oldestQueuedAt: null } } });
    // Two jobs of two tenants waiting, one failed: the counts see all of them (the admin reads no job itself).
    const rows = await asSuperuser(api.database.name, async (c) => {
      const { rows: tenants } = await c.query<{ id: string }>('SELECT id FROM tenants ORDER BY code LIMIT 2');
      for (const [i, t] of tenants.entries()) {
        await c.query(
          `INSERT INTO jobs (id, tenant_id, queue, name, payload, status, created_at) VALUES ($1, $2, 'export', 'render-export', '{}', $3, $4)`,
          [
            `backlog-probe-${i}`,
            t.id,
            i === 0 ? 'queued' : 'failed',
            i === 0 ? '2026-12-01T02:00:00Z' : '2026-12-02T02:00:00Z',
          ],
        );
      }
      await c.query(
        `INSERT INTO jobs (id, tenant_id, queue, name, payload, status, created_at) VALUES ('backlog-probe-2', $1, 'export', 'render-export', '{}', 'queued', '2026-12-03T02:00:00Z')`,
        [tenants[1].id],
      );
      return tenants.length;
    });
    expect(rows).toBe(2);
    const seen = await api.gql(BACKLOG, {}, tokens.admin);
    expect(seen.body).toEqual({
      data: { jobBacklog: { queued: 2, failed: 1, oldestQueuedAt: '2026-12-01T02:00:00.000Z' } },
    });
  });

  it.each(['xuzhou.admin', 'vendor', 'xuzhou.finance'])(
    'refuses %s (FORBIDDEN): the backlog spans every tenant',
    async (who) => {
      const res = await api.gql(BACKLOG, {}, tokens[who]);
      expect(res.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(res.body.data).toBeNull();
    },
  );

  it('refuses an anonymous caller', async () => {
    const res = await api.gql(BACKLOG);
    expect(res.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
