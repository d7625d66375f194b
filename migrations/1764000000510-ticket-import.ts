import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Bulk ticket import at scale (issue 5). An import's tickets carry the import they came from and how many events
 * the import gave them, so its SLA work is a few `ticket-sla-batch` jobs over slices of the import (by ticket id)
 * instead of one `ticket-sla` job per ticket: each ticket is evaluated at the point of its history the import left,
 * whatever happened to it since. Both columns are NULL for tickets created through the API; adding them is a
 * catalogue change only (no rewrite). The partial index serves the jobs' slices (import, id range).
 *
 * The audit of inserted tickets and events becomes set-based: one statement-level trigger per INSERT statement that
 * writes the audit rows of all its rows from the transition table (`REFERENCING NEW TABLE`), instead of a plpgsql
 * call and a single-row INSERT per row. Same audit rows (one per inserted row, same columns and values as
 * audit_row() writes for an INSERT); a multi-row import statement pays for one trigger call. The trigger keeps the
 * name `<table>_audit`; updates and deletes stay audited row by row (`<table>_audit_change`, audit_row()).
 */
export class TicketImport1764000000510 implements MigrationInterface {
  name = 'TicketImport1764000000510';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE tickets
        ADD COLUMN import_id uuid,
        ADD COLUMN import_event_count int CHECK (import_event_count >= 1),
        ADD CONSTRAINT tickets_import_check CHECK ((import_id IS NULL) = (import_event_count IS NULL) AND (import_id IS NULL OR source = 'import'));
      CREATE INDEX tickets_import_idx ON tickets (tenant_id, import_id, id) WHERE import_id IS NOT NULL;

      -- audit_row() for INSERT, over all the rows of the statement at once.
      CREATE FUNCTION audit_inserted_rows() RETURNS trigger LANGUAGE plpgsql AS $$
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

      DROP TRIGGER tickets_audit ON tickets;
      CREATE TRIGGER tickets_audit AFTER INSERT ON tickets REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION audit_inserted_rows();
      CREATE TRIGGER tickets_audit_change AFTER UPDATE OR DELETE ON tickets FOR EACH ROW EXECUTE FUNCTION audit_row();
      DROP TRIGGER ticket_events_audit ON ticket_events;
      CREATE TRIGGER ticket_events_audit AFTER INSERT ON ticket_events REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION audit_inserted_rows();
      CREATE TRIGGER ticket_events_audit_change AFTER UPDATE OR DELETE ON ticket_events FOR EACH ROW EXECUTE FUNCTION audit_row();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TRIGGER ticket_events_audit_change ON ticket_events;
      DROP TRIGGER ticket_events_audit ON ticket_events;
      CREATE TRIGGER ticket_events_audit AFTER INSERT OR UPDATE OR DELETE ON ticket_events FOR EACH ROW EXECUTE FUNCTION audit_row();
      DROP TRIGGER tickets_audit_change ON tickets;
      DROP TRIGGER tickets_audit ON tickets;
      CREATE TRIGGER tickets_audit AFTER INSERT OR UPDATE OR DELETE ON tickets FOR EACH ROW EXECUTE FUNCTION audit_row();
      DROP FUNCTION audit_inserted_rows();
      DROP INDEX tickets_import_idx;
      ALTER TABLE tickets DROP CONSTRAINT tickets_import_check, DROP COLUMN import_event_count, DROP COLUMN import_id;
    `);
  }
}
