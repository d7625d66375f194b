import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Ticket imports as uploads and jobs (issue 11, findings 4 and 9). The file arrives on its own HTTP route
 * (`POST /imports/tickets`), is stored here, and the `import-tickets` job reads, validates and stores it while this
 * row records its progress (rows read, validated, imported; problems), which the client polls (`ticketImport(id)`).
 *
 * Row-level security as for the contract's tickets: only the buyer tenant sees and writes its imports (a vendor
 * never imports). The file bytes are cleared when the import finishes; a finished import is immutable and no import
 * is ever deleted. No audit trigger: the audit log would copy the file bytes; the tickets an import stores are
 * audited (operation `job:<job id>`, the importing user) and its jobs row names who asked.
 */
export class TicketImports1764000000620 implements MigrationInterface {
  name = 'TicketImports1764000000620';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE ticket_imports (
        id uuid NOT NULL,
        tenant_id uuid NOT NULL,
        contract_id uuid NOT NULL,
        file_name text,
        format text NOT NULL CHECK (format IN ('csv', 'xlsx')),
        mode text NOT NULL CHECK (mode IN ('all-or-nothing', 'partial')),
        byte_size int NOT NULL CHECK (byte_size >= 0),
        content bytea,
        status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'reading', 'storing', 'completed', 'failed')),
        rows_read int NOT NULL DEFAULT 0,
        rows_validated int NOT NULL DEFAULT 0,
        rows_imported int NOT NULL DEFAULT 0,
        problem_count int NOT NULL DEFAULT 0,
        problems jsonb NOT NULL DEFAULT '[]'::jsonb,
        error text,
        job_id text NOT NULL UNIQUE,
        requested_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        completed_at timestamptz,
        PRIMARY KEY (tenant_id, id),
        UNIQUE (id),
        FOREIGN KEY (tenant_id, contract_id) REFERENCES contracts (tenant_id, id),
        CHECK (status NOT IN ('queued', 'reading', 'storing') OR content IS NOT NULL)
      );
      CREATE INDEX ticket_imports_contract_idx ON ticket_imports (tenant_id, contract_id, created_at DESC);
      ALTER TABLE ticket_imports ENABLE ROW LEVEL SECURITY;
      ALTER TABLE ticket_imports FORCE ROW LEVEL SECURITY;
      CREATE POLICY ticket_imports_read ON ticket_imports FOR SELECT USING (tenant_id = app_tenant_id());
      CREATE POLICY ticket_imports_insert ON ticket_imports FOR INSERT WITH CHECK (tenant_id = app_tenant_id());
      CREATE POLICY ticket_imports_update ON ticket_imports FOR UPDATE USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id());

      -- A finished import is history; an import keeps its tenant, contract, file facts and job.
      CREATE FUNCTION ticket_import_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' OR OLD.status IN ('completed', 'failed') THEN
          RAISE EXCEPTION 'ticket import % is % and immutable: % is not allowed', OLD.id, OLD.status, TG_OP USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF NEW.tenant_id <> OLD.tenant_id OR NEW.contract_id <> OLD.contract_id OR NEW.format <> OLD.format OR NEW.mode <> OLD.mode
           OR NEW.byte_size <> OLD.byte_size OR NEW.job_id <> OLD.job_id OR NEW.requested_by <> OLD.requested_by THEN
          RAISE EXCEPTION 'a ticket import keeps its contract, file, mode, job and requester' USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER ticket_imports_guard BEFORE UPDATE OR DELETE ON ticket_imports FOR EACH ROW EXECUTE FUNCTION ticket_import_guard();

      GRANT SELECT, INSERT, UPDATE ON ticket_imports TO ledger_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE ticket_imports; DROP FUNCTION ticket_import_guard();`);
  }
}
