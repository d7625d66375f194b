/**
 * `npm run bench [-- --quick] [-- --only=close,api]`: runs every benchmark script one after the other (each starts
 * its own databases and processes), then writes bench/RESULTS.md from bench/results/*.json. Not part of `npm test`.
 * Every measure is a ratio against a floor measured in the same run (timings on a shared machine are noisy).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { QUICK } from './lib/machine';
import { readResults, RESULTS_DIR, type BenchResult, type Measure } from './lib/results';

const ORDER = ['generate', 'ingest', 'close', 'memory', 'api', 'tenants', 'recovery', 'suite'];
const only = process.argv
  .find((a) => a.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');
// --report-only: rewrite bench/RESULTS.md from the results files without running anything.
const benches = process.argv.includes('--report-only') ? [] : ORDER.filter((b) => !only || only.includes(b));

const started = Date.now();
const outcome: { bench: string; seconds: number; ok: boolean }[] = [];
for (const bench of benches) {
  const t = Date.now();
  console.log(`\n=== bench ${bench}${QUICK ? ' (quick)' : ''} ===`);
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', join('bench', `${bench}.bench.ts`), ...(QUICK ? ['--quick'] : [])],
    { stdio: 'inherit', env: process.env },
  );
  outcome.push({ bench, seconds: Math.round((Date.now() - t) / 1000), ok: r.status === 0 });
}
const total = Math.round((Date.now() - started) / 1000);
writeResultsMarkdown(outcome, total);
console.log(
  `\nbenchmarks done in ${total} s: ${outcome.map((o) => `${o.bench} ${o.ok ? 'ok' : 'FAILED'} (${o.seconds} s)`).join(', ')}`,
);
console.log('results: bench/RESULTS.md and bench/results/*.json');
if (outcome.some((o) => !o.ok)) process.exit(1);

/** The SLA engine comparison of issue 2 (bench/results/sla.json, `npm run bench:sla`), as a measure of the table. */
function slaMeasure(): BenchResult | null {
  try {
    const s = JSON.parse(readFileSync(join(RESULTS_DIR, 'sla.json'), 'utf8')) as {
      date: string;
      node: string;
      oursOpsPerSec: number;
      peerOpsPerSec: number;
      ratio: number;
      mismatches: { total: number; compared: number };
    };
    return {
      bench: 'sla',
      mode: 'full',
      startedAt: s.date,
      durationSeconds: 0,
      machine: { node: s.node, cpus: 0, memoryGiB: 0 },
      parameters: {},
      measures: [
        {
          id: 'sla-engine',
          title: 'SLA working-time engine (add + diff), ops/s',
          floor: 'dayjs-business-time on the same cases',
          unit: 'ops/s (higher is better; ratio = ours ÷ peer)',
          value: s.oursOpsPerSec,
          floorValue: s.peerOpsPerSec,
          ratio: s.ratio,
          target: `faster than the peer, 0 mismatches (${s.mismatches.total} of ${s.mismatches.compared})`,
          met: s.ratio > 1 && s.mismatches.total === 0,
        },
      ],
    };
  } catch {
    return null;
  }
}

function fmt(x: number | null | undefined, digits = 2): string {
  if (x === null || x === undefined || Number.isNaN(x)) return '—';
  return Math.abs(x) >= 1000 ? Math.round(x).toLocaleString('en-US') : x.toFixed(digits);
}

function row(r: BenchResult, m: Measure): string {
  const spread = m.ratioMin != null && m.ratioMax != null ? ` (${fmt(m.ratioMin)}–${fmt(m.ratioMax)})` : '';
  const met = m.met === null ? '—' : m.met ? 'met' : '**missed**';
  return `| ${m.title} | ${m.floor} | ${fmt(m.value)} ${m.unit} | ${fmt(m.floorValue)} | ${fmt(m.ratio)}${spread} | ${m.target} | ${met} |`;
}

function writeResultsMarkdown(runs: typeof outcome, totalSeconds: number): void {
  const all = readResults();
  const sla = slaMeasure();
  const pick = (mode: 'full' | 'quick') => all.filter((r) => r.mode === mode);
  const table = (results: BenchResult[]) => {
    const lines = [
      '| measure | floor | value | floor value | ratio (median, spread) | target | |',
      '|---|---|---|---|---|---|---|',
    ];
    for (const b of [...ORDER, 'sla'])
      for (const r of results.filter((x) => x.bench === b)) for (const m of r.measures) lines.push(row(r, m));
    return lines.join('\n');
  };
  const full = pick('full');
  const quick = pick('quick');
  const machine = [...full, ...quick][0]?.machine;
  const extras = [...full, ...quick]
    .filter((r) => r.extra && Object.keys(r.extra).length)
    .map(
      (r) =>
        `- **${r.bench}${r.mode === 'quick' ? ' (quick)' : ''}**: ${Object.entries(r.extra ?? {})
          .map(([k, v]) => `${k} = ${typeof v === 'number' ? fmt(v, 3) : JSON.stringify(v)}`)
          .join('; ')}`,
    );
  const md = `# Benchmark results

Written by \`npm run bench\` (bench/run.ts) from \`bench/results/*.json\`. Each measure is a ratio against its floor,
measured in the same run on the same machine (median over repeated runs, spread in parentheses); see bench/README.md
for what each floor is and why a missed target is missed.

${runs.length ? `Last run: ${new Date().toISOString().slice(0, 16)}Z, ${runs.map((o) => `${o.bench} ${o.ok ? '' : 'FAILED '}${o.seconds} s`).join(', ')}; total ${totalSeconds} s.` : `Rewritten ${new Date().toISOString().slice(0, 16)}Z from the results files (\`--report-only\`): each measure comes from its own script's last run (\`startedAt\` in bench/results/*.json), not from one \`npm run bench\`.`}
Machine: ${machine ? `Node ${machine.node}, ${machine.cpus} CPUs, ${machine.memoryGiB} GiB; ${machine.postgres ?? 'PostgreSQL ?'}; ${machine.redis ?? 'Redis ?'}` : 'unknown'}.

## Default scale

${full.length ? table([...full, ...(sla ? [sla] : [])]) : '_No full run recorded yet._'}

## Quick mode (\`--quick\`)

${quick.length ? table(quick) : '_No quick run recorded._'}

## Growth and context

${extras.length ? extras.join('\n') : '_none_'}
`;
  writeFileSync(join('bench', 'RESULTS.md'), md);
}
