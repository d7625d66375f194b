import { TicketEntity } from '@ledger/persistence';
import type { NationalCalendar, TargetResult } from '@ledger/sla';
import type { EntityManager } from 'typeorm';

/*
 * What the national calendar's sync (at every start) and the calendar-recompute job read and write, in the caller's
 * transaction and scope (row-level security decides).
 */

/** Stored results examined per job; a full batch records the next job (after the last id) in the same transaction. */
export const CALENDAR_RECOMPUTE_BATCH = 500;

/** A stored SLA result the recomputation examines. */
export type StoredResultRow = {
  id: string;
  contract_id: string;
  ticket_id: string;
  event_count: number;
  config_version: number;
  calendar_version: string;
  targets: TargetResult[];
  evaluated_at: Date;
};

/** Per contract: results recomputed onto a version, and how many of them changed (counts as text). */
export type RecomputedCountRow = { contract_id: string; recomputed: string; changed: string };

/**
 * The tenant's results not on the national version `$2`, after `$3`, that no result supersedes yet: one page by id
 * (the primary key order).
 */
export const STALE_RESULTS_SQL = `SELECT r.id, r.contract_id, r.ticket_id, r.event_count, r.config_version, r.calendar_version, r.targets, r.evaluated_at
           FROM ticket_sla_results r
          WHERE r.tenant_id = $1 AND NOT starts_with(r.calendar_version, $2 || '+cfg-') AND ($3::uuid IS NULL OR r.id > $3::uuid)
            -- A result already recomputed is represented by its successor (the chain goes on from there).
            AND NOT EXISTS (SELECT 1 FROM ticket_sla_results n WHERE n.supersedes_id = r.id)
          ORDER BY r.id LIMIT ${CALENDAR_RECOMPUTE_BATCH}`;

/** Per contract, the results recomputed onto version `$2` and how many differ from the one they supersede. */
export const RECOMPUTED_COUNTS_SQL = `SELECT n.contract_id, count(*)::text AS recomputed,
              count(*) FILTER (WHERE (SELECT jsonb_agg(jsonb_build_array(t->'targetId', t->'deadline', t->'status', t->'elapsedMinutes', t->'provisional')) FROM jsonb_array_elements(n.targets) t)
                           IS DISTINCT FROM (SELECT jsonb_agg(jsonb_build_array(t->'targetId', t->'deadline', t->'status', t->'elapsedMinutes', t->'provisional')) FROM jsonb_array_elements(o.targets) t))::text AS changed
         FROM ticket_sla_results n JOIN ticket_sla_results o ON o.id = n.supersedes_id
        WHERE n.tenant_id = $1 AND starts_with(n.calendar_version, $2 || '+cfg-')
        GROUP BY n.contract_id ORDER BY n.contract_id`;

export const CalendarJobsStore = {
  /** The sync's lock: the API and the workers start together; one loads, the others then find nothing to load. */
  async lockSync(em: EntityManager): Promise<void> {
    await em.query(`SELECT pg_advisory_xact_lock(hashtext('national_calendar_sync'))`);
  },

  /** A year shipped with release `release` (source 'package'). */
  async insertShippedYear(em: EntityManager, y: NationalCalendar['years'][number], release: string): Promise<void> {
    await em.query(
      `INSERT INTO national_calendar_years (year, holidays, make_up_workdays, source, release) VALUES ($1, $2, $3, 'package', $4)`,
      [y.year, JSON.stringify(y.holidays), JSON.stringify(y.makeUpWorkdays), release],
    );
  },

  async tenantIds(em: EntityManager): Promise<string[]> {
    const all: { id: string }[] = await em.query(`SELECT id FROM tenants ORDER BY id`);
    return all.map((t) => t.id);
  },

  /** Which of the given job ids are recorded (the jobs table). */
  async recordedJobIds(em: EntityManager, ids: readonly string[]): Promise<string[]> {
    const asked: { id: string }[] = await em.query(`SELECT id FROM jobs WHERE id = ANY($1::text[])`, [ids]);
    return asked.map((j) => j.id);
  },

  staleResults(
    em: EntityManager,
    tenantId: string,
    nationalVersion: string,
    after: string | null,
  ): Promise<StoredResultRow[]> {
    return em.query(STALE_RESULTS_SQL, [tenantId, nationalVersion, after]);
  },

  /** The given tickets (any order). */
  tickets(em: EntityManager, ids: readonly string[]): Promise<TicketEntity[]> {
    return em
      .getRepository(TicketEntity)
      .createQueryBuilder('t')
      .where('t.id = ANY(CAST(:ids AS uuid[]))', { ids })
      .getMany();
  },

  /** The dedupe keys of the warnings the given tickets have. */
  async dedupeKeys(em: EntityManager, tenantId: string, ticketIds: readonly string[]): Promise<string[]> {
    const rows: { dedupe_key: string }[] = await em.query(
      `SELECT dedupe_key FROM notifications WHERE tenant_id = $1 AND ticket_id = ANY($2::uuid[])`,
      [tenantId, ticketIds],
    );
    return rows.map((n) => n.dedupe_key);
  },

  /** A result recomputed onto another calendar version, naming the one it supersedes; true when it was new. */
  async insertRecomputed(
    em: EntityManager,
    tenantId: string,
    was: StoredResultRow,
    now: { calendarVersion: string; status: string; targets: readonly TargetResult[]; evaluatedAt: string },
  ): Promise<boolean> {
    const inserted: unknown[] = await em.query(
      `INSERT INTO ticket_sla_results (tenant_id, contract_id, ticket_id, event_count, config_version, calendar_version, status, targets, evaluated_at, previous_calendar_version, supersedes_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT DO NOTHING RETURNING id`,
      [
        tenantId,
        was.contract_id,
        was.ticket_id,
        was.event_count,
        was.config_version,
        now.calendarVersion,
        now.status,
        JSON.stringify(now.targets),
        now.evaluatedAt,
        was.calendar_version,
        was.id,
      ],
    );
    return inserted.length > 0;
  },

  recomputedCounts(em: EntityManager, tenantId: string, nationalVersion: string): Promise<RecomputedCountRow[]> {
    return em.query(RECOMPUTED_COUNTS_SQL, [tenantId, nationalVersion]);
  },
};
