import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { ConfigInvalidError, loadAppConfig } from '../../libs/features/src/config/app-config';
import { loadWorkerConfig } from '../../apps/worker/src/worker-config';
import { TenantDatabase, createDataSource, type AccessScope } from '../../libs/persistence/src';
import { asSuperuser, createTestDatabase, type TestDatabase } from '../support/test-database';

// Issue 11, findings 12 and 6a, proven on the real server: audit rows come from the triggers only, the application
// role cannot switch the triggers off, the serving process never gets the owner's URL in production, and the
// platform admin reads no tenant's jobs.
describe('audit hardening (PostgreSQL server)', () => {
  let tdb: TestDatabase;
  let ds: DataSource;
  let db: TenantDatabase;
  const ids = { tenant: '', vendor: '', otherVendor: '', contract: '' };
  const actor = '00000000-0000-4000-8000-00000000a001';
  const platform: AccessScope = {
    kind: 'platform',
    userId: '00000000-0000-4000-8000-00000000a0ad',
    operation: 'test-setup',
  };
  const tenantScope = (operation?: string): AccessScope => ({
    kind: 'tenant',
    tenantId: ids.tenant,
    userId: actor,
    operation,
  });

  /** A raw client as the application role, in a transaction rolled back at the end. */
  async function asApp<T>(work: (c: Client) => Promise<T>): Promise<T> {
    const client = new Client({ connectionString: tdb.appUrl });
    await client.connect();
    try {
      await client.query('BEGIN');
      return await work(client);
    } finally {
      await client.query('ROLLBACK').catch(() => undefined);
      await client.end();
    }
  }

  beforeAll(async () => {
    tdb = await createTestDatabase();
    ds = createDataSource({ url: tdb.appUrl }, { poolSize: 2 });
    await ds.initialize();
    db = new TenantDatabase(ds, { setRole: false });
    await db.run(platform, async (em) => {
      ids.tenant = (await em.query(`INSERT INTO tenants (code, name) VALUES ('a', 'A') RETURNING id`))[0].id;
      [ids.vendor, ids.otherVendor] = (
        await em.query(`INSERT INTO vendor_organizations (name) VALUES ('X'), ('Y') RETURNING id`)
      ).map((r: { id: string }) => r.id);
    });
    ids.contract = await db.run(
      tenantScope('createContract'),
      async (em) =>
        (
          await em.query(
            `INSERT INTO contracts (tenant_id, vendor_org_id, code, name, current_version, amount, term_start, term_end)
                       VALUES ($1, $2, 'a-1', 'a-1', 1, '1000.00', '2026-01-01', '2026-12-31') RETURNING id`,
            [ids.tenant, ids.vendor],
          )
        )[0].id as string,
    );
  }, 60_000);

  afterAll(async () => {
    await ds?.destroy();
    await tdb?.drop();
  });

  const forge = (em: { query(sql: string, params?: unknown[]): Promise<unknown> }) =>
    em.query(
      `INSERT INTO audit_log (tenant_id, actor_user_id, table_name, action, row_id, operation) VALUES ($1, $2, 'contracts', 'UPDATE', $3, 'forged')`,
      [ids.tenant, '00000000-0000-4000-8000-0000000f0f0f', ids.contract],
    );

  it('the application role cannot insert an audit row, in any scope', async () => {
    const scopes: AccessScope[] = [
      tenantScope('forge'),
      { kind: 'vendor', vendorOrgId: ids.vendor, userId: actor },
      platform,
      { kind: 'system', operation: 'forge' },
      { kind: 'login', email: 'someone@example.com' },
    ];
    for (const scope of scopes) await expect(db.run(scope, forge)).rejects.toThrow(/permission denied/);
    const [{ can }] = await ds.query(`SELECT has_table_privilege('ledger_app', 'audit_log', 'INSERT') AS can`);
    expect(can).toBe(false);
    // No insert policy left that the application role could use (should the grant ever come back).
    const policies = await asSuperuser(
      tdb.name,
      async (c) =>
        (
          await c.query(
            `SELECT policyname, roles::text[] AS roles FROM pg_policies WHERE tablename = 'audit_log' AND cmd IN ('INSERT', 'ALL')`,
          )
        ).rows,
    );
    for (const p of policies)
      expect({ policy: p.policyname, roles: p.roles }).toEqual({ policy: p.policyname, roles: ['ledger_owner'] });
  });

  it('an audited write through the normal path still records the right actor, tenant and operation', async () => {
    await db.run(tenantScope('renameContract'), (em) =>
      em.query(`UPDATE contracts SET name = 'renamed' WHERE id = $1`, [ids.contract]),
    );
    const audit = await db.run(tenantScope(), (em) =>
      em.query(`SELECT * FROM audit_log WHERE table_name = 'contracts' AND action = 'UPDATE'`),
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      tenant_id: ids.tenant,
      actor_user_id: actor,
      operation: 'renameContract',
      row_id: ids.contract,
    });
    expect(audit[0].after.name).toBe('renamed');
    // The statement-level audit of inserted rows (ticket import) writes through the same definer path.
    const [fn] = await ds.query(
      `SELECT p.proname FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid WHERE t.tgname = 'tickets_audit'`,
    );
    expect(fn.proname).toBe('audit_inserted_rows');
  });

  it('the owner itself cannot insert an audit row outside a trigger', async () => {
    const owner = new Client({ connectionString: tdb.ownerUrl });
    await owner.connect();
    try {
      await expect(forge(owner)).rejects.toThrow(/row-level security/);
    } finally {
      await owner.end();
    }
  });

  it('every audit trigger function is SECURITY DEFINER with a fixed search_path, owned by a role the app cannot assume, not executable by PUBLIC', async () => {
    const fns = await asSuperuser(
      tdb.name,
      async (c) =>
        (
          await c.query(`
        SELECT DISTINCT p.proname AS name, p.prosecdef AS definer, p.proconfig AS config,
               pg_has_role('ledger_app', p.proowner, 'MEMBER') AS app_is_member,
               has_function_privilege('ledger_app', p.oid, 'EXECUTE') AS app_executes
          FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid
         WHERE NOT t.tgisinternal AND t.tgrelid::regclass::text <> 'audit_log' AND t.tgname LIKE '%audit%'
         ORDER BY 1`)
        ).rows,
    );
    expect(fns.map((f) => f.name)).toEqual(['audit_inserted_rows', 'audit_row']);
    for (const f of fns) {
      expect({ name: f.name, definer: f.definer, appIsMember: f.app_is_member, appExecutes: f.app_executes }).toEqual({
        name: f.name,
        definer: true,
        appIsMember: false,
        appExecutes: false,
      });
      expect(f.config).toEqual(['search_path=pg_catalog, public, pg_temp']);
    }
  });

  it('the application role cannot disable or bypass the audit triggers', async () => {
    await expect(asApp((c) => c.query('ALTER TABLE contracts DISABLE TRIGGER contracts_audit'))).rejects.toThrow(
      /must be owner/,
    );
    await expect(asApp((c) => c.query('ALTER TABLE contracts DISABLE TRIGGER ALL'))).rejects.toThrow(/must be owner/);
    await expect(asApp((c) => c.query('DROP TRIGGER contracts_audit ON contracts'))).rejects.toThrow(/must be owner/);
    await expect(asApp((c) => c.query(`SET session_replication_role = replica`))).rejects.toThrow(/permission denied/);
    await expect(
      asApp((c) =>
        c.query(
          `CREATE OR REPLACE FUNCTION public.audit_row() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$`,
        ),
      ),
    ).rejects.toThrow(/permission denied|must be owner/);
    // Nor attach the definer function to a table of its own named like an audited one, to forge rows through it.
    await expect(
      asApp(async (c) => {
        await c.query(`CREATE TEMP TABLE contracts (id text, tenant_id uuid)`);
        await c.query(
          `CREATE TRIGGER forged AFTER INSERT ON pg_temp.contracts FOR EACH ROW EXECUTE FUNCTION public.audit_row()`,
        );
      }),
    ).rejects.toThrow(/permission denied/);
  });

  it('the platform admin reads no tenant job; the system scope (reconciler) reads all; a vendor only its own, of a contract it holds', async () => {
    const jobIdOf = (suffix: string) => `close.test-${suffix}`;
    await db.run(tenantScope('closePeriod'), (em) =>
      em.query(`INSERT INTO jobs (id, tenant_id, queue, name, payload) VALUES ($1, $2, 'close', 'close-period', $3)`, [
        jobIdOf('t'),
        ids.tenant,
        JSON.stringify({ tenantId: ids.tenant, contractId: ids.contract }),
      ]),
    );
    await db.run({ kind: 'vendor', vendorOrgId: ids.vendor, userId: actor }, (em) =>
      em.query(
        `INSERT INTO jobs (id, tenant_id, queue, name, payload, vendor_org_id) VALUES ($1, $2, 'export', 'render-export', $3, $4)`,
        [jobIdOf('v'), ids.tenant, JSON.stringify({ tenantId: ids.tenant, contractId: ids.contract }), ids.vendor],
      ),
    );
    const seen = (scope: AccessScope) =>
      db.run(scope, async (em) => (await em.query(`SELECT id FROM jobs ORDER BY id`)).map((r: { id: string }) => r.id));
    expect(await seen(platform)).toEqual([]);
    expect(await seen({ kind: 'platform', userId: null })).toEqual([]);
    expect(await seen({ kind: 'system', operation: 'job:reconcile' })).toEqual([jobIdOf('t'), jobIdOf('v')]);
    expect(await seen(tenantScope())).toEqual([jobIdOf('t'), jobIdOf('v')]);
    expect(await seen({ kind: 'vendor', vendorOrgId: ids.vendor, userId: actor })).toEqual([jobIdOf('v')]);
    expect(await seen({ kind: 'vendor', vendorOrgId: ids.otherVendor, userId: actor })).toEqual([]);
    const touched = await db.run(platform, (em) => em.query(`UPDATE jobs SET updated_at = now() RETURNING id`));
    expect(touched).toEqual([[], 0]);
    // A vendor that no longer holds the job's contract no longer reads the job.
    await asSuperuser(tdb.name, (c) =>
      c.query(`UPDATE contracts SET vendor_org_id = $1 WHERE id = $2`, [ids.otherVendor, ids.contract]),
    );
    try {
      expect(await seen({ kind: 'vendor', vendorOrgId: ids.vendor, userId: actor })).toEqual([]);
    } finally {
      await asSuperuser(tdb.name, (c) =>
        c.query(`UPDATE contracts SET vendor_org_id = $1 WHERE id = $2`, [ids.vendor, ids.contract]),
      );
    }
  });
});

