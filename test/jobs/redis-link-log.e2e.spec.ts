import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Queue, Worker } from 'bullmq';
import { Logger, LoggerModule } from 'nestjs-pino';
import { Writable } from 'stream';
import { redisConnection, RedisLinkMonitor } from '@ledger/jobs';
import { startOwnRedis, type OwnRedis } from './support-redis';
import { eventually, queuePrefix } from './worker-harness';

/*
 * Issue 15, point 7: a Redis outage logs one structured line when the connection is lost and one when it is back —
 * not a multi-line ECONNREFUSED stack per reconnect attempt (BullMQ's console.error when nothing listened). A BullMQ
 * worker and queue on the runtime's connection options, watched as the worker process watches them, on a Redis
 * server of the test's own that is shut down for 4 s; the logger's real output (nestjs-pino) is captured.
 * Also point 3: the queue enqueues again within 2 s of Redis returning (reconnect delay capped).
 */
type Line = { level: number; msg: string; context?: string; code?: string; downMs?: number; [k: string]: unknown };

@Module({})
class EmptyModule {}

describe('Redis lost and back: one line each, no stack traces', () => {
  let redis: OwnRedis;
  let app: INestApplicationContext;
  let worker: Worker | undefined;
  let queue: Queue | undefined;
  let monitor: RedisLinkMonitor | undefined;
  let out = '';
  const consoleErrors: string[] = [];
  const prefix = queuePrefix('redislog');

  beforeAll(async () => {
    redis = await startOwnRedis();
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        out += chunk.toString();
        done();
      },
    });
    @Module({ imports: [LoggerModule.forRoot({ pinoHttp: { level: 'info', stream: sink } })] })
    class LogModule {}
    app = await NestFactory.createApplicationContext(
      { module: EmptyModule, imports: [LogModule] },
      { bufferLogs: true, abortOnError: false },
    );
    app.useLogger(app.get(Logger));
  });

  afterAll(async () => {
    monitor?.stop();
    await worker?.close(true).catch(() => undefined);
    await queue?.obliterate({ force: true }).catch(() => undefined);
    await queue?.close().catch(() => undefined);
    await app?.close();
    await redis?.stop();
    jest.restoreAllMocks();
  }, 30_000);

  it('logs the loss at warn and the recovery at info with code and duration; enqueues resume within 2 s', async () => {
    // BullMQ's fallback for an unheard 'error' is console.error(err): recorded (and still printed) to prove it is unused.
    const original = console.error.bind(console);
    jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
      consoleErrors.push(args.map((a) => (a instanceof Error ? (a.stack ?? a.message) : String(a))).join(' '));
      original(...args);
    });
    monitor = new RedisLinkMonitor();
    let recoveries = 0;
    monitor.onRecovered(() => recoveries++);
    worker = new Worker('sla', async () => 'done', {
      connection: redisConnection(redis.url, 'worker'),
      prefix,
      concurrency: 1,
    });
    queue = new Queue('sla', { connection: redisConnection(redis.url, 'queue'), prefix });
    monitor.watchBullmq(worker, 'worker');
    monitor.watchBullmq(queue, 'queue');
    await worker.waitUntilReady();
    await queue.waitUntilReady();
    await queue.add('sla-scan', {}, { jobId: 'before' });
    await eventually(async () => ((await queue?.getJobState('before')) === 'completed' ? true : undefined), 10_000);
    const before = out.length;

    await redis.shutdown();
    await new Promise((r) => setTimeout(r, 4_000));
    await expect(queue.add('sla-scan', {}, { jobId: 'during' })).rejects.toThrow();
    await redis.start();
    const restarted = Date.now();
    // Enqueue resumes: the queue's connection retries at most every 500 ms.
    const enqueuedMs = await eventually(
      async () => {
        try {
          await queue?.add('sla-scan', {}, { jobId: 'after' });
          return Date.now() - restarted;
        } catch {
          return undefined;
        }
      },
      10_000,
      50,
    );
    await eventually(async () => (/Redis connection back/.test(out.slice(before)) ? true : undefined), 10_000);
    // The worker runs again on the new (empty) server.
    await eventually(async () => ((await queue?.getJobState('after')) === 'completed' ? true : undefined), 10_000);
    await new Promise((r) => setTimeout(r, 1_000));

    const lines = out
      .slice(before)
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Line);
    const lost = lines.filter((l) => /Redis connection lost/.test(l.msg));
    const back = lines.filter((l) => /Redis connection back/.test(l.msg));
    expect(lost).toHaveLength(1);
    expect(lost[0]).toMatchObject({ level: 40, context: 'Redis', code: 'ECONNREFUSED' });
    expect(back).toHaveLength(1);
    expect(back[0]).toMatchObject({ level: 30, context: 'Redis', code: 'ECONNREFUSED' });
    expect(back[0].downMs).toBeGreaterThanOrEqual(3_500);
    expect(back[0].failedRetries).toBeGreaterThan(1);
    // Nothing else about the connection, and no stack anywhere: not in the log, not on the console.
    expect(lines.map((l) => l.msg)).toEqual([lost[0].msg, back[0].msg]);
    expect(out).not.toMatch(/\n\s+at /);
    expect(consoleErrors).toEqual([]);
    expect(recoveries).toBe(1);
    expect(enqueuedMs).toBeLessThanOrEqual(2_000);
    console.log(
      `redis outage: lost/back logged once each, down ${back[0].downMs} ms; enqueue ${enqueuedMs} ms after restart`,
    );
  }, 60_000);
});
