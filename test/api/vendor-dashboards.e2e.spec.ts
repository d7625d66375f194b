import { Client } from 'pg';
import { scopeSettings, type AccessScope } from '@ledger/persistence';
import { DASHBOARD_SQL, DashboardRepository } from '../../libs/features/src/dashboard/dashboard.repository';
import { monthBounds } from '../../libs/features/src/dashboard/dashboard.service';
import { asSuperuser } from '../support/test-database';
import { startApi, type TestApi } from './api-app';

type Gql = { data?: Record<string, unknown> | null; errors?: { message: string }[] };
type Dashboard = { contractId: string; tenantId: string; contractCode: string; asOf: string } & Record<string, unknown>;

const COUNTS = 'met breached notRecorded compliancePercent running atRisk overdue';
const FIELDS = `contractId tenantId contractCode contractName asOf
  sla { month ${COUNTS} severities { severity ${COUNTS} targets { targetId name ${COUNTS} } } }
  openBreaches
  lastConfirmedClose { closeId period revision score grade confirmedAt }
  nextPayment { lineId label status dueDate net paid outstanding scheduleAsOf scheduleComputedAt }
  notifications { total critical warning latestAt }`;
const LIST = `query ($m: String) { contractDashboards(month: $m) { ${FIELDS} } }`;
const ONE = `query ($c: ID!, $m: String) { contractDashboard(contractId: $c, month: $m) { ${FIELDS} } }`;
const TENANTS = ['xuzhou', 'huaian', 'qinghai', 'beijing', 'tianjin'];

/** The figures without the instant they were read at. */
const figures = ({ asOf: _asOf, ...d }: Dashboard): Omit<Dashboard, 'asOf'> => d;

/**
 * The vendor's dashboards across its buyers' tenants (issue 15, point 2): the same figures, contract by contract, as
 * each buyer reads for its own contract, from one statement whatever the number of contracts, and without
 * row-level-security work per row read (the vendor's policy arm used to call a function for every row).
 */