describe('the serving process and the owner credentials', () => {
  const base = {
    JWT_SECRET: 'a-production-secret-that-is-long-enough-0123',
    DATABASE_URL: 'postgres://ledger_app@db:5432/ledger',
  };
  const ownerUrl = 'postgres://ledger_owner:secret@db:5432/ledger';

  it('production refuses DATABASE_MIGRATION_URL with a clear configuration error, without echoing it', () => {
    const load = () => loadAppConfig({ ...base, NODE_ENV: 'production', DATABASE_MIGRATION_URL: ownerUrl });
    expect(load).toThrow(ConfigInvalidError);
    expect(load).toThrow(/DATABASE_MIGRATION_URL: not allowed when NODE_ENV=production .*npm run db:migrate/);
    expect(load).not.toThrow(/secret@/);
    expect(loadAppConfig({ ...base, NODE_ENV: 'production' }).DATABASE_MIGRATION_URL).toBeUndefined();
  });

  it('the production worker refuses it too (it never migrates)', () => {
    const worker = { DATABASE_URL: base.DATABASE_URL, REDIS_URL: 'redis://redis:6379' };
    expect(() => loadWorkerConfig({ ...worker, NODE_ENV: 'production', DATABASE_MIGRATION_URL: ownerUrl })).toThrow(
      /DATABASE_MIGRATION_URL: not allowed when NODE_ENV=production/,
    );
    expect(loadWorkerConfig({ ...worker, NODE_ENV: 'production' }).NODE_ENV).toBe('production');
  });

  it('development and tests may still migrate at start with it', () => {
    expect(
      loadAppConfig({ ...base, NODE_ENV: 'development', DATABASE_MIGRATION_URL: ownerUrl }).DATABASE_MIGRATION_URL,
    ).toBe(ownerUrl);
    expect(loadAppConfig({ ...base, NODE_ENV: 'test', DATABASE_MIGRATION_URL: ownerUrl }).DATABASE_MIGRATION_URL).toBe(
      ownerUrl,
    );
  });
});
