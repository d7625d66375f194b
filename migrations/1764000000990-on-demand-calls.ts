import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The buyer's calls on on-demand obligations and the vendor's service of each (domain rule 14: "不少于4次应急响应",
 * "每年不少于7次重保" are capacity, each call must be served). The buyer's tenant records a call; the vendor holding the
 * contract records its service once (a guard: only the service columns change, from empty, and never again); nobody
 * deletes. The same call (obligation, due day, subject) cannot be recorded twice. Read by both parties (the vendor's
 * arm as in 1764000000970); audited.
 */
export class OnDemandCalls1764000000990 implements MigrationInterface {
  name = 'OnDemandCalls1764000000990';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE on_demand_calls (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL,
        contract_id uuid NOT NULL,
        obligation_id text NOT NULL CHECK (obligation_id <> ''),
        called_on date NOT NULL,
        due_on date NOT NULL CHECK (due_on >= called_on),
        subject text NOT NULL DEFAULT '' CHECK (subject = btrim(subject)),
        called_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        served_on date CHECK (served_on IS NULL OR served_on >= called_on),
        service_evidence text,
        served_by uuid,
        served_at timestamptz,
        PRIMARY KEY (tenant_id, id),
        UNIQUE (id),
        UNIQUE (tenant_id, contract_id, obligation_id, due_on, subject),
        FOREIGN KEY (tenant_id, contract_id) REFERENCES contracts (tenant_id, id),
        CHECK ((served_on IS NULL) = (served_by IS NULL) AND (served_on IS NULL) = (served_at IS NULL))
      );
      CREATE INDEX on_demand_calls_contract_idx ON on_demand_calls (tenant_id, contract_id, due_on);
      ALTER TABLE on_demand_calls ENABLE ROW LEVEL SECURITY;
      ALTER TABLE on_demand_calls FORCE ROW LEVEL SECURITY;

      CREATE POLICY on_demand_calls_read ON on_demand_calls FOR SELECT USING (
        tenant_id = (SELECT app_tenant_id())
        OR (tenant_id, contract_id) IN (SELECT c.tenant_id, c.id FROM contracts c WHERE c.vendor_org_id = (SELECT app_vendor_org_id())));
      CREATE POLICY on_demand_calls_insert ON on_demand_calls FOR INSERT WITH CHECK (tenant_id = app_tenant_id());
      CREATE POLICY on_demand_calls_update ON on_demand_calls FOR UPDATE
        USING (app_vendor_holds(tenant_id, contract_id)) WITH CHECK (app_vendor_holds(tenant_id, contract_id));

      -- A call is the buyer's and stays as called; its service is recorded once.
      CREATE FUNCTION on_demand_call_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'an on-demand call is not deleted' USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF OLD.served_on IS NOT NULL THEN
          RAISE EXCEPTION 'the call % was served on %: it is history', OLD.id, OLD.served_on USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF (NEW.tenant_id, NEW.contract_id, NEW.obligation_id, NEW.called_on, NEW.due_on, NEW.subject, NEW.called_by, NEW.created_at)
           IS DISTINCT FROM (OLD.tenant_id, OLD.contract_id, OLD.obligation_id, OLD.called_on, OLD.due_on, OLD.subject, OLD.called_by, OLD.created_at) THEN
          RAISE EXCEPTION 'a call keeps what the buyer recorded; only its service is added' USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER on_demand_calls_guard BEFORE UPDATE OR DELETE ON on_demand_calls FOR EACH ROW EXECUTE FUNCTION on_demand_call_guard();
      CREATE TRIGGER on_demand_calls_audit AFTER INSERT OR UPDATE OR DELETE ON on_demand_calls FOR EACH ROW EXECUTE FUNCTION audit_row();
      GRANT SELECT, INSERT, UPDATE ON on_demand_calls TO ledger_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE on_demand_calls; DROP FUNCTION on_demand_call_guard();`);
  }
}
