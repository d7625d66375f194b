import { jobIds } from '@ledger/contracts';
import type { EntityManager } from 'typeorm';
import type { PeriodCloseComputation } from './period-close.computation';

export type CloseStatus = 'pending' | 'draft' | 'confirmed' | 'reopened';

export type CloseRow = {
  id: string;
  tenantId: string;
  contractId: string;
  period: string;
  revision: number;
  configVersion: number;
  asOf: string;
  jobId: string;
  status: CloseStatus;
  calendarVersion: string | null;
  score: string | null;
  grade: string | null;
  result: PeriodCloseComputation | null;
  requestedBy: string | null;
  requestedAt: Date;
  computedAt: Date | null;
  confirmedBy: string | null;
  confirmedAt: Date | null;
  reopenedBy: string | null;
  reopenedAt: Date | null;
  reopenReason: string | null;
  /** Digests of the inputs when the close was requested (null for closes requested before they were kept). */
  inputsDigest: InputsDigest | null;
  reopenCode: 'INPUTS_CHANGED' | null;
  reopenChanges: string[] | null;
  confirmReason: string | null;
  confirmedMissing: unknown[] | null;
};

/** One digest per kind of input a close reads: a change of any of them makes a draft stale. */
/**
 * `calls` is absent in a digest kept before on-demand calls existed: it stands for no calls (NO_CALLS_DIGEST);
 * `kpiTickets` is absent for a contract without KPIs (and in a digest kept before KPIs were computed).
 */
export type InputsDigest = {
  periodInputs: string;
  tickets: string;
  reports: string;
  calls?: string;
  kpiTickets?: string;
};

export type CloseLineRow = {
  id: string;
  tenantId: string;
  contractId: string;
  closeId: string | null;
  period: string;
  lineKey: string;
  kind: 'deduction' | 'adjustment';
  paymentLineId: string | null;
  ruleId: string | null;
  label: string | null;
  amount: string;
  basis: Record<string, string>;
  formula: string;
  reason: string | null;
  correctsCloseId: string | null;
  createdBy: string | null;
  createdAt: Date;
};

export type NewCloseLine = Pick<
  CloseLineRow,
  | 'period'
  | 'lineKey'
  | 'kind'
  | 'paymentLineId'
  | 'ruleId'
  | 'label'
  | 'amount'
  | 'basis'
  | 'formula'
  | 'reason'
  | 'correctsCloseId'
>;

const CLOSE_COLUMNS = `id, tenant_id AS "tenantId", contract_id AS "contractId", period, revision, config_version AS "configVersion",
  to_char(as_of, 'YYYY-MM-DD') AS "asOf", job_id AS "jobId", status, calendar_version AS "calendarVersion", score::text AS score, grade, result,
  requested_by AS "requestedBy", requested_at AS "requestedAt", computed_at AS "computedAt", confirmed_by AS "confirmedBy",
  confirmed_at AS "confirmedAt", reopened_by AS "reopenedBy", reopened_at AS "reopenedAt", reopen_reason AS "reopenReason",
  inputs_digest AS "inputsDigest", reopen_code AS "reopenCode", reopen_changes AS "reopenChanges", confirm_reason AS "confirmReason", confirmed_missing AS "confirmedMissing"`;

const LINE_COLUMNS = `id, tenant_id AS "tenantId", contract_id AS "contractId", close_id AS "closeId", period, line_key AS "lineKey", kind,
  payment_line_id AS "paymentLineId", rule_id AS "ruleId", label, amount::text AS amount, basis, formula, reason,
  corrects_close_id AS "correctsCloseId", created_by AS "createdBy", created_at AS "createdAt"`;

/** A line under UNIQUE (tenant, contract, line key): a retry inserts nothing twice. */
export const INSERT_CLOSE_LINE_SQL = `INSERT INTO close_lines (tenant_id, contract_id, close_id, period, line_key, kind, payment_line_id, rule_id, label, amount, basis, formula, reason, corrects_close_id, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) ON CONFLICT (tenant_id, contract_id, line_key) DO NOTHING RETURNING id`;

