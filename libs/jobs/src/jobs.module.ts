import {
  type DynamicModule,
  Global,
  Inject,
  Injectable,
  Logger,
  Module,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { TenantDatabase } from '@ledger/persistence';
import { CalendarRecomputeJob } from './calendar/calendar-recompute.job';
import { NationalCalendarStore } from './calendar/national-calendar.store';
import { NationalCalendarSync } from './calendar/national-calendar.sync';
import { RenderExportJob } from './export/render-export.job';
import { JOBS_OPTIONS, type JobsModuleOptions } from './jobs.options';
import { ClosePeriodJob } from './period-close/close-period.job';
import { BullmqDispatcher } from './runtime/bullmq-dispatcher';
import { JobDispatcher } from './runtime/job-dispatcher';
import { JobExecutor } from './runtime/job-executor';
import type { JobHandler } from './runtime/job-handler';
import { JobReconciler } from './runtime/job-reconciler';
import { JobRegistry } from './runtime/job-registry';
import { InProcessDispatcher } from './runtime/in-process-dispatcher';
import { RecomputeScheduleJob } from './schedule/recompute-schedule.job';
import { SlaScanJob } from './sla/sla-scan.job';
import { SlaScanScheduler } from './sla/sla-scan.scheduler';
import { TicketSlaBatchJob, TicketSlaJob } from './sla/ticket-sla.job';
import { TicketImportJob } from './ticket-import/ticket-import.job';

/** Every job handler; the registry checks there is exactly one per job name. */
export const JOB_HANDLERS = [
  TicketSlaJob,
  TicketSlaBatchJob,
  SlaScanJob,
  ClosePeriodJob,
  RecomputeScheduleJob,
  RenderExportJob,
  TicketImportJob,
  CalendarRecomputeJob,
] as const;

/** Starts and stops the periodic work of a processing process: the reconciler and the SLA scan. */
@Injectable()
export class JobsLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Jobs');
  private timers: NodeJS.Timeout[] = [];

  constructor(
    @Inject(JOBS_OPTIONS) private readonly options: JobsModuleOptions,
    private readonly dispatcher: JobDispatcher,
    private readonly reconciler: JobReconciler,
    private readonly scan: SlaScanScheduler,
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
    every(this.options.slaScanIntervalSeconds, () => this.scan.tick(Date.now()));
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
  static forRoot(options: JobsModuleOptions): DynamicModule {
    const handlers = [...JOB_HANDLERS];
    return {
      module: JobsModule,
      providers: [
        { provide: JOBS_OPTIONS, useValue: options },
        NationalCalendarStore,
        NationalCalendarSync,
        ...handlers,
        { provide: JobRegistry, inject: handlers, useFactory: (...hs: JobHandler[]) => new JobRegistry(hs) },
        JobExecutor,
        {
          provide: JobDispatcher,
          inject: [ModuleRef],
          // The in-process runner finds the executor lazily: handlers dispatch follow-up jobs, and the executor runs handlers.
          useFactory: (ref: ModuleRef) =>
            options.bullmq
              ? new BullmqDispatcher(options.bullmq)
              : new InProcessDispatcher(() => ref.get(JobExecutor, { strict: false })),
        },
        {
          provide: JobReconciler,
          inject: [TenantDatabase, JobDispatcher],
          useFactory: (db: TenantDatabase, d: JobDispatcher) => new JobReconciler(db, d, options.staleSeconds),
        },
        SlaScanScheduler,
        JobsLifecycle,
      ],
      exports: [
        JOBS_OPTIONS,
        NationalCalendarStore,
        NationalCalendarSync,
        JobDispatcher,
        JobExecutor,
        JobRegistry,
        JobReconciler,
        SlaScanScheduler,
        ...handlers,
      ],
    };
  }
}
