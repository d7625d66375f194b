import ExcelJS from 'exceljs';
import { Client } from 'pg';
import request from 'supertest';
import { asAppRole, asSuperuser } from '../support/test-database';
import { startApi, type TestApi } from './api-app';

type Problem = { path: string; message: string };
type Gql = {
  data?: Record<string, unknown> | null;
  errors?: {
    message: string;
    extensions: { code: string; messageCode?: string; messageParams?: Record<string, string>; problems?: Problem[] };
  }[];
};
type SlaTarget = { targetId: string; status: string; stop: string | null };
type TicketView = {
  id: string;
  number: string;
  state: string;
  configVersion: number;
  checklist: Record<string, unknown> | null;
  expectedCloseDate: string | null;
  extendedTo: string | null;
  events: { seq: number; kind: string; at: string; actorSide: string }[];
  pauses: { from: string; to: string; reason: string }[];
  availableActions: string[];
  stableUntil: string | null;
  sla: {
    status: string;
    calendarVersion: string;
    configVersion: number;
    evaluatedAt: string;
    targets: SlaTarget[];
  } | null;
  slaNote: string | null;
};

const FIELDS = `id number state configVersion checklist expectedCloseDate extendedTo availableActions stableUntil slaNote
  events { seq kind at actorSide } pauses { from to reason }
  sla { status calendarVersion configVersion evaluatedAt targets { targetId status stop } }`;
const CREATE = `mutation ($i: CreateTicketInput!) { createTicket(input: $i) { ${FIELDS} } }`;
const TRANSITION = `mutation ($i: TransitionTicketInput!) { transitionTicket(input: $i) { ${FIELDS} } }`;
const IMPORT_STATUS = `query ($id: ID!) { ticketImport(id: $id) { id status rowsRead rowsImported problemCount error problems { path message } tickets { number state events { kind at } } } }`;
type ImportView = {
  id: string;
  status: string;
  rowsRead: number;
  rowsImported: number;
  problemCount: number;
  error: string | null;
  problems: Problem[];
  tickets: { number: string; state: string; events: { kind: string; at: string }[] }[];
};
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const HEADERS = [
  '编号',
  '标题',
  '问题分类',
  '业务领域',
  '严重程度',
  '特别关注',
  '期望完成日期',
  '提出时间',
  '生效时间',
  '签收时间',
  '反馈时间',
  '上线时间',
  '关闭时间',
];

