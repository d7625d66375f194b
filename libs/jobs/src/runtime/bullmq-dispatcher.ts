import { Logger } from '@nestjs/common';
import { queueOf, QUEUE_NAMES, type JobName, type QueueName } from '@ledger/contracts';
import { Queue, type JobsOptions } from 'bullmq';
import { JobDispatcher } from './job-dispatcher';
import type { JobRequest } from './job-outbox';
import { redisConnection, type BullmqSettings } from './redis-connection';
import { RedisLinkMonitor } from './redis-link-monitor';

/** Retries with backoff; completed jobs are kept a week (their ids keep deduplicating), failed ones a month. */
export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { age: 7 * 24 * 3600, count: 100_000 },
  removeOnFail: { age: 30 * 24 * 3600 },
};

/**
 * Enqueues on BullMQ. The queues do not buffer while Redis is down (`enableOfflineQueue: false`): an add fails fast,
 * the job stays `queued` in the outbox, and the reconciler enqueues it when Redis is back.
 */
export class BullmqDispatcher extends JobDispatcher {
  readonly mode = 'bullmq' as const;
  private readonly logger = new Logger('Jobs');
  readonly queues: ReadonlyMap<QueueName, Queue>;

  constructor(
    settings: BullmqSettings,
    /** The process's Redis state: loss and recovery logged once, never a stack per retry (issue 15). */
    readonly monitor: RedisLinkMonitor = new RedisLinkMonitor(),
  ) {
    super();
    this.queues = new Map(
      QUEUE_NAMES.map((name) => {
        const queue = new Queue(name, {
          connection: redisConnection(settings.redisUrl, 'queue'),
          prefix: settings.prefix,
          defaultJobOptions: DEFAULT_JOB_OPTIONS,
        });
        monitor.watchBullmq(queue, 'queue');
        return [name, queue];
      }),
    );
  }

  async dispatch(jobs: readonly JobRequest<JobName>[]): Promise<void> {
    for (const job of jobs) {
      const queue = this.queues.get(queueOf(job.name)) as Queue;
      try {
        await queue.add(job.name, job.payload, { jobId: job.id });
      } catch (e) {
        this.logger.warn(
          { job: job.id, error: e instanceof Error ? e.message : String(e) },
          'enqueue failed; the reconciler will retry',
        );
      }
    }
  }

  async close(): Promise<void> {
    this.monitor.stop();
    await Promise.all([...this.queues.values()].map((q) => q.close()));
  }
}
