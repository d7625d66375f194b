import { FINAL_STATES } from '@ledger/contracts';
import { ContractVersionEntity, TicketEntity, TicketEventEntity } from '@ledger/persistence';
import type { SlaStatus, TicketSlaResult } from '@ledger/sla';
import type { EntityManager, SelectQueryBuilder } from 'typeorm';

/*
 * The rows the SLA jobs (ticket-sla, ticket-sla-batch, sla-scan and its scheduler) and the calendar recomputation
 * read and write. Every function runs in the caller's transaction and scope (row-level security decides).
 */

export type SlaNotification = {
  tenantId: string;
  contractId: string;
  /** null for a notice about the contract (a calendar recomputation's or an SLA revision's counts). */
  ticketId: string | null;
  dedupeKey: string;
  /** allowance-*: the free-work allowance warnings (domain rule 15), raised by the allowance-check job. */
  kind:
    | 'sla-at-risk'
    | 'sla-breached'
    | 'calendar-recomputed'
    | 'sla-revised'
    | 'allowance-warning'
    | 'allowance-used-up'
    | 'allowance-beyond';
  severity: 'info' | 'warning' | 'critical';
  message: string;
  details: Record<string, string | number>;
};

/** Where a resumable `sla-scan` stands: the last ticket done and the counts so far. */
export type SlaScanProgress = {
  /** The scan went through every batch (a run under the same job id then starts over). */
  completed: boolean;
  afterTicketId: string | null;
  batches: number;
  running: number;
  evaluated: number;
  warnings: number;
  raised: number;
  skipped: { ticketId: string; note: string }[];
  skippedCount: number;
};
export type SlaScanProgressRow = {
  completed: boolean;
  after_ticket_id: string | null;
  batches: number;
  running: number;
  evaluated: number;
  warnings: number;
  raised: number;
  skipped: { ticketId: string; note: string }[];
  skipped_count: number;
};
export const SCAN_PROGRESS_SELECT_SQL = `SELECT completed_at IS NOT NULL AS completed, after_ticket_id, batches, running, evaluated, warnings, raised,
  skipped, skipped_count FROM sla_scan_progress WHERE tenant_id = $1 AND job_id = $2`;
export const SCAN_PROGRESS_UPSERT_SQL = `INSERT INTO sla_scan_progress AS p (tenant_id, job_id, after_ticket_id, batches, running, evaluated, warnings, raised, skipped, skipped_count, completed_at)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, CASE WHEN $11 THEN now() END)
  ON CONFLICT (tenant_id, job_id) DO UPDATE SET after_ticket_id = $3, batches = $4, running = $5, evaluated = $6,
    warnings = $7, raised = $8, skipped = $9, skipped_count = $10, updated_at = now(), completed_at = CASE WHEN $11 THEN now() END`;

/** One stored SLA result of a ticket at a point of its history (ticket_sla_results; each target's `provisional` is in the targets jsonb). */
export type SlaResultRow = {
  tenantId: string;
  contractId: string;
  ticketId: string;
  eventCount: number;
  configVersion: number;
  result: TicketSlaResult;
  status: SlaStatus;
};

/** A ticket of one slice of a bulk import, as the batch job reads it (dates as text). */
export type ImportedTicketRow = {
  id: string;
  tenant_id: string;
  contract_id: string;
  number: string;
  title: string | null;
  category: string;
  business_area: string | null;
  severity: string;
  special_attention: boolean;
  expected_close_date: string | null;
  extended_to: string | null;
  state: string;
  checklist: Record<string, string | boolean> | null;
  config_version: number;
  import_event_count: number;
};

/** Rows per multi-row INSERT of the SLA jobs (results, warnings). */
const ROWS_PER_STATEMENT = 2000;

export const INSERT_NOTIFICATIONS_SQL = `INSERT INTO notifications (tenant_id, contract_id, ticket_id, dedupe_key, kind, severity, message, details)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::jsonb[]) ON CONFLICT DO NOTHING RETURNING id`;

export const INSERT_SLA_RESULTS_SQL = `INSERT INTO ticket_sla_results (tenant_id, contract_id, ticket_id, event_count, config_version, calendar_version, status, targets, evaluated_at)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::int[], $5::int[], $6::text[], $7::text[], $8::jsonb[], $9::timestamptz[]) ON CONFLICT DO NOTHING RETURNING id`;

