import { getPreset } from '@ledger/contracts';
import { isProblemCode, renderErrorCode, renderProblem } from '@ledger/kernel';
import { startApi, type TestApi } from './api-app';

// Issue 12 point 2: a refused input reaches the console as codes with parameters, each rendered in zh-CN from the
// one dictionary; neither the problems nor the error itself need the server's English sentence.
type Problem = { path: string; code: string | null; params: Record<string, string> | null; message: string };
type Gql = {
  data?: Record<string, unknown> | null;
  errors?: {
    message: string;
    extensions: { code: string; messageCode?: string; messageParams?: Record<string, string>; problems?: Problem[] };
  }[];
};

const HAN = /[\u4e00-\u9fff]/;
const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

/** Every problem has a known code, and its zh-CN text is Chinese with every parameter filled in. */
function expectRendered(problems: readonly Problem[]): void {
  expect(problems.length).toBeGreaterThan(0);
  for (const p of problems) {
    expect({ path: p.path, known: isProblemCode(p.code) }).toEqual({ path: p.path, known: true });
    const zh = renderProblem('zh-CN', p.code ?? '', p.params ?? {});
    expect(zh).toMatch(HAN);
    expect(zh).not.toMatch(/\{\w+\}/);
    expect(typeof p.message).toBe('string');
  }
}

describe('validation problems as codes through the API', () => {
  let api: TestApi;
  const tokens: Record<string, string> = {};
  let contractId: string;
  let vendorOrgId: string;
  const call = async (who: string | null, query: string, variables: Record<string, unknown> = {}): Promise<Gql> =>
    (await api.gql(query, variables, who ? tokens[who] : undefined)).body as Gql;

  /** A refused input: BAD_USER_INPUT whose reason is a message code with the count, and every problem renders. */
  const refused = async (who: string | null, query: string, variables: Record<string, unknown>): Promise<Problem[]> => {
    const body = await call(who, query, variables);
    const e = body.errors?.[0];
    expect(e?.extensions.code).toBe('BAD_USER_INPUT');
    const problems = e?.extensions.problems ?? [];
    expect({ messageCode: e?.extensions.messageCode, count: e?.extensions.messageParams?.count }).toEqual({
      messageCode: 'input.problems',
      count: String(problems.length),
    });
    expect(renderErrorCode('zh-CN', 'input.problems', e?.extensions.messageParams ?? {})).toBe(
      `输入有 ${problems.length} 处问题`,
    );
    expectRendered(problems);
    return problems;
  };

  beforeAll(async () => {
    api = await startApi({ SEED_DEMO: 'auto' });
    for (const who of ['huaian.admin', 'platform']) tokens[who] = await api.login(`${who}@demo.local`).catch(() => '');
    const contracts = (await call('huaian.admin', '{ contracts { id vendorOrgId } }')).data?.contracts as {
      id: string;
      vendorOrgId: string;
    }[];
    contractId = contracts[0].id;
    vendorOrgId = contracts[0].vendorOrgId;
  }, 120_000);
  afterAll(() => api?.close());

  it('a configuration with wrong terms, amounts, bands and unknown fields: every problem has a code that renders in zh-CN', async () => {
    const config = clone(getPreset('huaian-2025-2026').config) as unknown as Record<string, Record<string, unknown>>;
    config.term = { ...config.term, end: '2025-01-01' };
    config.money = { ...config.money, amount: '-5', surplus: 1 };
    config.staffing = { ...config.staffing, roles: 'none' };
    const body = await call(
      'huaian.admin',
      'query ($c: JSON!) { checkContractConfiguration(configuration: $c) { valid problems { path code params message } } }',
      { c: config },
    );
    const check = body.data?.checkContractConfiguration as { valid: boolean; problems: Problem[] };
    expect(check.valid).toBe(false);
    expectRendered(check.problems);
  });

  it('text PostgreSQL cannot store and a bad Money amount, refused at the edge', async () => {
    const problems = await refused(
      'huaian.admin',
      'mutation ($i: CreateTicketInput!) { createTicket(input: $i) { id } }',
      { i: { contractId, category: '软件错误', severity: 'L2', title: 'a\u0000b' } },
    );
    expect(problems.map((p) => [p.path, p.code])).toContainEqual(['input.title', 'text.nul']);
  });

  it('a ticket with an unknown severity and category, refused by the lifecycle', async () => {
    const problems = await refused(
      'huaian.admin',
      'mutation ($i: CreateTicketInput!) { createTicket(input: $i) { id } }',
      { i: { contractId, category: '不存在', severity: 'X', title: '门诊结算报错' } },
    );
    expect(problems.map((p) => p.code)).toEqual(expect.arrayContaining(['ticket.unknownSeverity', 'unknown.category']));
    expect(
      renderProblem(
        'zh-CN',
        'ticket.unknownSeverity',
        problems.find((p) => p.code === 'ticket.unknownSeverity')?.params ?? {},
      ),
    ).toContain('“X”');
  });

  it('a contract with a bad code, an empty name and both a preset and a configuration', async () => {
    const problems = await refused(
      'huaian.admin',
      'mutation ($i: CreateContractInput!) { createContract(input: $i) { id } }',
      {
        i: { code: 'bad code!', name: ' ', vendorOrgId, presetId: 'huaian-2025-2026', configuration: {} },
      },
    );
    expect(problems.map((p) => [p.path, p.code])).toEqual(
      expect.arrayContaining([
        ['input.code', 'text.code'],
        ['input.name', 'text.empty'],
        ['input', 'choice.exactlyOne'],
      ]),
    );
  });
});
