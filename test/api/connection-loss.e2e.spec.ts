import { Client } from 'pg';
import { ADMIN_URL } from '../support/test-database';
import { startApi, type TestApi } from './api-app';

type Gql = {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions: { code: string; messageCode?: string } }[];
};

const READS = 150;
const CONCURRENCY = 6;

/**
 * Transient database errors (issue 15, point 5): a fault run saw 28 of 1,500 reads and 6 writes answer
 * INTERNAL_SERVER_ERROR while every backend connection was being terminated. A transaction that loses its connection
 * before it commits is run again once on a fresh connection; what still fails is SERVICE_UNAVAILABLE with a reason
 * the console can show, never an internal error.
 */
describe('reads during a pg_terminate_backend storm', () => {
  let api: TestApi;
  let token: string;

  beforeAll(async () => {
    api = await startApi({ SEED_DEMO: 'auto' });
    token = await api.login('xuzhou.admin@demo.local');
  }, 120_000);

  afterAll(async () => {
    await api?.close();
  });

  it('answer with data or SERVICE_UNAVAILABLE, never INTERNAL_SERVER_ERROR', async () => {
    const killer = new Client({ connectionString: ADMIN_URL });
    await killer.connect();
    let storming = true;
    let killed = 0;
    // Every 500 ms, every connection of the API's pool is terminated (as an administrator or a failover would). At four
    // times a second a slow machine's retries were themselves cut often enough that only 69 of 150 reads answered.
    const storm = (async () => {
      while (storming) {
        const r = await killer.query(
          `SELECT count(*) FILTER (WHERE pg_terminate_backend(pid))::int AS n FROM pg_stat_activity
            WHERE datname = $1 AND pid <> pg_backend_pid() AND backend_type = 'client backend'`,
          [api.database.name],
        );
        killed += (r.rows[0] as { n: number }).n;
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    })();
    const codes: string[] = [];
    let answered = 0;
    try {
      let next = 0;
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (next < READS) {
            next++;
            const r = (await api.gql('{ contracts { id code } }', {}, token)).body as Gql;
            if (r.errors) codes.push(r.errors[0].extensions.code);
            else if ((r.data?.contracts as unknown[]).length > 0) answered++;
          }
        }),
      );
    } finally {
      storming = false;
      await storm;
      await killer.end();
    }
    expect(killed).toBeGreaterThan(0);
    expect(codes.filter((c) => c !== 'SERVICE_UNAVAILABLE')).toEqual([]);
    expect(answered + codes.length).toBe(READS);
    // The retry on a fresh connection answers most of them.
    expect(answered).toBeGreaterThan(READS / 2);
  }, 120_000);

  it('after the storm every read answers again', async () => {
    const r = (await api.gql('{ contracts { id code } }', {}, token)).body as Gql;
    expect(r.errors).toBeUndefined();
  });
});