describe('vendor dashboards across tenants (real PostgreSQL, demo seed)', () => {
  let api: TestApi;
  const tokens: Record<string, string> = {};
  /** Contract id → the buyer admin of its tenant. */
  const buyerOf = new Map<string, string>();
  const call = async (who: string, query: string, variables: Record<string, unknown> = {}): Promise<Gql> =>
    (await api.gql(query, variables, tokens[who])).body as Gql;

  beforeAll(async () => {
    api = await startApi({ SEED_DEMO: 'auto' });
    await api.jobsIdle();
    for (const who of ['vendor', ...TENANTS.map((t) => `${t}.admin`)])
      tokens[who] = await api.login(`${who}@demo.local`);
    for (const t of TENANTS)
      for (const c of (await call(`${t}.admin`, '{ contracts { id } }')).data?.contracts as { id: string }[])
        buyerOf.set(c.id, `${t}.admin`);
  }, 180_000);

  afterAll(async () => {
    await api?.close();
  });

  it.each([['2026-10'], [null]])(
    'month %s: the vendor reads, contract by contract, what the buyer of each contract reads',
    async (month) => {
      const r = await call('vendor', LIST, { m: month });
      expect(r.errors).toBeUndefined();
      const mine = r.data?.contractDashboards as Dashboard[];
      expect(mine).toHaveLength(12);
      expect(new Set(mine.map((d) => d.tenantId)).size).toBe(5);
      // By code, then id (the statement's order).
      expect(mine.map((d) => d.contractCode)).toEqual(mine.map((d) => d.contractCode).sort());
      let withFigures = 0;
      for (const d of mine) {
        const buyer = buyerOf.get(d.contractId);
        expect(buyer).toBeDefined();
        const theirs = await call(buyer as string, ONE, { c: d.contractId, m: month });
        expect(theirs.errors).toBeUndefined();
        expect(figures(d)).toEqual(figures(theirs.data?.contractDashboard as Dashboard));
        const sla = d.sla as { met: number; breached: number; running: number };
        if (sla.met + sla.breached + sla.running > 0) withFigures++;
      }
      // Not a comparison of empty tiles.
      expect(withFigures).toBeGreaterThan(0);
    },
  );

  it('one dashboard statement for all of the vendor’s contracts: as many statements as a buyer with one contract', async () => {
    const repo = api.app.get(DashboardRepository);
    const reads = jest.spyOn(repo, 'read');
    const statements = jest.spyOn(Client.prototype, 'query');
    try {
      const count = async (who: string): Promise<{ statements: number; reads: number; contracts: number }> => {
        statements.mockClear();
        reads.mockClear();
        const r = await call(who, LIST, { m: '2026-10' });
        expect(r.errors).toBeUndefined();
        return {
          statements: statements.mock.calls.length,
          reads: reads.mock.calls.length,
          contracts: (r.data?.contractDashboards as unknown[]).length,
        };
      };
      const buyer = await count('xuzhou.admin');
      const vendor = await count('vendor');
      expect(buyer.contracts).toBe(1);
      expect(vendor.contracts).toBe(12);
      expect(vendor.reads).toBe(1);
      expect(buyer.reads).toBe(1);
      expect(vendor.statements).toBe(buyer.statements);
    } finally {
      statements.mockRestore();
      reads.mockRestore();
    }
  });

  it('row-level security does no per-row function call for the vendor: as many as for one contract or the buyer', async () => {
    // Function call counts of this transaction (pg_stat_xact_user_functions) need track_functions, a superuser setting.
    await asSuperuser(api.database.name, (c) =>
      c.query(`ALTER DATABASE ${api.database.name} SET track_functions = 'all'`),
    );
    const owner = await asSuperuser(api.database.name, async (c) => {
      const { rows } = await c.query<{ tenant_id: string; vendor_org_id: string; id: string; running: number }>(
        `SELECT c.tenant_id, c.vendor_org_id, c.id,
                (SELECT count(*) FROM ticket_sla_clocks k WHERE k.contract_id = c.id AND k.is_current)::int AS running
         FROM contracts c JOIN tenants t ON t.id = c.tenant_id WHERE t.code = 'xuzhou'`,
      );
      return rows[0];
    });
    // Enough rows that a call per row would show.
    expect(owner.running).toBeGreaterThan(20);
    const { start, end } = monthBounds('2026-10');
    const calls = async (
      scope: AccessScope,
      contractIds: string[] | null,
    ): Promise<{ calls: number; rows: number }> => {
      const client = new Client({ connectionString: api.database.appUrl });
      await client.connect();
      try {
        await client.query('BEGIN');
        for (const [k, v] of Object.entries(scopeSettings(scope)))
          await client.query('SELECT set_config($1, $2, true)', [k, v]);
        const before = await client.query<{ n: number }>(
          'SELECT coalesce(sum(calls), 0)::int AS n FROM pg_stat_xact_user_functions',
        );
        const read = await client.query(DASHBOARD_SQL, [contractIds, '2026-10', new Date(), start, end]);
        const after = await client.query<{ n: number }>(
          'SELECT coalesce(sum(calls), 0)::int AS n FROM pg_stat_xact_user_functions',
        );
        return { calls: after.rows[0].n - before.rows[0].n, rows: read.rowCount ?? 0 };
      } finally {
        await client.query('ROLLBACK');
        await client.end();
      }
    };
    const userId = '00000000-0000-4000-8000-000000000000';
    const buyer = await calls({ kind: 'tenant', tenantId: owner.tenant_id, userId }, [owner.id]);
    const vendorOne = await calls({ kind: 'vendor', vendorOrgId: owner.vendor_org_id, userId }, [owner.id]);
    const vendorAll = await calls({ kind: 'vendor', vendorOrgId: owner.vendor_org_id, userId }, null);
    expect([buyer.rows, vendorOne.rows, vendorAll.rows]).toEqual([1, 1, 12]);
    expect({ vendorOne: vendorOne.calls, vendorAll: vendorAll.calls }).toEqual({
      vendorOne: buyer.calls,
      vendorAll: buyer.calls,
    });
  });
});
