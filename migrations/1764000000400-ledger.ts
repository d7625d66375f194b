import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The computed ledger: jobs (the outbox every queued computation starts from), period closes with their deduction
 * lines, corrections as adjustment lines, payments marked by finance, payment schedule snapshots, stored ticket SLA
 * results, notifications and finance exports. Same pattern as before: RLS enabled and forced, policies through the
 * app_*() settings, composite foreign keys with tenant_id, GRANTs without DELETE, audit_row() on every table.
 *
 * Money correctness (docs/decisions.md "Jobs"):
 *  - a close is computed by one transaction that takes an advisory lock on its key, returns if the close is no
 *    longer pending, writes its lines under UNIQUE (tenant_id, contract_id, line_key) with ON CONFLICT DO NOTHING and marks the
 *    close draft — a crash before commit leaves nothing, a retry after commit is a no-op;
 *  - a confirmed close is immutable for everyone (the owner included): UPDATE and DELETE raise; so is a reopened
 *    one (it is history); lines, adjustments, payments and schedule snapshots are append-only;
 *  - one live close per contract and period (a partial unique index), revisions number the recomputations.
 */
export class Ledger1764000000400 implements MigrationInterface {
  name = 'Ledger1764000000400';

  async up(q: QueryRunner): Promise<void> {
    // The buyer's confirmation of the maintenance ledger (台账, Qinghai) becomes a period input; it is a payment fact
    // entered after the period's close, so confirming a close does not lock it.
    await q.query(`
      ALTER TABLE period_inputs DROP CONSTRAINT period_inputs_kind_check;
      ALTER TABLE period_inputs ADD CONSTRAINT period_inputs_kind_check
        CHECK (kind IN ('staffScores', 'satisfaction', 'securityIncidents', 'complaints', 'itemScores', 'quarterQualified', 'acceptance', 'ledgerConfirmed'));
    `);

    await q.query(`
      CREATE TABLE jobs (
        id text PRIMARY KEY CHECK (id ~ '^[A-Za-z0-9._-]+$'),
        tenant_id uuid NOT NULL REFERENCES tenants (id),
        queue text NOT NULL,
        name text NOT NULL,
        payload jsonb NOT NULL,
        status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'completed', 'failed')),
        attempts int NOT NULL DEFAULT 0,
        last_error text,
        result jsonb,
        requested_by uuid,
        vendor_org_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        completed_at timestamptz
      );
      CREATE INDEX jobs_pending_idx ON jobs (status, updated_at) WHERE status = 'queued';
      CREATE INDEX jobs_tenant_idx ON jobs (tenant_id, created_at);

      CREATE TABLE period_closes (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL,
        contract_id uuid NOT NULL,
        period text NOT NULL CHECK (period ~ '^[0-9]{4}(-(H[12]|Q[1-4]|0[1-9]|1[0-2]))?$'),
        revision int NOT NULL CHECK (revision >= 1),
        config_version int NOT NULL,
        as_of date NOT NULL,
        job_id text NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'draft', 'confirmed', 'reopened')),
        calendar_version text,
        score numeric(7, 2),
        grade text,
        result jsonb,
        requested_by uuid,
        requested_at timestamptz NOT NULL DEFAULT now(),
        computed_at timestamptz,
        confirmed_by uuid,
        confirmed_at timestamptz,
        reopened_by uuid,
        reopened_at timestamptz,
        reopen_reason text,
        PRIMARY KEY (tenant_id, id),
        UNIQUE (id),
        UNIQUE (tenant_id, contract_id, period, revision),
        UNIQUE (job_id),
        FOREIGN KEY (tenant_id, contract_id) REFERENCES contracts (tenant_id, id),
        FOREIGN KEY (tenant_id, contract_id, config_version) REFERENCES contract_versions (tenant_id, contract_id, version),
        CHECK (status = 'pending' OR status = 'reopened' OR (result IS NOT NULL AND computed_at IS NOT NULL AND calendar_version IS NOT NULL)),
        CHECK (status <> 'confirmed' OR confirmed_at IS NOT NULL)
      );
      CREATE UNIQUE INDEX period_closes_live_idx ON period_closes (tenant_id, contract_id, period) WHERE status <> 'reopened';

      -- Lines a close computed (deductions and withholdings of its schedule) and corrections (adjustments).
      CREATE TABLE close_lines (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL,
        contract_id uuid NOT NULL,
        -- The close that computed a deduction; null for an adjustment, which is booked in a later open period.
        close_id uuid,
        period text NOT NULL CHECK (period ~ '^[0-9]{4}(-(H[12]|Q[1-4]|0[1-9]|1[0-2]))?$'),
        line_key text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('deduction', 'adjustment')),
        payment_line_id text,
        rule_id text,
        label text,
        amount numeric(18, 2) NOT NULL,
        basis jsonb NOT NULL DEFAULT '{}',
        formula text NOT NULL,
        reason text,
        corrects_close_id uuid,
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        UNIQUE (id),
        FOREIGN KEY (tenant_id, contract_id) REFERENCES contracts (tenant_id, id),
        FOREIGN KEY (tenant_id, close_id) REFERENCES period_closes (tenant_id, id),
        FOREIGN KEY (tenant_id, corrects_close_id) REFERENCES period_closes (tenant_id, id),
        UNIQUE (tenant_id, contract_id, line_key),
        CHECK (kind = 'adjustment' OR close_id IS NOT NULL),
        CHECK (kind <> 'adjustment' OR (reason IS NOT NULL AND reason <> '' AND corrects_close_id IS NOT NULL))
      );
      CREATE INDEX close_lines_contract_idx ON close_lines (tenant_id, contract_id);

      -- What finance paid, per schedule line (append-only; a mistake is corrected by an adjustment).
      CREATE TABLE payments (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL,
        contract_id uuid NOT NULL,
        line_id text NOT NULL,
        amount numeric(18, 2) NOT NULL CHECK (amount > 0),
        paid_on date NOT NULL,
        reference text,
        marked_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        UNIQUE (id),
        FOREIGN KEY (tenant_id, contract_id) REFERENCES contracts (tenant_id, id)
      );
      CREATE INDEX payments_contract_idx ON payments (tenant_id, contract_id);

      -- Each recomputation of a contract's schedule, keyed by what it was computed from.
      CREATE TABLE payment_schedules (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL,
        contract_id uuid NOT NULL,
        basis_key text NOT NULL,
        config_version int NOT NULL,
        calendar_version text NOT NULL,
        as_of date NOT NULL,
        schedule jsonb NOT NULL,
        basis jsonb NOT NULL,
        net numeric(18, 2) NOT NULL,
        vendor_balance_owed numeric(18, 2) NOT NULL,
        computed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        UNIQUE (id),
        UNIQUE (tenant_id, contract_id, basis_key),
        FOREIGN KEY (tenant_id, contract_id) REFERENCES contracts (tenant_id, id),
        FOREIGN KEY (tenant_id, contract_id, config_version) REFERENCES contract_versions (tenant_id, contract_id, version)
      );
      CREATE INDEX payment_schedules_latest_idx ON payment_schedules (tenant_id, contract_id, computed_at DESC);

      -- A ticket's SLA results at a point of its event history (append-only; the latest is current).
      CREATE TABLE ticket_sla_results (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL,
        contract_id uuid NOT NULL,
        ticket_id uuid NOT NULL,
        event_count int NOT NULL,
        config_version int NOT NULL,
        calendar_version text NOT NULL,
        status text NOT NULL,
        targets jsonb NOT NULL,
        evaluated_at timestamptz NOT NULL,
        computed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        UNIQUE (id),
        UNIQUE (tenant_id, ticket_id, event_count, config_version, calendar_version),
        FOREIGN KEY (tenant_id, contract_id) REFERENCES contracts (tenant_id, id),
        FOREIGN KEY (tenant_id, contract_id, ticket_id) REFERENCES tickets (tenant_id, contract_id, id)
      );
      CREATE INDEX ticket_sla_results_ticket_idx ON ticket_sla_results (tenant_id, ticket_id, computed_at DESC);

      CREATE TABLE notifications (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL,
        contract_id uuid NOT NULL,
        ticket_id uuid,
        dedupe_key text NOT NULL,
        kind text NOT NULL,
        severity text NOT NULL CHECK (severity IN ('info', 'warning', 'critical')),
        message text NOT NULL,
        details jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        UNIQUE (id),
        UNIQUE (tenant_id, dedupe_key),
        FOREIGN KEY (tenant_id, contract_id) REFERENCES contracts (tenant_id, id)
      );
      CREATE INDEX notifications_contract_idx ON notifications (tenant_id, contract_id, created_at DESC);

      CREATE TABLE exports (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL,
        contract_id uuid,
        format text NOT NULL CHECK (format IN ('csv', 'xlsx')),
        status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'ready', 'failed')),
        job_id text NOT NULL UNIQUE,
        file_name text,
        content bytea,
        content_type text,
        error text,
        requested_by uuid NOT NULL,
        vendor_org_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        completed_at timestamptz,
        PRIMARY KEY (tenant_id, id),
        UNIQUE (id),
        FOREIGN KEY (tenant_id, contract_id) REFERENCES contracts (tenant_id, id),
        CHECK (status <> 'ready' OR (content IS NOT NULL AND file_name IS NOT NULL))
      );
    `);

    const tables = [
      'jobs',
      'period_closes',
      'close_lines',
      'payments',
      'payment_schedules',
      'ticket_sla_results',
      'notifications',
      'exports',
    ];
    for (const table of tables) {
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY; ALTER TABLE ${table} FORCE ROW LEVEL SECURITY;`);
    }

    await q.query(`
      -- Jobs: the tenant's own; a vendor sees the jobs it asked for; the platform (reconciler, bull-board) sees all.
      CREATE POLICY jobs_read ON jobs FOR SELECT
        USING (tenant_id = app_tenant_id() OR (vendor_org_id IS NOT NULL AND vendor_org_id = app_vendor_org_id()) OR app_is_platform_admin());
      CREATE POLICY jobs_insert ON jobs FOR INSERT
        WITH CHECK (tenant_id = app_tenant_id() OR (vendor_org_id = app_vendor_org_id() AND EXISTS (SELECT 1 FROM contracts c WHERE c.tenant_id = jobs.tenant_id AND c.vendor_org_id = app_vendor_org_id())));
      CREATE POLICY jobs_update ON jobs FOR UPDATE
        USING (tenant_id = app_tenant_id() OR (vendor_org_id IS NOT NULL AND vendor_org_id = app_vendor_org_id()) OR app_is_platform_admin())
        WITH CHECK (tenant_id = app_tenant_id() OR (vendor_org_id IS NOT NULL AND vendor_org_id = app_vendor_org_id()) OR app_is_platform_admin());
    `);
    // Contract rows: the buyer (tenant) writes, the vendor holding the contract reads.
    for (const table of [
      'period_closes',
      'close_lines',
      'payments',
      'payment_schedules',
      'ticket_sla_results',
      'notifications',
    ]) {
      await q.query(`
        CREATE POLICY ${table}_read ON ${table} FOR SELECT USING (tenant_id = app_tenant_id() OR app_vendor_holds(tenant_id, contract_id));
        CREATE POLICY ${table}_insert ON ${table} FOR INSERT WITH CHECK (tenant_id = app_tenant_id());
      `);
    }
    await q.query(`
      CREATE POLICY period_closes_update ON period_closes FOR UPDATE USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id());
      -- Exports: the tenant's, or the vendor's own (of a contract it holds).
      CREATE POLICY exports_read ON exports FOR SELECT
        USING (tenant_id = app_tenant_id() OR (vendor_org_id IS NOT NULL AND vendor_org_id = app_vendor_org_id()));
      CREATE POLICY exports_insert ON exports FOR INSERT
        WITH CHECK (tenant_id = app_tenant_id() OR (vendor_org_id = app_vendor_org_id() AND contract_id IS NOT NULL AND app_vendor_holds(tenant_id, contract_id)));
      CREATE POLICY exports_update ON exports FOR UPDATE USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id());

