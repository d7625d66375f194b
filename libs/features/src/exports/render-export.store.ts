import type { Schedule } from '@ledger/contracts';
import type { EntityManager } from 'typeorm';

/*
 * What the render-export job reads and writes, in the job's transaction and the tenant's scope (row-level security).
 */

export type ExportJobRow = {
  id: string;
  tenant_id: string;
  contract_id: string | null;
  format: 'csv' | 'xlsx';
  status: 'queued' | 'ready' | 'failed';
  created_at: Date;
};
export type ExportContractRow = {
  id: string;
  code: string;
  name: string;
  amount: string;
  tenant_name: string | null;
  vendor_name: string | null;
};
export type ExportScheduleRow = {
  contract_id: string;
  /** As stored (jsonb): the job checks its shape before rendering it. */
  schedule: Schedule;
  config_version: number;
  calendar_version: string;
  as_of: string;
};
export type ExportCloseLineRow = {
  contract_id: string;
  line_key: string;
  kind: 'deduction' | 'adjustment';
  payment_line_id: string | null;
  rule_id: string | null;
  label: string | null;
  amount: string;
  basis: Record<string, unknown> | null;
  formula: unknown;
  reason: string | null;
  period: string | null;
  close_status: string | null;
};

/** The latest stored schedule of each contract (payment_schedules_latest_idx). */
export const EXPORT_SCHEDULES_SQL = `SELECT DISTINCT ON (contract_id) contract_id, schedule, config_version, calendar_version, to_char(as_of, 'YYYY-MM-DD') AS as_of
         FROM payment_schedules
        WHERE tenant_id = $1 AND contract_id = ANY($2::uuid[])
        ORDER BY contract_id, computed_at DESC, id DESC`;

/** The contracts' close lines, without those of a reopened close. */
export const EXPORT_CLOSE_LINES_SQL = `SELECT l.contract_id, l.line_key, l.kind, l.payment_line_id, l.rule_id, l.label, l.amount::text AS amount, l.basis, l.formula, l.reason, l.period, p.status AS close_status
         FROM close_lines l
         LEFT JOIN period_closes p ON p.tenant_id = l.tenant_id AND p.id = l.close_id
        WHERE l.tenant_id = $1 AND l.contract_id = ANY($2::uuid[]) AND (p.status IS NULL OR p.status <> 'reopened')
        ORDER BY l.created_at, l.line_key`;

export const RenderExportStore = {
  async exportRow(em: EntityManager, exportId: string, tenantId: string): Promise<ExportJobRow | null> {
    const rows: ExportJobRow[] = await em.query(
      `SELECT id, tenant_id, contract_id, format, status, created_at FROM exports WHERE id = $1 AND tenant_id = $2`,
      [exportId, tenantId],
    );
    return rows[0] ?? null;
  },

  /** The tenant's contracts by code (one when `contractId` is set), with the tenant's and the vendor's names. */
  contracts(em: EntityManager, tenantId: string, contractId: string | null): Promise<ExportContractRow[]> {
    return em.query(
      `SELECT c.id, c.code, c.name, c.amount::text AS amount, t.name AS tenant_name, v.name AS vendor_name
         FROM contracts c
         LEFT JOIN tenants t ON t.id = c.tenant_id
         LEFT JOIN vendor_organizations v ON v.id = c.vendor_org_id
        WHERE c.tenant_id = $1 AND ($2::uuid IS NULL OR c.id = $2)
        ORDER BY c.code`,
      [tenantId, contractId],
    );
  },

  schedules(em: EntityManager, tenantId: string, contractIds: readonly string[]): Promise<ExportScheduleRow[]> {
    return em.query(EXPORT_SCHEDULES_SQL, [tenantId, contractIds]);
  },

  closeLines(em: EntityManager, tenantId: string, contractIds: readonly string[]): Promise<ExportCloseLineRow[]> {
    return em.query(EXPORT_CLOSE_LINES_SQL, [tenantId, contractIds]);
  },

  /** The transaction's time (what the file is dated with). */
  async now(em: EntityManager): Promise<Date> {
    const [{ now }]: { now: Date }[] = await em.query(`SELECT now() AS now`);
    return now;
  },

  async ready(
    em: EntityManager,
    id: string,
    file: { content: Buffer; fileName: string; contentType: string },
  ): Promise<void> {
    await em.query(
      `UPDATE exports SET status = 'ready', content = $2, file_name = $3, content_type = $4, error = NULL, completed_at = now() WHERE id = $1 AND status = 'queued'`,
      [id, file.content, file.fileName, file.contentType],
    );
  },

  async failed(em: EntityManager, id: string, error: string): Promise<void> {
    await em.query(
      `UPDATE exports SET status = 'failed', error = $2, completed_at = now() WHERE id = $1 AND status = 'queued'`,
      [id, error],
    );
  },
};
