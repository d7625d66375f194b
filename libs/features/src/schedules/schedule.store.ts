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
  /** The VAT invoices read (absent in snapshots stored before invoices were recorded). */
  invoices?: string[];
  adjustments: string[];
  /** Keys of the confirmed close lines the schedule's deductions are (absent in snapshots stored before they were kept). */
  settledKeys?: string[];
  /** Periods whose maintenance ledger (台账) the buyer confirmed. */
  ledgerConfirmed: string[];
};

/** A contract as `paymentSchedule` reads it: who may see it, its current schedule snapshot, its payments. */
export type ContractSchedule = {
  id: string;
  tenantId: string;
  vendorOrgId: string;
  code: string;
  name: string;
  snapshot: ScheduleSnapshot | null;
  payments: PaymentRow[];
};

export type PaymentRow = {
  id: string;
  contractId: string;
  lineId: string;
  amount: string;
  paidOn: string;
  reference: string | null;
  markedBy: string;
  createdAt: Date;
};

const SNAPSHOT_COLUMNS = `id, tenant_id AS "tenantId", contract_id AS "contractId", basis_key AS "basisKey", config_version AS "configVersion",
  calendar_version AS "calendarVersion", to_char(as_of, 'YYYY-MM-DD') AS "asOf", schedule, basis, net::text AS net,
  vendor_balance_owed::text AS "vendorBalanceOwed", computed_at AS "computedAt"`;

const PAYMENT_COLUMNS = `id, contract_id AS "contractId", line_id AS "lineId", amount::text AS amount, to_char(paid_on, 'YYYY-MM-DD') AS "paidOn", reference,
  marked_by AS "markedBy", created_at AS "createdAt"`;

export type InvoiceRow = {
  id: string;
  contractId: string;
  lineId: string;
  number: string;
  amount: string;
  receivedOn: string;
  createdAt: Date;
};
const INVOICE_COLUMNS = `id, contract_id AS "contractId", line_id AS "lineId", number, amount::text AS amount,
  to_char(received_on, 'YYYY-MM-DD') AS "receivedOn", created_at AS "createdAt"`;

/** Payment schedule snapshots and payments, in the caller's transaction and scope. */
export const ScheduleStore = {
  /** Inserts a snapshot unless one with the same basis exists (a retry, or nothing changed). */
  async insert(em: EntityManager, s: Omit<ScheduleSnapshot, 'id' | 'computedAt'>): Promise<boolean> {
    const r: unknown[] = await em.query(
      `INSERT INTO payment_schedules (tenant_id, contract_id, basis_key, config_version, calendar_version, as_of, schedule, basis, net, vendor_balance_owed)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (tenant_id, contract_id, basis_key) DO NOTHING RETURNING id`,
      [
        s.tenantId,
        s.contractId,
        s.basisKey,
        s.configVersion,
        s.calendarVersion,
        s.asOf,
        JSON.stringify(s.schedule),
        JSON.stringify(s.basis),
        s.net,
        s.vendorBalanceOwed,
      ],
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

  /**
   * What `paymentSchedule` shows, in one statement (one round trip instead of three): the contract's row for the
   * access check, its current snapshot and its payments — each as far as row-level security lets the caller see.
   */
  async contractSchedule(em: EntityManager, contractId: string): Promise<ContractSchedule | null> {
    const [row]: (Omit<ContractSchedule, 'snapshot' | 'payments'> & {
      snapshot: (Omit<ScheduleSnapshot, 'computedAt'> & { computedAt: string }) | null;
      payments: (Omit<PaymentRow, 'createdAt'> & { createdAt: string })[];
    })[] = await em.query(
      `SELECT c.id, c.tenant_id AS "tenantId", c.vendor_org_id AS "vendorOrgId", c.code, c.name,
           (SELECT to_jsonb(s) FROM (SELECT ${SNAPSHOT_COLUMNS} FROM payment_schedules
              WHERE tenant_id = c.tenant_id AND contract_id = c.id ORDER BY computed_at DESC, id LIMIT 1) s) AS snapshot,
           (SELECT coalesce(jsonb_agg(to_jsonb(p) ORDER BY p."paidOn", p."createdAt"), '[]'::jsonb) FROM (SELECT ${PAYMENT_COLUMNS} FROM payments
              WHERE tenant_id = c.tenant_id AND contract_id = c.id) p) AS payments
         FROM contracts c WHERE c.id = $1`,
      [contractId],
    );
    if (!row) return null;
    return {
      ...row,
      // JSON carries instants as text; the rest of the API hands out Dates.
      snapshot: row.snapshot ? { ...row.snapshot, computedAt: new Date(row.snapshot.computedAt) } : null,
      payments: row.payments.map((p) => ({ ...p, createdAt: new Date(p.createdAt) })),
    };
  },

  async payments(em: EntityManager, contractId: string): Promise<PaymentRow[]> {
    return em.query(`SELECT ${PAYMENT_COLUMNS} FROM payments WHERE contract_id = $1 ORDER BY paid_on, created_at`, [
      contractId,
    ]);
  },

  /** The VAT invoices recorded for a contract's lines, in the order they were received. */
  async invoices(em: EntityManager, contractId: string): Promise<InvoiceRow[]> {
    return em.query(`SELECT ${INVOICE_COLUMNS} FROM invoices WHERE contract_id = $1 ORDER BY received_on, created_at`, [
      contractId,
    ]);
  },

  async insertInvoice(
    em: EntityManager,
    i: Omit<InvoiceRow, 'id' | 'createdAt'> & { tenantId: string; recordedBy: string },
  ): Promise<InvoiceRow> {
    const [row]: InvoiceRow[] = await em.query(
      `INSERT INTO invoices (tenant_id, contract_id, line_id, number, amount, received_on, recorded_by) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${INVOICE_COLUMNS}`,
      [i.tenantId, i.contractId, i.lineId, i.number, i.amount, i.receivedOn, i.recordedBy],
    );
    return row;
  },

  async insertPayment(
    em: EntityManager,
    p: {
      tenantId: string;
      contractId: string;
      lineId: string;
      amount: string;
      paidOn: string;
      reference: string | null;
      markedBy: string;
    },
  ): Promise<PaymentRow> {
    const [row]: PaymentRow[] = await em.query(
      `INSERT INTO payments (tenant_id, contract_id, line_id, amount, paid_on, reference, marked_by) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${PAYMENT_COLUMNS}`,
      [p.tenantId, p.contractId, p.lineId, p.amount, p.paidOn, p.reference, p.markedBy],
    );
    return row;
  },
};
