import { execFile, spawn, type ChildProcess } from 'child_process';
import { mkdtempSync, rmSync } from 'fs';
import { createConnection, createServer } from 'net';
import { tmpdir } from 'os';
import { join } from 'path';
import { promisify } from 'util';

/*
 * A Redis server of the test's own (never the shared one on 6379): no persistence, so a restart loses every queue —
 * which is what the outbox reconciler has to make up for. Started in the foreground as a child of the test process,
 * so afterAll can always end it by its pid.
 */

const run = promisify(execFile);

async function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = createServer();
    s.once('error', () => resolve(false));
    s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
  });
}

async function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const c = createConnection({ port, host: '127.0.0.1' });
    c.once('connect', () => {
      c.write('PING\r\n');
    });
    c.once('data', (b) => {
      c.destroy();
      resolve(b.toString().startsWith('+PONG'));
    });
    c.once('error', () => resolve(false));
  });
}

export type OwnRedis = {
  port: number;
  url: string;
  /** `redis-cli shutdown nosave`: the server exits and its data is gone. */
  shutdown(): Promise<void>;
  /** Starts the server again on the same port (empty). */
  start(): Promise<void>;
  /** Ends the server if it runs (afterAll). */
  stop(): Promise<void>;
  log(): string;
};

export async function startOwnRedis(): Promise<OwnRedis> {
  let port = 0;
  for (let i = 0; i < 50 && !port; i++) {
    const candidate = 6390 + Math.floor(Math.random() * 2000);
    if (await portFree(candidate)) port = candidate;
  }
  if (!port) throw new Error('no free port for a test Redis server');
  const dir = mkdtempSync(join(tmpdir(), 'ledger-redis-'));
  let child: ChildProcess | undefined;
  let out = '';
  const start = async () => {
    const c = spawn(
      'redis-server',
      [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--save',
        '',
        '--appendonly',
        'no',
        '--dir',
        dir,
        '--daemonize',
        'no',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    c.stdout?.on('data', (b: Buffer) => (out += b.toString()));
    c.stderr?.on('data', (b: Buffer) => (out += b.toString()));
    child = c;
    const until = Date.now() + 10_000;
    while (!(await answers(port))) {
      if (c.exitCode !== null || Date.now() > until) {
        c.kill('SIGKILL');
        throw new Error(`redis-server on ${port} did not start:\n${out.slice(-2000)}`);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const exited = (c: ChildProcess) =>
    c.exitCode !== null || c.signalCode !== null
      ? Promise.resolve()
      : new Promise<void>((r) => c.once('exit', () => r()));
  // Should the test process end without afterAll (a hard timeout), the server does not outlive it.
  const onExit = () => child?.kill('SIGKILL');
  process.once('exit', onExit);
  await start();
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    async shutdown() {
      const c = child;
      await run('redis-cli', ['-p', String(port), 'shutdown', 'nosave']).catch(() => undefined);
      if (c) await exited(c);
    },
    start,
    async stop() {
      const c = child;
      if (c && c.exitCode === null && c.signalCode === null) {
        c.kill('SIGTERM');
        await exited(c);
      }
      process.removeListener('exit', onExit);
      rmSync(dir, { recursive: true, force: true });
    },
    log: () => out,
  };
}
