import { FINAL_STATES } from '@ledger/contracts';
import type { TargetResult, TicketSlaResult } from '@ledger/sla';
import type { EntityManager } from 'typeorm';

/*
 * The rows of moving open tickets onto a contract's current configuration version (sla_revisions, migration 1020),
 * in the caller's transaction and scope (row-level security decides).
 */

export type SlaRevisionRow = {
  id: string;
  tenantId: string;
  contractId: string;
  toVersion: number;
  reason: string;
  requestedBy: string;
  requestedByName: string | null;
  requestedAt: Date;
  jobId: string;
  status: 'pending' | 'done';
  moved: number | null;
  kept: number | null;
  changed: number | null;
  finishedAt: Date | null;
};

/** An open ticket on an older version, with its latest stored result (if any). */
export type MovableTicketRow = {
  id: string;
  number: string;
  severity: string;
  state: string;
  config_version: number;
  result_id: string | null;
  result_targets: TargetResult[] | null;
};

const REVISION_COLUMNS = `r.id, r.tenant_id AS "tenantId", r.contract_id AS "contractId", r.to_version AS "toVersion", r.reason,
  r.requested_by AS "requestedBy", u.display_name AS "requestedByName", r.requested_at AS "requestedAt", r.job_id AS "jobId",
  r.status, r.moved, r.kept, r.changed, r.finished_at AS "finishedAt"`;

export const SlaRevisionsStore = {
  /** One move at a time per contract (until the transaction ends). */
  async lockContract(em: EntityManager, contractId: string): Promise<void> {
    await em.query(`SELECT pg_advisory_xact_lock(hashtext('sla_revisions'), hashtext($1))`, [contractId]);
  },

  async insert(
    em: EntityManager,
    row: {
      id: string;
      tenantId: string;
      contractId: string;
      toVersion: number;
      reason: string;
      requestedBy: string;
      jobId: string;
    },
  ): Promise<void> {
    await em.query(
      `INSERT INTO sla_revisions (id, tenant_id, contract_id, to_version, reason, requested_by, job_id) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [row.id, row.tenantId, row.contractId, row.toVersion, row.reason, row.requestedBy, row.jobId],
    );
  },

  /** The contract's moves, newest first. */
  list(em: EntityManager, contractId: string): Promise<SlaRevisionRow[]> {
    return em.query(
      `SELECT ${REVISION_COLUMNS} FROM sla_revisions r LEFT JOIN users u ON u.id = r.requested_by
        WHERE r.contract_id = $1 ORDER BY r.requested_at DESC, r.id`,
      [contractId],
    );
  },

  async get(em: EntityManager, id: string, lock: boolean): Promise<SlaRevisionRow | null> {
    const [row]: SlaRevisionRow[] = await em.query(
      `SELECT ${REVISION_COLUMNS} FROM sla_revisions r LEFT JOIN users u ON u.id = r.requested_by WHERE r.id = $1${lock ? ' FOR UPDATE OF r' : ''}`,
      [id],
    );
    return row ?? null;
  },

  async finish(em: EntityManager, id: string, counts: { moved: number; kept: number; changed: number }): Promise<void> {
    await em.query(
      `UPDATE sla_revisions SET status = 'done', moved = $2, kept = $3, changed = $4, finished_at = now() WHERE id = $1`,
      [id, counts.moved, counts.kept, counts.changed],
    );
  },

  /** How many open tickets of the contract are on a version older than `version`. */
  async movableCount(em: EntityManager, contractId: string, version: number): Promise<number> {
    const [row]: { n: string }[] = await em.query(
      `SELECT count(*)::text AS n FROM tickets WHERE contract_id = $1 AND config_version < $2 AND state <> ALL($3::text[])`,
      [contractId, version, FINAL_STATES],
    );
    return Number(row?.n ?? 0);
  },

  /** The open tickets of the contract on a version older than `version`, each with its latest stored result. */
  movable(em: EntityManager, contractId: string, version: number): Promise<MovableTicketRow[]> {
    return em.query(
      `SELECT t.id, t.number, t.severity, t.state, t.config_version, r.id AS result_id, r.targets AS result_targets
         FROM tickets t
         LEFT JOIN LATERAL (
           SELECT x.id, x.targets FROM ticket_sla_results x WHERE x.tenant_id = t.tenant_id AND x.ticket_id = t.id
            ORDER BY x.event_count DESC, x.evaluated_at DESC, x.computed_at DESC, x.id DESC LIMIT 1) r ON true
        WHERE t.contract_id = $1 AND t.config_version < $2 AND t.state <> ALL($3::text[])
        ORDER BY t.number`,
      [contractId, version, FINAL_STATES],
    );
  },

  /** The ticket follows `version` from now on (the tickets table is audited: the old version is in the audit log). */
  async moveTicket(em: EntityManager, ticketId: string, version: number): Promise<void> {
    await em.query(`UPDATE tickets SET config_version = $2, updated_at = now() WHERE id = $1`, [ticketId, version]);
  },

  /** The ticket's result on its new version, naming the result and the version it replaces. */
  async insertMoved(
    em: EntityManager,
    row: {
      tenantId: string;
      contractId: string;
      ticketId: string;
      eventCount: number;
      toVersion: number;
      fromVersion: number;
      supersedes: string | null;
      result: TicketSlaResult;
      status: string;
    },
  ): Promise<boolean> {
    const inserted: unknown[] = await em.query(
      `INSERT INTO ticket_sla_results (tenant_id, contract_id, ticket_id, event_count, config_version, calendar_version, status, targets, evaluated_at, previous_config_version, supersedes_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT DO NOTHING RETURNING id`,
      [
        row.tenantId,
        row.contractId,
        row.ticketId,
        row.eventCount,
        row.toVersion,
        row.result.calendarVersion,
        row.status,
        JSON.stringify(row.result.targets),
        row.result.evaluatedAt,
        row.fromVersion,
        row.supersedes,
      ],
    );
    return inserted.length > 0;
  },
};
