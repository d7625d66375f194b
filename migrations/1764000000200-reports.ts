import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The vendor's monthly reports, the buyer's inputs per assessment period, and the staff roster with its
 * replacements. Same pattern as the foundation: RLS enabled and forced on every table, policies through
 * app_tenant_id() / app_vendor_org_id(), composite foreign keys that carry tenant_id, GRANTs to ledger_app only
 * for what it needs (no DELETE anywhere), audit_row() on every table.
 *
 * Who writes what (the database backs up the API's rules):
 *  - monthly_reports: the vendor holding the contract inserts and edits drafts and submits; the contract's tenant
 *    decides (accepted / returned). A trigger checks every status change against the scope that makes it, and an
 *    accepted report can be neither updated nor deleted by anyone (the owner included).
 *  - period_inputs: the tenant only; the vendor reads. A row with `locked` set (a closed period, domain rule 11)
 *    can be neither updated nor deleted. Nothing sets `locked` yet: closing periods is a later feature.
 *  - staff_members / staff_replacements: the vendor keeps the roster; the tenant reads it (and may update it, for
 *    buyer decisions such as the interview of a replacement).
 */
export class Reports1764000000200 implements MigrationInterface {
  name = 'Reports1764000000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- The contracts the current vendor scope holds (filtered by contracts_read itself).
      CREATE FUNCTION app_vendor_holds(t uuid, c uuid) RETURNS boolean LANGUAGE sql STABLE AS
        $$ SELECT app_vendor_org_id() IS NOT NULL AND EXISTS (SELECT 1 FROM contracts WHERE tenant_id = t AND id = c AND vendor_org_id = app_vendor_org_id()) $$;

      CREATE TABLE monthly_reports (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL,
        contract_id uuid NOT NULL,
        month text NOT NULL CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
        status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted', 'accepted', 'returned')),
        payload jsonb NOT NULL,
        config_version int NOT NULL CHECK (config_version >= 1),
        buyer_comment text,
        saved_by uuid NOT NULL,
        saved_at timestamptz NOT NULL DEFAULT now(),
        submitted_by uuid,
        submitted_at timestamptz,
        decided_by uuid,
        decided_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        UNIQUE (id),
        UNIQUE (tenant_id, contract_id, month),
        FOREIGN KEY (tenant_id, contract_id) REFERENCES contracts (tenant_id, id),
        CHECK (status <> 'returned' OR buyer_comment IS NOT NULL)
      );

      CREATE TABLE period_inputs (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL,
        contract_id uuid NOT NULL,
        period text NOT NULL CHECK (period ~ '^[0-9]{4}(-(H[12]|Q[1-4]|0[1-9]|1[0-2]))?$'),
        kind text NOT NULL CHECK (kind IN ('staffScores', 'satisfaction', 'securityIncidents', 'complaints', 'itemScores', 'quarterQualified', 'acceptance')),
        value jsonb NOT NULL,
        config_version int NOT NULL CHECK (config_version >= 1),
        locked boolean NOT NULL DEFAULT false,
        updated_by uuid NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        UNIQUE (id),
        UNIQUE (tenant_id, contract_id, period, kind),
        FOREIGN KEY (tenant_id, contract_id) REFERENCES contracts (tenant_id, id)
      );

      CREATE TABLE staff_members (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL,
        contract_id uuid NOT NULL,
        person_id text NOT NULL CHECK (person_id <> ''),
        name text NOT NULL CHECK (name <> ''),
        role_id text NOT NULL,
        placement text NOT NULL CHECK (placement IN ('on-site', 'remote', 'offshore')),
        from_date date NOT NULL,
        to_date date CHECK (to_date IS NULL OR to_date >= from_date),
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        UNIQUE (id),
        FOREIGN KEY (tenant_id, contract_id) REFERENCES contracts (tenant_id, id)
      );
      CREATE INDEX staff_members_contract_idx ON staff_members (tenant_id, contract_id);

      CREATE TABLE staff_replacements (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL,
        contract_id uuid NOT NULL,
        old_member_id uuid NOT NULL,
        new_member_id uuid NOT NULL,
        role_id text NOT NULL,
        applied_on date NOT NULL,
        change_on date NOT NULL CHECK (change_on > applied_on),
        handover_from date,
        handover_to date,
        interview_passed boolean,
        reason text,
        problems jsonb NOT NULL DEFAULT '[]',
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        UNIQUE (id),
        UNIQUE (tenant_id, old_member_id),
        FOREIGN KEY (tenant_id, contract_id) REFERENCES contracts (tenant_id, id),
        FOREIGN KEY (tenant_id, old_member_id) REFERENCES staff_members (tenant_id, id),
        FOREIGN KEY (tenant_id, new_member_id) REFERENCES staff_members (tenant_id, id)
      );
      CREATE INDEX staff_replacements_contract_idx ON staff_replacements (tenant_id, contract_id);
    `);

    for (const table of ['monthly_reports', 'period_inputs', 'staff_members', 'staff_replacements']) {
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY; ALTER TABLE ${table} FORCE ROW LEVEL SECURITY;`);
    }

    await q.query(`
      -- Monthly reports: both parties read; the vendor writes its own; the tenant decides.
      CREATE POLICY monthly_reports_read ON monthly_reports FOR SELECT
        USING (tenant_id = app_tenant_id() OR app_vendor_holds(tenant_id, contract_id));
      CREATE POLICY monthly_reports_insert ON monthly_reports FOR INSERT WITH CHECK (app_vendor_holds(tenant_id, contract_id));
      CREATE POLICY monthly_reports_update ON monthly_reports FOR UPDATE
        USING (tenant_id = app_tenant_id() OR app_vendor_holds(tenant_id, contract_id))
        WITH CHECK (tenant_id = app_tenant_id() OR app_vendor_holds(tenant_id, contract_id));

      -- Period inputs: the buyer's; the vendor reads.
      CREATE POLICY period_inputs_read ON period_inputs FOR SELECT
        USING (tenant_id = app_tenant_id() OR app_vendor_holds(tenant_id, contract_id));
      CREATE POLICY period_inputs_insert ON period_inputs FOR INSERT WITH CHECK (tenant_id = app_tenant_id());
      CREATE POLICY period_inputs_update ON period_inputs FOR UPDATE
        USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id());

      -- Roster and replacements: the vendor keeps them; the tenant reads (and may update, for its decisions).
      CREATE POLICY staff_members_read ON staff_members FOR SELECT
        USING (tenant_id = app_tenant_id() OR app_vendor_holds(tenant_id, contract_id));
      CREATE POLICY staff_members_insert ON staff_members FOR INSERT WITH CHECK (app_vendor_holds(tenant_id, contract_id));
      CREATE POLICY staff_members_update ON staff_members FOR UPDATE
        USING (tenant_id = app_tenant_id() OR app_vendor_holds(tenant_id, contract_id))
        WITH CHECK (tenant_id = app_tenant_id() OR app_vendor_holds(tenant_id, contract_id));
      CREATE POLICY staff_replacements_read ON staff_replacements FOR SELECT
        USING (tenant_id = app_tenant_id() OR app_vendor_holds(tenant_id, contract_id));
      CREATE POLICY staff_replacements_insert ON staff_replacements FOR INSERT WITH CHECK (app_vendor_holds(tenant_id, contract_id));
      CREATE POLICY staff_replacements_update ON staff_replacements FOR UPDATE
        USING (tenant_id = app_tenant_id() OR app_vendor_holds(tenant_id, contract_id))
        WITH CHECK (tenant_id = app_tenant_id() OR app_vendor_holds(tenant_id, contract_id));
    `);

    await q.query(`
      -- An accepted report is locked for everyone (the owner included); every other status change must be one
      -- the changing party may make: the vendor saves (→ draft) and submits (draft → submitted); the tenant
      -- decides (submitted → accepted | returned).
      CREATE FUNCTION monthly_report_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.status = 'accepted' THEN
          RAISE EXCEPTION 'monthly report % of % is accepted and locked: % is not allowed', OLD.id, OLD.month, TG_OP USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
        IF NEW.tenant_id <> OLD.tenant_id OR NEW.contract_id <> OLD.contract_id OR NEW.month <> OLD.month THEN
          RAISE EXCEPTION 'a monthly report keeps its contract and month' USING ERRCODE = 'check_violation';
        END IF;
        IF NEW.status IS DISTINCT FROM OLD.status AND NOT (
             (app_vendor_org_id() IS NOT NULL AND (
                (OLD.status IN ('draft', 'returned') AND NEW.status = 'draft') OR (OLD.status = 'draft' AND NEW.status = 'submitted')))
          OR (app_tenant_id() IS NOT NULL AND OLD.status = 'submitted' AND NEW.status IN ('accepted', 'returned'))
        ) THEN
          RAISE EXCEPTION 'monthly report status % → % is not allowed in this scope', OLD.status, NEW.status USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF NEW.status = OLD.status AND OLD.status <> 'draft' THEN
          RAISE EXCEPTION 'a % monthly report changes only by a status transition', OLD.status USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER monthly_reports_guard BEFORE UPDATE OR DELETE ON monthly_reports FOR EACH ROW EXECUTE FUNCTION monthly_report_guard();

      -- Inputs of a closed period (locked) are history (domain rule 11): corrections go into a later open period.
      CREATE FUNCTION period_input_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.locked THEN
          RAISE EXCEPTION 'period inputs % of % are locked (period closed): % is not allowed', OLD.kind, OLD.period, TG_OP USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER period_inputs_guard BEFORE UPDATE OR DELETE ON period_inputs FOR EACH ROW EXECUTE FUNCTION period_input_guard();
    `);
    for (const table of ['monthly_reports', 'period_inputs', 'staff_members', 'staff_replacements']) {
      await q.query(
        `CREATE TRIGGER ${table}_audit AFTER INSERT OR UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION audit_row()`,
      );
    }

    await q.query(`
      GRANT EXECUTE ON FUNCTION app_vendor_holds(uuid, uuid) TO ledger_app;
      GRANT SELECT, INSERT, UPDATE ON monthly_reports, period_inputs, staff_members, staff_replacements TO ledger_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE staff_replacements, staff_members, period_inputs, monthly_reports;
      DROP FUNCTION period_input_guard(), monthly_report_guard(), app_vendor_holds(uuid, uuid);
    `);
  }
}
