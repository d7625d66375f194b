import { startApi, type TestApi } from './api-app';

/*
 * The tickets board's search (issue 12 point 6): filters by state, severity, special attention, overdue and words,
 * newest first, a page at a time with an opaque cursor; problems at their paths; another tenant sees nothing.
 */
type Gql = {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions: { code: string; problems?: { path: string; code?: string }[] } }[];
};
type Page = {
  totalCount: number;
  hasNextPage: boolean;
  endCursor: string | null;
  nodes: { number: string; state: string; severity: string }[];
};
const SEARCH = `query ($c: ID!, $f: TicketFilterInput, $first: Int, $after: String) {
  ticketSearch(contractId: $c, filter: $f, first: $first, after: $after) { totalCount hasNextPage endCursor nodes { number state severity } } }`;
const CREATE = 'mutation ($i: CreateTicketInput!) { createTicket(input: $i) { id } }';
const TRANSITION = 'mutation ($i: TransitionTicketInput!) { transitionTicket(input: $i) { state } }';

describe('ticketSearch: the tickets board’s filters and pages (Huai’an, real PostgreSQL)', () => {
  let api: TestApi;
  let contractId: string;
  const tokens: Record<string, string> = {};
  const call = async (who: string, query: string, variables: Record<string, unknown> = {}): Promise<Gql> =>
    (await api.gql(query, variables, tokens[who])).body as Gql;
  const search = async (
    f: Record<string, unknown> | null,
    first = 50,
    after?: string,
    who = 'huaian.admin',
  ): Promise<Page> => {
    const r = await call(who, SEARCH, { c: contractId, f, first, after });
    expect(r.errors).toBeUndefined();
    return r.data?.ticketSearch as Page;
  };
  const numbers = (p: Page) => p.nodes.map((n) => n.number);

  beforeAll(async () => {
    api = await startApi({ SEED_DEMO: 'auto' });
    for (const who of ['huaian.admin', 'vendor', 'tianjin.admin']) tokens[who] = await api.login(`${who}@demo.local`);
    const contracts = (await call('huaian.admin', '{ contracts { id code } }')).data?.contracts as {
      id: string;
      code: string;
    }[];
    contractId = contracts.find((c) => c.code === 'huaian-2025-2026')?.id as string;
    // Seven tickets, submitted a minute apart: S-1 … S-7 (newest last).
    const tickets: [string, string, string, boolean][] = [
      ['S-1', 'L1', '门诊结算报错', false],
      ['S-2', 'L2', '住院结算 100% 报错', true],
      ['S-3', 'L2', '异地备案查询慢', false],
      ['S-4', 'L3', '药品目录同步', false],
      ['S-5', 'L4', '门诊结算中断', true],
      ['S-6', 'L2', '报表_导出', false],
      ['S-7', 'L1', '账户余额', false],
    ];
    const ids: Record<string, string> = {};
    for (const [i, [number, severity, title, specialAttention]] of tickets.entries()) {
      const r = await call('huaian.admin', CREATE, {
        i: {
          contractId,
          number,
          title,
          severity,
          category: '软件错误',
          businessArea: '医疗待遇',
          specialAttention,
          ...(specialAttention ? { expectedCloseDate: '2026-03-20' } : {}),
          at: `2026-03-02T09:0${i}:00+08:00`,
        },
      });
      expect(r.errors).toBeUndefined();
      ids[number] = (r.data?.createTicket as { id: string }).id;
    }
    // S-2 and S-5 received in March and never answered: their clocks are long past their deadlines now.
    for (const n of ['S-2', 'S-5']) {
      expect(
        (
          await call('huaian.admin', TRANSITION, {
            i: { ticketId: ids[n], action: 'confirm', at: '2026-03-02T10:00:00+08:00' },
          })
        ).errors,
      ).toBeUndefined();
      expect(
        (
          await call('vendor', TRANSITION, {
            i: { ticketId: ids[n], action: 'receive', at: '2026-03-02T10:10:00+08:00' },
          })
        ).errors,
      ).toBeUndefined();
    }
    await api.jobsIdle();
  }, 180_000);

  afterAll(async () => {
    await api?.close();
  });

  it('lists newest first and filters by state, severity, special attention, overdue and words (and together)', async () => {
    expect(numbers(await search(null))).toEqual(['S-7', 'S-6', 'S-5', 'S-4', 'S-3', 'S-2', 'S-1']);
    expect(numbers(await search({ states: ['received'] }))).toEqual(['S-5', 'S-2']);
    expect(numbers(await search({ severities: ['L2'] }))).toEqual(['S-6', 'S-3', 'S-2']);
    expect(numbers(await search({ specialAttention: true }))).toEqual(['S-5', 'S-2']);
    expect(numbers(await search({ overdue: true }))).toEqual(['S-5', 'S-2']);
    expect(numbers(await search({ overdue: false }))).toEqual(['S-7', 'S-6', 'S-4', 'S-3', 'S-1']);
    expect(numbers(await search({ text: '门诊结算' }))).toEqual(['S-5', 'S-1']);
    expect(numbers(await search({ text: 's-3' }))).toEqual(['S-3']); // the number, case-insensitive
    // LIKE's wildcards are plain characters in the words.
    expect(numbers(await search({ text: '100%' }))).toEqual(['S-2']);
    expect(numbers(await search({ text: '_' }))).toEqual(['S-6']);
    expect(await search({ severities: ['L2'], overdue: true, text: '住院' })).toMatchObject({
      totalCount: 1,
      nodes: [{ number: 'S-2', state: 'received', severity: 'L2' }],
    });
  });

  it('pages with a cursor: no ticket twice, none skipped, the total on every page', async () => {
    const seen: string[] = [];
    let after: string | undefined;
    for (let page = 0; page < 5; page++) {
      const p = await search(null, 3, after);
      expect(p.totalCount).toBe(7);
      seen.push(...numbers(p));
      if (!p.hasNextPage) {
        expect(p.endCursor).toBeNull();
        break;
      }
      after = p.endCursor as string;
    }
    expect(seen).toEqual(['S-7', 'S-6', 'S-5', 'S-4', 'S-3', 'S-2', 'S-1']);
  });

  it('reports every problem at its path', async () => {
    const r = await call('huaian.admin', SEARCH, {
      c: contractId,
      f: { states: ['open', 'received'], text: 'x'.repeat(101) },
      first: 500,
      after: 'not-a-cursor',
    });
    expect(r.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect((r.errors?.[0].extensions.problems ?? []).map((p) => p.path).sort()).toEqual([
      'after',
      'filter.states[0]',
      'filter.text',
      'first',
    ]);
  });

  it('shows another tenant nothing (NOT_FOUND), and the holding vendor the same tickets', async () => {
    expect((await call('tianjin.admin', SEARCH, { c: contractId })).errors?.[0].extensions.code).toBe('NOT_FOUND');
    expect(numbers(await search({ overdue: true }, 50, undefined, 'vendor'))).toEqual(['S-5', 'S-2']);
  });
});
