import { asSuperuser } from '../support/test-database';
import { startApi, type TestApi } from './api-app';

type Gql = {
  data?: Record<string, unknown> | null;
  errors?: {
    message: string;
    extensions: {
      code: string;
      messageCode?: string;
      messageParams?: Record<string, string>;
      problems?: { path: string; message: string }[];
    };
  }[];
};

const FIELDS =
  'contractId period staffScores satisfaction securityIncidents complaints { valid invalid } itemScores quarterQualified acceptance { passed date } locked missing';
const SET = `mutation ($i: SetPeriodInputsInput!) { setPeriodInputs(input: $i) { ${FIELDS} } }`;
const GET = `query ($c: ID!, $p: String!) { periodInputs(contractId: $c, period: $p) { ${FIELDS} } }`;

describe('buyer inputs per assessment period through GraphQL (real PostgreSQL, demo seed)', () => {
  let api: TestApi;
  const tokens: Record<string, string> = {};
  const contracts: Record<string, string> = {};
  const call = async (who: string, query: string, variables: Record<string, unknown> = {}): Promise<Gql> =>
    (await api.gql(query, variables, tokens[who])).body as Gql;
  const code = (r: Gql) => r.errors?.[0]?.extensions.code;
  /** A refusal's reason as the console renders it: its message code and parameters. */
  const reason = (r: Gql) => [r.errors?.[0]?.extensions.messageCode, r.errors?.[0]?.extensions.messageParams];
  const paths = (r: Gql) => (r.errors?.[0]?.extensions.problems ?? []).map((p) => p.path).sort();

  beforeAll(async () => {
    api = await startApi({ SEED_DEMO: 'auto' });
    for (const who of [
      'vendor',
      'huaian.admin',
      'huaian.staff',
      'huaian.finance',
      'xuzhou.admin',
      'qinghai.admin',
      'tianjin.admin',
    ])
      tokens[who] = await api.login(`${who}@demo.local`);
    for (const who of ['huaian.admin', 'xuzhou.admin', 'qinghai.admin', 'tianjin.admin']) {
      for (const c of (await call(who, '{ contracts { id code } }')).data?.contracts as { id: string; code: string }[])
        contracts[c.code] = c.id;
    }
  }, 120_000);

  afterAll(async () => {
    await api?.close();
  });

  it('the buyer sets the inputs of a half-year; fields left out keep their value; the vendor reads them', async () => {
    const c = contracts['huaian-2025-2026'];
    const first = await call('huaian.admin', SET, {
      i: {
        contractId: c,
        period: '2026-H1',
        satisfaction: { businessSatisfaction: '比较满意' },
        complaints: { valid: 1, invalid: 2 },
      },
    });
    expect(first.errors).toBeUndefined();
    expect(first.data?.setPeriodInputs).toMatchObject({
      period: '2026-H1',
      satisfaction: { businessSatisfaction: '比较满意' },
      complaints: { valid: 1, invalid: 2 },
      locked: false,
      missing: ['satisfaction.itSatisfaction'],
    });
    const second = await call('huaian.staff', SET, {
      i: {
        contractId: c,
        period: '2026-H1',
        satisfaction: { businessSatisfaction: '比较满意', itSatisfaction: '一般' },
        acceptance: { passed: true, date: '2026-06-30' },
      },
    });
    expect(second.data?.setPeriodInputs).toMatchObject({
      complaints: { valid: 1, invalid: 2 },
      satisfaction: { itSatisfaction: '一般' },
      acceptance: { passed: true, date: '2026-06-30' },
      missing: [],
    });
    const read = await call('vendor', GET, { c, p: '2026-H1' });
    expect(read.data?.periodInputs).toEqual(second.data?.setPeriodInputs);
  });

  it('invalid inputs are refused with every problem at its path, and nothing changes', async () => {
    const c = contracts['huaian-2025-2026'];
    const before = (await call('huaian.admin', GET, { c, p: '2026-H1' })).data?.periodInputs;
    const r = await call('huaian.admin', SET, {
      i: {
        contractId: c,
        period: '2026-H1',
        satisfaction: { businessSatisfaction: '超级满意', itSatisfaction: '好', morale: '高' },
        staffScores: [{ personId: 'p1', attitude: 20, ability: 20, results: 30 }],
        quarterQualified: true,
        complaints: { valid: -1, invalid: 0 },
        acceptance: { passed: true, date: '2026-02-30' },
      },
    });
    expect(code(r)).toBe('BAD_USER_INPUT');
    expect(paths(r)).toEqual(
      [
        'input.acceptance.date',
        'input.complaints.valid',
        'input.quarterQualified',
        'input.satisfaction.businessSatisfaction',
        'input.satisfaction.morale',
        'input.staffScores',
      ].sort(),
    );
    expect((await call('huaian.admin', GET, { c, p: '2026-H1' })).data?.periodInputs).toEqual(before);
    expect(
      paths(
        await call('huaian.admin', SET, {
          i: { contractId: c, period: '2027-H1', complaints: { valid: 0, invalid: 0 } },
        }),
      ),
    ).toEqual(['input.period']);
    expect(
      paths(
        await call('huaian.admin', SET, {
          i: { contractId: c, period: '2026-Q1', satisfaction: { itSatisfaction: '好' } },
        }),
      ),
    ).toEqual(['input.period']);
  });

  it("staff scores and security incidents are checked against the scheme's components (Xuzhou)", async () => {
    const c = contracts['xuzhou-2026'];
    const bad = await call('xuzhou.admin', SET, {
      i: {
        contractId: c,
        period: '2026-H1',
        staffScores: [{ personId: 'p1', attitude: 35, ability: 20 }],
        securityIncidents: -2,
      },
    });
    expect(code(bad)).toBe('BAD_USER_INPUT');
    expect(paths(bad)).toEqual(
      expect.arrayContaining([
        'input.staffScores[0].attitude',
        'input.staffScores[0].results',
        'input.securityIncidents',
      ]),
    );
    const ok = await call('xuzhou.admin', SET, {
      i: {
        contractId: c,
        period: '2026-H1',
        staffScores: [
          { personId: 'p1', attitude: 28, ability: 27, results: 35 },
          { personId: 'p2', attitude: 25, ability: 25, results: 30 },
        ],
        securityIncidents: 0,
      },
    });
    expect(ok.errors).toBeUndefined();
    expect(ok.data?.setPeriodInputs).toMatchObject({
      securityIncidents: 0,
      missing: ['satisfaction.businessSatisfaction', 'satisfaction.itSatisfaction'],
    });
  });

  it("Qinghai's 11 item scores are checked item by item", async () => {
    const c = contracts['qinghai-hospital-3y'];
    const items = {
      monthlyInspection: 90,
      hotline: 85,
      emergencyOnSite: 88,
      faultQuality: 86,
      recurrence: 84,
      responseTimeliness: 90,
      engineerSkill: 87,
      training: 80,
      dbOptimisation: 85,
      onSite: 88,
      improvement: 87,
    };
    const bad = await call('qinghai.admin', SET, {
      i: {
        contractId: c,
        period: '2026-H1',
        itemScores: { ...items, hotline: 120, morale: 90 },
        complaints: { valid: 3, invalid: 0 },
      },
    });
    expect(paths(bad)).toEqual(['input.itemScores', 'input.itemScores.hotline']);
    expect((bad.errors?.[0].extensions.problems ?? []).find((p) => p.path === 'input.itemScores')?.message).toMatch(
      /morale/,
    );
    const ok = await call('qinghai.admin', SET, {
      i: { contractId: c, period: '2026-H1', itemScores: items, complaints: { valid: 3, invalid: 0 } },
    });
    expect(ok.data?.setPeriodInputs).toMatchObject({
      itemScores: items,
      complaints: { valid: 3, invalid: 0 },
      missing: [],
    });
  });

  it('a quarter is qualified (Tianjin) only on a quarter period', async () => {
    const c = contracts['tianjin-2026-p8'];
    const ok = await call('tianjin.admin', SET, { i: { contractId: c, period: '2026-Q3', quarterQualified: false } });
    expect(ok.data?.setPeriodInputs).toMatchObject({ quarterQualified: false, missing: [] });
    expect(
      paths(await call('tianjin.admin', SET, { i: { contractId: c, period: '2026-H2', quarterQualified: true } })),
    ).toEqual(['input.quarterQualified']);
    expect(
      paths(await call('tianjin.admin', SET, { i: { contractId: c, period: '2026-H2', satisfaction: { x: 'y' } } })),
    ).toEqual(['input.satisfaction']);
  });

  it('acceptance failed: the clawback interest the buyer enters (rate, period, source) is checked, stored and computed (004:3104)', async () => {
    const c = contracts['tianjin-2026-p8'];
    const interest = {
      annualRatePercent: '3.45',
      from: '2027-04-01',
      to: '2027-04-30',
      source: '一年期贷款市场报价利率（LPR）3.45 %，2027-03-20 公布',
    };
    const ACCEPTANCE = `mutation ($i: SetPeriodInputsInput!) { setPeriodInputs(input: $i) {
      acceptance { passed date clawbackInterest { annualRatePercent from to source } } } }`;
    const bad = await call('tianjin.admin', ACCEPTANCE, {
      i: {
        contractId: c,
        period: '2026-Q4',
        acceptance: {
          passed: false,
          clawbackInterest: { ...interest, annualRatePercent: '-1', to: '2027-03-01', source: ' ' },
        },
      },
    });
    expect(code(bad)).toBe('BAD_USER_INPUT');
    expect(paths(bad)).toEqual([
      'input.acceptance.clawbackInterest.annualRatePercent',
      'input.acceptance.clawbackInterest.source',
      'input.acceptance.clawbackInterest.to',
    ]);
    const ok = await call('tianjin.admin', ACCEPTANCE, {
      i: { contractId: c, period: '2026-Q4', acceptance: { passed: false, clawbackInterest: interest } },
    });
    expect(ok.errors).toBeUndefined();
    expect(ok.data?.setPeriodInputs).toEqual({ acceptance: { passed: false, date: null, clawbackInterest: interest } });
    // The close of the last quarter, after the clawback deadline (2027-03-31), computes the interest on the amount.
    const preview = await call(
      'tianjin.admin',
      `query ($c: ID!) { previewPeriodClose(contractId: $c, period: "2026-Q4", asOf: "2027-04-30") { schedule { lines { deductions { ruleId amount basis } } } } }`,
      { c },
    );
    expect(preview.errors).toBeUndefined();
    const schedule = (
      preview.data?.previewPeriodClose as {
        schedule: { lines: { deductions: { ruleId: string; amount: string; basis: Record<string, string> }[] }[] };
      }
    ).schedule;
    const hits = schedule.lines
      .flatMap((l) => l.deductions)
      .filter((d) => d.ruleId === 'acceptance-clawback' && d.basis.days);
    // 33,124.00 × 3.45 % ÷ 360 × 29 = 92.06
    expect(hits.map((d) => [d.amount, d.basis.days, d.basis.source])).toEqual([['92.06', '29', interest.source]]);
  });

  const SPEC = `query ($c: ID!, $p: String!) { periodInputSpec(contractId: $c, period: $p) {
    contractId period { id kind start end } closeKind assessed quarterQualified
    components { componentId kind input source field path metric value unit min max parts { id label max } choices bonus { min max } } } }`;
  const CLOSABLE = 'query ($c: ID!) { closablePeriods(contractId: $c) { id kind start end } }';
  type Spec = {
    period: { id: string; start: string; end: string };
    closeKind: string;
    assessed: boolean;
    quarterQualified: boolean;
    components: Record<string, unknown>[];
  };

  it("periodInputSpec: what each of the scheme's components reads, as its rule kind declares it (Xuzhou)", async () => {
    const c = contracts['xuzhou-2026'];
    const r = await call('vendor', SPEC, { c, p: '2026-H2' });
    expect(r.errors).toBeUndefined();
    const spec = r.data?.periodInputSpec as Spec;
    expect(spec).toMatchObject({
      period: { id: '2026-H2', start: '2026-07-01', end: '2026-12-31' },
      closeKind: 'half-year',
      assessed: true,
      quarterQualified: false,
    });
    expect(spec.components.map((x) => [x.componentId, x.source, x.field, x.path, x.metric])).toEqual([
      ['staff', 'period-input', 'staffScores', 'staffScores', null],
      ['securityIncidents', 'period-input', 'securityIncidents', 'securityIncidents', null],
      ['achievementRate', 'ticket-metric', null, null, 'achievementRate'],
      ['specialDelay', 'ticket-metric', null, null, 'specialDelayDays'],
      ['businessSatisfaction', 'period-input', 'satisfaction', 'satisfaction.businessSatisfaction', null],
      ['itSatisfaction', 'period-input', 'satisfaction', 'satisfaction.itSatisfaction', null],
    ]);
    expect(spec.components[0]).toMatchObject({
      value: 'people',
      max: '100',
      parts: [
        { id: 'attitude', label: '工作态度', max: '30' },
        { id: 'ability', label: '工作能力', max: '30' },
        { id: 'results', label: '工作结果', max: '40' },
      ],
      bonus: { min: '3', max: '5' },
    });
    expect(spec.components[2]).toMatchObject({ value: 'metric', unit: '%', min: '0', max: '100' });
    expect(spec.components[5]).toMatchObject({ value: 'choice', choices: ['好', '一般', '差', '很差', '非常差'] });
    // The same paths as periodInputs' missing list.
    const missing = (await call('xuzhou.admin', GET, { c, p: '2026-H2' })).data?.periodInputs as { missing: string[] };
    const paths = spec.components.flatMap((x) => (typeof x.path === 'string' ? [x.path] : []));
    for (const m of missing.missing) expect(paths).toContain(m);
  });

  it('periodInputSpec outside the scheme: a quarter (Tianjin) takes the qualification and nothing is scored; items (Qinghai)', async () => {
    const q = (await call('tianjin.admin', SPEC, { c: contracts['tianjin-2026-p8'], p: '2026-Q2' })).data
      ?.periodInputSpec as Spec;
    expect(q).toMatchObject({ closeKind: 'quarter', assessed: false, quarterQualified: true, components: [] });
    const h = (await call('qinghai.admin', SPEC, { c: contracts['qinghai-hospital-3y'], p: '2027-H1' })).data
      ?.periodInputSpec as Spec;
    expect(h.components).toHaveLength(1);
    expect(h.components[0]).toMatchObject({ source: 'period-input', path: 'itemScores', value: 'items', max: '100' });
    expect((h.components[0].parts as unknown[]).length).toBe(11);
    // A period of another kind within the term is not assessed by the half-year scheme.
    expect(
      (await call('qinghai.admin', SPEC, { c: contracts['qinghai-hospital-3y'], p: '2027-05' })).data?.periodInputSpec,
    ).toMatchObject({ assessed: false, components: [] });
  });

  it('periodInputSpec refuses a period outside the term or malformed at its path; another tenant gets NOT_FOUND', async () => {
    const c = contracts['huaian-2025-2026'];
    expect(paths(await call('huaian.admin', SPEC, { c, p: '2025-H1' }))).toEqual(['period']);
    expect(paths(await call('huaian.admin', SPEC, { c, p: '2026-H3' }))).toEqual(['period']);
    expect(code(await call('tianjin.admin', SPEC, { c, p: '2026-H1' }))).toBe('NOT_FOUND');
    expect(code(await call('tianjin.admin', CLOSABLE, { c }))).toBe('NOT_FOUND');
  });

  it('closablePeriods: the periods of the scheme clipped to the term, else quarters or years', async () => {
    const periods = async (who: string, code: string) =>
      ((await call(who, CLOSABLE, { c: contracts[code] })).data?.closablePeriods as { id: string }[]).map((p) => p.id);
    expect((await call('vendor', CLOSABLE, { c: contracts['huaian-2025-2026'] })).data?.closablePeriods).toEqual([
      { id: '2025-H2', kind: 'half-year', start: '2025-07-01', end: '2025-12-31' },
      { id: '2026-H1', kind: 'half-year', start: '2026-01-01', end: '2026-06-30' },
      { id: '2026-H2', kind: 'half-year', start: '2026-07-01', end: '2026-12-31' },
    ]);
    expect(await periods('tianjin.admin', 'tianjin-2026-p8')).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    expect(await periods('qinghai.admin', 'qinghai-hospital-3y')).toEqual([
      '2026-H1',
      '2026-H2',
      '2027-H1',
      '2027-H2',
      '2028-H1',
      '2028-H2',
    ]);
  });

  it('the vendor and finance may not set buyer inputs (FORBIDDEN); other tenants do not see them (NOT_FOUND)', async () => {
    const c = contracts['huaian-2025-2026'];
    expect(
      code(
        await call('vendor', SET, {
          i: { contractId: c, period: '2026-H1', satisfaction: { businessSatisfaction: '非常满意' } },
        }),
      ),
    ).toBe('FORBIDDEN');
    expect(
      code(
        await call('vendor', SET, { i: { contractId: c, period: '2026-H1', complaints: { valid: 0, invalid: 0 } } }),
      ),
    ).toBe('FORBIDDEN');
    expect(
      code(
        await call('huaian.finance', SET, {
          i: { contractId: c, period: '2026-H1', complaints: { valid: 0, invalid: 0 } },
        }),
      ),
    ).toBe('FORBIDDEN');
    expect(code(await call('tianjin.admin', GET, { c, p: '2026-H1' }))).toBe('NOT_FOUND');
    expect((await call('huaian.finance', GET, { c, p: '2026-H1' })).data?.periodInputs).toMatchObject({
      complaints: { valid: 1, invalid: 2 },
    });
  });

  it('locked inputs (a closed period) answer CONFLICT, and the database refuses a raw change', async () => {
    const c = contracts['huaian-2025-2026'];
    await asSuperuser(api.database.name, (db) =>
      db.query(
        "UPDATE period_inputs SET locked = true WHERE contract_id = $1 AND period = '2026-H1' AND kind = 'complaints'",
        [c],
      ),
    );
    const locked = await call('huaian.admin', SET, {
      i: { contractId: c, period: '2026-H1', complaints: { valid: 5, invalid: 0 } },
    });
    expect([code(locked), ...reason(locked)]).toEqual(['CONFLICT', 'period.locked', { period: '2026-H1' }]);
    expect((await call('huaian.admin', GET, { c, p: '2026-H1' })).data?.periodInputs).toMatchObject({
      locked: true,
      complaints: { valid: 1, invalid: 2 },
    });
    await asSuperuser(api.database.name, async (db) => {
      await expect(
        db.query(
          'UPDATE period_inputs SET value = \'{"valid":0,"invalid":0}\' WHERE contract_id = $1 AND kind = \'complaints\'',
          [c],
        ),
      ).rejects.toThrow(/locked/);
    });
  });

  it('row-level security: the vendor reads but cannot write period inputs; another tenant and a vendor holding nothing see no row', async () => {
    const c = contracts['huaian-2025-2026'];
    await asSuperuser(api.database.name, async (db) => {
      const { tenant_id: tenantId, vendor_org_id: vendorOrgId } = (
        await db.query('SELECT tenant_id, vendor_org_id FROM contracts WHERE id = $1', [c])
      ).rows[0];
      const tianjin = (await db.query("SELECT id FROM tenants WHERE code = 'tianjin'")).rows[0].id as string;
      const asScope = async <T>(setting: string, value: string, work: () => Promise<T>): Promise<T> => {
        await db.query('BEGIN');
        try {
          await db.query('SET LOCAL ROLE ledger_app');
          await db.query('SELECT set_config($1, $2, true)', [setting, value]);
          return await work();
        } finally {
          await db.query('ROLLBACK');
        }
      };
      const count = async () =>
        Number((await db.query('SELECT count(*) AS n FROM period_inputs WHERE contract_id = $1', [c])).rows[0].n);
      expect(await asScope('app.vendor_org_id', vendorOrgId, count)).toBeGreaterThan(0);
      expect(await asScope('app.tenant_id', tianjin, count)).toBe(0);
      expect(await asScope('app.vendor_org_id', '00000000-0000-4000-8000-000000000001', count)).toBe(0);
      await asScope('app.vendor_org_id', vendorOrgId, async () => {
        await expect(
          db.query(
            "INSERT INTO period_inputs (tenant_id, contract_id, period, kind, value, config_version, updated_by) VALUES ($1, $2, '2026-H2', 'complaints', '{}', 1, $3)",
            [tenantId, c, vendorOrgId],
          ),
        ).rejects.toThrow(/row-level security/);
      });
      await asScope('app.vendor_org_id', vendorOrgId, async () => {
        const r = await db.query(
          "UPDATE period_inputs SET value = '{}' WHERE contract_id = $1 AND kind = 'satisfaction'",
          [c],
        );
        expect(r.rowCount).toBe(0); // no UPDATE policy for the vendor: nothing it may change
      });
    });
  });

  it('every change left audit rows naming the operation, the actor and the tenant', async () => {
    const rows = await asSuperuser(
      api.database.name,
      async (db) =>
        (
          await db.query(
            "SELECT operation, action, tenant_id, actor_user_id, after ->> 'kind' AS kind FROM audit_log WHERE table_name = 'period_inputs' ORDER BY id",
          )
        ).rows,
    );
    const byOp = rows.filter((r) => r.operation === 'setPeriodInputs').map((r) => `${r.action}:${r.kind}`);
    expect(byOp.slice(0, 5)).toEqual([
      'INSERT:satisfaction',
      'INSERT:complaints',
      'UPDATE:satisfaction',
      'INSERT:acceptance',
      expect.stringMatching(/^INSERT:/),
    ]);
    for (const r of rows.filter((x) => x.operation === 'setPeriodInputs')) {
      expect(r.tenant_id).toMatch(/^[0-9a-f-]{36}$/);
      expect(r.actor_user_id).toMatch(/^[0-9a-f-]{36}$/);
    }
  });
});
