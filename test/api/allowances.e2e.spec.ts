import { startApi, type TestApi } from './api-app';

type Problem = { path: string; code: string; message: string };
type Gql = {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions: { code: string; problems?: Problem[] } }[];
};
type Usage = {
  allowanceId: string;
  scope: string;
  amount: string;
  used: string;
  remaining: string;
  percent: string | null;
  level: string;
  beyond: string;
  explanation: string;
};
type Register = { usage: Usage[]; work: { amount: string; beyond: string | null; ticketNumber: string | null }[] };

const FIELDS = `usage { allowanceId scope amount used remaining percent level beyond explanation }
  work { amount beyond ticketNumber }`;
const REGISTER = `query ($c: ID!) { allowanceRegister(contractId: $c) { ${FIELDS} } }`;
const LOG = `mutation ($i: LogAllowanceWorkInput!) { logAllowanceWork(input: $i) { ${FIELDS} } }`;
const NOTICES = 'query ($c: ID) { notifications(contractId: $c) { kind severity message dedupeKey } }';
const CREATE = 'mutation ($i: CreateTicketInput!) { createTicket(input: $i) { id number } }';

/*
 * Free-work allowances through the API and the worker (domain rule 15, example J on Huai'an's 5 person-months over
 * the term): 3.5 + 1.0 → 4.50 used, 90 %, warning (a notification); a further 1.0 → 5.50, 0.50 beyond, flagged (used
 * up and beyond notifications, once each); bad input refused with every problem at its path, nothing stored.
 */
