import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Moving a contract's open tickets onto its current configuration version (issue 16 point 2; domain rule 13): a
 * ticket follows the version it was opened under until the buyer admin moves the open ones, with a reason.
 *  - `sla_revisions`: each move asked for — the version moved to, the reason, who and when, and once the job ran how
 *    many tickets moved, how many kept their version (their severity is not in the new policy) and how many results
 *    changed. Read by the tenant and the vendor holding the contract; written by the tenant; audited; no DELETE.
 *  - `ticket_sla_results.previous_config_version`: a result recomputed because its ticket moved names the version of
 *    the result it replaces (with `supersedes_id`); the old result stays.
 */
export class SlaRevisions1764000001020 implements MigrationInterface {
  name = 'SlaRevisions1764000001020';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE ticket_sla_results ADD COLUMN previous_config_version int;
      CREATE TABLE sla_revisions (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL,
        contract_id uuid NOT NULL,
        to_version int NOT NULL,
        reason text NOT NULL CHECK (btrim(reason) <> ''),
        requested_by uuid NOT NULL,
        requested_at timestamptz NOT NULL DEFAULT now(),
        job_id text NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done')),
        moved int,
        kept int,
        changed int,
        finished_at timestamptz,
        PRIMARY KEY (tenant_id, id),
        UNIQUE (id),
        FOREIGN KEY (tenant_id, contract_id) REFERENCES contracts (tenant_id, id),
        FOREIGN KEY (tenant_id, contract_id, to_version) REFERENCES contract_versions (tenant_id, contract_id, version),
        CHECK ((status = 'done') = (finished_at IS NOT NULL AND moved IS NOT NULL AND kept IS NOT NULL AND changed IS NOT NULL))
      );
      CREATE INDEX sla_revisions_contract_idx ON sla_revisions (tenant_id, contract_id, requested_at DESC);
      ALTER TABLE sla_revisions ENABLE ROW LEVEL SECURITY;
      ALTER TABLE sla_revisions FORCE ROW LEVEL SECURITY;
      CREATE POLICY sla_revisions_read ON sla_revisions FOR SELECT
        USING (tenant_id = (SELECT app_tenant_id()) OR app_vendor_holds(tenant_id, contract_id));
      CREATE POLICY sla_revisions_insert ON sla_revisions FOR INSERT WITH CHECK (tenant_id = app_tenant_id());
      CREATE POLICY sla_revisions_update ON sla_revisions FOR UPDATE
        USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id());
      CREATE TRIGGER sla_revisions_audit AFTER INSERT OR UPDATE OR DELETE ON sla_revisions FOR EACH ROW EXECUTE FUNCTION audit_row();
      GRANT SELECT, INSERT, UPDATE ON sla_revisions TO ledger_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE sla_revisions; ALTER TABLE ticket_sla_results DROP COLUMN previous_config_version;`);
  }
}
