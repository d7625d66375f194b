import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sessions that can end (issue 11, findings 3 and 5).
 *
 * - `users.disabled_at`: a disabled user cannot sign in and every token of theirs is refused.
 * - `users.token_version`: signed into every token (`ver`); the auth guard compares it with the row on every
 *   request, so bumping it ("revoke all sessions", disabling) ends every token issued before.
 * - `login_attempts`: one row per sign-in attempt (success, failure, throttled, disabled) with the normalised email
 *   and the client IP, never a password. It is the throttle's counter (per account and per IP, so it works the same
 *   on embedded PGlite and on a server with several API instances) and, through `audit_row()`, the login audit trail.
 *   The application role reaches it only in the `login` scope, and only the rows of the email or the IP being
 *   signed in (`app.login_email`, `app.login_ip`).
 * - The guard's per-request check needs no new privilege: the `session` scope sets only `app.user_id`, and the
 *   existing `users_read` policy (`id = app_user_id()`) then shows exactly that one row.
 */
export class Sessions1764000000600 implements MigrationInterface {
  name = 'Sessions1764000000600';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE users
        ADD COLUMN disabled_at timestamptz,
        ADD COLUMN token_version int NOT NULL DEFAULT 0 CHECK (token_version >= 0);

      CREATE FUNCTION app_login_ip() RETURNS text LANGUAGE sql STABLE AS
        $$ SELECT NULLIF(current_setting('app.login_ip', true), '') $$;

      CREATE TABLE login_attempts (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL,
        email text NOT NULL CHECK (email = lower(email)),
        ip text NOT NULL,
        outcome text NOT NULL CHECK (outcome IN ('pending', 'success', 'failure', 'throttled', 'disabled')),
        -- The account's user and tenant when the email names one: the tenant's admins then see its audit rows.
        user_id uuid,
        tenant_id uuid
      );
      CREATE INDEX login_attempts_email_idx ON login_attempts (email, at);
      CREATE INDEX login_attempts_ip_idx ON login_attempts (ip, at);
      ALTER TABLE login_attempts ENABLE ROW LEVEL SECURITY;
      ALTER TABLE login_attempts FORCE ROW LEVEL SECURITY;

      CREATE POLICY login_attempts_read ON login_attempts FOR SELECT
        USING (email = app_login_email() OR ip = app_login_ip());
      CREATE POLICY login_attempts_insert ON login_attempts FOR INSERT
        WITH CHECK (email = app_login_email() AND ip = app_login_ip());
      -- An attempt is inserted 'pending' before the password check (so parallel guesses count) and settled after it.
      CREATE POLICY login_attempts_settle ON login_attempts FOR UPDATE
        USING (email = app_login_email() AND outcome = 'pending') WITH CHECK (email = app_login_email());

      -- The audit row of a login attempt is written by audit_row() in the login scope (no user, tenant or vendor
      -- set yet): only for this table, only inserts, only while a login is in progress.
      CREATE POLICY audit_log_insert_login ON audit_log FOR INSERT
        WITH CHECK (table_name = 'login_attempts' AND action IN ('INSERT', 'UPDATE') AND app_login_email() IS NOT NULL);

      CREATE TRIGGER login_attempts_audit AFTER INSERT OR UPDATE ON login_attempts FOR EACH ROW EXECUTE FUNCTION audit_row();
      -- Attempts are evidence: the one change allowed is settling a pending attempt's outcome, once.
      CREATE FUNCTION login_attempt_settle_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND OLD.outcome = 'pending' AND NEW.outcome <> 'pending'
           AND (NEW.id, NEW.at, NEW.email, NEW.ip, NEW.user_id, NEW.tenant_id) IS NOT DISTINCT FROM (OLD.id, OLD.at, OLD.email, OLD.ip, OLD.user_id, OLD.tenant_id) THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION 'login_attempts is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$;
      CREATE TRIGGER login_attempts_append_only BEFORE UPDATE OR DELETE ON login_attempts FOR EACH ROW EXECUTE FUNCTION login_attempt_settle_only();

      GRANT SELECT, INSERT ON login_attempts TO ledger_app;
      GRANT UPDATE (outcome) ON login_attempts TO ledger_app;
      GRANT USAGE ON SEQUENCE login_attempts_id_seq TO ledger_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP POLICY audit_log_insert_login ON audit_log;
      DROP TABLE login_attempts;
      DROP FUNCTION login_attempt_settle_only();
      DROP FUNCTION app_login_ip();
      ALTER TABLE users DROP COLUMN token_version, DROP COLUMN disabled_at;
    `);
  }
}