/** The lines of the given closes and the adjustments correcting them. */
export const CLOSE_LINES_OF_CLOSES_SQL = `SELECT ${LINE_COLUMNS} FROM close_lines WHERE close_id = ANY($1) OR corrects_close_id = ANY($1) ORDER BY created_at, line_key`;

/** Every line of a contract. */
export const CLOSE_LINES_OF_CONTRACT_SQL = `SELECT ${LINE_COLUMNS} FROM close_lines WHERE contract_id = $1 ORDER BY created_at, line_key`;

/** Rows an UPDATE touched: TypeORM answers an UPDATE with [rows, count] and an INSERT … RETURNING with the rows. */
export function affectedRows(result: unknown): number {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number')
    return result[1];
  return Array.isArray(result) ? result.length : 0;
}

/** Period closes and their lines, in the caller's transaction and scope (RLS decides what is visible). */
export const PeriodCloseStore = {
  async get(em: EntityManager, id: string, lock = false): Promise<CloseRow | null> {
    const rows: CloseRow[] = await em.query(
      `SELECT ${CLOSE_COLUMNS} FROM period_closes WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
      [id],
    );
    return rows[0] ?? null;
  },

  async list(em: EntityManager, contractId: string): Promise<CloseRow[]> {
    return em.query(`SELECT ${CLOSE_COLUMNS} FROM period_closes WHERE contract_id = $1 ORDER BY period, revision`, [
      contractId,
    ]);
  },

  async live(em: EntityManager, contractId: string, period: string): Promise<CloseRow | null> {
    const rows: CloseRow[] = await em.query(
      `SELECT ${CLOSE_COLUMNS} FROM period_closes WHERE contract_id = $1 AND period = $2 AND status <> 'reopened'`,
      [contractId, period],
    );
    return rows[0] ?? null;
  },

  async confirmed(em: EntityManager, contractId: string): Promise<CloseRow[]> {
    return em.query(
      `SELECT ${CLOSE_COLUMNS} FROM period_closes WHERE contract_id = $1 AND status = 'confirmed' ORDER BY confirmed_at, period`,
      [contractId],
    );
  },

  /**
   * Requests a close: a pending row with the next revision, unless the period already has a live close (then that
   * one is returned and `created` is false). The job id is derived from the key (tenant, contract, period, config
   * version, revision).
   */
  async request(
    em: EntityManager,
    k: {
      tenantId: string;
      contractId: string;
      period: string;
      configVersion: number;
      asOf: string;
      requestedBy: string | null;
      inputsDigest?: InputsDigest;
    },
  ): Promise<{ close: CloseRow; created: boolean }> {
    const existing = await this.live(em, k.contractId, k.period);
    if (existing) return { close: existing, created: false };
    const [{ next }]: { next: number }[] = await em.query(
      `SELECT COALESCE(max(revision), 0) + 1 AS next FROM period_closes WHERE contract_id = $1 AND period = $2`,
      [k.contractId, k.period],
    );
    const jobId = jobIds.closePeriod({
      tenantId: k.tenantId,
      contractId: k.contractId,
      period: k.period,
      configVersion: k.configVersion,
      revision: next,
    });
    const inserted: { id: string }[] = await em.query(
      `INSERT INTO period_closes (tenant_id, contract_id, period, revision, config_version, as_of, job_id, requested_by, inputs_digest)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING RETURNING id`,
      [
        k.tenantId,
        k.contractId,
        k.period,
        next,
        k.configVersion,
        k.asOf,
        jobId,
        k.requestedBy,
        k.inputsDigest ? JSON.stringify(k.inputsDigest) : null,
      ],
    );
    if (inserted.length === 0) {
      const raced = await this.live(em, k.contractId, k.period);
      if (raced) return { close: raced, created: false };
      throw new Error('period close request lost a race and found no live close');
    }
    return { close: (await this.get(em, inserted[0].id)) as CloseRow, created: true };
  },

  /** pending → draft with the computation (the guard trigger refuses any other change of a computed close). */
  async markDraft(em: EntityManager, id: string, c: PeriodCloseComputation): Promise<boolean> {
    const r: unknown = await em.query(
      `UPDATE period_closes SET status = 'draft', result = $2, score = $3, grade = $4, calendar_version = $5, computed_at = now()
       WHERE id = $1 AND status = 'pending'`,
      [id, JSON.stringify(c), c.assessment.score, c.assessment.grade, c.calendarVersion],
    );
    return affectedRows(r) === 1;
  },

  /** `missing`: the inputs the close is confirmed without, with the buyer's reason (both or neither). */
  async confirm(
    em: EntityManager,
    id: string,
    by: string,
    without?: { reason: string; missing: readonly unknown[] },
  ): Promise<void> {
    await em.query(
      `UPDATE period_closes SET status = 'confirmed', confirmed_by = $2, confirmed_at = now(), confirm_reason = $3, confirmed_missing = $4 WHERE id = $1 AND status = 'draft'`,
      [id, by, without?.reason ?? null, without ? JSON.stringify(without.missing) : null],
    );
  },

  /** A buyer's reopen (reason) or the system's supersession of a stale close (code and the inputs that changed). */
  async reopen(
    em: EntityManager,
    id: string,
    by: string,
    reason: string | null,
    superseded?: { code: 'INPUTS_CHANGED'; changes: readonly string[] },
  ): Promise<void> {
    await em.query(
      `UPDATE period_closes SET status = 'reopened', reopened_by = $2, reopened_at = now(), reopen_reason = $3, reopen_code = $4, reopen_changes = $5 WHERE id = $1 AND status IN ('pending', 'draft')`,
      [id, by, reason, superseded?.code ?? null, superseded ? [...superseded.changes] : null],
    );
  },

  /** Lines under UNIQUE (tenant, close, line key): a retry inserts nothing twice. */
  async insertLines(
    em: EntityManager,
    close: { tenantId: string; contractId: string; id: string | null },
    lines: readonly NewCloseLine[],
    createdBy: string | null = null,
  ): Promise<number> {
    let inserted = 0;
    for (const l of lines) {
      const r: unknown[] = await em.query(INSERT_CLOSE_LINE_SQL, [
        close.tenantId,
        close.contractId,
        close.id,
        l.period,
        l.lineKey,
        l.kind,
        l.paymentLineId,
        l.ruleId,
        l.label,
        l.amount,
        JSON.stringify(l.basis),
        l.formula,
        l.reason,
        l.correctsCloseId,
        createdBy,
      ]);
      inserted += r.length;
    }
    return inserted;
  },

  async lines(em: EntityManager, filter: { closeIds?: string[]; contractId?: string }): Promise<CloseLineRow[]> {
    if (filter.closeIds) return em.query(CLOSE_LINES_OF_CLOSES_SQL, [filter.closeIds]);
    return em.query(CLOSE_LINES_OF_CONTRACT_SQL, [filter.contractId]);
  },

  /** The buyer's ledger (台账) confirmations by period: read live by the schedule (they come after the close). */
  async ledgerConfirmations(em: EntityManager, contractId: string): Promise<{ period: string; confirmed: boolean }[]> {
    const rows: { period: string; value: unknown }[] = await em.query(
      `SELECT period, value FROM period_inputs WHERE contract_id = $1 AND kind = 'ledgerConfirmed' ORDER BY period`,
      [contractId],
    );
    return rows.map((r) => ({ period: r.period, confirmed: r.value === true }));
  },

  /** Domain rule 11: the buyer inputs of a confirmed period (and of the periods within it) become history. */
  async lockInputs(em: EntityManager, contractId: string, periodIds: readonly string[]): Promise<number> {
    // The ledger (台账) confirmation is a payment fact entered after the close: it stays open.
    return affectedRows(
      await em.query(
        `UPDATE period_inputs SET locked = true WHERE contract_id = $1 AND period = ANY($2) AND NOT locked AND kind <> 'ledgerConfirmed'`,
        [contractId, periodIds],
      ),
    );
  },
};
