import { deductionLines } from '../../libs/features/src/period-close/close-period.job';
import { type PeriodCloseComputation } from '../../libs/features/src/period-close/period-close.computation';
import type { TestApi } from '../api/api-app';
import { asSuperuser } from '../support/test-database';

/*
 * Shared by the idempotency, crash and Redis-restart acceptance tests (issue 4): GraphQL calls, a Qinghai close that
 * has several deduction lines, and what the database holds about one close (read as the superuser, behind RLS).
 */

export type Gql = {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions: { code: string } }[];
};

export function caller(api: () => TestApi, tokens: Record<string, string>) {
  return async (who: string, query: string, variables: Record<string, unknown> = {}): Promise<Gql> =>
    (await api().gql(query, variables, tokens[who])).body as Gql;
}

export const SET_INPUTS = 'mutation ($i: SetPeriodInputsInput!) { setPeriodInputs(input: $i) { period missing } }';
export const CLOSE_PERIOD =
  'mutation ($i: ClosePeriodInput!) { closePeriod(input: $i) { id status period revision jobId } }';
export const CREATE_CONTRACT = 'mutation ($i: CreateContractInput!) { createContract(input: $i) { id code tenantId } }';

const QINGHAI_ITEMS = [
  'monthlyInspection',
  'hotline',
  'emergencyOnSite',
  'faultQuality',
  'recurrence',
  'responseTimeliness',
  'engineerSkill',
  'training',
  'dbOptimisation',
  'onSite',
  'improvement',
];

/**
 * Qinghai 2026-H1 inputs giving grade C (every item 70) and three valid complaints: the close's half-year line then
 * has three deductions (grade 5 % = 350.00, complaints 3 × 500 = 1,500.00, ≥ 3 complaints 3 % = 210.00).
 */
export const QINGHAI_H1_INPUTS = {
  period: '2026-H1',
  itemScores: Object.fromEntries(QINGHAI_ITEMS.map((k) => [k, 70])),
  complaints: { valid: 3, invalid: 0 },
};
export const QINGHAI_H1_DEDUCTIONS = [
  ['grade', '350.00'],
  ['complaints', '1500.00'],
  ['complaints-3', '210.00'],
];

export type PendingClose = { id: string; status: string; period: string; revision: number; jobId: string };

export type StoredLine = {
  line_key: string;
  kind: string;
  period: string;
  payment_line_id: string | null;
  rule_id: string | null;
  label: string | null;
  amount: string;
  basis: unknown;
  formula: string;
  reason: string | null;
};

/** Everything the database holds about one close and its contract period. */
export type CloseFacts = {
  close: {
    id: string;
    tenant_id: string;
    contract_id: string;
    period: string;
    status: string;
    score: string | null;
    grade: string | null;
    calendar_version: string | null;
    result: PeriodCloseComputation | null;
    job_id: string;
  };
  /** Rows of period_closes for the same contract and period (every revision). */
  rowsForPeriod: number;
  lines: StoredLine[];
  /** line keys stored more than once for the contract (the UNIQUE constraint should make this impossible). */
  duplicateKeys: string[];
  /** audit_log UPDATEs of this close to draft: one per committed computation. */
  draftUpdates: { operation: string | null }[];
  /** audit_log INSERTs of close_lines of this close (a rolled-back attempt leaves none). */
  lineInserts: number;
  job: {
    id: string;
    status: string;
    attempts: number;
    result: Record<string, unknown> | null;
    last_error: string | null;
  } | null;
};

export async function closeFacts(databaseName: string, closeId: string): Promise<CloseFacts> {
  return asSuperuser(databaseName, async (db) => {
    const [close] = (
      await db.query(
        `SELECT id, tenant_id, contract_id, period, status, score::text AS score, grade, calendar_version, result, job_id FROM period_closes WHERE id = $1`,
        [closeId],
      )
    ).rows;
    if (!close) throw new Error(`no period close ${closeId}`);
    const [{ n: rowsForPeriod }] = (
      await db.query(`SELECT count(*)::int AS n FROM period_closes WHERE contract_id = $1 AND period = $2`, [
        close.contract_id,
        close.period,
      ])
    ).rows;
    const lines = (
      await db.query(
        `SELECT line_key, kind, period, payment_line_id, rule_id, label, amount::text AS amount, basis, formula, reason FROM close_lines WHERE close_id = $1 ORDER BY line_key`,
        [closeId],
      )
    ).rows as StoredLine[];
    const duplicateKeys = (
      await db.query(`SELECT line_key FROM close_lines WHERE contract_id = $1 GROUP BY line_key HAVING count(*) > 1`, [
        close.contract_id,
      ])
    ).rows.map((r: { line_key: string }) => r.line_key);
    const draftUpdates = (
      await db.query(
        `SELECT operation FROM audit_log WHERE table_name = 'period_closes' AND action = 'UPDATE' AND row_id = $1 AND after->>'status' = 'draft' AND before->>'status' = 'pending' ORDER BY id`,
        [closeId],
      )
    ).rows as { operation: string | null }[];
    const [{ n: lineInserts }] = (
      await db.query(
        `SELECT count(*)::int AS n FROM audit_log WHERE table_name = 'close_lines' AND action = 'INSERT' AND after->>'close_id' = $1`,
        [closeId],
      )
    ).rows;
    const [job] = (
      await db.query(`SELECT id, status, attempts, result, last_error FROM jobs WHERE id = $1`, [close.job_id])
    ).rows;
    return { close, rowsForPeriod, lines, duplicateKeys, draftUpdates, lineInserts, job: job ?? null };
  });
}

/** The line keys one computation of the stored result writes (the handler's own rule), sorted. */
export function expectedLineKeys(facts: CloseFacts): string[] {
  if (!facts.close.result) return [];
  return deductionLines({ id: facts.close.id, period: facts.close.period }, facts.close.result)
    .map((l) => l.lineKey)
    .sort();
}

/** A close's figures without what differs between two identical setups: ids (contract, close) and timestamps. */
export function comparable(facts: CloseFacts): unknown {
  const ids = [facts.close.contract_id, facts.close.id, facts.close.tenant_id];
  const strip = (v: unknown): unknown => {
    let s = JSON.stringify(v);
    for (const id of ids) s = s.split(id).join('<id>');
    return JSON.parse(s);
  };
  return strip({
    status: facts.close.status,
    score: facts.close.score,
    grade: facts.close.grade,
    calendarVersion: facts.close.calendar_version,
    result: facts.close.result,
    lines: facts.lines.map(({ line_key, ...rest }) => ({ ...rest, line_key })),
  });
}
