import { jobsEnvSchema } from '@ledger/jobs';
import { z } from 'zod';

/**
 * The job lock's default (issue 15: takeover of a killed worker's jobs ≤ 10 s; BullMQ's default 30 s took 35–45 s).
 * Renewal every 2.5 s survives event-loop stalls of several seconds; a lost lock only means a second, idempotent run.
 */
export const WORKER_LOCK_MS_DEFAULT = 5_000;

/** The worker's configuration, validated once at start; every variable is in docs/operations.md. */
export const workerConfigSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** PostgreSQL as the application role (the API's DATABASE_URL). */
    DATABASE_URL: z.string().url(),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
    /**
     * How long a worker's lock on a job lasts without renewal (renewed every half of it); a killed worker's jobs are
     * taken over at most this plus the stalled-check interval (half of it) later: 5 s → ≤ 7.5 s (docs/decisions.md).
     */
    WORKER_LOCK_MS: z.coerce.number().int().min(500).default(WORKER_LOCK_MS_DEFAULT),
  })
  .extend(jobsEnvSchema.shape)
  .extend({
    REDIS_URL: z.string().url({ message: 'the worker needs REDIS_URL (without Redis the API runs jobs in-process)' }),
  });

export type WorkerConfig = z.infer<typeof workerConfigSchema>;

export function loadWorkerConfig(env: Record<string, string | undefined>): WorkerConfig {
  const r = workerConfigSchema.safeParse(env);
  if (!r.success)
    throw new Error(
      `Invalid worker configuration:\n  ${r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n  ')}`,
    );
  // The worker never migrates; in production it must not even hold the owner's URL (the owner can disable the audit).
  if (r.data.NODE_ENV === 'production' && env.DATABASE_MIGRATION_URL) {
    throw new Error(
      'Invalid worker configuration:\n  DATABASE_MIGRATION_URL: not allowed when NODE_ENV=production (run migrations as a separate step: `npm run db:migrate`)',
    );
  }
  return r.data;
}

/**
 * BullMQ worker options. Decorators are evaluated when the processors are imported, so these are read from the
 * environment there (with the same defaults and bounds as the validated configuration): concurrency per queue, the
 * job lock, and how often stalled jobs (of a killed worker) are looked for: every half lock, so a dead worker's job is
 * back in the queue at most 1.5 locks after its last renewal.
 */
export function bullWorkerOptions(env: Record<string, string | undefined>): {
  concurrency: number;
  lockDuration: number;
  stalledInterval: number;
  maxStalledCount: number;
} {
  const c = workerConfigSchema.pick({ WORKER_CONCURRENCY: true, WORKER_LOCK_MS: true }).safeParse(env);
  const concurrency = c.success ? c.data.WORKER_CONCURRENCY : 4;
  const lockDuration = c.success ? c.data.WORKER_LOCK_MS : WORKER_LOCK_MS_DEFAULT;
  return {
    concurrency,
    lockDuration,
    stalledInterval: Math.max(500, Math.floor(lockDuration / 2)),
    maxStalledCount: 5,
  };
}