describe('free-work allowances (real PostgreSQL, demo seed)', () => {
  let api: TestApi;
  const tokens: Record<string, string> = {};
  let contractId = '';
  let ticketId = '';
  const call = async (who: string, query: string, variables: Record<string, unknown> = {}): Promise<Gql> =>
    (await api.gql(query, variables, tokens[who])).body as Gql;
  const log = async (amount: string, extra: Record<string, unknown> = {}): Promise<Gql> =>
    call('vendor', LOG, {
      i: {
        contractId,
        allowanceId: 'personalised-interfacing',
        ticketId,
        workedOn: '2026-09-15',
        amount,
        description: '跨部门接口对接',
        ...extra,
      },
    });
  const notices = async (): Promise<{ kind: string; severity: string; message: string }[]> =>
    (
      (await call('huaian.admin', NOTICES, { c: contractId })).data?.notifications as {
        kind: string;
        severity: string;
        message: string;
      }[]
    ).filter((n) => n.kind.startsWith('allowance'));

  beforeAll(async () => {
    api = await startApi({ SEED_DEMO: 'auto' });
    await api.jobsIdle();
    for (const who of ['huaian.admin', 'huaian.finance', 'vendor', 'xuzhou.admin'])
      tokens[who] = await api.login(`${who}@demo.local`);
    const contracts = (await call('huaian.admin', '{ contracts { id code } }')).data?.contracts as {
      id: string;
      code: string;
    }[];
    contractId = contracts.find((c) => c.code === 'huaian-2025-2026')?.id ?? '';
    const created = await call('huaian.admin', CREATE, {
      i: { contractId, category: '功能改进', severity: 'L2', title: '医保与卫健数据共享接口' },
    });
    expect(created.errors).toBeUndefined();
    ticketId = (created.data?.createTicket as { id: string }).id;
  }, 120_000);

  afterAll(async () => {
    await api?.close();
  });

  it('example J: 3.5 + 1.0 → 4.50 used (90 %, warning); + 1.0 → 5.50, 0.50 beyond, flagged; notified once each', async () => {
    expect((await log('3.5')).errors).toBeUndefined();
    const second = await log('1.0');
    expect(second.errors).toBeUndefined();
    expect((second.data?.logAllowanceWork as Register).usage[0]).toMatchObject({
      scope: 'term',
      amount: '5.00',
      used: '4.50',
      remaining: '0.50',
      percent: '90.00',
      level: 'warning',
      beyond: '0.00',
    });
    await api.jobsIdle();
    expect(await notices()).toEqual([expect.objectContaining({ kind: 'allowance-warning', severity: 'warning' })]);

    const third = (await log('1.0')).data?.logAllowanceWork as Register;
    expect(third.usage[0]).toMatchObject({ used: '5.50', percent: '110.00', level: 'beyond', beyond: '0.50' });
    expect(third.usage[0].explanation).toContain('超出额度 0.50 人月，需另行协商');
    expect(third.work.map((w) => [w.amount, w.beyond, w.ticketNumber !== null])).toEqual([
      ['3.50', null, true],
      ['1.00', null, true],
      ['1.00', '0.50', true],
    ]);
    await api.jobsIdle();
    const kinds = (await notices()).map((n) => n.kind).sort();
    expect(kinds).toEqual(['allowance-beyond', 'allowance-used-up', 'allowance-warning']);
    expect((await notices()).find((n) => n.kind === 'allowance-beyond')?.message).toContain('超出额度 0.50 人月');
    // The buyer's finance reads the same register.
    const read = await call('huaian.finance', REGISTER, { c: contractId });
    expect((read.data?.allowanceRegister as Register).usage[0].used).toBe('5.50');
  });

  it('bad input: negative, too precise, outside the term, unknown allowance, another contract’s ticket — every problem at its path, nothing stored', async () => {
    const bad = await log('-1', { workedOn: '2027-03-01', allowanceId: 'nope' });
    expect(bad.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0].extensions.problems?.map((p) => `${p.path} ${p.code}`)).toEqual([
      'input.allowanceId unknown.allowance',
      'input.amount number.positive',
      'input.workedOn date.outsideTerm',
    ]);
    const precise = await log('0.125', { description: ' ' });
    expect(precise.errors?.[0].extensions.problems?.map((p) => `${p.path} ${p.code}`)).toEqual([
      'input.description value.required',
      'input.amount number.maxDecimals',
    ]);
    const other = await log('1', { ticketId: '7f3c2a10-0000-4000-8000-000000000001' });
    expect(other.errors?.[0].extensions.problems?.map((p) => `${p.path} ${p.code}`)).toEqual([
      'input.ticketId allowance.noSuchTicket',
    ]);
    expect(((await call('vendor', REGISTER, { c: contractId })).data?.allowanceRegister as Register).work).toHaveLength(
      3,
    );
  });

  it('work dated in a confirmed period is refused: the period is history', async () => {
    const requested = await call('huaian.admin', 'mutation ($i: ClosePeriodInput!) { closePeriod(input: $i) { id } }', {
      i: { contractId, period: '2025-H2', asOf: '2026-01-10' },
    });
    expect(requested.errors).toBeUndefined();
    await api.jobsIdle();
    const closeId = (requested.data?.closePeriod as { id: string }).id;
    const confirmed = await call(
      'huaian.admin',
      'mutation ($id: ID!, $r: String) { confirmPeriodClose(closeId: $id, reason: $r) { status } }',
      { id: closeId, r: '测试：确认 2025 年下半年' },
    );
    expect(confirmed.errors).toBeUndefined();
    const late = await log('0.5', { workedOn: '2025-12-15' });
    expect(late.errors?.[0].extensions.problems).toEqual([
      expect.objectContaining({
        path: 'input.workedOn',
        code: 'allowance.periodClosed',
        message: '2025-12-15 is in 2025-H2, whose close is confirmed: no work can be logged there',
      }),
    ]);
  });

  it('who may: the buyer and finance do not log; another tenant sees nothing', async () => {
    for (const who of ['huaian.admin', 'huaian.finance'])
      expect(
        (
          await call(who, LOG, {
            i: {
              contractId,
              allowanceId: 'personalised-interfacing',
              workedOn: '2026-09-15',
              amount: '1',
              description: 'x',
            },
          })
        ).errors?.[0].extensions.code,
      ).toBe('FORBIDDEN');
    expect((await call('xuzhou.admin', REGISTER, { c: contractId })).errors?.[0].extensions.code).toBe('NOT_FOUND');
  });
});
