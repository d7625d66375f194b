import request from 'supertest';
import { startApi, type TestApi } from './api-app';

type Problem = { path: string; message: string };

describe('API public reference operations (GraphQL over HTTP, real module)', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(async () => {
    await api.close();
  });

  const gql = (query: string, variables: Record<string, unknown> = {}) => api.gql(query, variables);

  it('reports health', async () => {
    const res = await request(api.app.getHttpServer()).get('/health').expect(200);
    expect(res.body.status).toBe('ok');
    expect(res.body.info.database).toEqual({ status: 'up' });
  });

  it('checks a configuration without saving it and reports every problem with its path', async () => {
    const res = await gql(
      `query ($c: JSON!) { checkContractConfiguration(configuration: $c) { valid problems { path message } } }`,
      { c: { schemaVersion: 1, term: { start: '2026-12-31', end: '2026-01-01' }, money: { amount: 'a lot' } } },
    ).expect(200);
    const check = res.body.data.checkContractConfiguration as { valid: boolean; problems: Problem[] };
    expect(check.valid).toBe(false);
    const paths = check.problems.map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['parties', 'money.amount', 'term.end']));
    expect(check.problems.length).toBeGreaterThanOrEqual(3);
  });

  it('publishes the configuration language as JSON Schema', async () => {
    const res = await gql('{ contractConfigurationJsonSchema }').expect(200);
    const schema = res.body.data.contractConfigurationJsonSchema as {
      type: string;
      properties: Record<string, unknown>;
    };
    expect(schema.type).toBe('object');
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['parties', 'money', 'term', 'payment']));
  });

  it('rejects malformed queries with a client error code', async () => {
    const res = await gql('{ noSuchField }');
    expect(res.body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('refuses a cross-site simple request (CSRF prevention)', async () => {
    const res = await request(api.app.getHttpServer())
      .post('/graphql')
      .set('content-type', 'text/plain')
      .send('{"query":"{ __typename }"}');
    expect(res.status).toBe(400);
  });

  it('lists the presets of the five agencies (Tianjin one per package), each valid', async () => {
    const res = await gql('{ presets { id title tenant configuration } }').expect(200);
    const presets = res.body.data.presets as { id: string; tenant: string; configuration: unknown }[];
    expect(presets.map((p) => p.id)).toEqual(
      expect.arrayContaining([
        'xuzhou-2026',
        'huaian-2025-2026',
        'qinghai-hospital-3y',
        'beijing-2020',
        'tianjin-2026-p1',
        'tianjin-2026-p8',
      ]),
    );
    expect(presets).toHaveLength(12);
    for (const p of presets) {
      const check = await gql(
        'query ($c: JSON!) { checkContractConfiguration(configuration: $c) { valid problems { path } } }',
        { c: p.configuration },
      );
      expect({ id: p.id, ...check.body.data.checkContractConfiguration }).toEqual({
        id: p.id,
        valid: true,
        problems: [],
      });
    }
  });

  it('answers NOT_FOUND for an unknown preset', async () => {
    const res = await gql('{ preset(id: "nowhere") { id } }');
    expect(res.body.errors[0].extensions.code).toBe('NOT_FOUND');
  });

  const SIMULATE = `query ($input: SimulateSettlementInput!) {
    simulateSettlement(input: $input) {
      schedule { vendorBalanceOwed totals { gross deductions net } lines { id period year gross net status dueDate reasons deductions { ruleId amount formula } } }
      diff
    }
  }`;

  it("settles Huai'an 2026 as in worked example B, exact to the fen, with money as strings", async () => {
    const res = await gql(SIMULATE, {
      input: {
        presetId: 'huaian-2025-2026',
        asOf: '2027-01-31',
        facts: {
          periods: [
            { id: '2026-H1', score: '76.00', assessedOn: '2026-07-15' },
            { id: '2026-H2', score: '80.00', assessedOn: '2027-01-15' },
          ],
          years: [{ year: 2026, score: '78.00', assessedOn: '2027-01-15' }],
          acceptance: { passed: true, date: '2027-01-10' },
        },
      },
    }).expect(200);
    expect(res.body.errors).toBeUndefined();
    const lines = res.body.data.simulateSettlement.schedule.lines as {
      year: number;
      gross: string;
      net: string;
      status: string;
      deductions: { amount: string }[];
    }[];
    const final = lines[lines.length - 1];
    expect(final.gross).toBe('87000.00'); // the final 5 % of 1,740,000
    expect(final.deductions.map((d) => d.amount)).toContain('40000.00'); // 2 points below 80 × 20,000
    expect(final.status).toBe('withheld'); // the 2026 score 78.00 is below 80
    expect(typeof res.body.data.simulateSettlement.schedule.totals.gross).toBe('string');
  });

  it('answers "what if H2 scores 75?" against a baseline, storing nothing', async () => {
    const facts = (h2: string, year: string) => ({
      periods: [
        { id: '2026-H1', score: '76.00' },
        { id: '2026-H2', score: h2 },
      ],
      years: [{ year: 2026, score: year, assessedOn: '2027-01-15' }],
      acceptance: { passed: true, date: '2027-01-10' },
    });
    const res = await gql(SIMULATE, {
      input: {
        presetId: 'huaian-2025-2026',
        asOf: '2027-01-31',
        facts: facts('75.00', '75.50'),
        baseline: { facts: facts('80.00', '78.00') },
      },
    }).expect(200);
    expect(res.body.errors).toBeUndefined();
    const diff = res.body.data.simulateSettlement.diff as {
      totals: { deductions: { before: string; after: string; delta: string } };
    };
    // 4.5 points × 20,000 = 90,000.00 against 2 × 20,000 = 40,000.00
    expect(diff.totals.deductions).toEqual({ before: '40000.00', after: '90000.00', delta: '50000.00' });
  });

  it('rejects bad what-if input with BAD_USER_INPUT and every problem path', async () => {
    const res = await gql(SIMULATE, {
      input: { presetId: 'qinghai-hospital-3y', asOf: '2026-13-01', facts: { periods: [{ id: 'H1', score: 'high' }] } },
    });
    expect(res.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const paths = (res.body.errors[0].extensions.problems as Problem[]).map((p) => p.path);
    // Both the facts and the date are wrong: both are reported in one answer.
    expect(paths).toEqual(expect.arrayContaining(['asOf']));
    expect(paths.some((p) => p.startsWith('facts.periods[0]'))).toBe(true);
    const both = await gql(SIMULATE, { input: { presetId: 'beijing-2020', configuration: {}, asOf: '2026-01-01' } });
    expect(both.body.errors[0].extensions).toEqual({
      code: 'BAD_USER_INPUT',
      messageCode: 'input.problems',
      messageParams: { count: '1' },
      problems: [
        {
          path: 'input',
          code: 'choice.exactlyOne',
          params: { first: 'presetId', second: 'configuration' },
          message: 'give exactly one of presetId and configuration',
        },
      ],
    });
  });
});
