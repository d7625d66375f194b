import { DatabaseUnavailableError } from '@ledger/persistence';
import { SlaScanJob } from '../../libs/features/src/tickets/sla-scan.job';
import { startApi, type TestApi } from '../api/api-app';
import { asSuperuser } from '../support/test-database';

type Summary = { running: number; evaluated: number; batches: number; raised: number };
const FINAL = ['closed', 'withdrawn', 'unsolvable'];

/**
 * The SLA scan resumes after a lost connection (issue 15, point 6): a fault run saw a tenant's scan of ~34k open
 * tickets start over on every lost connection (done on the 5th attempt). Here the scan works one ticket per batch,
 * the database terminates its connection while it writes the second batch's checkpoint (twice, so the transaction's
 * one retry fails too and the attempt fails), and the retried attempt continues after the first batch.
 */
describe('sla-scan in batches with a checkpoint', () => {
  let api: TestApi;
  let tenantId: string;
  let running: number;
  const at = Date.parse('2026-11-30T10:00:00+08:00');

  beforeAll(async () => {
    api = await startApi({ SEED_DEMO: 'auto', SLA_SCAN_INTERVAL_SECONDS: '86400' });
    await api.jobsIdle();
    const busiest = await asSuperuser(
      api.database.name,
      async (c) =>
        (
          await c.query<{ tenant_id: string; n: number }>(
            `SELECT t.tenant_id, count(*)::int AS n FROM tickets t
            WHERE t.state <> ALL($1::text[])
              AND EXISTS (SELECT 1 FROM ticket_events e WHERE e.ticket_id = t.id AND e.kind = 'received' AND e.at <= $2)
            GROUP BY t.tenant_id ORDER BY n DESC LIMIT 1`,
            [FINAL, new Date(at)],
          )
        ).rows[0],
    );
    tenantId = busiest.tenant_id;
    running = busiest.n;
    await asSuperuser(api.database.name, (c) =>
      c.query(`
        -- AFTER: an upsert that updates fires the update trigger only (BEFORE fires both INSERT and UPDATE).
        CREATE SEQUENCE test_progress_writes;
        CREATE SEQUENCE test_fault_kills;
        CREATE FUNCTION test_fault_kill() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$
        BEGIN
          PERFORM nextval('test_progress_writes');
          IF NEW.batches = 2 AND nextval('test_fault_kills') <= 2 THEN
            PERFORM pg_terminate_backend(pg_backend_pid());
            PERFORM pg_sleep(5);
          END IF;
          RETURN NEW;
        END $$;
        CREATE TRIGGER test_fault_kill AFTER INSERT OR UPDATE ON sla_scan_progress
          FOR EACH ROW EXECUTE FUNCTION test_fault_kill();
      `),
    );
  }, 120_000);

  afterAll(async () => {
    await api?.close();
  });

  it('a lost connection fails the attempt after the first batch; the retry continues from its checkpoint', async () => {
    expect(running).toBeGreaterThanOrEqual(3);
    const job = api.app.get(SlaScanJob);
    job.batchSize = 1;
    const payload = { tenantId, at: new Date(at).toISOString() };
    await expect(job.handle(payload, { id: 'scan-resume-test', attempt: 1 })).rejects.toBeInstanceOf(
      DatabaseUnavailableError,
    );
    const checkpoint = await asSuperuser(
      api.database.name,
      async (c) =>
        (
          await c.query(
            `SELECT batches, running, completed_at FROM sla_scan_progress WHERE job_id = 'scan-resume-test'`,
          )
        ).rows[0],
    );
    expect(checkpoint).toEqual({ batches: 1, running: 1, completed_at: null });

    const summary = (await job.handle(payload, { id: 'scan-resume-test', attempt: 2 })) as Summary;
    expect(summary).toMatchObject({ running, batches: running });
    const writes = await asSuperuser(api.database.name, async (c) =>
      Number((await c.query(`SELECT last_value FROM test_progress_writes`)).rows[0].last_value),
    );
    // Attempt 1: batch 1, then batch 2 killed twice. Attempt 2: batches 2..n and the empty one that ends the scan.
    expect(writes).toBe(1 + 2 + (running - 1) + 1);
  }, 120_000);

  it('the same scan run again once finished starts over (one scan per job id and slot)', async () => {
    const job = api.app.get(SlaScanJob);
    job.batchSize = 500;
    const again = (await job.handle(
      { tenantId, at: new Date(at).toISOString() },
      { id: 'scan-resume-test', attempt: 1 },
    )) as Summary;
    expect(again).toMatchObject({ running, batches: 1, raised: 0 });
  });
});
