import { JOB_ID_PATTERN, queueOf, type JobName, type JobPayload } from '@ledger/contracts';
import type { EntityManager } from 'typeorm';

/** A job to run: its deterministic id, name and payload (ids only). */
export type JobRequest<N extends JobName = JobName> = { id: string; name: N; payload: JobPayload<N> };

export type JobRecord = {
  id: string;
  tenantId: string;
  /** The vendor organisation that asked for it (a vendor's export or ticket move), else null. */
  vendorOrgId: string | null;
  queue: string;
  name: JobName;
  payload: Record<string, unknown>;
  status: 'queued' | 'completed' | 'failed';
  attempts: number;
  lastError: string | null;
  result: unknown;
  createdAt: Date;
  updatedAt: Date;
  completedAt: Date | null;
};

type Row = {
  id: string;
  tenant_id: string;
  vendor_org_id: string | null;
  queue: string;
  name: JobName;
  payload: Record<string, unknown>;
  status: JobRecord['status'];
  attempts: number;
  last_error: string | null;
  result: unknown;
  created_at: Date;
  updated_at: Date;
  completed_at: Date | null;
};

const toRecord = (r: Row): JobRecord => ({
  id: r.id,
  tenantId: r.tenant_id,
  vendorOrgId: r.vendor_org_id,
  queue: r.queue,
  name: r.name,
  payload: r.payload,
  status: r.status,
  attempts: r.attempts,
  lastError: r.last_error,
  result: r.result,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  completedAt: r.completed_at,
});

/** A job recorded once by its deterministic id (a second request for it changes nothing). */
export const RECORD_JOB_SQL = `INSERT INTO jobs (id, tenant_id, queue, name, payload, requested_by, vendor_org_id) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (id) DO NOTHING`;

/** The reconciler's selection: queued jobs not touched for `$1` seconds, oldest first (jobs_pending_idx). */
export const STALE_JOBS_SQL = `SELECT * FROM jobs WHERE status = 'queued' AND updated_at < now() - make_interval(secs => $1) ORDER BY updated_at LIMIT $2`;

/** A job's claim: the advisory lock of its key, held until the transaction ends. */
export const LOCK_JOB_KEY_SQL = `SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`;

/**
 * The jobs table is the outbox: a job is recorded in the same transaction as the change that asks for it, and
 * enqueued only after that commits. If the enqueue is lost (Redis down, a crash in between), the reconciler finds
 * the row still `queued` and enqueues it again; the deterministic id makes that harmless.
 * Every method runs in the caller's transaction and scope (RLS decides what it sees).
 */
export const JobOutbox = {
  async record<N extends JobName>(
    em: EntityManager,
    job: JobRequest<N>,
    by: { tenantId: string; userId?: string | null; vendorOrgId?: string | null },
  ): Promise<JobRequest<N>> {
    if (!JOB_ID_PATTERN.test(job.id)) throw new Error(`job id ${job.id} has characters BullMQ or the outbox refuse`);
    await em.query(RECORD_JOB_SQL, [
      job.id,
      by.tenantId,
      queueOf(job.name),
      job.name,
      JSON.stringify(job.payload),
      by.userId || null,
      by.vendorOrgId ?? null,
    ]);
    return job;
  },

  /** Marks the job completed inside the handler's own transaction: the result and the mark commit together. */
  async complete(em: EntityManager, id: string, result: unknown): Promise<void> {
    await em.query(
      `UPDATE jobs SET status = 'completed', result = $2, completed_at = now(), updated_at = now() WHERE id = $1 AND status <> 'completed'`,
      [id, JSON.stringify(result ?? null)],
    );
  },

  /** A failed attempt: counted, its error kept; `final` when no retry follows. */
  async attemptFailed(em: EntityManager, id: string, error: string, final: boolean): Promise<void> {
    await em.query(
      `UPDATE jobs SET attempts = attempts + 1, last_error = $2, status = CASE WHEN $3 THEN 'failed' ELSE status END, updated_at = now() WHERE id = $1 AND status = 'queued'`,
      [id, error.slice(0, 2000), final],
    );
  },

  async get(em: EntityManager, id: string): Promise<JobRecord | null> {
    const rows: Row[] = await em.query(`SELECT * FROM jobs WHERE id = $1`, [id]);
    return rows[0] ? toRecord(rows[0]) : null;
  },

  async list(em: EntityManager, filter: { status?: JobRecord['status']; limit: number }): Promise<JobRecord[]> {
    const rows: Row[] = await em.query(
      `SELECT * FROM jobs WHERE ($1::text IS NULL OR status = $1) ORDER BY created_at DESC LIMIT $2`,
      [filter.status ?? null, filter.limit],
    );
    return rows.map(toRecord);
  },

  /** Queued jobs not touched for `olderThanSeconds` (run by the reconciler in the system scope). */
  async stale(em: EntityManager, olderThanSeconds: number, limit: number): Promise<JobRecord[]> {
    const rows: Row[] = await em.query(STALE_JOBS_SQL, [olderThanSeconds, limit]);
    return rows.map(toRecord);
  },
};

/** The advisory lock of a job key, held until the transaction ends (commit or rollback). */
export async function lockJobKey(em: EntityManager, key: string): Promise<void> {
  await em.query(LOCK_JOB_KEY_SQL, [key]);
}
