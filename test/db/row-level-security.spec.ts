import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { TenantDatabase, createDataSource, type AccessScope } from '../../libs/persistence/src';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

// Tenancy proven at the database: the app role, RLS policies and audit triggers on the real server.
describe('row-level security on PostgreSQL', () => {
  let tdb: TestDatabase;
  let ds: DataSource;
  let db: TenantDatabase;
  const ids = { tenantA: '', tenantB: '', vendorX: '', vendorY: '', contractA: '', contractB: '', contractB2: '' };
  const platform: AccessScope = { kind: 'platform', userId: null, operation: 'test-setup' };

  beforeAll(async () => {
    tdb = await createTestDatabase();
    ds = createDataSource({ url: tdb.appUrl }, { poolSize: 4 });
    await ds.initialize();
    db = new TenantDatabase(ds, { setRole: false });
    await db.run(platform, async (em) => {
      [ids.tenantA, ids.tenantB] = (
        await em.query(`INSERT INTO tenants (code, name) VALUES ('a', 'A'), ('b', 'B') RETURNING id`)
      ).map((r: { id: string }) => r.id);
      [ids.vendorX, ids.vendorY] = (
        await em.query(`INSERT INTO vendor_organizations (name) VALUES ('X'), ('Y') RETURNING id`)
      ).map((r: { id: string }) => r.id);
    });
    const contract = (tenant: string, vendor: string, code: string) =>
      db.run(
        { kind: 'tenant', tenantId: tenant, userId: '00000000-0000-4000-8000-000000000001' },
        async (em) =>
          (
            await em.query(
              `INSERT INTO contracts (tenant_id, vendor_org_id, code, name, current_version, amount, term_start, term_end)
                         VALUES ($1, $2, $3, $3, 1, '1000.00', '2026-01-01', '2026-12-31') RETURNING id`,
              [tenant, vendor, code],
            )
          )[0].id as string,
      );
    ids.contractA = await contract(ids.tenantA, ids.vendorX, 'a-1');
    ids.contractB = await contract(ids.tenantB, ids.vendorX, 'b-1');
    ids.contractB2 = await contract(ids.tenantB, ids.vendorY, 'b-2');
  }, 60_000);

  afterAll(async () => {
    await ds?.destroy();
    await tdb?.drop();
  });

  const codes = (scope: AccessScope) =>
    db.run(scope, async (em) =>
      (await em.query('SELECT code FROM contracts ORDER BY code')).map((r: { code: string }) => r.code),
    );

  it('the application role is no superuser, cannot bypass RLS and owns no table', async () => {
    const [role] = await ds.query(`SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user`);
    expect(role).toEqual({ rolsuper: false, rolbypassrls: false });
    const owned = await ds.query(
      `SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND pg_get_userbyid(c.relowner) = current_user`,
    );
    expect(owned).toEqual([]);
  });

  it('every table with a tenant_id (indeed every table but the migration ledger) has RLS enabled and forced', async () => {
    const tables = await ds.query(`
      SELECT c.relname AS table, c.relrowsecurity AS enabled, c.relforcerowsecurity AS forced,
             EXISTS (SELECT 1 FROM information_schema.columns col WHERE col.table_name = c.relname AND col.column_name = 'tenant_id') AS has_tenant
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname <> 'schema_migrations' ORDER BY 1`);
    expect(tables.filter((t: { has_tenant: boolean }) => t.has_tenant).length).toBeGreaterThanOrEqual(4);
    for (const t of tables)
      expect({ table: t.table, enabled: t.enabled, forced: t.forced }).toEqual({
        table: t.table,
        enabled: true,
        forced: true,
      });
  });

  it('a raw query on the app role with no tenant set returns 0 rows', async () => {
    const client = new Client({ connectionString: tdb.appUrl });
    await client.connect();
    try {
      for (const table of ['contracts', 'contract_versions', 'tenants', 'users', 'audit_log']) {
        expect({ table, rows: (await client.query(`SELECT * FROM ${table}`)).rowCount }).toEqual({ table, rows: 0 });
      }
    } finally {
      await client.end();
    }
  });

  it('a tenant sees only its own contracts; a vendor sees the contracts it holds, across tenants', async () => {
    const user = '00000000-0000-4000-8000-000000000002';
    expect(await codes({ kind: 'tenant', tenantId: ids.tenantA, userId: user })).toEqual(['a-1']);
    expect(await codes({ kind: 'tenant', tenantId: ids.tenantB, userId: user })).toEqual(['b-1', 'b-2']);
    expect(await codes({ kind: 'vendor', vendorOrgId: ids.vendorX, userId: user })).toEqual(['a-1', 'b-1']);
    expect(await codes({ kind: 'vendor', vendorOrgId: ids.vendorY, userId: user })).toEqual(['b-2']);
    expect(await codes(platform)).toEqual([]); // the platform admin manages tenants, not their contracts
  });

  it("filtering by another tenant's id finds nothing, and writing into it is refused", async () => {
    const scopeA: AccessScope = {
      kind: 'tenant',
      tenantId: ids.tenantA,
      userId: '00000000-0000-4000-8000-000000000003',
    };
    const rows = await db.run(scopeA, (em) => em.query('SELECT * FROM contracts WHERE id = $1', [ids.contractB]));
    expect(rows).toEqual([]);
    await expect(
      db.run(scopeA, (em) =>
        em.query(
          `INSERT INTO contracts (tenant_id, vendor_org_id, code, name, current_version, amount, term_start, term_end)
                  VALUES ($1, $2, 'sneaky', 'x', 1, '1.00', '2026-01-01', '2026-12-31')`,
          [ids.tenantB, ids.vendorX],
        ),
      ),
    ).rejects.toThrow(/row-level security/);
    const updated = await db.run(scopeA, (em) =>
      em.query(`UPDATE contracts SET name = 'hijacked' WHERE id = $1 RETURNING id`, [ids.contractB]),
    );
    expect(updated).toEqual([[], 0]);
  });

  it('settings do not leak into the next transaction on a pooled connection, even after an error', async () => {
    const scopeA: AccessScope = {
      kind: 'tenant',
      tenantId: ids.tenantA,
      userId: '00000000-0000-4000-8000-000000000004',
    };
    await expect(db.run(scopeA, (em) => em.query('SELECT 1/0'))).rejects.toThrow();
    const leaked = await Promise.all(
      [1, 2, 3, 4, 5, 6].map(() => ds.query(`SELECT current_setting('app.tenant_id', true) AS t`)),
    );
    for (const [row] of leaked) expect(row.t ?? '').toBe('');
  });

  it('every write leaves an audit row with actor, tenant, time and operation; the app cannot change or delete it', async () => {
    const actor = '00000000-0000-4000-8000-000000000005';
    const scopeB: AccessScope = { kind: 'tenant', tenantId: ids.tenantB, userId: actor, operation: 'renameContract' };
    await db.run(scopeB, (em) => em.query(`UPDATE contracts SET name = 'renamed' WHERE id = $1`, [ids.contractB]));
    const audit = await db.run(scopeB, (em) =>
      em.query(`SELECT * FROM audit_log WHERE table_name = 'contracts' AND action = 'UPDATE'`),
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      tenant_id: ids.tenantB,
      actor_user_id: actor,
      operation: 'renameContract',
      row_id: ids.contractB,
    });
    expect(audit[0].before.name).toBe('b-1');
    expect(audit[0].after.name).toBe('renamed');
    // Tenant A does not see B's audit trail.
    const seenByA = await db.run({ kind: 'tenant', tenantId: ids.tenantA, userId: actor }, (em) =>
      em.query(`SELECT * FROM audit_log WHERE tenant_id = $1`, [ids.tenantB]),
    );
    expect(seenByA).toEqual([]);
    await expect(db.run(scopeB, (em) => em.query(`UPDATE audit_log SET operation = 'forged'`))).rejects.toThrow(
      /permission denied|append-only/,
    );
    await expect(db.run(scopeB, (em) => em.query(`DELETE FROM audit_log`))).rejects.toThrow(
      /permission denied|append-only/,
    );
  });

  it('configuration versions are append-only', async () => {
    const scopeA: AccessScope = {
      kind: 'tenant',
      tenantId: ids.tenantA,
      userId: '00000000-0000-4000-8000-000000000006',
    };
    await db.run(scopeA, (em) =>
      em.query(
        `INSERT INTO contract_versions (tenant_id, contract_id, version, configuration) VALUES ($1, $2, 1, '{}')`,
        [ids.tenantA, ids.contractA],
      ),
    );
    await expect(
      db.run(scopeA, (em) => em.query(`UPDATE contract_versions SET configuration = '{"x":1}'`)),
    ).rejects.toThrow(/permission denied|append-only/);
  });
});