/**
 * Whether a tenant has a running clock: an open ticket that was received, or reported (a clock may start at the
 * report, domain.md rule 13) — the scheduler's probe, LIMIT 1.
 */
export const RUNNING_CLOCK_PROBE_SQL = `SELECT 1 FROM tickets t WHERE t.tenant_id = $1 AND t.state <> ALL($2::text[])
             AND EXISTS (SELECT 1 FROM ticket_events e WHERE e.tenant_id = t.tenant_id AND e.ticket_id = t.id AND e.kind IN ('received', 'submitted')) LIMIT 1`;

export const TicketSlaStore = {
  /** The given versions of contracts' configurations (a version that cannot be read is absent). */
  configVersions(
    em: EntityManager,
    wanted: readonly { contractId: string; version: number }[],
  ): Promise<ContractVersionEntity[]> {
    return em.getRepository(ContractVersionEntity).find({ where: [...wanted] });
  },

  ticket(em: EntityManager, id: string): Promise<TicketEntity | null> {
    return em.getRepository(TicketEntity).findOne({ where: { id } });
  },

  /**
   * The events of the given tickets, in order (ticket, seq); the ids go as one array parameter. With the tickets'
   * tenant the read is a range of the (tenant_id, ticket_id, seq) index per ticket; without it that index cannot be
   * entered (its first column is the tenant) and the plan degrades to a scan whose cost grows with the whole table.
   */
  events(em: EntityManager, ticketIds: readonly string[], tenantId?: string): Promise<TicketEventEntity[]> {
    if (ticketIds.length === 0) return Promise.resolve([]);
    const q = em
      .getRepository(TicketEventEntity)
      .createQueryBuilder('e')
      .where('e.ticket_id = ANY(CAST(:ids AS uuid[]))', { ids: [...ticketIds] });
    if (tenantId !== undefined) q.andWhere('e.tenant_id = :tenantId', { tenantId });
    return q.orderBy('e.ticket_id').addOrderBy('e.seq').getMany();
  },

  /** The tickets of one slice of an import (ids from `fromTicketId` to `toTicketId`), by id. */
  importedTickets(
    em: EntityManager,
    k: { tenantId: string; importId: string; fromTicketId: string; toTicketId: string },
  ): Promise<ImportedTicketRow[]> {
    return em.query(
      `SELECT id, tenant_id, contract_id, number, title, category, business_area, severity, special_attention,
                expected_close_date::text AS expected_close_date, extended_to::text AS extended_to, state, checklist, config_version, import_event_count
           FROM tickets WHERE tenant_id = $1 AND import_id = $2 AND id BETWEEN $3 AND $4 ORDER BY id`,
      [k.tenantId, k.importId, k.fromTicketId, k.toTicketId],
    );
  },

  /** Stores one result unless it exists (unique per ticket, event count and versions); true when it was new. */
  async insertResult(em: EntityManager, row: SlaResultRow): Promise<boolean> {
    const stored: unknown[] = await em.query(
      `INSERT INTO ticket_sla_results (tenant_id, contract_id, ticket_id, event_count, config_version, calendar_version, status, targets, evaluated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING RETURNING id`,
      [
        row.tenantId,
        row.contractId,
        row.ticketId,
        row.eventCount,
        row.configVersion,
        row.result.calendarVersion,
        row.status,
        JSON.stringify(row.result.targets),
        row.result.evaluatedAt,
      ],
    );
    return stored.length > 0;
  },

  /** Inserts SLA results that do not exist yet (unique per ticket, event count and versions); returns how many were new. */
  async insertResults(em: EntityManager, rows: readonly SlaResultRow[]): Promise<number> {
    return insertInChunks(em, INSERT_SLA_RESULTS_SQL, rows, [
      (x) => x.tenantId,
      (x) => x.contractId,
      (x) => x.ticketId,
      (x) => x.eventCount,
      (x) => x.configVersion,
      (x) => x.result.calendarVersion,
      (x) => x.status,
      (x) => JSON.stringify(x.result.targets),
      (x) => x.result.evaluatedAt,
    ]);
  },

  /** Inserts warnings that do not exist yet (by dedupe key), a few thousand per statement; returns how many were new. */
  async insertNotifications(em: EntityManager, rows: readonly SlaNotification[]): Promise<number> {
    return insertInChunks(em, INSERT_NOTIFICATIONS_SQL, rows, [
      (n) => n.tenantId,
      (n) => n.contractId,
      (n) => n.ticketId,
      (n) => n.dedupeKey,
      (n) => n.kind,
      (n) => n.severity,
      (n) => n.message,
      (n) => JSON.stringify(n.details),
    ]);
  },

  /**
   * The scan's selection: the tenant's tickets not in a final state that were received by `at`, by contract and
   * number (a query, so its SQL text can be read without running it).
   */
  /**
   * The scan's next batch of running tickets: after ticket id `after` (null: from the start), by id, at most `limit`.
   * Keyset by id so a resumed scan continues exactly where its checkpoint says.
   */
  runningTicketsQuery(
    em: EntityManager,
    tenantId: string,
    at: Date,
    after: string | null,
    limit: number,
  ): SelectQueryBuilder<TicketEntity> {
    const q = em
      .getRepository(TicketEntity)
      .createQueryBuilder('t')
      .where('t.tenant_id = :tenantId', { tenantId })
      .andWhere('t.state NOT IN (:...ended)', { ended: [...FINAL_STATES] })
      .andWhere(
        // Received, or reported for clocks that start at the report; a ticket none of whose clocks has started is
        // evaluated to a note and skipped.
        `EXISTS (SELECT 1 FROM ticket_events e WHERE e.tenant_id = t.tenant_id AND e.ticket_id = t.id AND e.kind IN ('received', 'submitted') AND e.at <= :at)`,
        { at },
      );
    if (after !== null) q.andWhere('t.id > :after', { after });
    return q.orderBy('t.id').limit(limit);
  },

  runningTickets(
    em: EntityManager,
    tenantId: string,
    at: Date,
    after: string | null,
    limit: number,
  ): Promise<TicketEntity[]> {
    return TicketSlaStore.runningTicketsQuery(em, tenantId, at, after, limit).getMany();
  },

  /** The scan's checkpoint for this job (migration 980), or null before its first batch. */
  async scanProgress(em: EntityManager, tenantId: string, jobId: string): Promise<SlaScanProgress | null> {
    const rows: SlaScanProgressRow[] = await em.query(SCAN_PROGRESS_SELECT_SQL, [tenantId, jobId]);
    const r = rows[0];
    return r
      ? {
          completed: r.completed,
          afterTicketId: r.after_ticket_id,
          batches: r.batches,
          running: r.running,
          evaluated: r.evaluated,
          warnings: r.warnings,
          raised: r.raised,
          skipped: r.skipped,
          skippedCount: r.skipped_count,
        }
      : null;
  },

  /** Writes the checkpoint after a batch, in the batch's own transaction. */
  async saveScanProgress(em: EntityManager, tenantId: string, jobId: string, p: SlaScanProgress): Promise<void> {
    await em.query(SCAN_PROGRESS_UPSERT_SQL, [
      tenantId,
      jobId,
      p.afterTicketId,
      p.batches,
      p.running,
      p.evaluated,
      p.warnings,
      p.raised,
      JSON.stringify(p.skipped),
      p.skippedCount,
      p.completed,
    ]);
  },

  /** Every tenant (the scheduler lists them in the platform scope). */
  async tenantIds(em: EntityManager): Promise<string[]> {
    const rows: { id: string }[] = await em.query(`SELECT id FROM tenants ORDER BY id`);
    return rows.map((r) => r.id);
  },

  /** Whether the tenant has a running clock (in the tenant's own scope). */
  async hasRunningClock(em: EntityManager, tenantId: string): Promise<boolean> {
    const rows: unknown[] = await em.query(RUNNING_CLOCK_PROBE_SQL, [tenantId, [...FINAL_STATES]]);
    return rows.length > 0;
  },
};

/** One `unnest` insert per ROWS_PER_STATEMENT rows, a parameter array per column; returns how many rows were new. */
async function insertInChunks<R>(
  em: EntityManager,
  sql: string,
  rows: readonly R[],
  columns: readonly ((row: R) => unknown)[],
): Promise<number> {
  let inserted = 0;
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(i, i + ROWS_PER_STATEMENT);
    const r: unknown[] = await em.query(
      sql,
      columns.map((column) => chunk.map(column)),
    );
    inserted += r.length;
  }
  return inserted;
}
