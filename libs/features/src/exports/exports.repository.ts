import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export type ExportRow = {
  id: string;
  tenant_id: string;
  contract_id: string | null;
  format: 'csv' | 'xlsx';
  status: 'queued' | 'ready' | 'failed';
  job_id: string;
  file_name: string | null;
  content_type: string | null;
  byte_size: number | null;
  error: string | null;
  created_at: Date;
  completed_at: Date | null;
};

export type ExportFile = {
  id: string;
  status: ExportRow['status'];
  fileName: string | null;
  contentType: string | null;
  content: Buffer | null;
  error: string | null;
};

const COLUMNS = `id, tenant_id, contract_id, format, status, job_id, file_name, content_type, octet_length(content) AS byte_size, error, created_at, completed_at`;

/** The exports table. What a query sees is decided by the transaction's scope (RLS): the tenant's, or the vendor's own. */
@Injectable()
export class ExportsRepository {
  async insert(
    em: EntityManager,
    row: {
      id: string;
      tenantId: string;
      contractId: string | null;
      format: 'csv' | 'xlsx';
      jobId: string;
      requestedBy: string;
      vendorOrgId: string | null;
    },
  ): Promise<ExportRow> {
    const rows: ExportRow[] = await em.query(
      `INSERT INTO exports (id, tenant_id, contract_id, format, job_id, requested_by, vendor_org_id) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${COLUMNS}`,
      [row.id, row.tenantId, row.contractId, row.format, row.jobId, row.requestedBy, row.vendorOrgId],
    );
    return rows[0];
  }

  async byId(em: EntityManager, id: string): Promise<ExportRow | null> {
    const rows: ExportRow[] = await em.query(`SELECT ${COLUMNS} FROM exports WHERE id = $1`, [id]);
    return rows[0] ?? null;
  }

  /** The file itself (bytea → Buffer); only for the download. */
  async file(em: EntityManager, id: string): Promise<ExportFile | null> {
    const rows: {
      id: string;
      status: ExportRow['status'];
      file_name: string | null;
      content_type: string | null;
      content: Buffer | null;
      error: string | null;
    }[] = await em.query(`SELECT id, status, file_name, content_type, content, error FROM exports WHERE id = $1`, [id]);
    const r = rows[0];
    return r
      ? {
          id: r.id,
          status: r.status,
          fileName: r.file_name,
          contentType: r.content_type,
          content: r.content,
          error: r.error,
        }
      : null;
  }
}
