import type { JobName, JobPayload } from '@ledger/contracts';
import type { AccessScope } from '@ledger/persistence';

/** What a handler knows about the run it is in; the same whether BullMQ or the in-process runner calls it. */
export type JobRun = { id: string; attempt: number };

/**
 * One handler per job name. A handler is idempotent: it does its writes in one transaction that takes an advisory
 * lock on the job id, returns early when the work is already done, and marks the job completed in the same
 * transaction (`JobOutbox.complete`). Throwing means "retry"; `UnrecoverableJobError` means "do not".
 */
export interface JobHandler<N extends JobName = JobName> {
  readonly name: N;
  handle(payload: JobPayload<N>, run: JobRun): Promise<unknown>;
}

/** Input the job can never succeed with (bad payload, a row that is gone): fail now, no retries. */
export class UnrecoverableJobError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnrecoverableJobError';
  }
}

/** The tenant scope a job acts in: no user, the operation names the job (the audit log shows it). */
export function jobScope(tenantId: string, run: JobRun | string): AccessScope {
  const id = typeof run === 'string' ? run : run.id;
  return { kind: 'tenant', tenantId, userId: '', operation: `job:${id}` };
}
