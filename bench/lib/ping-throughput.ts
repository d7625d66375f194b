/**
 * Quick, unthrottled throughput of `{ ping }` on the real API (dist, signed in, one generated tenant) and on the
 * minimal NestJS + Apollo app (minimal-api.ts), one after the other: `npx tsx bench/lib/ping-throughput.ts [seconds]`.
 * For profiling the API's per-request stack (bench/README.md, "A lean API stack"); `npm run build` first.
 * BENCH_API_NODE_ARGS (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`) is passed to the API's node.
 */
import autocannon from 'autocannon';
import { join } from 'node:path';
import { createBenchDatabase } from './bench-db';
import { generateWorld } from './generate';
import { freePort, startNode } from './processes';
import { startApi, SEED } from '../api.bench';

const SECONDS = Number(process.argv[2] ?? 10);
const CONNECTIONS = Number(process.env.BENCH_API_CONNECTIONS ?? 4);
const BODY = JSON.stringify({ query: '{ ping }' });

async function throughput(
  url: string,
  token: string | null,
  seconds: number,
): Promise<{ rps: number; p50: number; p99: number; bad: number }> {
  const r = await autocannon({
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: BODY,
    connections: CONNECTIONS,
    duration: seconds,
    verifyBody: (b: string) => b.startsWith('{"data":{"ping":"pong"}}'),
  } as autocannon.Options);
  const mismatches = (r as { mismatches?: number }).mismatches ?? 0;
  return {
    rps: Math.round(r.requests.average),
    p50: r.latency.p50,
    p99: r.latency.p99,
    bad: r.errors + r.timeouts + r.non2xx + mismatches,
  };
}

async function main(): Promise<void> {
  const db = await createBenchDatabase('ping');
  try {
    await generateWorld(db, { seed: SEED, tenants: 1 });
    const port = await freePort();
    const minimal = startNode(
      join(process.cwd(), 'bench', 'lib', 'minimal-api.ts'),
      { PORT: String(port), HOST: '127.0.0.1' },
      ['--import', 'tsx'],
    );
    await minimal.waitFor('minimal API ready');
    const api = await startApi(
      db,
      't0001.admin@bench.local',
      (process.env.BENCH_API_NODE_ARGS ?? '').split(' ').filter(Boolean),
    );
    const minimalUrl = `http://127.0.0.1:${port}/graphql`;
    try {
      await throughput(api.url, api.token, 3);
      await throughput(minimalUrl, null, 3);
      const a = await throughput(api.url, api.token, SECONDS);
      const m = await throughput(minimalUrl, null, SECONDS);
      console.log(`API { ping }: ${a.rps} req/s (p50 ${a.p50} ms, p99 ${a.p99} ms, failures ${a.bad})`);
      console.log(`minimal app: ${m.rps} req/s (p50 ${m.p50} ms, p99 ${m.p99} ms, failures ${m.bad})`);
      console.log(`ratio API ÷ minimal: ${(a.rps / m.rps).toFixed(2)}`);
    } finally {
      await api.stop();
      await minimal.stop();
    }
  } finally {
    await db.drop();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
