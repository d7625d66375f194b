import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A resumable SLA scan (issue 15, point 6). `sla-scan` evaluated every running clock of a tenant in one transaction:
 * with ~34k open tickets it took 16–33 s, and one lost connection started it over (it completed on the 5th attempt).
 * It now works in batches of tickets (by id), one transaction each, and this row is its checkpoint: the last ticket
 * id done and the counts so far, written in the batch's own transaction. A retried attempt of the same job (same
 * job id) continues after the checkpoint, so a lost connection repeats one batch, not the tenant (a finished scan run
 * again under its id starts over); a repeated batch
 * raises nothing twice (the warnings' dedupe keys). Rows are the tenant's own (RLS); no audit trigger (a progress
 * counter, not a fact: the warnings it raises are audited).
 */
export class SlaScanProgress1764000000980 implements MigrationInterface {
  name = 'SlaScanProgress1764000000980';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE sla_scan_progress (
        tenant_id uuid NOT NULL REFERENCES tenants (id),
        job_id text NOT NULL,
        after_ticket_id uuid,
        batches int NOT NULL DEFAULT 0 CHECK (batches >= 0),
        running int NOT NULL DEFAULT 0 CHECK (running >= 0),
        evaluated int NOT NULL DEFAULT 0 CHECK (evaluated >= 0),
        warnings int NOT NULL DEFAULT 0 CHECK (warnings >= 0),
        raised int NOT NULL DEFAULT 0 CHECK (raised >= 0),
        skipped jsonb NOT NULL DEFAULT '[]'::jsonb,
        skipped_count int NOT NULL DEFAULT 0 CHECK (skipped_count >= 0),
        updated_at timestamptz NOT NULL DEFAULT now(),
        completed_at timestamptz,
        PRIMARY KEY (tenant_id, job_id)
      );
      ALTER TABLE sla_scan_progress ENABLE ROW LEVEL SECURITY;
      ALTER TABLE sla_scan_progress FORCE ROW LEVEL SECURITY;
      CREATE POLICY sla_scan_progress_read ON sla_scan_progress FOR SELECT USING (tenant_id = app_tenant_id());
      CREATE POLICY sla_scan_progress_insert ON sla_scan_progress FOR INSERT WITH CHECK (tenant_id = app_tenant_id());
      CREATE POLICY sla_scan_progress_update ON sla_scan_progress FOR UPDATE
        USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id());
      GRANT SELECT, INSERT, UPDATE ON sla_scan_progress TO ledger_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE sla_scan_progress;`);
  }
}
