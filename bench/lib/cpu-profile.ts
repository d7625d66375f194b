/**
 * Reads a V8 CPU profile (`--cpu-prof`, e.g. the API under `bench/lib/ping-throughput.ts` with
 * BENCH_API_NODE_ARGS='--cpu-prof --cpu-prof-dir=<dir>') and prints where the time went over its last `seconds`
 * before its last `skip` seconds (the load, not the start-up; ping-throughput.ts <n> measures the API, then the
 * minimal app for n seconds while the API idles: pass `<n> <n>`): self and inclusive time per package, and the top functions.
 * `npx tsx bench/lib/cpu-profile.ts <file.cpuprofile | dir> [seconds] [skip]`.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

type ProfileNode = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
};
type CpuProfile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number };

/** The package a script belongs to: the last node_modules/<name> (or @scope/name) in its URL, else ours or Node's. */
export function packageOf(url: string): string {
  if (!url) return '(native / GC / idle)';
  const m = /.*node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return m[1];
  if (url.startsWith('node:')) return 'node internals';
  if (url.includes('/dist/')) return 'ours (dist)';
  return url
    .replace(/^file:\/\//, '')
    .split('/')
    .slice(-2)
    .join('/');
}

type Ranked = [string, number][];

/**
 * Self time (ms) per package and per function, and inclusive time per package (a sample counts once for every
 * package on its stack), over the samples of the last `windowMs` of the profile — the load, not the start-up.
 */
export function summarize(
  profile: CpuProfile,
  windowMs: number,
  skipMs = 0,
): { byPackage: Ranked; inclusive: Ranked; byFunction: Ranked; totalMs: number } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const to = profile.endTime - skipMs * 1000;
  const from = to - windowMs * 1000;
  const pkg = new Map<string, number>();
  const incl = new Map<string, number>();
  const fn = new Map<string, number>();
  const add = (m: Map<string, number>, k: string, ms: number) => m.set(k, (m.get(k) ?? 0) + ms);
  let at = profile.startTime;
  let totalMs = 0;
  profile.samples.forEach((id, i) => {
    at += profile.timeDeltas[i] ?? 0;
    const n = byId.get(id);
    if (at < from || at > to || !n) return;
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    totalMs += ms;
    const p = packageOf(n.callFrame.url);
    add(pkg, p, ms);
    add(fn, `${n.callFrame.functionName || '(anonymous)'} ${p}:${n.callFrame.lineNumber + 1}`, ms);
    const seen = new Set<string>();
    for (let x: number | undefined = id; x !== undefined; x = parent.get(x)) {
      const u = byId.get(x)?.callFrame.url;
      if (u) seen.add(packageOf(u));
    }
    for (const s of seen) add(incl, s, ms);
  });
  const sorted = (m: Map<string, number>) => [...m.entries()].sort((a, b) => b[1] - a[1]);
  return { byPackage: sorted(pkg), inclusive: sorted(incl), byFunction: sorted(fn), totalMs };
}

function main(): void {
  const [target, seconds = '10', skip = '0'] = process.argv.slice(2);
  if (!target) throw new Error('usage: npx tsx bench/lib/cpu-profile.ts <file.cpuprofile | dir> [seconds] [skip]');
  const file = statSync(target).isDirectory()
    ? join(target, readdirSync(target).find((f) => f.endsWith('.cpuprofile')) ?? '')
    : target;
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const { byPackage, inclusive, byFunction, totalMs } = summarize(profile, Number(seconds) * 1000, Number(skip) * 1000);
  const print = (title: string, rows: Ranked, n: number) => {
    console.log(`\n${title}:`);
    for (const [p, ms] of rows.slice(0, n))
      console.log(`  ${((100 * ms) / totalMs).toFixed(1).padStart(5)} %  ${ms.toFixed(0).padStart(7)} ms  ${p}`);
  };
  console.log(`${file}: ${totalMs.toFixed(0)} ms of samples`);
  print('self time by package', byPackage, 25);
  print('inclusive time by package (on the stack)', inclusive, 25);
  print('top functions (self)', byFunction, 40);
}

if (/cpu-profile\.(ts|js)$/.test(process.argv[1] ?? '')) main();