      -- A close moves pending → draft (computed, once) → confirmed, or draft/pending → reopened. Confirmed and
      -- reopened closes are history: no UPDATE, no DELETE, whoever asks (domain rule 11).
      CREATE FUNCTION period_close_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.status IN ('confirmed', 'reopened') THEN
          RAISE EXCEPTION 'period close % of % is % and immutable: % is not allowed', OLD.id, OLD.period, OLD.status, TG_OP USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'period closes are never deleted' USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF NEW.tenant_id <> OLD.tenant_id OR NEW.contract_id <> OLD.contract_id OR NEW.period <> OLD.period OR NEW.revision <> OLD.revision
           OR NEW.config_version <> OLD.config_version OR NEW.as_of <> OLD.as_of OR NEW.job_id <> OLD.job_id THEN
          RAISE EXCEPTION 'a period close keeps its contract, period, revision, configuration version, date and job' USING ERRCODE = 'check_violation';
        END IF;
        IF NOT ((OLD.status = 'pending' AND NEW.status IN ('draft', 'reopened')) OR (OLD.status = 'draft' AND NEW.status IN ('confirmed', 'reopened'))) THEN
          RAISE EXCEPTION 'period close status % → % is not allowed', OLD.status, NEW.status USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF OLD.status = 'draft' AND (NEW.result IS DISTINCT FROM OLD.result OR NEW.score IS DISTINCT FROM OLD.score OR NEW.grade IS DISTINCT FROM OLD.grade
           OR NEW.calendar_version IS DISTINCT FROM OLD.calendar_version OR NEW.computed_at IS DISTINCT FROM OLD.computed_at) THEN
          RAISE EXCEPTION 'a computed close keeps its result: reopen it to recompute' USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER period_closes_guard BEFORE UPDATE OR DELETE ON period_closes FOR EACH ROW EXECUTE FUNCTION period_close_guard();

