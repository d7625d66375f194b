import { spawn, type ChildProcess } from 'child_process';
import { randomBytes } from 'crypto';
import { existsSync } from 'fs';
import { join } from 'path';

/** The compiled worker (`npm run build`; `npm test` builds before Jest). */
export const WORKER_MAIN = join(process.cwd(), 'dist', 'apps', 'worker', 'src', 'main.js');
export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A queue prefix of its own per test file, so parallel test files never take each other's jobs. */
export function queuePrefix(name: string): string {
  return `t${name.replace(/[^A-Za-z0-9]/g, '')}${randomBytes(4).toString('hex')}`;
}

export type WorkerProcess = {
  child: ChildProcess;
  output(): string;
  /** Resolves with the exit code or signal when the process ends. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stop(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  waitFor(text: string | RegExp, timeoutMs?: number): Promise<void>;
};

/** Starts a real worker process against the test database and Redis. */
export function startWorker(
  env: { DATABASE_URL: string; QUEUE_PREFIX: string } & Record<string, string>,
): WorkerProcess {
  return startNodeProcess(WORKER_MAIN, 'worker', {
    NODE_ENV: 'test',
    LOG_LEVEL: 'info',
    REDIS_URL,
    WORKER_LOCK_MS: '2000',
    JOB_RECONCILE_INTERVAL_SECONDS: '2',
    JOB_STALE_SECONDS: '3',
    SLA_SCAN_INTERVAL_SECONDS: '0',
    ...env,
  });
}

/** Starts a compiled entry point of `dist/` (the worker, the API) with only PATH and `env`, capturing its output. */
export function startNodeProcess(main: string, label: string, env: Record<string, string>): WorkerProcess {
  if (!existsSync(main)) throw new Error(`${main} is missing: run npm run build first`);
  const child = spawn(process.execPath, [main], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const listeners = new Set<() => void>();
  const onData = (b: Buffer) => {
    out += b.toString();
    for (const l of listeners) l();
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return {
    child,
    output: () => out,
    exited,
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
    waitFor(text, timeoutMs = 30_000) {
      return new Promise<void>((resolve, reject) => {
        const match = () => (typeof text === 'string' ? out.includes(text) : text.test(out));
        if (match()) return resolve();
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(
            new Error(`${label} did not print ${String(text)} within ${timeoutMs} ms; output:\n${out.slice(-4000)}`),
          );
        }, timeoutMs);
        const check = () => {
          if (!match()) return;
          clearTimeout(timer);
          listeners.delete(check);
          resolve();
        };
        listeners.add(check);
        void exited.then(() => {
          if (!match()) {
            clearTimeout(timer);
            listeners.delete(check);
            reject(new Error(`${label} exited before printing ${String(text)}; output:\n${out.slice(-4000)}`));
          }
        });
      });
    },
  };
}

/** Polls until `probe` returns a value (not undefined) or the time is up. */
export async function eventually<T>(
  probe: () => Promise<T | undefined>,
  timeoutMs = 30_000,
  everyMs = 200,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
