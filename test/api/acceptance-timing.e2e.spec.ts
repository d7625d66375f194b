import { startApi, type TestApi } from './api-app';

type Gql = { data?: Record<string, unknown> | null; errors?: { message: string; extensions: { code: string } }[] };
type Timing = {
  earliestApplication: string | null;
  clawbackDeadline: string;
  marginDays: number | null;
  warning: boolean;
  decisiveTicket: string | null;
  majorFailures: number;
  explanations: { code: string; text: string }[];
};

const TIMING = `query ($c: ID!) { acceptanceTiming(contractId: $c) { earliestApplication clawbackDeadline marginDays warning
  decisiveTicket majorFailures explanations { code text } } }`;
const CREATE = 'mutation ($i: CreateTicketInput!) { createTicket(input: $i) { id number } }';
const TRANSITION = 'mutation ($i: TransitionTicketInput!) { transitionTicket(input: $i) { id state } }';

/*
 * Acceptance timing through the API (domain rule 17, Tianjin P7 on the demo seed, term to 2026-12-31, judged on the
 * real today): without a major failure a week before the end; a major failure (重大故障) received and not repaired
 * leaves no date and warns, naming the ticket; a contract without acceptance timing answers null; another tenant
 * NOT_FOUND.
 */
describe('acceptanceTiming (real PostgreSQL, demo seed)', () => {
  let api: TestApi;
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};
  const call = async (who: string, query: string, variables: Record<string, unknown> = {}): Promise<Gql> =>
    (await api.gql(query, variables, tokens[who])).body as Gql;
  const timing = async (who: string, code: string): Promise<Timing | null> => {
    const r = await call(who, TIMING, { c: ids[code] });
    expect(r.errors).toBeUndefined();
    return r.data?.acceptanceTiming as Timing | null;
  };

  beforeAll(async () => {
    api = await startApi({ SEED_DEMO: 'auto' });
    await api.jobsIdle();
    for (const who of ['tianjin.admin', 'vendor', 'xuzhou.admin']) tokens[who] = await api.login(`${who}@demo.local`);
    for (const c of (await call('vendor', '{ contracts { id code } }')).data?.contracts as {
      id: string;
      code: string;
    }[])
      ids[c.code] = c.id;
  }, 120_000);

  afterAll(async () => {
    await api?.close();
  });

  it('without a major failure: from a week before the end (2026-12-24), deadline 2027-03-31, 97 days, no warning', async () => {
    const t = await timing('tianjin.admin', 'tianjin-2026-p7');
    expect(t).toMatchObject({
      earliestApplication: '2026-12-24',
      clawbackDeadline: '2027-03-31',
      marginDays: 97,
      warning: false,
      decisiveTicket: null,
      majorFailures: 0,
    });
    expect(t?.explanations.map((e) => e.code)).toEqual(['acceptance.timing.no-failure', 'acceptance.timing.margin']);
    expect(t?.explanations[0].text).toBe(
      '服务期内未出现重大故障：可在合同结束日期（2026-12-31）前 7 天、即 2026-12-24 起申请验收',
    );
    // The holding vendor reads the same; a contract without acceptance timing has none; another tenant's is NOT_FOUND.
    expect(await timing('vendor', 'tianjin-2026-p7')).toEqual(t);
    expect(await timing('xuzhou.admin', 'xuzhou-2026')).toBeNull();
    const other = await call('xuzhou.admin', TIMING, { c: ids['tianjin-2026-p7'] });
    expect(other.errors?.[0].extensions.code).toBe('NOT_FOUND');
  });

  it('a major failure received and not repaired: no date yet, warned, the ticket named', async () => {
    const created = await call('tianjin.admin', CREATE, {
      i: { contractId: ids['tianjin-2026-p7'], category: '系统故障', severity: 'major', title: '核心结算中断' },
    });
    expect(created.errors).toBeUndefined();
    const ticket = created.data?.createTicket as { id: string; number: string };
    for (const [who, action] of [
      ['tianjin.admin', 'confirm'],
      ['vendor', 'receive'],
    ] as const) {
      const r = await call(who, TRANSITION, { i: { ticketId: ticket.id, action } });
      expect({ action, errors: r.errors }).toEqual({ action, errors: undefined });
    }
    const t = await timing('tianjin.admin', 'tianjin-2026-p7');
    expect(t).toMatchObject({
      earliestApplication: null,
      clawbackDeadline: '2027-03-31',
      marginDays: null,
      warning: true,
      decisiveTicket: ticket.number,
      majorFailures: 1,
    });
    expect(t?.explanations.map((e) => e.code)).toEqual(['acceptance.timing.unrepaired', 'acceptance.timing.deadline']);
    expect(t?.explanations[0].text).toContain(`联系单 ${ticket.number}`);
  });
});
