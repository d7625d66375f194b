import type { MigrationInterface, QueryRunner } from 'typeorm';

const TABLES = ['procurement_projects', 'procurement_packages', 'procurement_bids', 'procurement_evaluator_sheets'];

/**
 * Procurement (Tianjin, seed 004): projects, packages with their scoring scheme and budget, bids, and each
 * evaluator's sheet for a bid. Scores are never stored: they are computed from these rows by
 * `scoreProcurement` (libs/scoring) on every read, so a correction can never leave a stale ranking behind.
 *
 * Tenancy as in the foundation: RLS enabled and forced, one policy per table that admits only the buyer
 * tenant (vendors never see procurement: the bidders are not users), composite foreign keys that carry
 * tenant_id so a row can only point at a row of its own tenant, unique keys that include tenant_id, and
 * the audit_row() trigger on every table. Rows are append-only for the application role (SELECT, INSERT).
 */
export class Procurement1764000000300 implements MigrationInterface {
  name = 'Procurement1764000000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE procurement_projects (
        tenant_id uuid NOT NULL REFERENCES tenants (id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        code text NOT NULL,
        name text NOT NULL,
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'evaluating', 'awarded', 'terminated')),
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        UNIQUE (id),
        UNIQUE (tenant_id, code)
      );

      CREATE TABLE procurement_packages (
        tenant_id uuid NOT NULL,
        project_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        number int NOT NULL CHECK (number >= 1),
        name text NOT NULL,
        budget numeric(18, 2) NOT NULL CHECK (budget > 0),
        -- Validated by validateProcurementScheme before it is stored (the database keeps the object shape only).
        scheme jsonb NOT NULL CHECK (jsonb_typeof(scheme) = 'object'),
        preset_id text,
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        UNIQUE (id),
        UNIQUE (tenant_id, project_id, number),
        FOREIGN KEY (tenant_id, project_id) REFERENCES procurement_projects (tenant_id, id)
      );

      CREATE TABLE procurement_bids (
        tenant_id uuid NOT NULL,
        package_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        bidder_name text NOT NULL,
        -- The final offer (最后报价): compared with the budget and signed in the contract.
        price numeric(18, 2) NOT NULL CHECK (price > 0),
        small_or_micro boolean NOT NULL,
        preference_basis text CHECK (preference_basis IN ('small-micro', 'prison-enterprise', 'disability-welfare-unit')),
        objective jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(objective) = 'object'),
        disqualified boolean NOT NULL DEFAULT false,
        disqualification_reason text,
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (disqualified = (disqualification_reason IS NOT NULL)),
        CHECK (preference_basis IS NULL OR small_or_micro),
        PRIMARY KEY (tenant_id, id),
        UNIQUE (id),
        UNIQUE (tenant_id, package_id, id),
        UNIQUE (tenant_id, package_id, bidder_name),
        FOREIGN KEY (tenant_id, package_id) REFERENCES procurement_packages (tenant_id, id)
      );

      CREATE TABLE procurement_evaluator_sheets (
        tenant_id uuid NOT NULL,
        package_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        evaluator text NOT NULL,
        bid_id uuid NOT NULL,
        items jsonb NOT NULL CHECK (jsonb_typeof(items) = 'object'),
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        UNIQUE (id),
        UNIQUE (tenant_id, package_id, evaluator, bid_id),
        FOREIGN KEY (tenant_id, package_id) REFERENCES procurement_packages (tenant_id, id),
        -- The bid must be one of the same package (and tenant).
        FOREIGN KEY (tenant_id, package_id, bid_id) REFERENCES procurement_bids (tenant_id, package_id, id)
      );
    `);

    for (const table of TABLES) {
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY; ALTER TABLE ${table} FORCE ROW LEVEL SECURITY;`);
      // The buyer tenant only: no vendor or platform clause (bidders are not users of the system).
      await q.query(`
        CREATE POLICY ${table}_read ON ${table} FOR SELECT USING (tenant_id = app_tenant_id());
        CREATE POLICY ${table}_insert ON ${table} FOR INSERT WITH CHECK (tenant_id = app_tenant_id());
      `);
      await q.query(
        `CREATE TRIGGER ${table}_audit AFTER INSERT OR UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION audit_row()`,
      );
      await q.query(`GRANT SELECT, INSERT ON ${table} TO ledger_app`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `DROP TABLE procurement_evaluator_sheets, procurement_bids, procurement_packages, procurement_projects`,
    );
  }
}
