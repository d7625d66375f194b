import { Logger } from '@nestjs/common';
import type { JobName } from '@ledger/contracts';
import type { TenantDatabase } from '@ledger/persistence';
import type { JobDispatcher } from './job-dispatcher';
import { JobOutbox } from './job-outbox';

/**
 * Re-dispatches jobs the outbox still holds as `queued` after `staleSeconds` (Redis lost its queue, the process died
 * between commit and enqueue, an in-process run was cut off). Reads across tenants in the system scope — the jobs
 * table only — and leaves each job to run in its own tenant's scope. Duplicates are harmless: ids are deterministic
 * and every handler is idempotent. After a Redis outage (`afterRedisRecovered`) it does not wait for the stale age:
 * every queued job is dispatched at once — requested during the outage, or lost with a Redis that kept no data.
 */
export class JobReconciler {
  private readonly logger = new Logger('JobReconciler');

  constructor(
    private readonly db: TenantDatabase,
    private readonly dispatcher: JobDispatcher,
    private readonly staleSeconds: number,
  ) {}

  async reconcile(limit = 1000, staleSeconds = this.staleSeconds, reason = 'stale'): Promise<number> {
    const stale = await this.db.run({ kind: 'system', operation: 'job:reconcile' }, async (em) => {
      const jobs = await JobOutbox.stale(em, staleSeconds, limit);
      if (jobs.length)
        await em.query(`UPDATE jobs SET updated_at = now() WHERE id = ANY($1) AND status = 'queued'`, [
          jobs.map((j) => j.id),
        ]);
      return jobs;
    });
    if (stale.length) {
      this.logger.log({ reason, count: stale.length }, 're-dispatching queued jobs without a completed run');
      await this.dispatcher.dispatch(
        stale.map((j) => ({ id: j.id, name: j.name as JobName, payload: j.payload as never })),
      );
    }
    return stale.length;
  }

  /**
   * Redis is back after a loss: every queued job at once (stale age 0). Jobs BullMQ still holds are not added twice
   * (the ids are deterministic); the rest (more than `limit`) follow at the stale age.
   */
  afterRedisRecovered(limit = 5000): Promise<number> {
    return this.reconcile(limit, 0, 'redis-recovered');
  }
}
