import type { Schedule } from '@ledger/contracts';
import type { EntityManager } from 'typeorm';

export type ScheduleSnapshot = {
  id: string;
  tenantId: string;
  contractId: string;
  basisKey: string;
  configVersion: number;
  calendarVersion: string;
  asOf: string;
  schedule: Schedule;
  basis: ScheduleBasis;
  net: string;
  vendorBalanceOwed: string;
  computedAt: Date;
};

/** What a snapshot was computed from: enough to recompute it exactly. */
export type ScheduleBasis = {
  configVersion: number;
  asOf: string;
  closes: { id: string; period: string; revision: number }[];
  payments: string[];
  adjustments: string[];
  /** Periods whose maintenance ledger (台账) the buyer confirmed. */
  ledgerConfirmed: string[];
};

export type PaymentRow = { id: string; contractId: string; lineId: string; amount: string; paidOn: string; reference: string | null; markedBy: string; createdAt: Date };

const SNAPSHOT_COLUMNS = `id, tenant_id AS "tenantId", contract_id AS "contractId", basis_key AS "basisKey", config_version AS "configVersion",
  calendar_version AS "calendarVersion", to_char(as_of, 'YYYY-MM-DD') AS "asOf", schedule, basis, net::text AS net,
  vendor_balance_owed::text AS "vendorBalanceOwed", computed_at AS "computedAt"`;

const PAYMENT_COLUMNS = `id, contract_id AS "contractId", line_id AS "lineId", amount::text AS amount, to_char(paid_on, 'YYYY-MM-DD') AS "paidOn", reference,
  marked_by AS "markedBy", created_at AS "createdAt"`;

/** Payment schedule snapshots and payments, in the caller's transaction and scope. */
export const ScheduleStore = {
  /** Inserts a snapshot unless one with the same basis exists (a retry, or nothing changed). */
  async insert(em: EntityManager, s: Omit<ScheduleSnapshot, 'id' | 'computedAt'>): Promise<boolean> {
    const r: unknown[] = await em.query(
      `INSERT INTO payment_schedules (tenant_id, contract_id, basis_key, config_version, calendar_version, as_of, schedule, basis, net, vendor_balance_owed)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (tenant_id, contract_id, basis_key) DO NOTHING RETURNING id`,
      [s.tenantId, s.contractId, s.basisKey, s.configVersion, s.calendarVersion, s.asOf, JSON.stringify(s.schedule), JSON.stringify(s.basis), s.net, s.vendorBalanceOwed],
    );
    return r.length > 0;
  },

  /** The current snapshot of each contract (the latest computed). */
  async latest(em: EntityManager, contractIds: readonly string[]): Promise<ScheduleSnapshot[]> {
    if (contractIds.length === 0) return [];
    return em.query(
      `SELECT DISTINCT ON (contract_id) ${SNAPSHOT_COLUMNS} FROM payment_schedules WHERE contract_id = ANY($1) ORDER BY contract_id, computed_at DESC, id`,
      [contractIds],
    );
  },

  async payments(em: EntityManager, contractId: string): Promise<PaymentRow[]> {
    return em.query(`SELECT ${PAYMENT_COLUMNS} FROM payments WHERE contract_id = $1 ORDER BY paid_on, created_at`, [contractId]);
  },

  async insertPayment(em: EntityManager, p: { tenantId: string; contractId: string; lineId: string; amount: string; paidOn: string; reference: string | null; markedBy: string }): Promise<PaymentRow> {
    const [row]: PaymentRow[] = await em.query(
      `INSERT INTO payments (tenant_id, contract_id, line_id, amount, paid_on, reference, marked_by) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${PAYMENT_COLUMNS}`,
      [p.tenantId, p.contractId, p.lineId, p.amount, p.paidOn, p.reference, p.markedBy],
    );
    return row;
  },
};
