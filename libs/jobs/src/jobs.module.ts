import {
  type DynamicModule,
  Global,
  Inject,
  Injectable,
  Logger,
  Module,
  type Type,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { TenantDatabase } from '@ledger/persistence';
import { JOBS_OPTIONS, type JobsModuleOptions } from './jobs.options';
import { BullmqDispatcher } from './runtime/bullmq-dispatcher';
import { JobDispatcher } from './runtime/job-dispatcher';
import { JobExecutor } from './runtime/job-executor';
import type { JobHandler } from './runtime/job-handler';
import { JobReconciler } from './runtime/job-reconciler';
import { JobRegistry } from './runtime/job-registry';
import { InProcessDispatcher } from './runtime/in-process-dispatcher';
import { RedisLinkMonitor } from './runtime/redis-link-monitor';

/** Work a processing process repeats on a timer (the SLA scan): its feature provides it, the runtime runs it. */
export interface PeriodicTask {
  /** Seconds between runs; 0 or less: never. */
  readonly intervalSeconds: number;
  tick(now: number): Promise<unknown>;
}

/**
 * What the features give the job runtime: one handler per job name, the providers those handlers need, and their
 * periodic tasks. The runtime (outbox, dispatchers, registry, executor, reconciler) knows no feature.
 */
export type JobFeatures = {
  handlers: readonly Type<JobHandler>[];
  providers: readonly Type<unknown>[];
  periodic: readonly Type<PeriodicTask>[];
};

/** The periodic tasks of the features, resolved by the module. */
const PERIODIC_TASKS = Symbol('PERIODIC_TASKS');

/** Starts and stops the periodic work of a processing process: the reconciler and the SLA scan. */
@Injectable()
export class JobsLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Jobs');
  private timers: NodeJS.Timeout[] = [];

  constructor(
    @Inject(JOBS_OPTIONS) private readonly options: JobsModuleOptions,
    private readonly dispatcher: JobDispatcher,
    private readonly reconciler: JobReconciler,
    @Inject(PERIODIC_TASKS) private readonly periodic: readonly PeriodicTask[],
  ) {}

  onApplicationBootstrap(): void {
    const where =
      this.dispatcher.mode === 'in-process'
        ? 'in this process (embedded mode: no REDIS_URL)'
        : this.options.processes
          ? 'by this worker from BullMQ on Redis'
          : 'by worker processes (BullMQ on Redis)';
    this.logger.log(`jobs run ${where}`);
    if (!this.options.processes) return;
    const every = (seconds: number, task: () => Promise<unknown>) => {
      if (seconds <= 0) return;
      const t = setInterval(
        () =>
          void task().catch((e: unknown) =>
            this.logger.warn({ error: e instanceof Error ? e.message : String(e) }, 'periodic job task failed'),
          ),
        seconds * 1000,
      );
      t.unref();
      this.timers.push(t);
    };
    void this.reconciler
      .reconcile()
      .catch((e: unknown) =>
        this.logger.warn({ error: e instanceof Error ? e.message : String(e) }, 'reconcile at start failed'),
      );
    every(this.options.reconcileIntervalSeconds, () => this.reconciler.reconcile());
    // Redis back after a loss: what the outage kept in the outbox goes out now, not after the stale age (issue 15).
    if (this.dispatcher instanceof BullmqDispatcher)
      this.dispatcher.monitor.onRecovered(
        () =>
          void this.reconciler
            .afterRedisRecovered()
            .catch((e: unknown) =>
              this.logger.warn(
                { error: e instanceof Error ? e.message : String(e) },
                'reconcile after Redis recovery failed',
              ),
            ),
      );
    for (const task of this.periodic) every(task.intervalSeconds, () => task.tick(Date.now()));
  }

  async onApplicationShutdown(): Promise<void> {
    for (const t of this.timers) clearInterval(t);
    this.timers = [];
    if (this.dispatcher instanceof InProcessDispatcher) await this.dispatcher.stop();
    if (this.dispatcher instanceof BullmqDispatcher) await this.dispatcher.close();
  }
}

/**
 * The job system for a process. Needs `TenantDatabase` from a global module. The API imports it to enqueue (and, in
 * embedded mode, to run); the worker imports it to run the same handlers from BullMQ.
 */
@Global()
@Module({})
export class JobsModule {
  static forRoot(options: JobsModuleOptions, features: JobFeatures): DynamicModule {
    const handlers = [...features.handlers];
    const periodic = [...features.periodic];
    return {
      module: JobsModule,
      providers: [
        { provide: JOBS_OPTIONS, useValue: options },
        ...features.providers,
        ...handlers,
        ...periodic,
        { provide: PERIODIC_TASKS, inject: periodic, useFactory: (...ts: PeriodicTask[]) => ts },
        { provide: JobRegistry, inject: handlers, useFactory: (...hs: JobHandler[]) => new JobRegistry(hs) },
        JobExecutor,
        // One per process: every Redis connection of it (queues, and a worker's BullMQ workers) reports here.
        { provide: RedisLinkMonitor, useFactory: () => new RedisLinkMonitor() },
        {
          provide: JobDispatcher,
          inject: [ModuleRef, RedisLinkMonitor],
          // The in-process runner finds the executor lazily: handlers dispatch follow-up jobs, and the executor runs handlers.
          useFactory: (ref: ModuleRef, monitor: RedisLinkMonitor) =>
            options.bullmq
              ? new BullmqDispatcher(options.bullmq, monitor)
              : new InProcessDispatcher(() => ref.get(JobExecutor, { strict: false })),
        },
        {
          provide: JobReconciler,
          inject: [TenantDatabase, JobDispatcher],
          useFactory: (db: TenantDatabase, d: JobDispatcher) => new JobReconciler(db, d, options.staleSeconds),
        },
        JobsLifecycle,
      ],
      exports: [
        JOBS_OPTIONS,
        ...features.providers,
        ...periodic,
        JobDispatcher,
        JobExecutor,
        JobRegistry,
        JobReconciler,
        RedisLinkMonitor,
        ...handlers,
      ],
    };
  }
}