      -- An export is written once, when it is ready or has failed.
      CREATE FUNCTION export_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' OR OLD.status <> 'queued' THEN
          RAISE EXCEPTION 'export % is % and immutable: % is not allowed', OLD.id, OLD.status, TG_OP USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER exports_guard BEFORE UPDATE OR DELETE ON exports FOR EACH ROW EXECUTE FUNCTION export_guard();
    `);
    for (const table of ['close_lines', 'payments', 'payment_schedules', 'ticket_sla_results', 'notifications']) {
      await q.query(
        `CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION reject_change()`,
      );
    }
    // The exports' file bytes stay out of the audit log (the row's metadata is audited by the jobs row).
    for (const table of tables.filter((t) => t !== 'exports' && t !== 'ticket_sla_results')) {
      await q.query(
        `CREATE TRIGGER ${table}_audit AFTER INSERT OR UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION audit_row()`,
      );
    }

    await q.query(`
      GRANT SELECT, INSERT, UPDATE ON jobs, period_closes, exports TO ledger_app;
      GRANT SELECT, INSERT ON close_lines, payments, payment_schedules, ticket_sla_results, notifications TO ledger_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DELETE FROM period_inputs WHERE kind = 'ledgerConfirmed';
      ALTER TABLE period_inputs DROP CONSTRAINT period_inputs_kind_check;
      ALTER TABLE period_inputs ADD CONSTRAINT period_inputs_kind_check
        CHECK (kind IN ('staffScores', 'satisfaction', 'securityIncidents', 'complaints', 'itemScores', 'quarterQualified', 'acceptance'));
      DROP TABLE exports, notifications, ticket_sla_results, payment_schedules, payments, close_lines, period_closes, jobs;
      DROP FUNCTION period_close_guard(), export_guard();
    `);
  }
}
