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
