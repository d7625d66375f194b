import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { jobIds } from '@ledger/contracts';
import { JobDispatcher, JobOutbox, type JobRequest } from '@ledger/jobs';
import { DomainError, reasonOf } from '@ledger/kernel';
import { TenantDatabase } from '@ledger/persistence';
import { RequestContext } from '../auth/request-context.service';
import { ContractAccess } from '../contracts';
import { conflictsAsDomainErrors } from '../shared/contract-context';
import type { AdoptSlaRevisionInput, SlaRevisionModel, SlaRevisionsModel } from './sla-revisions.models';
import { SlaRevisionsStore, type SlaRevisionRow } from './sla-revisions.store';

const model = (r: SlaRevisionRow): SlaRevisionModel => ({
  id: r.id,
  contractId: r.contractId,
  toVersion: r.toVersion,
  reason: r.reason,
  requestedByName: r.requestedByName,
  requestedAt: r.requestedAt,
  status: r.status,
  moved: r.moved,
  kept: r.kept,
  changed: r.changed,
  finishedAt: r.finishedAt,
});

/**
 * Moving open tickets onto the contract's current configuration version (issue 16 point 2): the buyer admin asks,
 * with a reason; the `sla-revision` job moves them and recomputes their SLA, keeping the old results.
 */
@Injectable()
export class SlaRevisionsService {
  constructor(
    private readonly db: TenantDatabase,
    private readonly context: RequestContext,
    private readonly access: ContractAccess,
    private readonly dispatcher: JobDispatcher,
  ) {}

  async list(contractId: string): Promise<SlaRevisionsModel> {
    return this.db.run(this.context.scope(), async (em) => {
      const contract = await this.access.require(em, contractId, { read: 'Ticket' });
      return {
        contractId: contract.id,
        currentVersion: contract.currentVersion,
        openOnOlderVersions: await SlaRevisionsStore.movableCount(em, contract.id, contract.currentVersion),
        revisions: (await SlaRevisionsStore.list(em, contract.id)).map(model),
      };
    });
  }

  async adopt(input: AdoptSlaRevisionInput): Promise<SlaRevisionModel> {
    const p = this.context.principal();
    const { id, jobs } = await conflictsAsDomainErrors('this move was asked for concurrently', () =>
      this.db.run(this.context.scope(), async (em) => {
        const contract = await this.access.require(
          em,
          input.contractId,
          { read: 'Ticket' },
          {
            can: 'update',
            on: 'Contract',
            otherwise: 'moving open tickets onto a configuration version is for the buyer admin',
          },
        );
        // One move at a time per contract: a second one waits here and then finds nothing left to move.
        await SlaRevisionsStore.lockContract(em, contract.id);
        // A move asked for and not yet run will move these tickets: a second one would find nothing left.
        if ((await SlaRevisionsStore.list(em, contract.id)).some((r) => r.status === 'pending'))
          throw new DomainError(
            'CONFLICT',
            'a move of the open tickets is still running',
            [],
            reasonOf('slaRevision.pending'),
          );
        const movable = await SlaRevisionsStore.movableCount(em, contract.id, contract.currentVersion);
        if (movable === 0)
          throw new DomainError(
            'CONFLICT',
            `no open ticket is on a version older than ${contract.currentVersion}`,
            [],
            reasonOf('slaRevision.nothingToMove', { version: contract.currentVersion }),
          );
        const revisionId = randomUUID();
        const job: JobRequest<'sla-revision'> = {
          id: jobIds.slaRevision({ tenantId: contract.tenantId, revisionId }),
          name: 'sla-revision',
          payload: { tenantId: contract.tenantId, revisionId },
        };
        await SlaRevisionsStore.insert(em, {
          id: revisionId,
          tenantId: contract.tenantId,
          contractId: contract.id,
          toVersion: contract.currentVersion,
          reason: input.reason.trim(),
          requestedBy: p.userId,
          jobId: job.id,
        });
        return {
          id: revisionId,
          jobs: [await JobOutbox.record(em, job, { tenantId: contract.tenantId, userId: p.userId })],
        };
      }),
    );
    await this.dispatcher.dispatch(jobs);
    const row = await this.db.run(this.context.scope(), (em) => SlaRevisionsStore.get(em, id, false));
    if (!row) throw new DomainError('NOT_FOUND', 'no such SLA revision');
    return model(row);
  }
}
