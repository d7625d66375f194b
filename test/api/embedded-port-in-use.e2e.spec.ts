import { spawn } from 'child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'fs';
import { createServer, type Server } from 'net';
import { tmpdir } from 'os';
import { join } from 'path';

const API_MAIN = join(process.cwd(), 'dist', 'apps', 'api', 'src', 'main.js');

/** Runs the compiled API (`npm start`'s last step) with its own environment until it exits; its output and code. */
function runApi(env: Record<string, string>, timeoutMs: number): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [API_MAIN], {
      env: { PATH: process.env.PATH ?? '', NODE_ENV: 'development', LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (b: Buffer) => (output += b.toString()));
    child.stderr.on('data', (b: Buffer) => (output += b.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

/**
 * `npm start` on a port another process holds (a second instance, another service): it used to open the embedded
 * database and start the in-process jobs, fail at listen and exit while they wrote, leaving a data directory the next
 * start could not open. Now it says so in Chinese and English and exits before the database is touched.
 */
describe('npm start on a port in use (embedded mode)', () => {
  let holder: Server;
  let port: number;
  let dataDir: string;

  beforeAll(async () => {
    if (!existsSync(API_MAIN)) throw new Error(`${API_MAIN} is missing: npm run build first`);
    holder = createServer();
    await new Promise<void>((r) => holder.listen(0, '127.0.0.1', () => r()));
    port = (holder.address() as { port: number }).port;
    dataDir = mkdtempSync(join(tmpdir(), 'ledger-port-'));
  });

  afterAll(async () => {
    await new Promise<void>((r) => holder.close(() => r()));
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('exits with a message naming the port, before the embedded database is opened', async () => {
    const run = await runApi({ PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, SEED_DEMO: 'auto' }, 60_000);
    expect(run.code).toBe(1);
    expect(run.output).toContain(`端口 127.0.0.1:${port} 已被占用`);
    expect(run.output).toContain(`PORT=${port + 1} npm start`);
    // Nothing was written: no database, no generated secret.
    expect(readdirSync(dataDir)).toEqual([]);
  }, 90_000);
});
