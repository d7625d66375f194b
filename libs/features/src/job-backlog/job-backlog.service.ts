import { Injectable } from '@nestjs/common';
import { DomainError } from '@ledger/kernel';
import { TenantDatabase } from '@ledger/persistence';
import { AbilityFactory } from '../auth/ability.factory';
import { RequestContext } from '../auth/request-context.service';
import type { JobBacklogModel } from './job-backlog.models';
import { JobBacklogRepository } from './job-backlog.repository';

/**
 * The platform admin's view of the job backlog. With Redis there is also the queue board; in the embedded mode
 * (jobs in-process) this is the only one. Counted in the system scope, since the jobs belong to the tenants and
 * the platform admin reads none of them: the answer holds numbers only.
 */
@Injectable()
export class JobBacklogService {
  constructor(
    private readonly db: TenantDatabase,
    private readonly repo: JobBacklogRepository,
    private readonly context: RequestContext,
    private readonly abilities: AbilityFactory,
  ) {}

  async backlog(): Promise<JobBacklogModel> {
    if (!this.abilities.for(this.context.principal()).can('read', 'JobBacklog'))
      throw new DomainError('FORBIDDEN', 'only the platform admin reads the job backlog');
    const row = await this.db.run({ kind: 'system', operation: 'job:backlog' }, (em) => this.repo.counts(em));
    return { queued: row.queued, failed: row.failed, oldestQueuedAt: row.oldest ?? null };
  }
}