describe('tickets (联系单) through GraphQL on real PostgreSQL (Huai’an demo contract)', () => {
  let api: TestApi;
  let contractId: string;
  const tokens: Record<string, string> = {};
  const call = async (who: string, query: string, variables: Record<string, unknown> = {}): Promise<Gql> =>
    (await api.gql(query, variables, tokens[who])).body as Gql;
  const code = (r: Gql) => r.errors?.[0]?.extensions.code;
  /** A refusal's reason as the console renders it: its message code and parameters. */
  const reason = (r: Gql) => [r.errors?.[0]?.extensions.messageCode, r.errors?.[0]?.extensions.messageParams];
  const paths = (r: Gql) => (r.errors?.[0]?.extensions.problems ?? []).map((p) => p.path);
  // Where a test reads the English message (the code and its parameters are checked in problem-codes.e2e).
  const said = (r: Gql) =>
    (r.errors?.[0]?.extensions.problems ?? []).map((p) => ({ path: p.path, message: p.message }));
  const ticketCount = () =>
    asSuperuser(api.database.name, async (c) => Number((await c.query('SELECT count(*) AS n FROM tickets')).rows[0].n));
  const eventCount = () =>
    asSuperuser(api.database.name, async (c) =>
      Number((await c.query('SELECT count(*) AS n FROM ticket_events')).rows[0].n),
    );
  const read = async (id: string): Promise<TicketView> =>
    (await call('huaian.admin', `query ($id: ID!) { ticket(id: $id) { ${FIELDS} } }`, { id })).data
      ?.ticket as TicketView;
  const act = async (
    who: string,
    ticketId: string,
    action: string,
    extra: Record<string, unknown> = {},
  ): Promise<Gql> => call(who, TRANSITION, { i: { ticketId, action, ...extra } });
  const ok = async (
    who: string,
    ticketId: string,
    action: string,
    extra: Record<string, unknown> = {},
  ): Promise<TicketView> => {
    const r = await act(who, ticketId, action, extra);
    expect({ action, errors: r.errors }).toEqual({ action, errors: undefined });
    return r.data?.transitionTicket as TicketView;
  };
  const create = async (who: string, input: Record<string, unknown>): Promise<TicketView> => {
    const r = await call(who, CREATE, { i: { contractId, ...input } });
    expect(r.errors).toBeUndefined();
    return r.data?.createTicket as TicketView;
  };

  beforeAll(async () => {
    api = await startApi({ SEED_DEMO: 'auto' });
    for (const who of ['huaian.admin', 'huaian.staff', 'huaian.finance', 'vendor', 'tianjin.admin'])
      tokens[who] = await api.login(`${who}@demo.local`);
    const contracts = (await call('huaian.admin', '{ contracts { id code } }')).data?.contracts as {
      id: string;
      code: string;
    }[];
    contractId = contracts.find((c) => c.code === 'huaian-2025-2026')?.id as string;
  }, 120_000);

  afterAll(async () => {
    await api?.close();
  });

  describe('the lifecycle, submitted → … → closed', () => {
    let id: string;

    it('buyer staff submit a ticket; it is governed by the contract version in force', async () => {
      const t = await create('huaian.staff', {
        category: '软件错误',
        businessArea: '医疗待遇',
        severity: 'L2',
        title: '门诊结算报错',
        at: '2026-03-02T09:00:00+08:00',
      });
      id = t.id;
      expect(t).toMatchObject({
        number: 'LX-0001',
        state: 'submitted',
        configVersion: 1,
        sla: null,
        slaNote: 'the SLA clocks start at receipt (签收)',
      });
      expect(t.events).toEqual([{ seq: 1, kind: 'submitted', at: '2026-03-02T09:00:00+08:00', actorSide: 'buyer' }]);
      expect(t.availableActions).toEqual(expect.arrayContaining(['confirm', 'request-review', 'withdraw']));
      const asVendor = (await call('vendor', `query ($id: ID!) { ticket(id: $id) { availableActions } }`, { id })).data
        ?.ticket as TicketView;
      expect(asVendor.availableActions).toEqual([]); // nothing until the buyer confirms (and no checklist on a 软件错误 ticket)
    });

    it('an invalid transition is refused with its message and every problem; nothing changes', async () => {
      const before = await eventCount();
      const r = await act('vendor', id, 'close', { at: '2026-03-02T09:05:00+08:00' });
      expect(code(r)).toBe('BAD_USER_INPUT');
      expect(said(r)).toEqual([
        { path: 'actor', message: 'only the buyer may close a ticket, not the vendor (000:45, 000:67)' },
        {
          path: 'state',
          message:
            'cannot close a ticket in state submitted: it must be deployed and run stable first (000:45, 000:67)',
        },
      ]);
      expect(r.errors?.[0].message).toContain('only the buyer may close a ticket');
      const receive = await act('vendor', id, 'receive', { at: '2026-03-02T09:05:00+08:00' });
      expect(said(receive)).toEqual([
        {
          path: 'state',
          message:
            'cannot receive (签收) a ticket in state submitted: the buyer must confirm it first (问题生效) (000:47)',
        },
      ]);
      expect(paths(await act('huaian.admin', id, 'confirm', { at: '2026-03-02T08:00:00+08:00' }))).toEqual([
        'input.at',
      ]); // before the last event
      expect(paths(await act('huaian.admin', id, 'confirm', { at: '2099-01-01T08:00:00+08:00' }))).toEqual([
        'input.at',
      ]); // in the future
      expect(paths(await act('huaian.admin', id, 'fly'))).toEqual(['input.action']);
      expect(code(await act('huaian.finance', id, 'confirm'))).toBe('FORBIDDEN');
      expect(await eventCount()).toBe(before);
      expect((await read(id)).state).toBe('submitted');
    });

    it('runs through confirmation, receipt, feedback, work, internal and business test', async () => {
      await ok('huaian.admin', id, 'confirm', { at: '2026-03-02T09:10:00+08:00' });
      const received = await ok('vendor', id, 'receive', { at: '2026-03-02T09:20:00+08:00' });
      expect(received.state).toBe('received');
      expect(received.sla?.targets.find((x) => x.targetId === 'phone-response')?.status).toBe('breached'); // 5 minutes, long gone
      await ok('vendor', id, 'respond', { at: '2026-03-02T09:23:00+08:00' });
      const fb = await ok('vendor', id, 'feedback', {
        at: '2026-03-02T10:00:00+08:00',
        solvable: true,
        plannedTestDate: '2026-03-03',
        note: '可以解决',
      });
      expect(fb.state).toBe('feedback');
      await ok('vendor', id, 'start-work', { at: '2026-03-02T10:05:00+08:00' });
      await ok('vendor', id, 'pass-internal-test', { at: '2026-03-03T15:00:00+08:00' });
      const signed = await ok('huaian.staff', id, 'sign-business-test', { at: '2026-03-04T10:00:00+08:00' });
      expect(signed.state).toBe('business-test-signed');
    });

    it('refuses a settlement patch before 20:00, with nothing stored', async () => {
      const before = await eventCount();
      const r = await act('vendor', id, 'deploy', { at: '2026-03-04T19:59:00+08:00', affectsSettlement: true });
      expect(code(r)).toBe('BAD_USER_INPUT');
      expect(paths(r)).toEqual(['input.at']);
      expect(r.errors?.[0].message).toContain('补丁更新时间应在晚20点后');
      expect(paths(await act('vendor', id, 'deploy', { at: '2026-03-04T20:10:00+08:00' }))).toEqual([
        'input.affectsSettlement',
      ]);
      expect(await eventCount()).toBe(before);
      expect((await read(id)).state).toBe('business-test-signed');
    });

    it('deploys at 20:30; closure waits the stable working day (until 17:30 the next working day)', async () => {
      const deployed = await ok('vendor', id, 'deploy', { at: '2026-03-04T20:30:00+08:00', affectsSettlement: true });
      expect(deployed.state).toBe('deployed');
      expect(deployed.stableUntil).toBe('2026-03-05T17:30:00+08:00');
      const early = await act('huaian.admin', id, 'close', { at: '2026-03-05T17:00:00+08:00' });
      expect(paths(early)).toEqual(['input.at']);
      expect(early.errors?.[0].message).toContain('until 2026-03-05T17:30:00+08:00');
      expect(paths(await act('vendor', id, 'close', { at: '2026-03-06T09:00:00+08:00' }))).toEqual(['actor']);
      const closed = await ok('huaian.admin', id, 'close', { at: '2026-03-06T09:00:00+08:00' });
      expect(closed.state).toBe('closed');
      expect(closed.availableActions).toEqual([]);
      expect(closed.events.slice(-2)).toEqual([
        { seq: 10, kind: 'stable', at: '2026-03-05T17:30:00+08:00', actorSide: 'buyer' },
        { seq: 11, kind: 'closed', at: '2026-03-06T09:00:00+08:00', actorSide: 'buyer' },
      ]);
      expect(closed.events.map((e) => e.kind)).toEqual([
        'submitted',
        'effective',
        'received',
        'responded',
        'feedback',
        'work-started',
        'internal-test-passed',
        'business-test-signed',
        'deployed',
        'stable',
        'closed',
      ]);
      const final = await act('huaian.admin', id, 'report-problem', { reason: 'again' });
      expect(final.errors?.[0].extensions.problems?.[0].message).toContain('closed is final');
    });

    it('reads the SLA status: met, breached, with the calendar and configuration versions', async () => {
      const t = await read(id);
      const by = (target: string) => t.sla?.targets.find((x) => x.targetId === target)?.status;
      expect(by('phone-response')).toBe('met'); // responded 3 minutes after receipt
      expect(by('resolution-L2-L1')).toBe('breached'); // 720 calendar minutes; deployed two days later
      expect(t.sla?.status).toBe('breached');
      expect(t.sla?.configVersion).toBe(1);
      expect(t.sla?.calendarVersion).toMatch(/^cn-national@/);
    });

    it('a closed ticket without an on-site event: that target is not_recorded, read to the close, with its explanation as a code', async () => {
      type Target = {
        targetId: string;
        status: string;
        stop: string | null;
        elapsedMinutes: number;
        breachMinutes: number;
        percentUsed: string;
        explanation: { code: string; params: { name: string; value: string }[] };
      };
      const r = await call(
        'huaian.admin',
        `query ($id: ID!) { ticket(id: $id) { sla { status targets { targetId status stop elapsedMinutes breachMinutes percentUsed explanation { code params { name value } } } } } }`,
        { id },
      );
      expect(r.errors).toBeUndefined();
      const targets = (r.data?.ticket as { sla: { targets: Target[] } }).sla.targets;
      const onSite = targets.find((x) => x.targetId.startsWith('onsite') || x.targetId.startsWith('on-site')) as Target;
      // Received 2026-03-02 09:00-ish, closed 2026-03-06 09:00: days, not months of a clock running on to today.
      expect(onSite).toMatchObject({
        status: 'not_recorded',
        stop: null,
        breachMinutes: 0,
        explanation: { code: 'sla.not-recorded' },
      });
      expect(onSite.explanation.params).toContainEqual({ name: 'until', value: '2026-03-06T09:00:00+08:00' });
      expect(onSite.elapsedMinutes).toBeLessThan(7 * 1440);
      for (const x of targets) {
        expect(x.status).not.toBe('running');
        if (x.stop === null) expect(x.status).toBe('not_recorded');
        else expect(['met', 'breached']).toContain(x.explanation.code.slice(4));
      }
    });

    it('a ticket received now has running clocks', async () => {
      const t = await create('huaian.admin', { category: '环境故障', severity: 'L1' });
      await ok('huaian.admin', t.id, 'confirm');
      const received = await ok('vendor', t.id, 'receive');
      expect(received.sla?.status).toBe('running');
      expect(received.sla?.targets.find((x) => x.targetId === 'phone-response')).toMatchObject({
        status: 'running',
        stop: null,
      });
      const listed = (
        await call('huaian.admin', 'query ($c: ID!) { tickets(contractId: $c, state: "received") { id } }', {
          c: contractId,
        })
      ).data?.tickets as { id: string }[];
      expect(listed.map((x) => x.id)).toContain(t.id);
    });
  });

  describe('data processing, pauses and dates', () => {
    it('a batch data ticket deploys only with its checklist complete; the IT confirmation is the buyer’s', async () => {
      const t = await create('huaian.admin', {
        category: '批量数据处理',
        severity: 'L1',
        at: '2026-04-01T09:00:00+08:00',
      });
      const steps: [string, string, string, Record<string, unknown>?][] = [
        ['huaian.admin', 'confirm', '2026-04-01T09:10:00+08:00'],
        ['vendor', 'receive', '2026-04-01T09:20:00+08:00'],
        ['vendor', 'feedback', '2026-04-01T10:00:00+08:00', { solvable: true }],
        ['vendor', 'start-work', '2026-04-01T10:10:00+08:00'],
        ['vendor', 'pass-internal-test', '2026-04-02T10:00:00+08:00'],
        ['huaian.admin', 'sign-business-test', '2026-04-02T15:00:00+08:00'],
      ];
      for (const [who, action, at, extra] of steps) await ok(who, t.id, action, { at, ...extra });
      const asVendor = (await call('vendor', `query ($id: ID!) { ticket(id: $id) { availableActions } }`, { id: t.id }))
        .data?.ticket as TicketView;
      expect(asVendor.availableActions).toEqual(['respond', 'arrive-on-site', 'contain', 'deploy', 'record-checklist']);
      const bare = await act('vendor', t.id, 'deploy', { at: '2026-04-02T21:00:00+08:00', affectsSettlement: false });
      expect(paths(bare).sort()).toEqual([
        'checklist.backup',
        'checklist.itConfirmation',
        'checklist.jointReview',
        'checklist.record',
        'checklist.script',
        'checklist.testDatabase',
      ]);
      expect(
        paths(
          await act('vendor', t.id, 'record-checklist', {
            at: '2026-04-02T16:00:00+08:00',
            checklist: { itConfirmation: true },
          }),
        ),
      ).toEqual(['input.checklist.itConfirmation']);
      expect(
        paths(
          await act('vendor', t.id, 'record-checklist', {
            at: '2026-04-02T16:00:00+08:00',
            checklist: { scirpt: true },
          }),
        ),
      ).toEqual(['input.checklist.scirpt']);
      await ok('vendor', t.id, 'record-checklist', {
        at: '2026-04-02T16:00:00+08:00',
        checklist: {
          script: 'SR-2026-041.sql',
          record: true,
          jointReview: true,
          backup: 'bak_ylbx.t_0402',
          testDatabase: true,
        },
      });
      const stillMissing = await act('vendor', t.id, 'deploy', {
        at: '2026-04-02T21:00:00+08:00',
        affectsSettlement: false,
      });
      expect(paths(stillMissing)).toEqual(['checklist.itConfirmation']);
      const confirmed = await ok('huaian.admin', t.id, 'record-checklist', {
        at: '2026-04-02T17:00:00+08:00',
        checklist: { itConfirmation: true },
      });
      expect(confirmed.checklist).toMatchObject({ script: 'SR-2026-041.sql', itConfirmation: true });
      expect(
        (await ok('vendor', t.id, 'deploy', { at: '2026-04-02T21:00:00+08:00', affectsSettlement: false })).state,
      ).toBe('deployed');
    });

    it('pauses and extensions are buyer actions recorded in the history', async () => {
      const t = await create('huaian.admin', { category: '软件错误', severity: 'L2', at: '2026-05-06T09:00:00+08:00' });
      await ok('huaian.admin', t.id, 'confirm', { at: '2026-05-06T09:05:00+08:00' });
      await ok('vendor', t.id, 'receive', { at: '2026-05-06T09:10:00+08:00' });
      expect(
        paths(
          await act('vendor', t.id, 'pause', {
            at: '2026-05-06T10:00:00+08:00',
            from: '2026-05-06T10:00:00+08:00',
            to: '2026-05-06T12:00:00+08:00',
            reason: 'x',
          }),
        ),
      ).toEqual(['actor']);
      const paused = await ok('huaian.admin', t.id, 'pause', {
        at: '2026-05-06T10:00:00+08:00',
        from: '2026-05-06T10:00:00+08:00',
        to: '2026-05-06T12:00:00+08:00',
        reason: '等待省局接口',
      });
      expect(paused.pauses).toEqual([
        { from: '2026-05-06T10:00:00+08:00', to: '2026-05-06T12:00:00+08:00', reason: '等待省局接口' },
      ]);
      expect(
        paths(
          await act('huaian.admin', t.id, 'extend', {
            at: '2026-05-06T12:30:00+08:00',
            to: '2026-05-20',
            reason: '非运维原因',
          }),
        ),
      ).toEqual(['expectedCloseDate']);
      await ok('huaian.admin', t.id, 'set-expected-close-date', {
        at: '2026-05-06T12:30:00+08:00',
        date: '2026-05-15',
      });
      const extended = await ok('huaian.staff', t.id, 'extend', {
        at: '2026-05-07T09:00:00+08:00',
        to: '2026-05-20',
        reason: '非运维原因',
      });
      expect(extended).toMatchObject({ expectedCloseDate: '2026-05-15', extendedTo: '2026-05-20' });
    });

    it('refuses bad submissions with every problem at its path, and stores nothing', async () => {
      const before = await ticketCount();
      const r = await call('huaian.admin', CREATE, {
        i: {
          contractId,
          category: '闲聊',
          businessArea: '养老',
          severity: 'L9',
          specialAttention: true,
          at: 'yesterday',
        },
      });
      expect(code(r)).toBe('BAD_USER_INPUT');
      expect(paths(r).sort()).toEqual([
        'input.at',
        'input.businessArea',
        'input.category',
        'input.expectedCloseDate',
        'input.severity',
      ]);
      expect(code(await call('vendor', CREATE, { i: { contractId, category: '软件错误', severity: 'L1' } }))).toBe(
        'FORBIDDEN',
      );
      const taken = await call('huaian.admin', CREATE, {
        i: { contractId, number: 'LX-0001', category: '软件错误', severity: 'L1' },
      });
      expect([code(taken), ...reason(taken)]).toEqual(['CONFLICT', 'ticket.numberTaken', { number: 'LX-0001' }]);
      expect(
        code(await call('tianjin.admin', `query ($c: ID!) { tickets(contractId: $c) { id } }`, { c: contractId })),
      ).toBe('NOT_FOUND');
      expect(await ticketCount()).toBe(before);
    });
  });

  describe('bulk import (POST /imports/tickets, then the import-tickets job; ticketImport(id) reports it)', () => {
    const csv = (rows: string[][]) =>
      Buffer.from(`\uFEFF${[HEADERS, ...rows].map((r) => r.join(',')).join('\r\n')}\r\n`, 'utf8');
    const upload = (who: string, body: Buffer, query: Record<string, string> = {}, type = 'text/csv') =>
      request(api.app.getHttpServer())
        .post(`/imports/tickets?${new URLSearchParams({ contractId, ...query })}`)
        .set('authorization', `Bearer ${tokens[who]}`)
        .set('content-type', type)
        .send(body);
    /** Uploads, waits for the job, and reads the import as the uploader. */
    const importFile = async (
      body: Buffer,
      query: Record<string, string> = {},
      type = 'text/csv',
    ): Promise<ImportView> => {
      const res = await upload('huaian.admin', body, query, type);
      expect({ status: res.status, body: res.body }).toMatchObject({ status: 202, body: { status: 'QUEUED' } });
      await api.jobsIdle();
      const r = await call('huaian.admin', IMPORT_STATUS, { id: res.body.id });
      expect(r.errors).toBeUndefined();
      return r.data?.ticketImport as ImportView;
    };
    const ROWS = [
      [
        'IMP-1',
        '历史单1',
        '软件错误',
        '医疗待遇',
        'L2',
        '否',
        '2026-02-10',
        '2026-02-02 09:00',
        '2026-02-02 09:30',
        '2026-02-02 10:00',
        '2026-02-02 15:00',
        '2026-02-05 20:30',
        '2026-02-09 10:00',
      ],
      ['IMP-2', '历史单2', '闲聊', '公共业务', 'L1', '否', '', '2026-02-03 09:00', '', '', '', '', ''],
      ['IMP-3', '历史单3', '需求变更', '', 'L3', '是', '2026-03-31', '2026/2/4 9:00', '', '2026/2/4 9:40', '', '', ''],
      ['IMP-4', '历史单4', '软件错误', '', 'L9', '否', '', '2026-02-05 09:00', '', '', '', '', ''],
    ];

    it('ALL_OR_NOTHING imports nothing when a row is invalid and reports every row problem', async () => {
      const before = await ticketCount();
      const r = await importFile(csv(ROWS));
      expect(r).toMatchObject({
        status: 'FAILED',
        rowsRead: 4,
        rowsImported: 0,
        problemCount: 2,
        error: '2 problem(s) in the file: nothing was imported (ALL_OR_NOTHING)',
        tickets: [],
      });
      expect(r.problems.map((p) => p.path)).toEqual(['rows[1].category', 'rows[3].severity']);
      expect(r.problems[1].message).toContain('unknown severity "L9"');
      expect(await ticketCount()).toBe(before);
    });

    it('PARTIAL imports the valid rows and reports the rest', async () => {
      const before = await ticketCount();
      const r = await importFile(csv(ROWS), { mode: 'PARTIAL' });
      expect(r).toMatchObject({ status: 'COMPLETED', rowsRead: 4, rowsImported: 2 });
      expect(r.tickets.map((t) => [t.number, t.state])).toEqual([
        ['IMP-1', 'closed'],
        ['IMP-3', 'received'],
      ]);
      expect(r.problems.map((p) => p.path)).toEqual(['rows[1].category', 'rows[3].severity']);
      expect(await ticketCount()).toBe(before + 2);
      // Imported numbers are taken: the same file again reports them as duplicates.
      const again = await importFile(csv([ROWS[0]]));
      expect(again.problems).toEqual([
        expect.objectContaining({ path: 'rows[0].id', message: 'a ticket "IMP-1" already exists' }),
      ]);
    });

    it('reads XLSX (first sheet, header row, date cells) in both modes', async () => {
      const book = async (rows: (string | Date)[][]) => {
        const wb = new ExcelJS.Workbook();
        const sheet = wb.addWorksheet('联系单');
        sheet.addRow(['编号', '问题分类', '严重程度', '期望完成日期', '提出时间', '签收时间']);
        for (const row of rows) sheet.addRow(row);
        wb.addWorksheet('说明').addRow(['ignored']);
        return Buffer.from(await wb.xlsx.writeBuffer());
      };
      const good = [
        [
          'XL-1',
          '功能改进',
          'L1',
          new Date(Date.UTC(2026, 5, 30)),
          new Date(Date.UTC(2026, 5, 1, 9, 15)),
          new Date(Date.UTC(2026, 5, 1, 9, 45)),
        ],
        ['XL-2', '软件错误', 'L4', '', '2026-06-02 14:00', ''],
      ];
      const bad = [...good, ['XL-3', '软件错误', 'L2', 'someday', '2026-06-03 14:00', '2026-06-03 13:00']];
      const before = await ticketCount();
      const refused = await importFile(await book(bad), { mode: 'ALL_OR_NOTHING' }, XLSX_TYPE);
      expect(refused.status).toBe('FAILED');
      expect(refused.problems.map((p) => p.path)).toEqual(['rows[2].expectedCloseDate', 'rows[2].receivedAt']);
      expect(await ticketCount()).toBe(before);
      const partial = await importFile(await book(bad), { mode: 'PARTIAL' }, 'application/octet-stream');
      expect(partial.rowsImported).toBe(2);
      expect(partial.tickets[0]).toMatchObject({ number: 'XL-1', state: 'received' });
      expect(partial.tickets[0].events.map((e) => [e.kind, e.at])).toEqual([
        ['submitted', '2026-06-01T09:15:00+08:00'],
        ['effective', '2026-06-01T09:45:00+08:00'],
        ['received', '2026-06-01T09:45:00+08:00'],
      ]);
      expect(partial.problems.map((p) => p.path)).toEqual(['rows[2].expectedCloseDate', 'rows[2].receivedAt']);
      expect(await ticketCount()).toBe(before + 2);
    });

    it('refuses what is not a file of the format, and callers who may not import', async () => {
      const declared = await upload('huaian.admin', Buffer.from('a,b\n1,2\n'), {}, XLSX_TYPE);
      expect([declared.status, declared.body.problems?.[0]?.path]).toEqual([400, 'file']);
      const broken = await importFile(Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(64, 7)]), {}, XLSX_TYPE);
      expect([broken.status, broken.problems.map((p) => p.path), broken.error]).toEqual([
        'FAILED',
        ['file'],
        expect.stringContaining('not a readable XLSX file'),
      ]);
      const headerOnly = await importFile(Buffer.from('编号,问题分类\n'));
      expect([headerOnly.status, headerOnly.error]).toEqual(['FAILED', 'the file has a header row but no data rows']);
      expect((await upload('huaian.admin', Buffer.from('{}'), {}, 'application/json')).status).toBe(415);
      expect((await upload('huaian.admin', Buffer.from(''), {})).status).toBe(400);
      expect((await upload('vendor', csv([ROWS[0]]))).body.code).toBe('FORBIDDEN');
      expect((await upload('huaian.finance', csv([ROWS[0]]))).body.code).toBe('FORBIDDEN');
      expect((await upload('tianjin.admin', csv([ROWS[0]]))).status).toBe(404);
      expect(
        (
          await request(api.app.getHttpServer())
            .post(`/imports/tickets?contractId=${contractId}`)
            .set('content-type', 'text/csv')
            .send(csv([ROWS[0]]))
        ).status,
      ).toBe(401);
    });
  });

  describe('audit and append-only history', () => {
    it('every ticket mutation left audit rows with the operation, the actor and the tenant', async () => {
      const rows = await asSuperuser(
        api.database.name,
        async (c) =>
          (
            await c.query(
              "SELECT operation, table_name, action, tenant_id, vendor_org_id, actor_user_id FROM audit_log WHERE table_name IN ('tickets', 'ticket_events') ORDER BY id",
            )
          ).rows as {
            operation: string;
            table_name: string;
            action: string;
            tenant_id: string | null;
            vendor_org_id: string | null;
            actor_user_id: string | null;
          }[],
      );
      const seen = new Set(rows.map((r) => `${r.operation}:${r.table_name}:${r.action}`));
      for (const s of [
        'createTicket:tickets:INSERT',
        'createTicket:ticket_events:INSERT',
        'transitionTicket:tickets:UPDATE',
        'transitionTicket:ticket_events:INSERT',
      ]) {
        expect(seen).toContain(s);
      }
      // An import's rows are written by its job, as the importing user: operation `job:import-<tenant>-<import>`.
      for (const table of ['tickets', 'ticket_events'])
        expect(
          rows.some((r) => /^job:import-/.test(r.operation) && r.table_name === table && r.action === 'INSERT'),
        ).toBe(true);
      for (const r of rows) {
        expect(r.tenant_id).toMatch(/^[0-9a-f-]{36}$/);
        expect(r.actor_user_id).toMatch(/^[0-9a-f-]{36}$/);
      }
      expect(rows.some((r) => r.operation === 'transitionTicket' && r.vendor_org_id !== null)).toBe(true); // the vendor's own steps
      const events = await eventCount();
      expect(rows.filter((r) => r.table_name === 'ticket_events')).toHaveLength(events);
    });

    it('row-level security: another tenant and a vendor holding nothing see and change no ticket row (as ledger_app)', async () => {
      const tianjin = ((await call('tianjin.admin', '{ me { tenantId } }')).data?.me as { tenantId: string }).tenantId;
      const [huaian] = (await call('huaian.admin', '{ contracts { id tenantId vendorOrgId } }')).data?.contracts as {
        id: string;
        tenantId: string;
        vendorOrgId: string;
      }[];
      const ticket = (
        (await call('huaian.admin', 'query ($c: ID!) { tickets(contractId: $c) { id } }', { c: contractId })).data
          ?.tickets as { id: string }[]
      )[0];
      const scoped = <T>(setting: string, value: string, work: (c: Client) => Promise<T>) =>
        asAppRole(api.database.appUrl, setting, value, work);
      const counts = (c: Client) =>
        c
          .query('SELECT (SELECT count(*) FROM tickets) AS t, (SELECT count(*) FROM ticket_events) AS e')
          .then((r) => r.rows[0] as { t: string; e: string });
      expect(await scoped('app.tenant_id', tianjin, counts)).toEqual({ t: '0', e: '0' });
      expect(await scoped('app.vendor_org_id', '00000000-0000-4000-8000-000000000001', counts)).toEqual({
        t: '0',
        e: '0',
      });
      expect(Number((await scoped('app.vendor_org_id', huaian.vendorOrgId, counts)).t)).toBeGreaterThan(0);
      expect(
        await scoped(
          'app.tenant_id',
          tianjin,
          async (c) => (await c.query("UPDATE tickets SET state = 'closed'")).rowCount,
        ),
      ).toBe(0);
      await expect(
        scoped('app.tenant_id', tianjin, (c) =>
          c.query(
            "INSERT INTO ticket_events (tenant_id, contract_id, ticket_id, seq, kind, at, actor_side) VALUES ($1, $2, $3, 99, 'closed', now(), 'buyer')",
            [huaian.tenantId, huaian.id, ticket.id],
          ),
        ),
      ).rejects.toThrow(/row-level security/);
      await expect(scoped('app.tenant_id', huaian.tenantId, (c) => c.query('DELETE FROM tickets'))).rejects.toThrow(
        /permission denied/,
      );
    });

    it('the history is append-only, even for the superuser', async () => {
      await asSuperuser(api.database.name, async (c) => {
        await expect(c.query("UPDATE ticket_events SET note = 'rewritten'")).rejects.toThrow(/append-only/);
        await expect(c.query('DELETE FROM ticket_events')).rejects.toThrow(/append-only/);
      });
    });
  });
});
