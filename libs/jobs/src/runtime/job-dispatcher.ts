import type { JobName } from '@ledger/contracts';
import type { JobRequest } from './job-outbox';

/**
 * Hands recorded jobs to whatever runs them: BullMQ on Redis (a worker process), or this process (embedded mode,
 * no REDIS_URL). Called after the transaction that recorded the jobs has committed. A dispatch that fails is not
 * an error for the caller: the job stays `queued` in the outbox and the reconciler dispatches it again.
 */
export abstract class JobDispatcher {
  abstract readonly mode: 'bullmq' | 'in-process';
  abstract dispatch(jobs: readonly JobRequest<JobName>[]): Promise<void>;
}
