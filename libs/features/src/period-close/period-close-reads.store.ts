import { ContractEntity, ContractVersionEntity, MonthlyReportEntity, PeriodInputEntity } from '@ledger/persistence';
import type { EntityManager } from 'typeorm';

/**
 * A ticket as the close's metrics read it: the columns `toMetricsTicket` uses and the instant of the ticket's last
 * event of the completion kind (the only event it looks at), nothing else. Dates as `YYYY-MM-DD` text (to_char:
 * whatever the session's DateStyle).
 */
export type TicketMetricRow = {
  number: string;
  state: string;
  special_attention: boolean;
  expected_close_date: string | null;
  extended_to: string | null;
  completed_at: Date | null;
};

/** Tickets per batch (one FETCH each); 10,000 rows are ~2 MB in the worker. */
export const TICKET_BATCH_SIZE = 10_000;

let cursors = 0;

/**
 * The close's tickets (tenant `$1`, contract `$2`) in recorded order with the instant of each one's last `$3` event:
 * read through a cursor, planned for a fast start (tickets_contract_created_idx, ticket_events_deployed_idx).
 */
export const TICKET_METRIC_ROWS_SQL = `SELECT t.number, t.state, t.special_attention,
              to_char(t.expected_close_date, 'YYYY-MM-DD') AS expected_close_date, to_char(t.extended_to, 'YYYY-MM-DD') AS extended_to,
              (SELECT e.at FROM ticket_events e
                WHERE e.tenant_id = t.tenant_id AND e.ticket_id = t.id AND e.kind = $3
                ORDER BY e.seq DESC LIMIT 1) AS completed_at
         FROM tickets t WHERE t.tenant_id = $1 AND t.contract_id = $2
        ORDER BY t.created_at, t.number`;

/** A buyer's period input as the inputs digest reads it (the ledger confirmation left out). */
export type DigestInputRow = { period: string; kind: string; value: unknown };

/** One digest of the ticket facts the close's metrics read, for tickets due up to `$2` (contract `$1`). */
export const TICKETS_DIGEST_SQL = `SELECT md5(coalesce(string_agg(concat_ws('|', t.number, t.special_attention, t.expected_close_date, t.extended_to, t.state IN ('withdrawn', 'unsolvable'),
              (SELECT extract(epoch FROM e.at) FROM ticket_events e WHERE e.tenant_id = t.tenant_id AND e.ticket_id = t.id AND e.kind = 'deployed' ORDER BY e.seq DESC LIMIT 1)),
            ',' ORDER BY t.number), '')) AS digest
       FROM tickets t WHERE t.contract_id = $1 AND (t.expected_close_date <= $2::date OR t.extended_to <= $2::date)`;

/** What a period close reads. What a query sees is decided by the transaction's scope (RLS). */
export const PeriodCloseReads = {
  contract(em: EntityManager, id: string): Promise<ContractEntity | null> {
    return em.getRepository(ContractEntity).findOne({ where: { id } });
  },

  version(
    em: EntityManager,
    c: { tenantId: string; id: string },
    version: number,
  ): Promise<ContractVersionEntity | null> {
    return em
      .getRepository(ContractVersionEntity)
      .findOne({ where: { tenantId: c.tenantId, contractId: c.id, version } });
  },

  periodInputs(em: EntityManager, contractId: string): Promise<PeriodInputEntity[]> {
    return em.getRepository(PeriodInputEntity).find({ where: { contractId }, order: { period: 'ASC', kind: 'ASC' } });
  },

  acceptedReports(em: EntityManager, contractId: string): Promise<MonthlyReportEntity[]> {
    return em
      .getRepository(MonthlyReportEntity)
      .find({ where: { contractId, status: 'accepted' }, order: { month: 'ASC' } });
  },

  /** The contract's period inputs but the ledger confirmation (read live by the schedule, not by the close). */
  digestInputs(em: EntityManager, contractId: string): Promise<DigestInputRow[]> {
    return em.query(
      `SELECT period, kind, value FROM period_inputs WHERE contract_id = $1 AND kind <> 'ledgerConfirmed' ORDER BY period, kind`,
      [contractId],
    );
  },

  /** The digest of the ticket facts the metrics read for tickets due up to `end` (YYYY-MM-DD). */
  async ticketsDigest(em: EntityManager, contractId: string, end: string): Promise<string> {
    const [tickets]: { digest: string }[] = await em.query(TICKETS_DIGEST_SQL, [contractId, end]);
    return tickets.digest;
  },

  /** The digest of the accepted monthly reports. */
  async reportsDigest(em: EntityManager, contractId: string): Promise<string> {
    const [reports]: { digest: string }[] = await em.query(
      `SELECT md5(coalesce(string_agg(concat_ws('|', id, month, payload::text), ',' ORDER BY month, id), '')) AS digest FROM monthly_reports WHERE contract_id = $1 AND status = 'accepted'`,
      [contractId],
    );
    return reports.digest;
  },

  /** The digest of the calls on on-demand obligations and their services (rule 14). */
  async callsDigest(em: EntityManager, contractId: string): Promise<string> {
    const [calls]: { digest: string }[] = await em.query(
      `SELECT md5(coalesce(string_agg(concat_ws('|', id, obligation_id, called_on, due_on, subject, served_on), ',' ORDER BY id), '')) AS digest FROM on_demand_calls WHERE contract_id = $1`,
      [contractId],
    );
    return calls.digest;
  },

  /**
   * The contract's tickets in the order they were recorded (created_at, number), `batchSize` at a time, through a
   * server-side cursor in the caller's transaction: one query, planned once for a fast start (an index scan of
   * `tickets_contract_created_idx` in that order, no sort), then FETCH after FETCH — no re-scan per batch, whatever the
   * planner's estimate of the contract's size. Raw rows (no entity hydration): the state, dates and special attention
   * of each ticket and the instant of its last `completionKind` event by sequence (an index-only lookup in
   * `ticket_events_deployed_idx`), so the events of a ticket are never loaded. The next batch is fetched before this
   * one is handed over: the database reads it while the caller converts this one. At most two batches are held.
   */
  async *ticketBatches(
    em: EntityManager,
    contractId: string,
    completionKind: string,
    batchSize = TICKET_BATCH_SIZE,
  ): AsyncGenerator<TicketMetricRow[]> {
    const [contract]: { tenant_id: string }[] = await em.query(`SELECT tenant_id FROM contracts WHERE id = $1`, [
      contractId,
    ]);
    if (!contract) return;
    const cursor = `period_close_tickets_${++cursors}`;
    await em.query(
      `DECLARE ${cursor} NO SCROLL CURSOR FOR
       ${TICKET_METRIC_ROWS_SQL}`,
      [contract.tenant_id, contractId, completionKind],
    );
    const size = Math.max(1, Math.floor(batchSize));
    const fetch = (): Promise<TicketMetricRow[]> => em.query(`FETCH FORWARD ${size} FROM ${cursor}`);
    let next: Promise<TicketMetricRow[]> | null = fetch();
    try {
      while (next) {
        const rows: TicketMetricRow[] = await next;
        next = rows.length === size ? fetch() : null;
        // A failure of the prefetch surfaces when it is awaited (or in `finally`), never as an unhandled rejection.
        next?.catch(() => undefined);
        if (rows.length) yield rows;
      }
    } finally {
      // The caller stopped early (or failed): let the prefetch finish, then close the cursor (a no-op error when the
      // transaction has already failed: the original error is what the caller sees).
      if (next) await next.catch(() => undefined);
      await em.query(`CLOSE ${cursor}`).catch(() => undefined);
    }
  },
};
