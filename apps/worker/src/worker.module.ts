import { BullModule, getQueueToken, type WorkerHost } from '@nestjs/bullmq';
import {
  type BeforeApplicationShutdown,
  type DynamicModule,
  Global,
  Injectable,
  Logger,
  Module,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { QUEUE_NAMES } from '@ledger/contracts';
import { JOB_FEATURES } from '@ledger/features';
import { JobsModule, jobsOptionsFrom, redisConnection, RedisLinkMonitor } from '@ledger/jobs';
import type { Queue } from 'bullmq';
import { TenantDatabase, createDataSource } from '@ledger/persistence';
import { LoggerModule } from 'nestjs-pino';
import type { DataSource } from 'typeorm';
import { PROCESSORS } from './job.processors';
import type { WorkerConfig } from './worker-config';

/** The worker's database: a pool on PostgreSQL as the application role, every transaction scoped (RLS). */
export class WorkerDatabase implements OnApplicationShutdown {
  constructor(
    readonly db: TenantDatabase,
    private readonly dataSource: DataSource,
  ) {}

  static async open(config: WorkerConfig): Promise<WorkerDatabase> {
    const ds = createDataSource({ url: config.DATABASE_URL }, { poolSize: config.DATABASE_POOL_SIZE });
    await ds.initialize();
    return new WorkerDatabase(new TenantDatabase(ds, { setRole: false }), ds);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.dataSource.destroy();
    new Logger('Database').log('database closed');
  }
}

@Global()
@Module({})
class WorkerDatabaseModule {
  static forRoot(config: WorkerConfig): DynamicModule {
    return {
      module: WorkerDatabaseModule,
      providers: [
        { provide: WorkerDatabase, useFactory: () => WorkerDatabase.open(config) },
        { provide: TenantDatabase, inject: [WorkerDatabase], useFactory: (w: WorkerDatabase) => w.db },
      ],
      exports: [TenantDatabase],
    };
  }
}

/**
 * Routes the Redis connection events of the BullMQ workers (and their blocking connections) and of the registered
 * queues through the process's monitor: without an 'error' listener BullMQ printed every failed reconnect as a
 * multi-line stack (108 per worker in a 21 s outage, issue 15); now a loss and a recovery are one line each.
 */
@Injectable()
export class WorkerRedisWatch implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(
    private readonly ref: ModuleRef,
    private readonly monitor: RedisLinkMonitor,
  ) {}

  onApplicationBootstrap(): void {
    for (const p of PROCESSORS)
      this.monitor.watchBullmq(this.ref.get<WorkerHost>(p, { strict: false }).worker, 'worker');
    for (const name of QUEUE_NAMES)
      this.monitor.watchBullmq(this.ref.get<Queue>(getQueueToken(name), { strict: false }), 'queue');
  }

  beforeApplicationShutdown(): void {
    this.monitor.stop();
  }
}

/**
 * The worker process: no HTTP, BullMQ processors for every queue on Redis, running the same handlers as the API's
 * embedded mode. Lock duration and stalled-job checks are configurable so a killed worker's jobs come back quickly.
 */
@Module({})
export class WorkerModule {
  static forRoot(config: WorkerConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        LoggerModule.forRoot({ pinoHttp: { level: config.LOG_LEVEL } }),
        WorkerDatabaseModule.forRoot(config),
        JobsModule.forRoot(jobsOptionsFrom(config, 'worker'), JOB_FEATURES),
        BullModule.forRoot({ connection: redisConnection(config.REDIS_URL, 'worker'), prefix: config.QUEUE_PREFIX }),
        ...QUEUE_NAMES.map((name) => BullModule.registerQueue({ name })),
      ],
      providers: [...PROCESSORS, WorkerRedisWatch],
    };
  }
}
