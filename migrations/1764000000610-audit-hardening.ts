import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The audit functions as 1764000000000 and 1764000000510 wrote them (for `down`). */
const INVOKER_AUDIT_ROW = `
  CREATE OR REPLACE FUNCTION audit_row() RETURNS trigger LANGUAGE plpgsql SECURITY INVOKER AS $$
  DECLARE
    old_row jsonb := CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) - 'password_hash' END;
    new_row jsonb := CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) - 'password_hash' END;
    r jsonb := COALESCE(new_row, old_row);
  BEGIN
    INSERT INTO audit_log (tenant_id, vendor_org_id, actor_user_id, at, operation, table_name, action, row_id, before, after)
    VALUES (
      CASE WHEN TG_TABLE_NAME = 'tenants' THEN (r ->> 'id')::uuid ELSE (r ->> 'tenant_id')::uuid END,
      app_vendor_org_id(), app_user_id(), now(), NULLIF(current_setting('app.operation', true), ''),
      TG_TABLE_NAME, TG_OP,
      COALESCE(r ->> 'id', concat_ws('/', r ->> 'contract_id', r ->> 'version')),
      old_row, new_row
    );
    RETURN NULL;
  END $$;
  ALTER FUNCTION audit_row() RESET search_path;`;

const INVOKER_AUDIT_INSERTED_ROWS = `
  CREATE OR REPLACE FUNCTION audit_inserted_rows() RETURNS trigger LANGUAGE plpgsql SECURITY INVOKER AS $$
  BEGIN
    INSERT INTO audit_log (tenant_id, vendor_org_id, actor_user_id, at, operation, table_name, action, row_id, before, after)
    SELECT CASE WHEN TG_TABLE_NAME = 'tenants' THEN (r ->> 'id')::uuid ELSE (r ->> 'tenant_id')::uuid END,
           app_vendor_org_id(), app_user_id(), now(), NULLIF(current_setting('app.operation', true), ''),
           TG_TABLE_NAME, TG_OP,
           COALESCE(r ->> 'id', concat_ws('/', r ->> 'contract_id', r ->> 'version')),
           NULL, r
      FROM (SELECT to_jsonb(n) - 'password_hash' AS r FROM new_rows n) x;
    RETURN NULL;
  END $$;
  ALTER FUNCTION audit_inserted_rows() RESET search_path;`;

/**
 * Issue 11, findings 12 and 6a.
 *
 * Audit rows are written by the audit triggers only. Before, `audit_row()` ran as the caller, so `ledger_app` needed
 * INSERT on audit_log and a policy letting it insert — and could forge a row attributed to any user. Now:
 *  - `audit_row()` and `audit_inserted_rows()` are SECURITY DEFINER with a fixed search_path, owned by the role that
 *    runs migrations (the tables' owner, `ledger_owner` on a server; PGlite's superuser embedded), which `ledger_app`
 *    is not a member of; EXECUTE is revoked from PUBLIC, so the app cannot attach them to a table of its own (a temp
 *    table named like an audited one), and they refuse to audit a table their owner does not own;
 *  - `ledger_app` loses INSERT on audit_log and its sequence, and every insert policy is dropped (the foundation's and
 *    1764000000600's login one); the only one left is for the owner, and only inside a trigger
 *    (`pg_trigger_depth() > 0`), since audit_log is FORCE RLS;
 *  - `ledger_app` owns no table, so it cannot ALTER TABLE … DISABLE TRIGGER, and `session_replication_role` is
 *    superuser-only. The owner can do both: that is why the serving processes never hold the owner's credentials in
 *    production (migrations are a separate one-shot step, `npm run db:migrate`; see the README).
 *
 * Jobs (finding 6a): `jobs_read`/`jobs_update` let the platform scope read every tenant's jobs, and the platform admin
 * signs in with that scope, so `job(id)` returned a tenant's close score to it. The cross-tenant read is for the
 * system's own reconciler only, which now runs in the `system` scope (`app.system`); a platform admin sees no job.
 * A vendor sees a job it asked for only while it holds the contract (the job's `contractId`, or any contract of the
 * job's tenant when the payload names none, as `jobs_insert` checks).
 */
