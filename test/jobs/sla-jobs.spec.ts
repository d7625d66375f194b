import { JobDispatcher, JOBS_OPTIONS, type JobRequest, type JobsModuleOptions } from '@ledger/jobs';
import { jobIds, type JobName } from '@ledger/contracts';
import { TenantDatabase } from '@ledger/persistence';
import { randomUUID } from 'crypto';
import { SlaScanJob } from '../../libs/features/src/tickets/sla-scan.job';
import { SlaScanScheduler } from '../../libs/features/src/tickets/sla-scan.scheduler';
import { TicketSlaBatchJob, TicketSlaJob } from '../../libs/features/src/tickets/ticket-sla.job';
import { UnrecoverableJobError } from '@ledger/jobs';
import { startApi, type TestApi } from '../api/api-app';
import { asSuperuser } from '../support/test-database';
import request from 'supertest';

type Gql = { data?: Record<string, unknown> | null; errors?: { message: string; extensions: { code: string } }[] };
type Target = {
  targetId: string;
  name: string;
  metric: string;
  clock: string;
  start: string;
  stop: string | null;
  elapsedMinutes: number;
  pausedMinutes: number;
  targetMinutes: number;
  deadline: string;
  status: string;
  breachMinutes: number;
  percentUsed: string;
  provisional: boolean;
  /** The API's form: params as name/value strings; a stored result keeps them as an object (see `asApi`). */
  explanation: { code: string; params: { name: string; value: string }[] | Record<string, string | number> };
};
type Sla = { status: string; evaluatedAt: string; calendarVersion: string; configVersion: number; targets: Target[] };
type TicketView = {
  id: string;
  number: string;
  state: string;
  events: { kind: string; at: string }[];
  sla: Sla | null;
  slaNote: string | null;
};
type Stored = {
  id: string;
  ticketId: string;
  contractId: string;
  eventCount: number;
  configVersion: number;
  calendarVersion: string;
  status: string;
  targets: Target[];
  evaluatedAt: string;
  computedAt: string;
};
type Notification = {
  id: string;
  contractId: string;
  ticketId: string | null;
  kind: string;
  severity: string;
  message: string;
  details: Record<string, unknown>;
  dedupeKey: string;
  createdAt: string;
};

const TARGET_FIELDS =
  'targetId name metric clock startsAt start stop elapsedMinutes pausedMinutes targetMinutes deadline status breachMinutes percentUsed provisional explanation { code params { name value } }';
const TICKET_FIELDS = `id number state events { kind at } slaNote sla { status evaluatedAt calendarVersion configVersion targets { ${TARGET_FIELDS} } }`;
const HISTORY =
  'query ($id: ID!) { ticketSlaHistory(ticketId: $id) { id ticketId contractId eventCount configVersion calendarVersion status targets evaluatedAt computedAt } }';
const NOTIFICATIONS =
  'query ($c: ID, $l: Int) { notifications(contractId: $c, limit: $l) { id contractId ticketId kind severity message details dedupeKey createdAt } }';

