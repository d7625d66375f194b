import request from 'supertest';
import { startApi, type TestApi } from '../api/api-app';
import { asSuperuser } from '../support/test-database';
import { eventually, queuePrefix, REDIS_URL, startWorker, type WorkerProcess } from './worker-harness';

type Gql = { data?: Record<string, unknown> | null; errors?: { message: string; extensions: { code: string } }[] };
type Close = {
  id: string;
  status: string;
  period: string;
  revision: number;
  score: string | null;
  configVersion: number;
  calendarVersion: string | null;
  jobId: string;
  lines: { kind: string; amount: string; ruleId: string | null }[];
  job: { status: string } | null;
};
const CLOSE_FIELDS =
  'id status period revision score grade configVersion calendarVersion asOf jobId lines { kind amount ruleId paymentLineId formula reason } job { id status attempts } result { assessment { score breakdown { componentId points } } year { score } schedule { lines { id net status } } }';

describe('period close through GraphQL and a worker process on Redis (demo seed)', () => {
  let api: TestApi;
  let worker: WorkerProcess;
  const prefix = queuePrefix('close');
  const tokens: Record<string, string> = {};
  const call = async (who: string, query: string, variables: Record<string, unknown> = {}): Promise<Gql> =>
    (await api.gql(query, variables, tokens[who])).body as Gql;

  beforeAll(async () => {
    api = await startApi({ SEED_DEMO: 'auto', REDIS_URL, QUEUE_PREFIX: prefix });
    worker = startWorker({ DATABASE_URL: api.database.appUrl, QUEUE_PREFIX: prefix });
    await worker.waitFor('worker ready');
    for (const who of ['admin', 'vendor', 'xuzhou.admin', 'xuzhou.staff', 'xuzhou.finance', 'tianjin.admin'])
      tokens[who] = await api.login(`${who}@demo.local`);
  }, 120_000);

  afterAll(async () => {
    if (process.env.SHOW_WORKER) console.log(worker?.output());
    await worker?.stop();
    await api?.close();
  });

  it('closes Xuzhou 2026-H1 in the worker, confirms it (immutable, inputs locked), schedules, corrects with an adjustment', async () => {
    const contracts = (await call('xuzhou.admin', '{ contracts { id code } }')).data?.contracts as {
      id: string;
      code: string;
    }[];
    const c = contracts.find((x) => x.code === 'xuzhou-2026')?.id as string;
    const set = await call(
      'xuzhou.admin',
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
    );
    expect(set.errors).toBeUndefined();
    const requested = await call(
      'xuzhou.staff',
      `mutation ($i: ClosePeriodInput!) { closePeriod(input: $i) { ${CLOSE_FIELDS} } }`,
      { i: { contractId: c, period: '2026-H1', asOf: '2026-07-10' } },
    );
    expect(requested.errors).toBeUndefined();
    const pending = requested.data?.closePeriod as Close;
    expect(pending).toMatchObject({ period: '2026-H1', revision: 1, configVersion: 1 });
    expect(pending.jobId).toBe(`close-${pending.jobId.split('-').slice(1, 6).join('-')}-${c}-2026-H1-v1-r1`);

    const draft = await eventually(async () => {
      const r = await call('xuzhou.admin', `query ($id: ID!) { periodClose(id: $id) { ${CLOSE_FIELDS} } }`, {
        id: pending.id,
      });
      const close = r.data?.periodClose as Close;
      return close.status === 'draft' ? close : undefined;
    });
    expect(draft).toMatchObject({
      score: '100.00',
      calendarVersion: expect.stringMatching(/^cn-national@/),
      job: { status: 'completed' },
    });

    // Staff cannot confirm; the admin can; then nothing about it changes.
    expect(
      (
        await call('xuzhou.staff', 'mutation ($id: ID!) { confirmPeriodClose(closeId: $id) { status } }', {
          id: draft.id,
        })
      ).errors?.[0].extensions.code,
    ).toBe('FORBIDDEN');
    // The year's later months have no accepted report (term:attendance is missing): a confirm needs its reason.
    const confirmed = await call(
      'xuzhou.admin',
      'mutation ($id: ID!, $r: String) { confirmPeriodClose(closeId: $id, reason: $r) { status confirmedAt } }',
      { id: draft.id, r: '（测试）出勤月报未全，按约定先行确认' },
    );
    expect(confirmed.data?.confirmPeriodClose).toMatchObject({ status: 'confirmed' });
    const again = await call(
      'xuzhou.admin',
      'mutation ($i: SetPeriodInputsInput!) { setPeriodInputs(input: $i) { period } }',
      { i: { contractId: c, period: '2026-H1', securityIncidents: 2 } },
    );
    expect(again.errors?.[0].extensions.code).toBe('CONFLICT');
    const reopen = await call(
      'xuzhou.admin',
      'mutation ($i: ReopenPeriodCloseInput!) { reopenPeriodClose(input: $i) { id } }',
      { i: { closeId: draft.id, reason: 'try' } },
    );
    expect(reopen.errors?.[0].extensions.code).toBe('CONFLICT');
    await asSuperuser(api.database.name, async (db) => {
      await expect(db.query(`UPDATE period_closes SET score = 1 WHERE id = $1`, [draft.id])).rejects.toThrow(
        /immutable/,
      );
      await expect(db.query(`DELETE FROM period_closes WHERE id = $1`, [draft.id])).rejects.toThrow(/immutable/);
    });

    const schedule = await eventually(async () => {
      const r = await call(
        'xuzhou.finance',
        'query ($c: ID!) { paymentSchedule(contractId: $c) { configVersion calendarVersion asOf basis schedule { lines { id gross net status } totals { net } } } }',
        { c },
      );
      return (r.data?.paymentSchedule as Record<string, unknown> | null) ?? undefined;
    });
    expect(schedule).toMatchObject({
      configVersion: 1,
      schedule: { lines: [{ id: 'settlement', gross: '2400000.00' }] },
    });

    // A correction of the confirmed H1 is an adjustment line booked in H2 (the next open period); the schedule follows.
    const adj = await call(
      'xuzhou.admin',
      'mutation ($i: RecordAdjustmentInput!) { recordAdjustment(input: $i) { kind amount reason correctsCloseId } }',
      { i: { correctsCloseId: draft.id, amount: '1000.00', reason: '6月漏报一次安全事件' } },
    );
    expect(adj.errors).toBeUndefined();
    // Set off onto a line of another contract (Huai'an's advance): refused at its path, nothing stored.
    const foreign = await call(
      'xuzhou.admin',
      'mutation ($i: RecordAdjustmentInput!) { recordAdjustment(input: $i) { kind } }',
      {
        i: {
          correctsCloseId: draft.id,
          amount: '500.00',
          reason: '错挂到其他合同的款项',
          paymentLineId: 'contract-payments.advance',
        },
      },
    );
    expect(foreign.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      problems: [expect.objectContaining({ path: 'paymentLineId', code: 'unknown.scheduleLine' })],
    });
    expect(adj.data?.recordAdjustment).toMatchObject({
      kind: 'adjustment',
      amount: '1000.00',
      correctsCloseId: draft.id,
    });
    await eventually(async () => {
      const r = await call(
        'xuzhou.finance',
        'query ($c: ID!) { paymentSchedule(contractId: $c) { schedule { totals { net } } } }',
        { c },
      );
      const net = (r.data?.paymentSchedule as { schedule: { totals: { net: string } } } | null)?.schedule.totals.net;
      return net === '2399000.00' ? net : undefined;
    });
  });

  it('bull-board at /admin/queues: platform administrators only', async () => {
    const server = api.app.getHttpServer();
    expect((await request(server).get('/admin/queues')).status).toBe(401);
    expect(
      (await request(server).get('/admin/queues').set('authorization', `Bearer ${tokens['xuzhou.admin']}`)).status,
    ).toBe(403);
    expect((await request(server).get('/admin/queues').set('authorization', 'Bearer forged.token.value')).status).toBe(
      401,
    );
    const page = await request(server).get('/admin/queues').set('cookie', `ledger_token=${tokens.admin}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('<html');
    const queues = await request(server).get('/admin/queues/api/queues').set('authorization', `Bearer ${tokens.admin}`);
    expect(queues.status).toBe(200);
    expect((queues.body as { queues: { name: string }[] }).queues.map((q) => q.name).sort()).toEqual([
      'export',
      'import',
      'period-close',
      'schedule',
      'sla',
    ]);
    // Last, since it ends every admin token: a platform admin who signed out everywhere: the old token no longer opens the board (the guard's session check).
    const ended = tokens.admin;
    await api.gql('mutation { revokeUserSessions { id } }', {}, ended);
    expect((await request(server).get('/admin/queues').set('authorization', `Bearer ${ended}`)).status).toBe(401);
  });

  it('a worker stops cleanly on SIGTERM (running jobs finish, then the database closes) and refuses to start without Redis', async () => {
    const second = startWorker({ DATABASE_URL: api.database.appUrl, QUEUE_PREFIX: prefix });
    await second.waitFor('worker ready');
    const exit = await second.stop('SIGTERM');
    expect(exit).toEqual({ code: 0, signal: null });
    expect(second.output()).toContain('database closed');
    const noRedis = startWorker({ DATABASE_URL: api.database.appUrl, QUEUE_PREFIX: prefix, REDIS_URL: '' });
    expect((await noRedis.exited).code).toBe(1);
    expect(noRedis.output()).toContain('REDIS_URL');
  });
});