export class AuditHardening1764000000610 implements MigrationInterface {
  name = 'AuditHardening1764000000610';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION audit_row() RETURNS trigger LANGUAGE plpgsql
        SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
      DECLARE
        old_row jsonb := CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) - 'password_hash' END;
        new_row jsonb := CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) - 'password_hash' END;
        r jsonb := COALESCE(new_row, old_row);
      BEGIN
        -- Runs as its owner: only the owner's own tables are audited (never a table someone else created).
        IF NOT EXISTS (SELECT 1 FROM pg_class c JOIN pg_roles o ON o.oid = c.relowner WHERE c.oid = TG_RELID AND o.rolname = current_user) THEN
          RAISE EXCEPTION 'audit_row() audits only tables of %', current_user USING ERRCODE = 'insufficient_privilege';
        END IF;
        INSERT INTO public.audit_log (tenant_id, vendor_org_id, actor_user_id, at, operation, table_name, action, row_id, before, after)
        VALUES (
          CASE WHEN TG_TABLE_NAME = 'tenants' THEN (r ->> 'id')::uuid ELSE (r ->> 'tenant_id')::uuid END,
          public.app_vendor_org_id(), public.app_user_id(), now(), NULLIF(current_setting('app.operation', true), ''),
          TG_TABLE_NAME, TG_OP,
          COALESCE(r ->> 'id', concat_ws('/', r ->> 'contract_id', r ->> 'version')),
          old_row, new_row
        );
        RETURN NULL;
      END $$;

      CREATE OR REPLACE FUNCTION audit_inserted_rows() RETURNS trigger LANGUAGE plpgsql
        SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_class c JOIN pg_roles o ON o.oid = c.relowner WHERE c.oid = TG_RELID AND o.rolname = current_user) THEN
          RAISE EXCEPTION 'audit_inserted_rows() audits only tables of %', current_user USING ERRCODE = 'insufficient_privilege';
        END IF;
        INSERT INTO public.audit_log (tenant_id, vendor_org_id, actor_user_id, at, operation, table_name, action, row_id, before, after)
        SELECT CASE WHEN TG_TABLE_NAME = 'tenants' THEN (r ->> 'id')::uuid ELSE (r ->> 'tenant_id')::uuid END,
               public.app_vendor_org_id(), public.app_user_id(), now(), NULLIF(current_setting('app.operation', true), ''),
               TG_TABLE_NAME, TG_OP,
               COALESCE(r ->> 'id', concat_ws('/', r ->> 'contract_id', r ->> 'version')),
               NULL, r
          FROM (SELECT to_jsonb(n) - 'password_hash' AS r FROM new_rows n) x;
        RETURN NULL;
      END $$;

      -- A trigger function fires whoever writes; EXECUTE only matters for attaching it to a table (CREATE TRIGGER).
      REVOKE EXECUTE ON FUNCTION audit_row(), audit_inserted_rows() FROM PUBLIC;

      REVOKE INSERT ON audit_log FROM ledger_app;
      REVOKE USAGE ON SEQUENCE audit_log_id_seq FROM ledger_app;
    `);
    // Every insert policy goes (the foundation's and any later one, e.g. for login attempts): audit_log is FORCE RLS,
    // so the one left is for the definer (this migration's role), and only inside a trigger.
    await q.query(`DO $$ DECLARE p text; BEGIN
      FOR p IN SELECT policyname FROM pg_policies WHERE schemaname = 'public' AND tablename = 'audit_log' AND cmd IN ('INSERT', 'ALL') LOOP
        EXECUTE format('DROP POLICY %I ON audit_log', p);
      END LOOP;
      EXECUTE format('CREATE POLICY audit_log_trigger_insert ON audit_log FOR INSERT TO %I WITH CHECK (pg_trigger_depth() > 0)', current_user);
    END $$`);

    await q.query(`
      CREATE FUNCTION app_is_system() RETURNS boolean LANGUAGE sql STABLE AS
        $$ SELECT COALESCE(current_setting('app.system', true), '') = 'on' $$;
      GRANT EXECUTE ON FUNCTION app_is_system() TO ledger_app;

      -- The job's vendor reads it while it holds the job's contract (or, without one, a contract of the job's tenant).
      CREATE FUNCTION app_vendor_job(t uuid, v uuid, payload jsonb) RETURNS boolean LANGUAGE sql STABLE AS
        $$ SELECT v IS NOT NULL AND v = app_vendor_org_id() AND EXISTS (
             SELECT 1 FROM contracts c WHERE c.tenant_id = t AND c.vendor_org_id = v
               AND (NOT payload ? 'contractId' OR c.id::text = payload ->> 'contractId')) $$;
      GRANT EXECUTE ON FUNCTION app_vendor_job(uuid, uuid, jsonb) TO ledger_app;

      DROP POLICY jobs_read ON jobs;
      DROP POLICY jobs_update ON jobs;
      CREATE POLICY jobs_read ON jobs FOR SELECT
        USING (tenant_id = app_tenant_id() OR app_vendor_job(tenant_id, vendor_org_id, payload) OR app_is_system());
      CREATE POLICY jobs_update ON jobs FOR UPDATE
        USING (tenant_id = app_tenant_id() OR app_vendor_job(tenant_id, vendor_org_id, payload) OR app_is_system())
        WITH CHECK (tenant_id = app_tenant_id() OR app_vendor_job(tenant_id, vendor_org_id, payload) OR app_is_system());
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP POLICY jobs_read ON jobs;
      DROP POLICY jobs_update ON jobs;
      CREATE POLICY jobs_read ON jobs FOR SELECT
        USING (tenant_id = app_tenant_id() OR (vendor_org_id IS NOT NULL AND vendor_org_id = app_vendor_org_id()) OR app_is_platform_admin());
      CREATE POLICY jobs_update ON jobs FOR UPDATE
        USING (tenant_id = app_tenant_id() OR (vendor_org_id IS NOT NULL AND vendor_org_id = app_vendor_org_id()) OR app_is_platform_admin())
        WITH CHECK (tenant_id = app_tenant_id() OR (vendor_org_id IS NOT NULL AND vendor_org_id = app_vendor_org_id()) OR app_is_platform_admin());
      DROP FUNCTION app_vendor_job(uuid, uuid, jsonb), app_is_system();

      DROP POLICY audit_log_trigger_insert ON audit_log;
      CREATE POLICY audit_log_insert ON audit_log FOR INSERT
        WITH CHECK (app_is_platform_admin() OR tenant_id = app_tenant_id() OR vendor_org_id = app_vendor_org_id()
                    OR actor_user_id = app_user_id());
      DO $$ BEGIN
        IF to_regclass('login_attempts') IS NOT NULL THEN
          CREATE POLICY audit_log_insert_login ON audit_log FOR INSERT
            WITH CHECK (table_name = 'login_attempts' AND action = 'INSERT' AND app_login_email() IS NOT NULL);
        END IF;
      END $$;
      GRANT INSERT ON audit_log TO ledger_app;
      GRANT USAGE ON SEQUENCE audit_log_id_seq TO ledger_app;
      GRANT EXECUTE ON FUNCTION audit_row(), audit_inserted_rows() TO PUBLIC;
    `);
    await q.query(INVOKER_AUDIT_ROW);
    await q.query(INVOKER_AUDIT_INSERTED_ROWS);
  }
}