/** An instant as the API takes it: ISO with the +08:00 offset of the contracts' calendar. */
const shanghai = (ms: number): string => `${new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;

/**
 * A target without what depends on the instant of evaluation: a clock that has not stopped keeps counting, so its
 * elapsed minutes (and what follows from them) differ between the job's evaluation and a later read.
 */
/** A stored target as the API shows it: the explanation's parameters as name/value strings, in the engine's order. */
const asApi = (t: Target): Target => ({
  ...t,
  // As the API gives them: parameters by name (jsonb keeps its own key order).
  explanation: {
    code: t.explanation.code,
    params: (Array.isArray(t.explanation.params)
      ? t.explanation.params
      : Object.entries(t.explanation.params).map(([name, value]) => ({ name, value: String(value) }))
    ).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
  },
});
const stable = (t: Target) =>
  t.stop === null
    ? {
        ...t,
        elapsedMinutes: undefined,
        percentUsed: undefined,
        breachMinutes: undefined,
        explanation: undefined,
        status: 'not stopped',
      }
    : t;

/** Records the jobs dispatched to it (the scheduler's determinism), running nothing. */
class RecordingDispatcher extends JobDispatcher {
  readonly mode = 'in-process' as const;
  readonly seen: JobRequest<JobName>[][] = [];
  async dispatch(jobs: readonly JobRequest<JobName>[]): Promise<void> {
    this.seen.push([...jobs]);
  }
}

describe('SLA jobs: stored ticket SLA results and the 75 % / 100 % warnings (real PostgreSQL, in-process jobs)', () => {
  let api: TestApi;
  let contractId: string;
  let tenantId: string;
  let otherTenantIds: string[];
  const tokens: Record<string, string> = {};
  const call = async (who: string, query: string, variables: Record<string, unknown> = {}): Promise<Gql> =>
    (await api.gql(query, variables, tokens[who])).body as Gql;
  const code = (r: Gql) => r.errors?.[0]?.extensions.code;
  /** Uploads a CSV to POST /imports/tickets as the Huai'an admin, runs its job (and the SLA jobs after it); the tickets stored. */
  const importCsv = async (csv: Buffer): Promise<number> => {
    const res = await request(api.app.getHttpServer())
      .post(`/imports/tickets?contractId=${contractId}`)
      .set('authorization', `Bearer ${tokens['huaian.admin']}`)
      .set('content-type', 'text/csv')
      .send(csv);
    expect(res.status).toBe(202);
    await api.jobsIdle();
    return (
      await data<{ rowsImported: number }>(
        'huaian.admin',
        'query ($id: ID!) { ticketImport(id: $id) { rowsImported } }',
        { id: res.body.id },
      )
    ).rowsImported;
  };
  const data = async <T>(who: string, query: string, variables: Record<string, unknown> = {}): Promise<T> => {
    const r = await call(who, query, variables);
    expect(r.errors).toBeUndefined();
    return Object.values(r.data ?? {})[0] as T;
  };
  const create = (input: Record<string, unknown>) =>
    data<TicketView>(
      'huaian.admin',
      `mutation ($i: CreateTicketInput!) { createTicket(input: $i) { ${TICKET_FIELDS} } }`,
      { i: { contractId, ...input } },
    );
  const act = (who: string, ticketId: string, action: string, extra: Record<string, unknown> = {}) =>
    data<TicketView>(
      who,
      `mutation ($i: TransitionTicketInput!) { transitionTicket(input: $i) { ${TICKET_FIELDS} } }`,
      { i: { ticketId, action, ...extra } },
    );
  const read = (id: string) =>
    data<TicketView>('huaian.admin', `query ($id: ID!) { ticket(id: $id) { ${TICKET_FIELDS} } }`, { id });
  const history = (id: string, who = 'huaian.admin') => data<Stored[]>(who, HISTORY, { id });
  const notificationsOf = async (ticketId: string, who = 'huaian.admin'): Promise<Notification[]> =>
    (await data<Notification[]>(who, NOTIFICATIONS, { c: contractId, l: 500 })).filter((n) => n.ticketId === ticketId);
  const scan = (at: number, runId = `scan-test-${at}`) =>
    api.app.get(SlaScanJob).handle({ tenantId, at: new Date(at).toISOString() }, { id: runId, attempt: 1 }) as Promise<{
      raised: number;
      evaluated: number;
    }>;

  beforeAll(async () => {
    // The module's periodic scan (every 300 s by default) would evaluate the tickets at the wall clock, in the
    // middle of the scans below that pass their own instants: a day apart, it never fires during this file. The
    // scheduler itself is still exercised through tick() (the last describe).
    api = await startApi({ SEED_DEMO: 'auto', SLA_SCAN_INTERVAL_SECONDS: '86400' });
    for (const who of ['huaian.admin', 'huaian.staff', 'huaian.finance', 'vendor', 'tianjin.admin', 'admin'])
      tokens[who] = await api.login(`${who}@demo.local`);
    const vendorOrgId = (await data<{ id: string }[]>('huaian.admin', '{ vendorOrganizations { id } }'))[0].id;
    const created = await data<{ id: string; tenantId: string }>(
      'huaian.admin',
      'mutation ($i: CreateContractInput!) { createContract(input: $i) { id tenantId } }',
      {
        i: { code: 'HA-SLA-JOBS', name: '淮安 SLA 作业测试合同', vendorOrgId, presetId: 'huaian-2025-2026' },
      },
    );
    contractId = created.id;
    tenantId = created.tenantId;
    otherTenantIds = (await data<{ tenantId: string }[]>('tianjin.admin', '{ contracts { tenantId } }')).map(
      (c) => c.tenantId,
    );
    // A vendor organisation that holds nothing of Huai'an's.
    const v = await data<{ id: string }>(
      'admin',
      'mutation { createVendorOrganization(input: { name: "无关运维公司" }) { id } }',
    );
    await data('admin', 'mutation ($i: CreateUserInput!) { createUser(input: $i) { id } }', {
      i: {
        email: 'unrelated.vendor@demo.local',
        password: 'long-enough-password',
        displayName: '无关供应商',
        role: 'vendor',
        vendorOrgId: v.id,
      },
    });
    tokens['unrelated.vendor'] = await api.login('unrelated.vendor@demo.local', 'long-enough-password');
    await api.jobsIdle();
  }, 180_000);

  afterAll(async () => {
    await api?.close();
  });

  describe('ticket-sla: a result row per point of the history, equal to the read-time SLA', () => {
    let id: string;

    it('stores nothing before receipt; the jobs complete with a note', async () => {
      const t = await create({
        category: '软件错误',
        severity: 'L2',
        title: '门诊结算报错',
        at: '2026-03-02T09:00:00+08:00',
      });
      id = t.id;
      await act('huaian.admin', id, 'confirm', { at: '2026-03-02T09:10:00+08:00' });
      await api.jobsIdle();
      expect(await history(id)).toEqual([]);
      const jobs = await asSuperuser(
        api.database.name,
        async (c) =>
          (
            await c.query(
              `SELECT id, status, result FROM jobs WHERE name = 'ticket-sla' AND payload->>'ticketId' = $1 ORDER BY id`,
              [id],
            )
          ).rows,
      );
      expect(jobs.map((j: { id: string }) => j.id)).toEqual([
        jobIds.ticketSla({ tenantId, ticketId: id, eventCount: 1 }),
        jobIds.ticketSla({ tenantId, ticketId: id, eventCount: 2 }),
      ]);
      for (const j of jobs)
        expect(j).toMatchObject({
          status: 'completed',
          result: { stored: false, note: 'the SLA clocks start at receipt (签收)' },
        });
    });

    it('runs the lifecycle to closed; every event from receipt on leaves one stored result', async () => {
      const steps: [string, string, string, Record<string, unknown>?][] = [
        ['vendor', 'receive', '2026-03-02T09:20:00+08:00'],
        ['vendor', 'respond', '2026-03-02T09:23:00+08:00'],
        [
          'vendor',
          'feedback',
          '2026-03-02T10:00:00+08:00',
          { solvable: true, plannedTestDate: '2026-03-03', note: '可以解决' },
        ],
        ['vendor', 'start-work', '2026-03-02T10:05:00+08:00'],
        ['vendor', 'pass-internal-test', '2026-03-03T15:00:00+08:00'],
        ['huaian.staff', 'sign-business-test', '2026-03-04T10:00:00+08:00'],
        ['vendor', 'deploy', '2026-03-04T20:30:00+08:00', { affectsSettlement: true }],
        ['huaian.admin', 'close', '2026-03-06T09:00:00+08:00'],
      ];
      for (const [who, action, at, extra] of steps) await act(who, id, action, { at, ...extra });
      await api.jobsIdle();
      const rows = await history(id);
      // close records two events (stable, closed): one job for the pair.
      expect(rows.map((r) => r.eventCount)).toEqual([11, 9, 8, 7, 6, 5, 4, 3]);
      for (const r of rows)
        expect(r).toMatchObject({
          ticketId: id,
          contractId,
          configVersion: 1,
          calendarVersion: expect.stringMatching(/^cn-national@/),
        });
      const byTarget = (r: Stored, target: string) => r.targets.find((x) => x.targetId === target);
      // At receipt nothing had stopped; after the response, the phone response is met (3 minutes).
      expect(byTarget(rows[7], 'phone-response')).toMatchObject({ stop: null });
      expect(byTarget(rows[6], 'phone-response')).toMatchObject({
        status: 'met',
        stop: '2026-03-02T09:23:00+08:00',
        elapsedMinutes: 3,
        targetMinutes: 5,
      });
      // Deployed two days later: the 720-minute resolution is breached from the deployment on.
      expect(byTarget(rows[1], 'resolution-L2-L1')).toMatchObject({
        status: 'breached',
        stop: '2026-03-04T20:30:00+08:00',
      });
      const jobs = await asSuperuser(
        api.database.name,
        async (c) =>
          (
            await c.query(
              `SELECT status, count(*)::int AS n FROM jobs WHERE name = 'ticket-sla' AND payload->>'ticketId' = $1 GROUP BY status`,
              [id],
            )
          ).rows,
      );
      expect(jobs).toEqual([{ status: 'completed', n: 10 }]);
    });

    it('the latest stored result equals what the ticket’s sla field shows (configuration and calendar versions included)', async () => {
      const [latest] = await history(id);
      const t = await read(id);
      expect(t.events).toHaveLength(latest.eventCount);
      const sla = t.sla as Sla;
      expect({
        status: latest.status,
        configVersion: latest.configVersion,
        calendarVersion: latest.calendarVersion,
      }).toEqual({
        status: sla.status,
        configVersion: sla.configVersion,
        calendarVersion: sla.calendarVersion,
      });
      expect(latest.targets.map(asApi).map(stable)).toEqual(sla.targets.map(stable));
      // Stopped clocks are equal to the minute and to the word.
      expect(latest.targets.filter((x) => x.stop !== null).map(asApi)).toEqual(
        sla.targets.filter((x) => x.stop !== null),
      );
      expect(latest.targets.filter((x) => x.stop !== null).length).toBeGreaterThanOrEqual(3);
      expect(Date.parse(sla.evaluatedAt) - Date.parse(latest.evaluatedAt)).toBeGreaterThanOrEqual(0);
      expect(Date.parse(sla.evaluatedAt) - Date.parse(latest.evaluatedAt)).toBeLessThan(5 * 60_000);
    });

    it('is idempotent: the same job again stores nothing new; a lost ticket is unrecoverable', async () => {
      const before = await history(id);
      const payload = { tenantId, ticketId: id, eventCount: 11 };
      const again = (await api.app
        .get(TicketSlaJob)
        .handle(payload, { id: jobIds.ticketSla(payload), attempt: 2 })) as { stored: boolean };
      expect(again.stored).toBe(false);
      expect(await history(id)).toEqual(before);
      const ghost = { tenantId, ticketId: randomUUID(), eventCount: 1 };
      await expect(
        api.app.get(TicketSlaJob).handle(ghost, { id: jobIds.ticketSla(ghost), attempt: 1 }),
      ).rejects.toBeInstanceOf(UnrecoverableJobError);
      // Another tenant's ticket is as lost as a missing one (the job runs in the payload's tenant scope).
      const foreign = { tenantId: otherTenantIds[0], ticketId: id, eventCount: 11 };
      await expect(
        api.app.get(TicketSlaJob).handle(foreign, { id: jobIds.ticketSla(foreign), attempt: 1 }),
      ).rejects.toBeInstanceOf(UnrecoverableJobError);
    });

    it('an import enqueues its SLA work as ticket-sla-batch jobs; an open imported ticket past its targets is warned once per target', async () => {
      const csv = Buffer.from(
        '\uFEFF编号,问题分类,严重程度,提出时间,生效时间,签收时间,反馈时间\r\nSLA-IMP-1,软件错误,L2,2026-04-01 09:00,2026-04-01 09:05,2026-04-01 09:10,2026-04-01 10:00\r\n',
        'utf8',
      );
      expect(await importCsv(csv)).toBe(1);
      const t = (
        await data<{ id: string; number: string; events: unknown[] }[]>(
          'huaian.admin',
          'query ($c: ID!) { tickets(contractId: $c) { id number events { kind } } }',
          { c: contractId },
        )
      ).find((x) => x.number === 'SLA-IMP-1');
      const rows = await history(t?.id as string);
      expect(rows.map((x) => x.eventCount)).toEqual([t?.events.length]);
      // One batch job for the import's tickets, completed; no per-ticket job.
      const jobs = await asSuperuser(
        api.database.name,
        async (c) =>
          (
            await c.query(
              `SELECT name, status, payload, result FROM jobs WHERE name LIKE 'ticket-sla%' AND (payload->>'ticketId' = $1 OR name = 'ticket-sla-batch')`,
              [t?.id],
            )
          ).rows,
      );
      expect(jobs).toEqual([
        expect.objectContaining({
          name: 'ticket-sla-batch',
          status: 'completed',
          payload: expect.objectContaining({ tenantId, contractId, fromTicketId: t?.id, toTicketId: t?.id }),
        }),
      ]);
      expect(jobs[0].result).toMatchObject({ tickets: 1, evaluated: 1, stored: 1, notifications: 3 });
      const warned = await notificationsOf(t?.id as string);
      // The response came with the feedback 50 minutes after receipt (5 allowed); on-site and resolution clocks still run, long past.
      expect(warned.map((n) => [n.details.targetId, n.kind, n.severity]).sort()).toEqual([
        ['onsite-L2', 'sla-breached', 'critical'],
        ['phone-response', 'sla-breached', 'critical'],
        ['resolution-L2-L1', 'sla-breached', 'critical'],
      ]);
      const phone = warned.find((n) => n.details.targetId === 'phone-response') as Notification;
      expect(phone.message).toBe(
        // An L1–L3 ticket: the response clock runs on working time (001:480-482, domain.md rule 13).
        '联系单 SLA-IMP-1「电话响应时限」已超时：已用 50 分钟，时限 5 分钟（工作时间，1000.00%），截止 2026-04-01 09:15，超出 45 分钟。',
      );
      expect(phone.details).toMatchObject({
        elapsedMinutes: 50,
        targetMinutes: 5,
        deadline: '2026-04-01T09:15:00+08:00',
        threshold: 100,
        configVersion: 1,
      });
      expect(phone.dedupeKey).toBe(`sla-${t?.id}-phone-response-100`);
    });

    it('ticket-sla-batch: each ticket at the point the import left, idempotent, later events left to their own jobs; an empty slice is unrecoverable', async () => {
      const csv = Buffer.from(
        '编号,问题分类,严重程度,提出时间,签收时间\nSLA-IMP-2,软件错误,L2,2026-04-02 09:00,2026-04-02 09:10\nSLA-IMP-3,软件错误,L2,2026-04-02 10:00,\n',
        'utf8',
      );
      expect(await importCsv(csv)).toBe(2);
      const [job] = await asSuperuser(
        api.database.name,
        async (c) =>
          (
            await c.query(
              `SELECT id, payload, result FROM jobs WHERE name = 'ticket-sla-batch' ORDER BY created_at DESC, id LIMIT 1`,
            )
          ).rows,
      );
      // The submitted-only ticket has no running clock yet: a note, no result.
      expect(job.result).toMatchObject({
        tickets: 2,
        evaluated: 1,
        stored: 1,
        notes: { 'the SLA clocks start at receipt (签收)': 1 },
      });
      const t = (
        await data<{ id: string; number: string; events: unknown[] }[]>(
          'huaian.admin',
          'query ($c: ID!) { tickets(contractId: $c) { id number events { kind } } }',
          { c: contractId },
        )
      ).find((x) => x.number === 'SLA-IMP-2');
      const imported = t?.events.length as number;
      const batch = api.app.get(TicketSlaBatchJob);
      expect(await batch.handle(job.payload, { id: `${job.id}-again`, attempt: 1 })).toMatchObject({
        evaluated: 1,
        stored: 0,
        notifications: 0,
      });
      // A later event gets its own ticket-sla job; the batch, run again, stores the imported point only (already there).
      await act('vendor', t?.id as string, 'respond');
      await api.jobsIdle();
      expect(await batch.handle(job.payload, { id: `${job.id}-after`, attempt: 1 })).toMatchObject({
        evaluated: 1,
        stored: 0,
        notifications: 0,
      });
      expect((await history(t?.id as string)).map((x) => x.eventCount).sort()).toEqual([imported, imported + 1]);
      const nowhere = '00000000-0000-4000-8000-000000000000';
      await expect(
        batch.handle(
          { ...job.payload, fromTicketId: nowhere, toTicketId: nowhere },
          { id: 'sla-import-nowhere', attempt: 1 },
        ),
      ).rejects.toBeInstanceOf(UnrecoverableJobError);
    });
  });

  describe('sla-scan: the 75 % and 100 % warnings of running clocks, each raised once', () => {
    let id: string;
    /** The receipt instant as stored (ticket_events.at), to the millisecond: what the scan's `e.at <= at` compares. */
    let receivedMs: number;
    /**
     * Where the clocks start: the receipt floored to its minute. The engine counts whole minutes between floored
     * instants, so a scan at `clockStart + n min + s` (0 ≤ s < 60 s) finds exactly n minutes elapsed, whatever the
     * second of the receipt. (Offsets from `receivedMs` itself would cross a minute boundary whenever the receipt's
     * second plus the offset's passes 60: `receivedMs + 4.5 min` is 5 elapsed minutes for a receipt at hh:mm:30 or later.)
     */
    let clockStart: number;
    const minutesIn = (n: number, seconds = 0) => clockStart + n * 60_000 + seconds * 1_000;

    beforeAll(async () => {
      // Received now (the API's default instant): the per-event jobs find every clock near 0 %. An urgent (四级)
      // ticket: its clocks run 7×24 (001:482), so the scan's minutes count whatever the hour the test runs at.
      const t = await create({ category: '环境故障', severity: 'L4', title: '前置机无法连接' });
      id = t.id;
      await act('huaian.admin', id, 'confirm');
      const received = await act('vendor', id, 'receive');
      const stored = await asSuperuser(
        api.database.name,
        async (c) =>
          (await c.query(`SELECT at FROM ticket_events WHERE ticket_id = $1 AND kind = 'received'`, [id])).rows as {
            at: Date;
          }[],
      );
      expect(stored).toHaveLength(1);
      receivedMs = stored[0].at.getTime();
      // The API shows the stored instant, milliseconds included.
      expect(Date.parse(received.events.find((e) => e.kind === 'received')?.at as string)).toBe(receivedMs);
      clockStart = Math.floor(receivedMs / 60_000) * 60_000;
      await api.jobsIdle();
    });

    it('the per-event job raised nothing at 0 %', async () => {
      expect(await notificationsOf(id)).toEqual([]);
      const phone = (await history(id))[0].targets.find((x) => x.targetId === 'phone-response') as Target;
      expect(phone).toMatchObject({ stop: null, status: 'running', deadline: shanghai(minutesIn(5)) });
      // The engine's clock start is the stored receipt, floored to the minute.
      expect(Date.parse(phone.start)).toBe(clockStart);
    });

    it('at 80 % of the 5-minute phone response: one at-risk warning, however often the scan runs', async () => {
      const at = minutesIn(4);
      expect((await scan(at)).raised).toBe(1);
      expect((await scan(at)).raised).toBe(0);
      // Another run later in the same (fourth) minute: still 4 elapsed minutes, nothing new.
      expect((await scan(minutesIn(4, 59), 'scan-test-other-run')).raised).toBe(0);
      const [n] = await notificationsOf(id);
      expect(n).toMatchObject({
        kind: 'sla-at-risk',
        severity: 'warning',
        dedupeKey: `sla-${id}-phone-response-75`,
        contractId,
      });
      expect(n.details).toMatchObject({
        targetId: 'phone-response',
        threshold: 75,
        elapsedMinutes: 4,
        targetMinutes: 5,
        percentUsed: '80.00',
        status: 'running',
        evaluatedAt: shanghai(at),
      });
      expect(n.message).toMatch(
        /^联系单 LX-\d{4}（前置机无法连接）「电话响应时限」即将超时：已用 4 \/ 5 分钟（7×24 小时，80\.00%），截止 \d{4}-\d{2}-\d{2} \d{2}:\d{2}，剩余 1 分钟。$/,
      );
    });

    it('past 100 %: one breach warning; then the 60-minute on-site clock at 75 % and 100 %', async () => {
      expect((await scan(minutesIn(6))).raised).toBe(1);
      expect((await scan(minutesIn(7))).raised).toBe(0);
      expect((await scan(minutesIn(50))).raised).toBe(1); // 50 / 60 = 83.3 %
      expect((await scan(minutesIn(51))).raised).toBe(0);
      expect((await scan(minutesIn(70))).raised).toBe(1);
      expect((await scan(minutesIn(70))).raised).toBe(0);
      const warned = await notificationsOf(id);
      expect(warned.map((n) => n.dedupeKey).sort()).toEqual(
        [
          `sla-${id}-onsite-L4-100`,
          `sla-${id}-onsite-L4-75`,
          `sla-${id}-phone-response-100`,
          `sla-${id}-phone-response-75`,
        ].sort(),
      );
      const breach = warned.find((n) => n.dedupeKey.endsWith('phone-response-100')) as Notification;
      expect(breach).toMatchObject({ kind: 'sla-breached', severity: 'critical' });
      expect(breach.details).toMatchObject({ elapsedMinutes: 6, targetMinutes: 5, breachMinutes: 1, threshold: 100 });
      expect(breach.message).toContain('已超时：已用 6 分钟，时限 5 分钟');
    });

    it('a scan before receipt leaves the ticket out; a stopped clock raises nothing more', async () => {
      // Before its receipt the ticket is not among the running clocks (the stored instant decides, to the millisecond).
      expect((await scan(receivedMs)).evaluated - (await scan(receivedMs - 1)).evaluated).toBe(1);
      expect((await scan(receivedMs + 60_000)).evaluated - (await scan(receivedMs - 60_000)).evaluated).toBe(1);
      const before = (await notificationsOf(id)).length;
      await act('vendor', id, 'respond');
      await api.jobsIdle();
      expect((await scan(minutesIn(170))).raised).toBe(0); // on-site and phone already warned; resolution at 170 / 240
      expect(await notificationsOf(id)).toHaveLength(before);
    });

    it('the per-event job warns a ticket recorded past its target (backdated receipt), and the scan does not repeat it', async () => {
      const now = Date.now();
      const t = await create({ category: '软件错误', severity: 'L4', at: shanghai(now - 12 * 60_000) });
      await act('huaian.admin', t.id, 'confirm', { at: shanghai(now - 11 * 60_000) });
      await act('vendor', t.id, 'receive', { at: shanghai(now - 10 * 60_000) });
      await api.jobsIdle();
      const warned = await notificationsOf(t.id);
      expect(warned.map((n) => n.dedupeKey)).toEqual([`sla-${t.id}-phone-response-100`]);
      await scan(Date.now(), 'scan-test-now');
      expect(await notificationsOf(t.id)).toEqual(warned);
    });
  });

  describe('who sees the warnings and the stored results', () => {
    it('the buyer’s roles, finance and the vendor holding the contract see the same warnings; the ticket history too', async () => {
      const mine = await data<Notification[]>('huaian.admin', NOTIFICATIONS, { c: contractId, l: 500 });
      expect(mine.length).toBeGreaterThanOrEqual(8);
      expect(mine.every((n) => n.contractId === contractId)).toBe(true);
      const ids = mine.map((n) => n.id);
      for (const who of ['huaian.staff', 'huaian.finance', 'vendor'])
        expect((await data<Notification[]>(who, NOTIFICATIONS, { c: contractId, l: 500 })).map((n) => n.id)).toEqual(
          ids,
        );
      // Newest first; the limit applies.
      const times = mine.map((n) => Date.parse(n.createdAt));
      expect([...times].sort((a, b) => b - a)).toEqual(times);
      expect(await data<Notification[]>('vendor', NOTIFICATIONS, { c: contractId, l: 2 })).toHaveLength(2);
      // Without a contract: every contract the caller reads (the vendor's span tenants; the buyer's is its tenant).
      const all = await data<Notification[]>('huaian.admin', NOTIFICATIONS, { l: 500 });
      expect(all.map((n) => n.id)).toEqual(expect.arrayContaining(ids));
      const ticketId = mine[0].ticketId as string;
      expect(await history(ticketId, 'vendor')).toEqual(await history(ticketId, 'huaian.admin'));
      expect(code(await call('huaian.admin', NOTIFICATIONS, { c: contractId, l: 0 }))).toBe('BAD_USER_INPUT');
    });

    it('another tenant and an unrelated vendor see none of it; ids outside their reach are NOT_FOUND', async () => {
      const ticketId = (await data<Notification[]>('huaian.admin', NOTIFICATIONS, { c: contractId, l: 1 }))[0]
        .ticketId as string;
      for (const who of ['tianjin.admin', 'unrelated.vendor']) {
        const theirs = await data<Notification[]>(who, NOTIFICATIONS, { l: 500 });
        expect(theirs.filter((n) => n.contractId === contractId)).toEqual([]);
        expect(code(await call(who, NOTIFICATIONS, { c: contractId }))).toBe('NOT_FOUND');
        expect(code(await call(who, HISTORY, { id: ticketId }))).toBe('NOT_FOUND');
      }
      expect(await data<Notification[]>('unrelated.vendor', NOTIFICATIONS, {})).toEqual([]);
      expect(code(await call('admin', NOTIFICATIONS, {}))).toBe('FORBIDDEN');
      expect(code(await call('huaian.admin', HISTORY, { id: 'not-a-uuid' }))).toBe('NOT_FOUND');
    });
  });

  describe('the scan scheduler', () => {
    it('dispatches one scan per tenant with running clocks, with the same ids within a slot', async () => {
      const options = { ...(api.app.get(JOBS_OPTIONS) as JobsModuleOptions), slaScanIntervalSeconds: 300 };
      const recorder = new RecordingDispatcher();
      const scheduler = new SlaScanScheduler(options, api.app.get(TenantDatabase), recorder);
      const slotStart = Math.floor(Date.now() / 300_000) * 300_000;
      expect(await scheduler.tick(slotStart + 1_000)).toBeGreaterThanOrEqual(1);
      await scheduler.tick(slotStart + 299_000);
      await scheduler.tick(slotStart + 300_000);
      const [first, second, next] = recorder.seen;
      expect(first.map((j) => j.payload.tenantId)).toContain(tenantId);
      for (const other of otherTenantIds) expect(first.map((j) => j.payload.tenantId)).not.toContain(other); // Tianjin has no tickets
      expect(second.map((j) => j.id)).toEqual(first.map((j) => j.id));
      expect(first.find((j) => j.payload.tenantId === tenantId)).toEqual({
        id: jobIds.slaScan({ tenantId, slot: String(slotStart / 300_000) }),
        name: 'sla-scan',
        payload: { tenantId, at: new Date(slotStart + 1_000).toISOString() },
      });
      const slot = String(slotStart / 300_000);
      expect(next.map((j) => j.id)).toEqual(first.map((j) => `${j.id.slice(0, -slot.length)}${Number(slot) + 1}`));
      expect(
        await new SlaScanScheduler(
          { ...options, slaScanIntervalSeconds: 0 },
          api.app.get(TenantDatabase),
          recorder,
        ).tick(Date.now()),
      ).toBe(0);
    });

    it('the module’s scheduler runs the scans in-process', async () => {
      const before = (await data<Notification[]>('huaian.admin', NOTIFICATIONS, { c: contractId, l: 500 })).length;
      expect(await api.app.get(SlaScanScheduler).tick(Date.now())).toBeGreaterThanOrEqual(1);
      await api.jobsIdle();
      // Every clock that could warn at this instant has warned already.
      expect(await data<Notification[]>('huaian.admin', NOTIFICATIONS, { c: contractId, l: 500 })).toHaveLength(before);
    });
  });

  it('jobsFor is a pure function of tenants, instant and interval', () => {
    const t = ['00000000-0000-4000-8000-000000000001'];
    expect(SlaScanScheduler.jobsFor(t, 1_000_000, 300)).toEqual(SlaScanScheduler.jobsFor(t, 1_000_000, 300));
    expect(SlaScanScheduler.jobsFor(t, 600_000, 300)[0].id).toBe(`scan-${t[0]}-2`);
    expect(SlaScanScheduler.jobsFor(t, 899_999, 300)[0].id).toBe(`scan-${t[0]}-2`);
    expect(SlaScanScheduler.jobsFor(t, 900_000, 300)[0].id).toBe(`scan-${t[0]}-3`);
    expect(SlaScanScheduler.jobsFor(t, 900_000, 0)).toEqual([]);
  });
});
