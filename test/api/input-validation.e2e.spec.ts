import { getPreset } from '@ledger/contracts';
import { asSuperuser } from '../support/test-database';
import { startApi, type TestApi } from './api-app';

type Problem = { path: string; message: string };
type Gql = {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions: { code: string; problems?: Problem[] } }[];
};

const NUL = 'a\u0000b';
const LONE = 'a\uD800b';
const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

const CHECK = 'query ($c: JSON!) { checkContractConfiguration(configuration: $c) { valid problems { path message } } }';
const CREATE_CONTRACT = 'mutation ($i: CreateContractInput!) { createContract(input: $i) { id } }';
const UPDATE_CONFIGURATION =
  'mutation ($i: UpdateContractConfigurationInput!) { updateContractConfiguration(input: $i) { currentVersion } }';

describe('input validation at the API edge: unstorable text, money beyond numeric(18,2), signs of deductions', () => {
  let api: TestApi;
  const tokens: Record<string, string> = {};
  let contractId: string;
  let vendorOrgId: string;
  const send = async (who: string | null, query: string, variables: Record<string, unknown> = {}) =>
    api.gql(query, variables, who ? tokens[who] : undefined);
  const call = async (who: string | null, query: string, variables: Record<string, unknown> = {}): Promise<Gql> =>
    (await send(who, query, variables)).body as Gql;
  const rows = () =>
    asSuperuser(api.database.name, async (c) => {
      const n = async (table: string) => Number((await c.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);
      return {
        contracts: await n('contracts'),
        versions: await n('contract_versions'),
        tickets: await n('tickets'),
        reports: await n('monthly_reports'),
      };
    });

  /** BAD_USER_INPUT (never a 500: 400 from the edge check, 200 from a resolver), a problem at `path`, nothing stored. */
  const refused = async (who: string | null, query: string, variables: Record<string, unknown>, path: string) => {
    const before = await rows();
    const res = await send(who, query, variables);
    const body = res.body as Gql;
    expect({ status: [200, 400].includes(res.status), code: body.errors?.[0]?.extensions.code }).toEqual({
      status: true,
      code: 'BAD_USER_INPUT',
    });
    expect(body.errors?.[0]?.extensions.problems?.map((p) => p.path)).toContain(path);
    expect(await rows()).toEqual(before);
  };

  beforeAll(async () => {
    api = await startApi({ SEED_DEMO: 'auto' });
    for (const who of ['huaian.admin', 'huaian.finance', 'vendor']) tokens[who] = await api.login(`${who}@demo.local`);
    const contracts = (await call('huaian.admin', '{ contracts { id code vendorOrgId } }')).data?.contracts as {
      id: string;
      vendorOrgId: string;
    }[];
    contractId = contracts[0].id;
    vendorOrgId = contracts[0].vendorOrgId;
  }, 120_000);
  afterAll(() => api?.close());

  describe.each([
    ['NUL', NUL],
    ['a lone surrogate', LONE],
  ])('%s', (_name, bad) => {
    it('in the login email (unauthenticated) → BAD_USER_INPUT at input.email', async () => {
      await refused(
        null,
        'mutation ($i: LoginInput!) { login(input: $i) { token } }',
        { i: { email: `huaian.admin${bad}@demo.local`, password: 'demo-password-2026' } },
        'input.email',
      );
    });

    it('in a ticket title → BAD_USER_INPUT at input.title', async () => {
      await refused(
        'huaian.admin',
        'mutation ($i: CreateTicketInput!) { createTicket(input: $i) { id } }',
        { i: { contractId, category: '软件错误', severity: 'L2', title: `门诊${bad}结算报错` } },
        'input.title',
      );
    });

    it('in a contract name → BAD_USER_INPUT at input.name', async () => {
      await refused(
        'huaian.admin',
        CREATE_CONTRACT,
        { i: { code: 'BAD-NAME-1', name: `合同${bad}`, vendorOrgId, presetId: 'huaian-2025-2026' } },
        'input.name',
      );
    });

    it('in a monthly report note → BAD_USER_INPUT at input.report.notes', async () => {
      await refused(
        'vendor',
        'mutation ($i: SaveMonthlyReportInput!) { saveMonthlyReport(input: $i) { id } }',
        { i: { contractId, month: '2026-10', report: { notes: `本月${bad}` } } },
        'input.report.notes',
      );
    });

    it('in a configuration label → refused by the check and by both saves, at its path', async () => {
      const cfg = clone(getPreset('huaian-2025-2026').config) as { payment: { milestones: { label: string }[] } };
      cfg.payment.milestones[0].label = `合同付款${bad}`;
      await refused(null, CHECK, { c: cfg }, 'configuration.payment.milestones[0].label');
      await refused(
        'huaian.admin',
        CREATE_CONTRACT,
        { i: { code: 'BAD-LABEL-1', name: 'x', vendorOrgId, configuration: cfg } },
        'input.configuration.payment.milestones[0].label',
      );
      await refused(
        'huaian.admin',
        UPDATE_CONFIGURATION,
        { i: { contractId, changeNote: 'label', configuration: cfg } },
        'input.configuration.payment.milestones[0].label',
      );
    });
  });

  it('NUL in an inline literal argument → BAD_USER_INPUT at its argument (from the edge check: HTTP 400)', async () => {
    const res = await send(
      null,
      'mutation { login(input: { email: "x\\u0000@demo.local", password: "demo-password-2026" }) { token } }',
    );
    expect(res.status).toBe(400);
    await refused(
      null,
      'mutation { login(input: { email: "x\\u0000@demo.local", password: "demo-password-2026" }) { token } }',
      {},
      'input.email',
    );
  });

  it('a lone surrogate in an inline literal is refused by the GraphQL parser itself (never a 500)', async () => {
    const res = await send(
      null,
      `mutation { login(input: { email: ${JSON.stringify(`x${LONE}@demo.local`)}, password: "demo-password-2026" }) { token } }`,
    );
    expect({ status: res.status, code: (res.body as Gql).errors?.[0]?.extensions.code }).toEqual({
      status: 400,
      code: 'GRAPHQL_PARSE_FAILED',
    });
  });

  it('money 10^17 in a Money argument → BAD_USER_INPUT with its path', async () => {
    await refused(
      'huaian.finance',
      'mutation ($i: MarkPaidInput!) { markPaid(input: $i) { id } }',
      { i: { contractId, lineId: 'x', paidOn: '2026-01-05', amount: '100000000000000000' } },
      'input.amount',
    );
  });

  it('money 10^17 as the contract amount → refused by the check and by the save (no numeric overflow)', async () => {
    const cfg = clone(getPreset('huaian-2025-2026').config) as { money: Record<string, unknown> };
    cfg.money = { ...cfg.money, amount: '100000000000000000', budget: undefined };
    const check = await call(null, CHECK, { c: cfg });
    expect(check.data?.checkContractConfiguration).toMatchObject({
      valid: false,
      problems: expect.arrayContaining([expect.objectContaining({ path: 'money.amount' })]),
    });
    await refused(
      'huaian.admin',
      CREATE_CONTRACT,
      { i: { code: 'HUGE-1', name: 'huge', vendorOrgId, configuration: cfg } },
      'input.configuration.money.amount',
    );
  });

  it('a negative perPoint is refused by the check and by both saves', async () => {
    const cfg = clone(getPreset('huaian-2025-2026').config) as {
      payment: { deductions: { kind: string; params: Record<string, unknown> }[] };
    };
    const i = cfg.payment.deductions.findIndex((d) => d.kind === 'per-point-below-threshold');
    cfg.payment.deductions[i].params.perPoint = '-20000.00';
    const path = `payment.deductions[${i}].params.perPoint`;
    const check = await call(null, CHECK, { c: cfg });
    expect(check.data?.checkContractConfiguration).toMatchObject({
      valid: false,
      problems: expect.arrayContaining([expect.objectContaining({ path })]),
    });
    await refused(
      'huaian.admin',
      CREATE_CONTRACT,
      { i: { code: 'NEG-PER-POINT', name: 'bonus?', vendorOrgId, configuration: cfg } },
      `input.configuration.${path}`,
    );
    await refused(
      'huaian.admin',
      UPDATE_CONFIGURATION,
      { i: { contractId, changeNote: 'bonus?', configuration: cfg } },
      `input.configuration.${path}`,
    );
  });

  it('well-formed text (Chinese, an emoji pair) still saves', async () => {
    const r = await call('huaian.admin', CREATE_CONTRACT, {
      i: { code: 'OK-EMOJI-1', name: '淮安 😀 运维', vendorOrgId, presetId: 'huaian-2025-2026' },
    });
    expect(r.errors).toBeUndefined();
  });
});
