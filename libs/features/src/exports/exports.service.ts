import { Injectable } from '@nestjs/common';
import { jobIds } from '@ledger/contracts';
import { JobDispatcher, JobOutbox, type JobRequest } from '@ledger/jobs';
import { DomainError } from '@ledger/kernel';
import { TenantDatabase } from '@ledger/persistence';
import { randomUUID } from 'crypto';
import { AbilityFactory } from '../auth/ability.factory';
import type { Principal } from '../auth/principal';
import { RequestContext } from '../auth/request-context.service';
import { ContractAccess } from '../contracts';
import { ContractsRepository } from '../contracts';
import { UUID } from '../graphql/ids';
import { ExportFormat, ExportStatus, type ExportModel, type RequestExportInput } from './exports.models';
import { ExportsRepository, type ExportFile, type ExportRow } from './exports.repository';

/** Who exports: the buyer's roles and finance (one contract or the whole tenant), the vendor (the contracts it holds, one at a time). */
const TENANT_ROLES: readonly Principal['role'][] = ['buyer-admin', 'buyer-staff', 'finance'];

export const downloadPathOf = (id: string) => `/exports/${id}/download`;

function toModel(r: ExportRow): ExportModel {
  const status =
    r.status === 'ready' ? ExportStatus.READY : r.status === 'failed' ? ExportStatus.FAILED : ExportStatus.QUEUED;
  return {
    id: r.id,
    contractId: r.contract_id,
    status,
    format: r.format === 'xlsx' ? ExportFormat.XLSX : ExportFormat.CSV,
    fileName: r.file_name,
    byteSize: r.byte_size,
    jobId: r.job_id,
    createdAt: r.created_at,
    completedAt: r.completed_at,
    error: r.error,
    downloadPath: status === ExportStatus.READY ? downloadPathOf(r.id) : null,
  };
}

/**
 * Finance exports of payment schedules. Requesting one writes the exports row and the render-export job into the
 * outbox in one transaction and dispatches the job after commit; the job renders the file into the row. Reading an
 * export (and its file) goes through the caller's scope: row-level security shows a tenant its exports and a vendor
 * the ones it asked for; anything else is NOT_FOUND.
 */
@Injectable()
export class ExportsService {
  constructor(
    private readonly db: TenantDatabase,
    private readonly repo: ExportsRepository,
    private readonly contracts: ContractsRepository,
    private readonly context: RequestContext,
    private readonly abilities: AbilityFactory,
    private readonly access: ContractAccess,
    private readonly dispatcher: JobDispatcher,
  ) {}

  async request(input: RequestExportInput): Promise<ExportModel> {
    const p = this.context.principal();
    const contractId = input.contractId ?? null;
    const { model, job } = await this.db.run(this.context.scope(), async (em) => {
      let tenantId: string;
      if (contractId !== null) {
        // A contract outside the caller's reach (RLS or role) is NOT_FOUND, whether it exists or not.
        const contract = await this.access.require(em, contractId);
        if (!TENANT_ROLES.includes(p.role) && p.role !== 'vendor')
          throw new DomainError('FORBIDDEN', 'exports are for the buyer, finance and the vendor holding the contract');
        tenantId = contract.tenantId;
      } else {
        if (!TENANT_ROLES.includes(p.role) || !p.tenantId) {
          throw new DomainError(
            'FORBIDDEN',
            p.role === 'vendor'
              ? 'a vendor exports the contracts it holds one at a time: give contractId'
              : 'a tenant-wide export is for the buyer and finance of the tenant',
          );
        }
        tenantId = p.tenantId;
      }
      const id = randomUUID();
      const jobId = jobIds.export({ tenantId, exportId: id });
      const row = await this.repo.insert(em, {
        id,
        tenantId,
        contractId,
        format: input.format === ExportFormat.XLSX ? 'xlsx' : 'csv',
        jobId,
        requestedBy: p.userId,
        vendorOrgId: p.role === 'vendor' ? p.vendorOrgId : null,
      });
      const recorded: JobRequest<'render-export'> = await JobOutbox.record(
        em,
        { id: jobId, name: 'render-export', payload: { tenantId, exportId: id } },
        { tenantId, userId: p.userId, vendorOrgId: p.vendorOrgId },
      );
      return { model: toModel(row), job: recorded };
    });
    // After commit: the job can see the row. A lost dispatch is re-dispatched by the reconciler from the outbox.
    await this.dispatcher.dispatch([job]);
    return model;
  }

  async get(id: string): Promise<ExportModel> {
    const row = UUID.test(id) ? await this.db.run(this.context.scope(), (em) => this.repo.byId(em, id)) : null;
    if (!row) throw new DomainError('NOT_FOUND', 'no such export');
    return toModel(row);
  }

  /** The file of a READY export; NOT_FOUND when out of reach, CONFLICT while queued or when it failed. */
  async file(id: string): Promise<ExportFile & { content: Buffer; fileName: string; contentType: string }> {
    const f = UUID.test(id) ? await this.db.run(this.context.scope(), (em) => this.repo.file(em, id)) : null;
    if (!f) throw new DomainError('NOT_FOUND', 'no such export');
    if (f.status === 'queued')
      throw new DomainError('CONFLICT', 'the export is still being rendered; try again shortly');
    if (f.status === 'failed' || !f.content || !f.fileName)
      throw new DomainError('CONFLICT', `the export failed: ${f.error ?? 'no file'}`);
    return { ...f, content: f.content, fileName: f.fileName, contentType: f.contentType ?? 'application/octet-stream' };
  }
}
