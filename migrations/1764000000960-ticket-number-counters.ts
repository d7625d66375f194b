import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Ticket numbers from a per-contract counter (issue 15, point 1). `createTicket` without a number used to read every
 * number on the contract and take the first free one, unlocked: concurrent creates picked the same number and all but
 * one were refused (402 of 600 in the fault run), and each create read the contract's whole list (34k on a large one).
 *
 * Now the number comes from this row: `INSERT … ON CONFLICT DO UPDATE … RETURNING` increments it in the creating
 * transaction, so concurrent creates on one contract queue on the row lock and get consecutive numbers, and a create
 * that fails rolls its increment back (no gap). The row is made on a contract's first generated number, from the
 * highest `LX-n` its tickets already have (numbers typed by hand or imported are kept; the counter steps over any it
 * meets). A counter is a derived value, not a fact: no audit trigger (the tickets it numbers are audited).
 */
export class TicketNumberCounters1764000000960 implements MigrationInterface {
  name = 'TicketNumberCounters1764000000960';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE ticket_number_counters (
        tenant_id uuid NOT NULL,
        contract_id uuid NOT NULL,
        last_number int NOT NULL CHECK (last_number >= 1),
        PRIMARY KEY (tenant_id, contract_id),
        FOREIGN KEY (tenant_id, contract_id) REFERENCES contracts (tenant_id, id)
      );
      ALTER TABLE ticket_number_counters ENABLE ROW LEVEL SECURITY;
      ALTER TABLE ticket_number_counters FORCE ROW LEVEL SECURITY;
      -- As tickets_insert: only the buyer tenant submits tickets, so only it numbers them.
      CREATE POLICY ticket_number_counters_read ON ticket_number_counters FOR SELECT USING (tenant_id = app_tenant_id());
      CREATE POLICY ticket_number_counters_insert ON ticket_number_counters FOR INSERT WITH CHECK (tenant_id = app_tenant_id());
      CREATE POLICY ticket_number_counters_update ON ticket_number_counters FOR UPDATE
        USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id());
      GRANT SELECT, INSERT, UPDATE ON ticket_number_counters TO ledger_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE ticket_number_counters;`);
  }
}
