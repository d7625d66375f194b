import { Inject, Injectable } from '@nestjs/common';
import { jobIds } from '@ledger/contracts';
import { TenantDatabase } from '@ledger/persistence';
import {
  JOBS_OPTIONS,
  JobDispatcher,
  jobScope,
  type JobRequest,
  type JobsModuleOptions,
  type PeriodicTask,
} from '@ledger/jobs';
import { TicketSlaStore } from './ticket-sla.store';

/**
 * Dispatches one `sla-scan` per tenant with running clocks, every `SLA_SCAN_INTERVAL_SECONDS`. The job id is the
 * tenant and the time slot (`floor(now / interval)`), so several processes ticking in the same slot enqueue each
 * scan once (BullMQ ignores an add whose id exists; the in-process runner skips an id it is running).
 *
 * Tenants are listed in the platform scope (the tenants table only: tickets have no platform policy, by design);
 * whether a tenant has a running clock is asked in that tenant's own scope.
 */
@Injectable()
export class SlaScanScheduler implements PeriodicTask {
  constructor(
    @Inject(JOBS_OPTIONS) private readonly options: JobsModuleOptions,
    private readonly db: TenantDatabase,
    private readonly dispatcher: JobDispatcher,
  ) {}

  /** The runtime ticks it every SLA_SCAN_INTERVAL_SECONDS in a processing process. */
  get intervalSeconds(): number {
    return this.options.slaScanIntervalSeconds;
  }

  /** The scan jobs of the slot `nowMs` falls in (pure: the same tenants and instant give the same ids). */
  static jobsFor(tenantIds: readonly string[], nowMs: number, intervalSeconds: number): JobRequest<'sla-scan'>[] {
    if (intervalSeconds <= 0) return [];
    const slot = String(Math.floor(nowMs / (intervalSeconds * 1000)));
    const at = new Date(nowMs).toISOString();
    return tenantIds.map((tenantId) => ({
      id: jobIds.slaScan({ tenantId, slot }),
      name: 'sla-scan' as const,
      payload: { tenantId, at },
    }));
  }

  /** Dispatches this slot's scans; returns how many (0 when the scan is off). */
  async tick(nowMs: number): Promise<number> {
    const interval = this.options.slaScanIntervalSeconds;
    if (interval <= 0) return 0;
    const tenants = await this.db.run({ kind: 'platform', userId: null, operation: 'job:sla-scan-scheduler' }, (em) =>
      TicketSlaStore.tenantIds(em),
    );
    const running: string[] = [];
    for (const tenantId of tenants) {
      const has = await this.db.run(jobScope(tenantId, 'sla-scan-scheduler'), (em) =>
        TicketSlaStore.hasRunningClock(em, tenantId),
      );
      if (has) running.push(tenantId);
    }
    const jobs = SlaScanScheduler.jobsFor(running, nowMs, interval);
    await this.dispatcher.dispatch(jobs);
    return jobs.length;
  }
}
