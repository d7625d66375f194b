import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tenants, vendor organisations, users, contracts with immutable configuration versions, and the audit log.
 *
 * Tenancy is enforced by PostgreSQL itself: every table has row-level security ENABLED and FORCED, policies
 * read transaction-local settings (`app.tenant_id`, `app.vendor_org_id`, `app.user_id`, `app.platform_admin`,
 * `app.login_email`) through the helper functions below, and a missing setting reads as NULL, which matches
 * nothing. The application role `ledger_app` owns no table, is no superuser and has no BYPASSRLS; this
 * migration runs as the owning role and grants `ledger_app` only what it needs.
 */
export class Foundation1764000000000 implements MigrationInterface {
  name = 'Foundation1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION app_setting_uuid(name text) RETURNS uuid LANGUAGE sql STABLE AS
        $$ SELECT NULLIF(current_setting(name, true), '')::uuid $$;
      CREATE FUNCTION app_tenant_id() RETURNS uuid LANGUAGE sql STABLE AS $$ SELECT app_setting_uuid('app.tenant_id') $$;
      CREATE FUNCTION app_vendor_org_id() RETURNS uuid LANGUAGE sql STABLE AS $$ SELECT app_setting_uuid('app.vendor_org_id') $$;
      CREATE FUNCTION app_user_id() RETURNS uuid LANGUAGE sql STABLE AS $$ SELECT app_setting_uuid('app.user_id') $$;
      CREATE FUNCTION app_is_platform_admin() RETURNS boolean LANGUAGE sql STABLE AS
        $$ SELECT COALESCE(current_setting('app.platform_admin', true), '') = 'on' $$;
      CREATE FUNCTION app_login_email() RETURNS text LANGUAGE sql STABLE AS
        $$ SELECT NULLIF(current_setting('app.login_email', true), '') $$;
    `);

    await q.query(`
      CREATE TABLE tenants (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE,
        name text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE vendor_organizations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL UNIQUE CHECK (email = lower(email)),
        password_hash text NOT NULL,
        display_name text NOT NULL,
        role text NOT NULL CHECK (role IN ('platform-admin', 'buyer-admin', 'buyer-staff', 'vendor', 'finance')),
        tenant_id uuid REFERENCES tenants (id),
        vendor_org_id uuid REFERENCES vendor_organizations (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (
          (role = 'platform-admin' AND tenant_id IS NULL AND vendor_org_id IS NULL) OR
          (role IN ('buyer-admin', 'buyer-staff', 'finance') AND tenant_id IS NOT NULL AND vendor_org_id IS NULL) OR
          (role = 'vendor' AND tenant_id IS NULL AND vendor_org_id IS NOT NULL)
        )
      );

      CREATE TABLE contracts (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenants (id),
        vendor_org_id uuid NOT NULL REFERENCES vendor_organizations (id),
        code text NOT NULL,
        name text NOT NULL,
        preset_id text,
        current_version int NOT NULL CHECK (current_version >= 1),
        amount numeric(18, 2) NOT NULL CHECK (amount >= 0),
        term_start date NOT NULL,
        term_end date NOT NULL CHECK (term_end >= term_start),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        UNIQUE (id),
        UNIQUE (tenant_id, code)
      );
      CREATE INDEX contracts_vendor_idx ON contracts (vendor_org_id);

      CREATE TABLE contract_versions (
        tenant_id uuid NOT NULL,
        contract_id uuid NOT NULL,
        version int NOT NULL CHECK (version >= 1),
        configuration jsonb NOT NULL,
        change_note text,
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, contract_id, version),
        FOREIGN KEY (tenant_id, contract_id) REFERENCES contracts (tenant_id, id)
      );

