import { ClosePeriodJob, type ClosePeriodOutcome } from '../../libs/features/src/period-close/close-period.job';
import { NationalCalendarStore } from '../../libs/features/src/shared/national-calendar.store';
import { createDataSource, TenantDatabase } from '@ledger/persistence';
import { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import { startApi, type TestApi } from '../api/api-app';
import {
  caller,
  closeFacts,
  CLOSE_PERIOD,
  expectedLineKeys,
  QINGHAI_H1_DEDUCTIONS,
  QINGHAI_H1_INPUTS,
  SET_INPUTS,
  type PendingClose,
} from './support-ledger';
import { eventually, queuePrefix, REDIS_URL, startWorker, type WorkerProcess } from './worker-harness';

/*
 * Issue 4, acceptance: the same close enqueued 50 times with its own job id (BullMQ's id dedup), 50 times more under
 * distinct job ids (so only the database guard stands between them), and 50 handler calls made directly and
 * concurrently from this process, while two worker processes consume the queue — exactly one computation, no
 * duplicate close or line rows, the job completed once.
 */
describe('a close is computed exactly once however often it is enqueued or called (2 workers + direct calls)', () => {
  let api: TestApi;
  const workers: WorkerProcess[] = [];
  let queue: Queue | undefined;
  let directSource: DataSource | undefined;
  // The workers consume `prefix`; the API enqueues on a prefix nobody consumes, so its own copy of the job does not
  // get a head start: the first computation is a genuine race between the direct calls and the two workers.
  const prefix = queuePrefix('idem');
  const apiPrefix = queuePrefix('idemapi');
  let apiQueue: Queue | undefined;
  const tokens: Record<string, string> = {};
  const call = caller(() => api, tokens);

  beforeAll(async () => {
    api = await startApi({ SEED_DEMO: 'auto', REDIS_URL, QUEUE_PREFIX: apiPrefix });
    for (let i = 0; i < 2; i++)
      workers.push(startWorker({ DATABASE_URL: api.database.appUrl, QUEUE_PREFIX: prefix, WORKER_CONCURRENCY: '8' }));
    await Promise.all(workers.map((w) => w.waitFor('worker ready')));
    tokens['qinghai.admin'] = await api.login('qinghai.admin@demo.local');
    const url = new URL(REDIS_URL);
    queue = new Queue('period-close', { connection: { host: url.hostname, port: Number(url.port || 6379) }, prefix });
    apiQueue = new Queue('period-close', {
      connection: { host: url.hostname, port: Number(url.port || 6379) },
      prefix: apiPrefix,
    });
    directSource = createDataSource({ url: api.database.appUrl }, { poolSize: 10 });
    await directSource.initialize();
  }, 120_000);

  afterAll(async () => {
    if (process.env.SHOW_WORKER) for (const w of workers) console.log(w.output());
    await Promise.all(workers.map((w) => w.stop()));
    for (const q of [queue, apiQueue]) {
      await q?.obliterate({ force: true }).catch(() => undefined);
      await q?.close();
    }
    await directSource?.destroy().catch(() => undefined);
    await api?.close();
  }, 60_000);

  it('50 × same job id + 50 × distinct job ids on BullMQ + 50 × direct handler calls → one computed draft, one line per deduction', async () => {
    const contracts = (await call('qinghai.admin', '{ contracts { id code } }')).data?.contracts as {
      id: string;
      code: string;
    }[];
    const c = contracts.find((x) => x.code === 'qinghai-hospital-3y')?.id as string;
    expect(
      (await call('qinghai.admin', SET_INPUTS, { i: { contractId: c, ...QINGHAI_H1_INPUTS } })).errors,
    ).toBeUndefined();

    const requested = await call('qinghai.admin', CLOSE_PERIOD, {
      i: { contractId: c, period: '2026-H1', asOf: '2026-07-10' },
    });
    expect(requested.errors).toBeUndefined();
    const pending = requested.data?.closePeriod as PendingClose;
    const payload = { tenantId: pending.jobId.slice('close-'.length, 'close-'.length + 36), closeId: pending.id };
    expect(payload.tenantId).toMatch(/^[0-9a-f-]{36}$/);

    // The API enqueued the close (on its own prefix, where it waits); nothing has run it yet.
    expect(await (await (apiQueue as Queue).getJob(pending.jobId))?.getState()).toBe('waiting');
    expect((await closeFacts(api.database.name, pending.id)).close.status).toBe('pending');

    // Everything at once: 100 adds for the two workers and 50 direct calls.
    const handler = new ClosePeriodJob(
      new TenantDatabase(directSource as DataSource, { setRole: false }),
      new NationalCalendarStore(),
    );
    const started = Date.now();
    const [direct] = await Promise.all([
      Promise.all(Array.from({ length: 50 }, (_, i) => handler.handle(payload, { id: `direct-${i}`, attempt: 1 }))),
      Promise.all(
        Array.from({ length: 50 }, () => (queue as Queue).add('close-period', payload, { jobId: pending.jobId })),
      ),
      Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          (queue as Queue).add('close-period', payload, { jobId: `dup-${i}-${pending.jobId}` }),
        ),
      ),
    ]);
    const counts = await eventually(async () => {
      const n = await (queue as Queue).getJobCounts(
        'completed',
        'failed',
        'waiting',
        'active',
        'delayed',
        'prioritized',
        'waiting-children',
      );
      return n.completed + n.failed === 51 && n.waiting + n.active + n.delayed + n.prioritized === 0 ? n : undefined;
    }, 60_000);
    const elapsed = Date.now() - started;
    // BullMQ kept one job for the 50 adds under the close's own id and ran all 50 distinct ones.
    expect(counts).toMatchObject({ completed: 51, failed: 0 });

    const jobs = await (queue as Queue).getJobs(['completed'], 0, 100);
    expect(jobs.map((j) => j.id).filter((id) => id === pending.jobId)).toHaveLength(1);
    const outcomes: ClosePeriodOutcome[] = [...direct, ...jobs.map((j) => j.returnvalue as ClosePeriodOutcome)];
    expect(outcomes).toHaveLength(101);
    // Exactly one of the 101 runs (50 direct, 51 in the workers) computed; the other 100 found the close no longer pending.
    const computed = outcomes.filter((o) => o.computed);
    expect(computed).toEqual([{ closeId: pending.id, computed: true, status: 'draft', lines: 3 }]);
    expect(
      outcomes
        .filter((o) => !o.computed)
        .every((o) => o.closeId === pending.id && o.status === 'draft' && o.lines === 0),
    ).toBe(true);
    // Both worker processes took part (the distinct-id copies are spread over them).
    for (const w of workers) expect(w.output()).toMatch(/job done/);

    const facts = await closeFacts(api.database.name, pending.id);
    expect(facts.rowsForPeriod).toBe(1);
    expect(facts.close).toMatchObject({ status: 'draft', score: '70.00', grade: 'C' });
    expect(facts.draftUpdates).toHaveLength(1);
    expect(facts.lines.map((l) => [l.rule_id, l.amount])).toEqual(expect.arrayContaining(QINGHAI_H1_DEDUCTIONS));
    expect(facts.lines).toHaveLength(QINGHAI_H1_DEDUCTIONS.length);
    expect(facts.lines.map((l) => l.line_key).sort()).toEqual(expectedLineKeys(facts));
    expect(facts.lineInserts).toBe(3);
    expect(facts.duplicateKeys).toEqual([]);
    expect(facts.job).toMatchObject({
      status: 'completed',
      attempts: 0,
      last_error: null,
      result: { closeId: pending.id, computed: true, status: 'draft', lines: 3 },
    });
    const winner = facts.draftUpdates[0].operation;
    console.log(
      `idempotency: 150 requests (50 direct, 50 same-id, 50 distinct-id) settled in ${elapsed} ms; computed by ${winner}`,
    );
  });
});
