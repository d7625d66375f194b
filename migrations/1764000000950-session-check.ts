import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The per-request session check in one round trip (issue 14, a lean API stack).
 *
 * Every signed-in request compares its token with the user's row (disabled, token version, role, tenant, vendor).
 * In the `session` scope that read is a transaction of four statements (BEGIN, role and settings, SELECT, COMMIT),
 * four round trips, the largest per-request cost of `{ ping }`. `app_session_user(id)` does the same read as one
 * statement: it sets `app.user_id` (so the existing `users_read` policy, `id = app_user_id()`, shows exactly that row
 * when the owner is subject to RLS) and returns the checked columns of that one row, nothing else. The application
 * role may execute it; nobody else. It grants no new reach: the `session` scope already lets the application read
 * any one user's row by id. Called outside a transaction (the setting ends with its own implicit transaction).
 */
export class SessionCheck1764000000950 implements MigrationInterface {
  name = 'SessionCheck1764000000950';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION app_session_user(p_user uuid)
        RETURNS TABLE (role text, tenant_id uuid, vendor_org_id uuid, disabled boolean, token_version int)
        LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
      BEGIN
        PERFORM set_config('app.user_id', p_user::text, true);
        RETURN QUERY
          SELECT u.role, u.tenant_id, u.vendor_org_id, u.disabled_at IS NOT NULL, u.token_version
            FROM users u WHERE u.id = p_user;
      END $$;
      REVOKE ALL ON FUNCTION app_session_user(uuid) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION app_session_user(uuid) TO ledger_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP FUNCTION app_session_user(uuid)');
  }
}
