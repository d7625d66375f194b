import { z } from 'zod';
import type { BullmqSettings } from './runtime/redis-connection';

/** Settings of the job system, read from the environment by the API and the worker alike (docs/operations.md: configuration). */
export const jobsEnvSchema = z.object({
  /** Redis for BullMQ; when absent jobs run in-process. */
  REDIS_URL: z.string().url().optional(),
  /** Key prefix of the queues in Redis: one per deployment sharing a Redis server. */
  QUEUE_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/)
    .default('ledger'),
  /** Jobs a worker process runs at once per queue. */
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  /** How often queued jobs without a completed run are looked for, and after how long they count as lost. */
  JOB_RECONCILE_INTERVAL_SECONDS: z.coerce.number().int().min(1).default(60),
  JOB_STALE_SECONDS: z.coerce.number().int().min(1).default(300),
  /** How often running SLA clocks are scanned for the 75 % / 100 % warnings; 0 turns the scan off. */
  SLA_SCAN_INTERVAL_SECONDS: z.coerce.number().int().min(0).default(300),
});
export type JobsEnv = z.infer<typeof jobsEnvSchema>;

export type JobsModuleOptions = {
  /** BullMQ on Redis; absent = embedded mode, jobs run in this process. */
  bullmq: BullmqSettings | null;
  /** Whether this process runs handlers: the worker, or the API in embedded mode. */
  processes: boolean;
  concurrency: number;
  reconcileIntervalSeconds: number;
  staleSeconds: number;
  slaScanIntervalSeconds: number;
};

export function jobsOptionsFrom(env: JobsEnv, role: 'api' | 'worker'): JobsModuleOptions {
  const bullmq = env.REDIS_URL ? { redisUrl: env.REDIS_URL, prefix: env.QUEUE_PREFIX } : null;
  if (role === 'worker' && !bullmq)
    throw new Error('REDIS_URL: the worker process needs Redis (without it, the API runs jobs in-process)');
  return {
    bullmq,
    processes: role === 'worker' || bullmq === null,
    concurrency: env.WORKER_CONCURRENCY,
    reconcileIntervalSeconds: env.JOB_RECONCILE_INTERVAL_SECONDS,
    staleSeconds: env.JOB_STALE_SECONDS,
    slaScanIntervalSeconds: env.SLA_SCAN_INTERVAL_SECONDS,
  };
}

export const JOBS_OPTIONS = Symbol('JOBS_OPTIONS');
