import { Logger } from '@nestjs/common';
import type { JobName } from '@ledger/contracts';
import type { TenantDatabase } from '@ledger/persistence';
import type { JobDispatcher } from './job-dispatcher';
import { JobOutbox } from './job-outbox';

/**
 * Re-dispatches jobs the outbox still holds as `queued` after `staleSeconds` (Redis lost its queue, the process died
 * between commit and enqueue, an in-process run was cut off). Reads across tenants in the system scope — the jobs
 * table only — and leaves each job to run in its own tenant's scope. Duplicates are harmless: ids are deterministic
 * and every handler is idempotent.
 */
export class JobReconciler {
  private readonly logger = new Logger('JobReconciler');

  constructor(
    private readonly db: TenantDatabase,
    private readonly dispatcher: JobDispatcher,
    private readonly staleSeconds: number,
  ) {}

  async reconcile(limit = 1000): Promise<number> {
    const stale = await this.db.run({ kind: 'system', operation: 'job:reconcile' }, async (em) => {
      const jobs = await JobOutbox.stale(em, this.staleSeconds, limit);
      if (jobs.length)
        await em.query(`UPDATE jobs SET updated_at = now() WHERE id = ANY($1) AND status = 'queued'`, [
          jobs.map((j) => j.id),
        ]);
      return jobs;
    });
    if (stale.length) {
      this.logger.log({ count: stale.length }, 're-dispatching queued jobs without a completed run');
      await this.dispatcher.dispatch(
        stale.map((j) => ({ id: j.id, name: j.name as JobName, payload: j.payload as never })),
      );
    }
    return stale.length;
  }
}
