import type { DataSource, EntityManager } from 'typeorm';
import { scopeSettings, type AccessScope } from './access-scope';
import { DatabaseUnavailableError, isTransientDatabaseError } from './transient-error';

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

  /**
   * Runs `work` in one transaction. A transient failure (a terminated or lost connection, a serialization failure, a
   * deadlock) before the work finished rolled everything back, so the transaction is run once more on a fresh
   * connection; if that fails too, or the connection was lost while committing (the outcome is unknown, so it is
   * never repeated), the caller gets DatabaseUnavailableError (SERVICE_UNAVAILABLE), not an internal error. `work`
   * must therefore do nothing outside the transaction that cannot be done twice (jobs go through the outbox).
   */
  async run<T>(scope: AccessScope, work: (em: EntityManager) => Promise<T>): Promise<T> {
    let finished = false;
    return retryTransient(
      () => {
        finished = false;
        return this.transaction(scope, async (em) => {
          const result = await work(em);
          finished = true;
          return result;
        });
      },
      () => finished,
    );
  }

  private transaction<T>(scope: AccessScope, work: (em: EntityManager) => Promise<T>): Promise<T> {
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
    // A read: once more on a fresh connection after a transient failure, then SERVICE_UNAVAILABLE.
    const rows = await retryTransient(() =>
      this.dataSource.query<SessionUserRow[]>(
        'SELECT role, tenant_id, vendor_org_id, disabled, token_version FROM app_session_user($1)',
        [userId],
      ),
    );
    return rows[0];
  }

  /** Liveness only: no data, no scope. */
  async ping(): Promise<void> {
    await this.dataSource.query('SELECT 1');
  }
}

/**
 * Runs `attempt`, and once more after a transient failure unless `committed()` says the failure came while committing
 * (the outcome is then unknown, so it is never repeated); what still fails transiently is DatabaseUnavailableError.
 */
async function retryTransient<T>(attempt: () => Promise<T>, committed: () => boolean = () => false): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt();
    } catch (e) {
      if (!isTransientDatabaseError(e)) throw e;
      if (committed() || n > 1) throw new DatabaseUnavailableError(e, committed());
    }
  }
}
