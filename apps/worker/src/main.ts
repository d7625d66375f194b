import './register-paths';
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { loadWorkerConfig } from './worker-config';

/**
 * The worker process: `node dist/apps/worker/src/main.js` with DATABASE_URL and REDIS_URL. Stops on SIGTERM/SIGINT:
 * BullMQ workers finish their running jobs (worker.close), then the database closes.
 */
async function bootstrap(): Promise<void> {
  const config = loadWorkerConfig(process.env);
  // Imported after the configuration is validated: the processors read their BullMQ options at import.
  const { WorkerModule } = await import('./worker.module');
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  // SIGTERM/SIGINT: close the application (BullMQ workers finish their running jobs, then the database closes) and
  // exit 0, so a supervisor sees a clean stop.
  let stopping = false;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      if (stopping) return;
      stopping = true;
      app.get(Logger).log(`${signal}: stopping`);
      app.close().then(
        () => process.exit(0),
        (e: unknown) => {
          console.error(e instanceof Error ? e.message : e);
          process.exit(1);
        },
      );
    });
  }
  app
    .get(Logger)
    .log(
      `worker ready: queues on ${new URL(config.REDIS_URL).host} (prefix ${config.QUEUE_PREFIX}), concurrency ${config.WORKER_CONCURRENCY}`,
    );
}

bootstrap().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
