import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes and statistics of the period close at scale (issue 5). The close reads a contract's tickets in the order
 * they were recorded (created_at, number) — the order the ticket list also uses — through a cursor, and for each
 * ticket the instant of its last deployment. Before: `tickets` had no index on that order (the contract's tickets were
 * sorted), and finding the last deployment walked the ticket's whole history backwards on (tenant_id, ticket_id, seq).
 *
 *  - tickets_contract_created_idx (tenant_id, contract_id, created_at, number): the tickets come in that order from
 *    an index scan, no sort;
 *  - ticket_events_deployed_idx (tenant_id, ticket_id, seq) INCLUDE (at, contract_id) WHERE kind = 'deployed': the
 *    last deployment is the first entry of a small partial index (one entry per deployment, not per event), read by
 *    an index-only scan (contract_id is there for the row-level security policy, which reads it);
 *  - tickets_tenant_contract_stats: tenant_id and contract_id are not independent (a contract belongs to one tenant),
 *    and a few contracts may hold most tickets. Without these statistics the planner multiplied the two selectivities
 *    and estimated ~5,000 of a contract's 100,000 tickets (a database with 1.1 M tickets over three contracts), so a
 *    LIMITed ordered read of the contract chose a bitmap scan and a sort of all its tickets for every batch.
 *
 * Measured on 100,000 tickets (1.19 M events), reading them all in batches of 10,000 as the app role under RLS:
 * 2.6–3.0 s with the unique (tenant_id, ticket_id, seq) key alone, 1.1–1.4 s with the partial index
 * (bench/close.bench.ts; a shared 2-CPU machine, so ranges).
 */
export class CloseIndexes1764000000500 implements MigrationInterface {
  name = 'CloseIndexes1764000000500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE INDEX tickets_contract_created_idx ON tickets (tenant_id, contract_id, created_at, number);
      CREATE INDEX ticket_events_deployed_idx ON ticket_events (tenant_id, ticket_id, seq) INCLUDE (at, contract_id) WHERE kind = 'deployed';
      CREATE STATISTICS tickets_tenant_contract_stats (dependencies, mcv) ON tenant_id, contract_id FROM tickets;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `DROP STATISTICS tickets_tenant_contract_stats; DROP INDEX ticket_events_deployed_idx; DROP INDEX tickets_contract_created_idx;`,
    );
  }
}
