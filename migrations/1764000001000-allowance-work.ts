import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Work logged against the free-work allowances (domain rule 15: Xuzhou 9 person-months a year, Huai'an 5 over the
 * term, Tianjin P1 3, Qinghai 10 working days per request). The vendor holding the contract logs work, in the
 * allowance's unit, on the request (ticket) it was for; both parties read. A line is never changed or deleted (a
 * correction is a new line of the buyer's agreement, not yet built); amounts are above zero with at most two decimals.
 * Read by both parties (the vendor's arm as in 1764000000970); audited.
 */
export class AllowanceWork1764000001000 implements MigrationInterface {
  name = 'AllowanceWork1764000001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE allowance_work (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL,
        contract_id uuid NOT NULL,
        allowance_id text NOT NULL CHECK (allowance_id <> ''),
        ticket_id uuid,
        worked_on date NOT NULL,
        amount numeric(10, 2) NOT NULL CHECK (amount > 0),
        description text NOT NULL CHECK (btrim(description) <> ''),
        logged_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        UNIQUE (id),
        FOREIGN KEY (tenant_id, contract_id) REFERENCES contracts (tenant_id, id),
        FOREIGN KEY (tenant_id, ticket_id) REFERENCES tickets (tenant_id, id)
      );
      CREATE INDEX allowance_work_contract_idx ON allowance_work (tenant_id, contract_id, created_at);
      ALTER TABLE allowance_work ENABLE ROW LEVEL SECURITY;
      ALTER TABLE allowance_work FORCE ROW LEVEL SECURITY;
      CREATE POLICY allowance_work_read ON allowance_work FOR SELECT USING (
        tenant_id = (SELECT app_tenant_id())
        OR (tenant_id, contract_id) IN (SELECT c.tenant_id, c.id FROM contracts c WHERE c.vendor_org_id = (SELECT app_vendor_org_id())));
      CREATE POLICY allowance_work_insert ON allowance_work FOR INSERT WITH CHECK (app_vendor_holds(tenant_id, contract_id));
      CREATE TRIGGER allowance_work_audit AFTER INSERT OR UPDATE OR DELETE ON allowance_work FOR EACH ROW EXECUTE FUNCTION audit_row();
      GRANT SELECT, INSERT ON allowance_work TO ledger_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE allowance_work;`);
  }
}
