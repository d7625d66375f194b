import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import type { DataSource } from 'typeorm';
import {
  TenantDatabase,
  createDataSource,
  startEmbeddedPostgres,
  type EmbeddedPostgres,
} from '../../libs/persistence/src';
import { MIGRATIONS } from '../../migrations';

// The embedded mode of `npm start`: PGlite over a Unix socket, one connection, the app role set per transaction.
describe('embedded PostgreSQL (PGlite)', () => {
  let dir: string;
  let pg: EmbeddedPostgres;
  let ds: DataSource;
  let db: TenantDatabase;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ledger-embedded-'));
    pg = await startEmbeddedPostgres(dir);
    ds = createDataSource(pg.connection, { poolSize: 1, migrations: MIGRATIONS, pool: pg.pool });
    await ds.initialize();
    await ds.runMigrations();
    db = new TenantDatabase(ds, { setRole: true });
  }, 120_000);

  afterAll(async () => {
    await ds?.destroy();
    await pg?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('isolates tenants although PGlite logs in as a superuser', async () => {
    const [a, b] = await db.run({ kind: 'platform', userId: null }, async (em) => {
      const t = await em.query(`INSERT INTO tenants (code, name) VALUES ('a', 'A'), ('b', 'B') RETURNING id`);
      await em.query(`INSERT INTO vendor_organizations (name) VALUES ('X')`);
      return t.map((r: { id: string }) => r.id as string);
    });
    const user = '00000000-0000-4000-8000-000000000001';
    for (const [tenant, code] of [
      [a, 'a-1'],
      [b, 'b-1'],
    ]) {
      await db.run({ kind: 'tenant', tenantId: tenant, userId: user }, (em) =>
        em.query(
          `INSERT INTO contracts (tenant_id, vendor_org_id, code, name, current_version, amount, term_start, term_end)
                  SELECT $1, id, $2, $2, 1, '1.00', '2026-01-01', '2026-12-31' FROM vendor_organizations`,
          [tenant, code],
        ),
      );
    }
    const seen = await db.run({ kind: 'tenant', tenantId: a, userId: user }, (em) =>
      em.query('SELECT code FROM contracts'),
    );
    expect(seen).toEqual([{ code: 'a-1' }]);
    const none = await db.run({ kind: 'login', email: 'nobody@example.com' }, (em) =>
      em.query('SELECT code FROM contracts'),
    );
    expect(none).toEqual([]);
    const [{ role }] = await db.run({ kind: 'tenant', tenantId: a, userId: user }, (em) =>
      em.query('SELECT current_user AS role'),
    );
    expect(role).toBe('ledger_app');
  });

  it('writes audit rows through the triggers only: the app role cannot insert one, an audited write records its actor', async () => {
    const user = '00000000-0000-4000-8000-00000000e001';
    const [tenant] = await db.run({ kind: 'platform', userId: null }, (em) =>
      em.query(`SELECT id FROM tenants WHERE code = 'a'`),
    );
    const scope = { kind: 'tenant' as const, tenantId: tenant.id as string, userId: user, operation: 'renameContract' };
    await expect(
      db.run(scope, (em) =>
        em.query(
          `INSERT INTO audit_log (tenant_id, actor_user_id, table_name, action) VALUES ($1, $2, 'contracts', 'UPDATE')`,
          [tenant.id, user],
        ),
      ),
    ).rejects.toThrow(/permission denied/);
    await db.run(scope, (em) => em.query(`UPDATE contracts SET name = 'renamed' WHERE code = 'a-1'`));
    const audit = await db.run(scope, (em) =>
      em.query(
        `SELECT actor_user_id, operation, after ->> 'name' AS name FROM audit_log WHERE table_name = 'contracts' AND action = 'UPDATE'`,
      ),
    );
    expect(audit).toEqual([{ actor_user_id: user, operation: 'renameContract', name: 'renamed' }]);
  });

  it('keeps the audit log append-only', async () => {
    await expect(db.run({ kind: 'platform', userId: null }, (em) => em.query('DELETE FROM audit_log'))).rejects.toThrow(
      /permission denied|append-only/,
    );
  });

  // Issue 12: every role's home page failed after ~10 s idle with `prepared statement "contract-dashboard-v1"
  // already exists`. PGlite is one backend session behind the socket: when the pool closed its idle connection
  // and opened a new one, the session (and its named statements) lived on, while the new client knew none of them.
  const named = (name: string) =>
    db.run({ kind: 'platform', userId: null }, async (em) => {
      const client = (await em.queryRunner?.connect()) as {
        query(q: { name: string; text: string; values: unknown[] }): Promise<{ rows: { n: number }[] }>;
      };
      return (await client.query({ name, text: 'SELECT $1::int AS n', values: [7] })).rows[0].n;
    });

  it('keeps its one connection through an idle gap longer than the pool idle timeout (named statements keep working)', async () => {
    expect(await named('idle-probe-v1')).toBe(7);
    await new Promise((done) => setTimeout(done, 11_000));
    expect(await named('idle-probe-v1')).toBe(7);
  }, 30_000);

  it("starts a new connection on a clean session: a reconnect does not meet the old one's prepared statements", async () => {
    expect(await named('reconnect-probe-v1')).toBe(7);
    // Drop the pooled client as an error would (release(true) destroys it); the next transaction connects anew.
    const pool = (ds.driver as unknown as { master: { connect(): Promise<{ release(destroy?: boolean): void }> } })
      .master;
    (await pool.connect()).release(true);
    expect(await named('reconnect-probe-v1')).toBe(7);
  }, 30_000);
});
