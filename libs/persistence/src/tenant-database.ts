import type { DataSource, EntityManager } from 'typeorm';
import { scopeSettings, type AccessScope } from './access-scope';

/** The columns of a user's row a session token is checked against. */
export type SessionUserRow = {
  role: string;
  tenant_id: string | null;
  vendor_org_id: string | null;
  disabled: boolean;
  token_version: number;
};

/** The role every application transaction runs as. It owns nothing and cannot bypass row-level security. */
export const APP_ROLE = 'ledger_app';

/**
 * The only way application code reaches the database. Each call is one transaction that first pins the
 * role (embedded mode logs in as PGlite's superuser, which would bypass RLS) and the access scope, both
 * transaction-local: a pooled connection carries nothing into the next transaction, even after an error.
 */
export class TenantDatabase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly options: { setRole: boolean },
  ) {}

  run<T>(scope: AccessScope, work: (em: EntityManager) => Promise<T>): Promise<T> {
    const settings = scopeSettings(scope);
    return this.dataSource.transaction(async (em) => {
      if (this.options.setRole) await em.query(`SET LOCAL ROLE ${APP_ROLE}`);
      const names = Object.keys(settings) as (keyof typeof settings)[];
      const calls = names.map((_, i) => `set_config($${i * 2 + 1}, $${i * 2 + 2}, true)`).join(', ');
      await em.query(
        `SELECT ${calls}`,
        names.flatMap((n) => [n, settings[n]]),
      );
      return work(em);
    });
  }

  /**
   * The columns of one user's row a session token is checked against, in one statement outside any transaction:
   * `app_session_user()` (migration 1764000000950) scopes itself to that row. This runs on every signed-in request,
   * so it is not a `session`-scope transaction of four round trips.
   */
  async sessionUser(userId: string): Promise<SessionUserRow | undefined> {
    const rows = await this.dataSource.query<SessionUserRow[]>(
      'SELECT role, tenant_id, vendor_org_id, disabled, token_version FROM app_session_user($1)',
      [userId],
    );
    return rows[0];
  }

  /** Liveness only: no data, no scope. */
  async ping(): Promise<void> {
    await this.dataSource.query('SELECT 1');
  }
}