      CREATE TABLE audit_log (
        id bigserial PRIMARY KEY,
        tenant_id uuid,
        vendor_org_id uuid,
        actor_user_id uuid,
        at timestamptz NOT NULL DEFAULT now(),
        operation text,
        table_name text NOT NULL,
        action text NOT NULL CHECK (action IN ('INSERT', 'UPDATE', 'DELETE')),
        row_id text,
        before jsonb,
        after jsonb
      );
      CREATE INDEX audit_log_tenant_idx ON audit_log (tenant_id, at);
    `);

    // Row-level security: on for every table, forced so that not even the owner reads around it.
    for (const table of ['tenants', 'vendor_organizations', 'users', 'contracts', 'contract_versions', 'audit_log']) {
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY; ALTER TABLE ${table} FORCE ROW LEVEL SECURITY;`);
    }

    await q.query(`
      -- A contract is visible to its tenant and to the vendor organisation that holds it.
      CREATE POLICY contracts_read ON contracts FOR SELECT
        USING (tenant_id = app_tenant_id() OR vendor_org_id = app_vendor_org_id());
      CREATE POLICY contracts_insert ON contracts FOR INSERT WITH CHECK (tenant_id = app_tenant_id());
      CREATE POLICY contracts_update ON contracts FOR UPDATE
        USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id());

      -- Rows that belong to a contract follow the contract (the sub-select is itself filtered by contracts_read).
      CREATE POLICY contract_versions_read ON contract_versions FOR SELECT
        USING (tenant_id = app_tenant_id() OR contract_id IN (SELECT id FROM contracts WHERE vendor_org_id = app_vendor_org_id()));
      CREATE POLICY contract_versions_insert ON contract_versions FOR INSERT WITH CHECK (tenant_id = app_tenant_id());

      CREATE POLICY tenants_read ON tenants FOR SELECT
        USING (app_is_platform_admin() OR id = app_tenant_id()
               OR id IN (SELECT tenant_id FROM contracts WHERE vendor_org_id = app_vendor_org_id()));
      CREATE POLICY tenants_write ON tenants FOR INSERT WITH CHECK (app_is_platform_admin());
      CREATE POLICY tenants_update ON tenants FOR UPDATE USING (app_is_platform_admin()) WITH CHECK (app_is_platform_admin());

      -- The supplier directory is readable by every signed-in scope; only the platform admin writes it.
      CREATE POLICY vendor_organizations_read ON vendor_organizations FOR SELECT
        USING (app_is_platform_admin() OR app_tenant_id() IS NOT NULL OR app_vendor_org_id() IS NOT NULL);
      CREATE POLICY vendor_organizations_write ON vendor_organizations FOR INSERT WITH CHECK (app_is_platform_admin());

      CREATE POLICY users_read ON users FOR SELECT
        USING (app_is_platform_admin() OR id = app_user_id() OR tenant_id = app_tenant_id() OR email = app_login_email());
      CREATE POLICY users_insert ON users FOR INSERT
        WITH CHECK (app_is_platform_admin() OR (tenant_id = app_tenant_id() AND role IN ('buyer-admin', 'buyer-staff', 'finance')));
      CREATE POLICY users_update ON users FOR UPDATE
        USING (app_is_platform_admin() OR id = app_user_id() OR tenant_id = app_tenant_id())
        WITH CHECK (app_is_platform_admin() OR id = app_user_id() OR tenant_id = app_tenant_id());

      CREATE POLICY audit_log_read ON audit_log FOR SELECT
        USING (tenant_id = app_tenant_id() OR (tenant_id IS NULL AND app_is_platform_admin()));
      CREATE POLICY audit_log_insert ON audit_log FOR INSERT
        WITH CHECK (app_is_platform_admin() OR tenant_id = app_tenant_id() OR vendor_org_id = app_vendor_org_id()
                    OR actor_user_id = app_user_id());
    `);

    await q.query(`
      -- One trigger function audits every table: who (user, vendor organisation), which tenant, when (UTC),
      -- which GraphQL operation, and the row before and after. Password hashes never enter the log.
      CREATE FUNCTION audit_row() RETURNS trigger LANGUAGE plpgsql AS $$
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

      -- The log and configuration versions are append-only, whoever asks (the owner included).
      CREATE FUNCTION reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$;
      CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION reject_change();
      CREATE TRIGGER contract_versions_append_only BEFORE UPDATE OR DELETE ON contract_versions FOR EACH ROW EXECUTE FUNCTION reject_change();
    `);
    for (const table of ['tenants', 'vendor_organizations', 'users', 'contracts', 'contract_versions']) {
      await q.query(
        `CREATE TRIGGER ${table}_audit AFTER INSERT OR UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION audit_row()`,
      );
    }

    await q.query(`
      GRANT USAGE ON SCHEMA public TO ledger_app;
      GRANT SELECT, INSERT, UPDATE ON tenants, vendor_organizations, users, contracts TO ledger_app;
      GRANT SELECT, INSERT ON contract_versions, audit_log TO ledger_app;
      GRANT USAGE ON SEQUENCE audit_log_id_seq TO ledger_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE audit_log, contract_versions, contracts, users, vendor_organizations, tenants;
      DROP FUNCTION reject_change(), audit_row(), app_login_email(), app_is_platform_admin(), app_user_id(),
        app_vendor_org_id(), app_tenant_id(), app_setting_uuid(text);
    `);
  }
}
