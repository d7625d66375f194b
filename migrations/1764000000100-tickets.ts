import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tickets (联系单) and their append-only history. Pauses (buyer-approved SLA pauses) and extensions (顺延) are
 * events of the history, not tables of their own: the ticket's pauses are read back from its `paused` events,
 * and its current `extended_to` is kept on the ticket row.
 *
 * Same pattern as contract_versions: RLS enabled and forced; a row is visible to the contract's tenant and to the
 * vendor organisation holding the contract (the sub-select is itself filtered by contracts_read); composite
 * foreign keys carry tenant_id; ledger_app gets no DELETE and only INSERT/SELECT on the history; every table is
 * audited; the history is append-only whoever asks.
 */
export class Tickets1764000000100 implements MigrationInterface {
  name = 'Tickets1764000000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE tickets (
        tenant_id uuid NOT NULL,
        contract_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        number text NOT NULL CHECK (number <> ''),
        title text,
        category text NOT NULL,
        business_area text,
        severity text NOT NULL,
        special_attention boolean NOT NULL DEFAULT false,
        expected_close_date date,
        extended_to date CHECK (extended_to IS NULL OR (expected_close_date IS NOT NULL AND extended_to > expected_close_date)),
        state text NOT NULL CHECK (state IN ('submitted', 'pending-review', 'effective', 'received', 'feedback', 'in-progress',
          'internal-test', 'business-test-signed', 'deployed', 'stable', 'closed', 'unsolvable', 'withdrawn')),
        checklist jsonb,
        config_version int NOT NULL CHECK (config_version >= 1),
        source text NOT NULL DEFAULT 'api' CHECK (source IN ('api', 'import')),
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        UNIQUE (id),
        UNIQUE (tenant_id, contract_id, number),
        UNIQUE (tenant_id, contract_id, id),
        FOREIGN KEY (tenant_id, contract_id) REFERENCES contracts (tenant_id, id),
        FOREIGN KEY (tenant_id, contract_id, config_version) REFERENCES contract_versions (tenant_id, contract_id, version)
      );
      CREATE INDEX tickets_contract_state_idx ON tickets (tenant_id, contract_id, state);

      CREATE TABLE ticket_events (
        tenant_id uuid NOT NULL,
        contract_id uuid NOT NULL,
        ticket_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        seq int NOT NULL CHECK (seq >= 1),
        kind text NOT NULL,
        at timestamptz NOT NULL,
        actor_user_id uuid,
        actor_side text NOT NULL CHECK (actor_side IN ('buyer', 'vendor')),
        note text,
        payload jsonb,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        UNIQUE (tenant_id, ticket_id, seq),
        -- The contract is part of the key: an event cannot name a ticket of another contract than its own.
        FOREIGN KEY (tenant_id, contract_id, ticket_id) REFERENCES tickets (tenant_id, contract_id, id)
      );
    `);

    for (const table of ['tickets', 'ticket_events']) {
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY; ALTER TABLE ${table} FORCE ROW LEVEL SECURITY;`);
    }

    await q.query(`
      -- Visible to the contract's tenant and to the vendor organisation that holds the contract.
      CREATE POLICY tickets_read ON tickets FOR SELECT
        USING (tenant_id = app_tenant_id() OR contract_id IN (SELECT id FROM contracts WHERE vendor_org_id = app_vendor_org_id()));
      -- Only the buyer submits (and imports) tickets.
      CREATE POLICY tickets_insert ON tickets FOR INSERT WITH CHECK (tenant_id = app_tenant_id());
      -- Both parties move a ticket through its lifecycle; the vendor only on contracts it holds.
      CREATE POLICY tickets_update ON tickets FOR UPDATE
        USING (tenant_id = app_tenant_id() OR contract_id IN (SELECT id FROM contracts WHERE vendor_org_id = app_vendor_org_id()))
        WITH CHECK (tenant_id = app_tenant_id() OR contract_id IN (SELECT id FROM contracts WHERE vendor_org_id = app_vendor_org_id()));

      CREATE POLICY ticket_events_read ON ticket_events FOR SELECT
        USING (tenant_id = app_tenant_id() OR contract_id IN (SELECT id FROM contracts WHERE vendor_org_id = app_vendor_org_id()));
      CREATE POLICY ticket_events_insert ON ticket_events FOR INSERT
        WITH CHECK (tenant_id = app_tenant_id() OR contract_id IN (SELECT id FROM contracts WHERE vendor_org_id = app_vendor_org_id()));

      CREATE TRIGGER ticket_events_append_only BEFORE UPDATE OR DELETE ON ticket_events FOR EACH ROW EXECUTE FUNCTION reject_change();
      CREATE TRIGGER tickets_audit AFTER INSERT OR UPDATE OR DELETE ON tickets FOR EACH ROW EXECUTE FUNCTION audit_row();
      CREATE TRIGGER ticket_events_audit AFTER INSERT OR UPDATE OR DELETE ON ticket_events FOR EACH ROW EXECUTE FUNCTION audit_row();

      GRANT SELECT, INSERT, UPDATE ON tickets TO ledger_app;
      GRANT SELECT, INSERT ON ticket_events TO ledger_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE ticket_events, tickets;`);
  }
}
