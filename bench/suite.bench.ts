/**
 * How long the README's test command takes on a clean clone (issue 14, point 8): `npx tsx bench/suite.bench.ts`.
 * Clones this repository's HEAD into a temporary directory (with `../shared` beside it, as CI has), runs `npm ci`
 * and `npm test` there, and records the wall time of each and Jest's own time (its "Time:" line), with the counts.
 * `--from-log <file>` records a run that already happened instead (a saved `npm test` output, e.g. CI's
 * tmp/ci-test.log), with the durations given as `--total-seconds` when known.
 * Target: the Jest part ≤ 2.5 min on a quiet 2-core machine, with no test dropped.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { machine } from './lib/machine';
import { writeResult } from './lib/results';

const TARGET_SECONDS = 150;

type SuiteRun = { jestSeconds: number; suites: number; tests: number; failed: number; workers: string };

/** Jest's summary lines of an `npm test` output. */
export function parseJestSummary(log: string): SuiteRun {
  const time = /^Time:\s+([\d.]+) s/m.exec(log);
  const tests = /^Tests:\s+(?:(\d+) failed, )?(?:\d+ skipped, )?(\d+) passed, (\d+) total/m.exec(log);
  const suites = /^Test Suites:\s+(?:\d+ failed, )?(?:\d+ skipped, )?\d+ passed, (\d+) total/m.exec(log);
  const workers = /--maxWorkers=(\d+)/.exec(log);
  if (!time || !tests || !suites) throw new Error('no Jest summary (Time:, Tests:, Test Suites:) in the log');
  return {
    jestSeconds: Number(time[1]),
    suites: Number(suites[1]),
    tests: Number(tests[3]),
    failed: Number(tests[1] ?? 0),
    // Without --maxWorkers on the command line, jest.config.js decides (maxWorkers: 2 today).
    workers: workers ? workers[1] : 'jest.config',
  };
}

function timed(cmd: string, args: string[], cwd: string): { seconds: number; output: string; status: number | null } {
  const t = Date.now();
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, env: process.env });
  return { seconds: (Date.now() - t) / 1000, output: `${r.stdout}\n${r.stderr}`, status: r.status };
}

function runOnCleanClone(): { run: SuiteRun; installSeconds: number; testSeconds: number } {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-suite-'));
  try {
    symlinkSync(resolve(process.cwd(), '..', 'shared'), join(dir, 'shared'));
    const repo = join(dir, 'repo');
    const clone = timed('git', ['clone', '-q', process.cwd(), repo], dir);
    if (clone.status !== 0) throw new Error(`git clone failed:\n${clone.output}`);
    const install = timed('npm', ['ci', '--no-audit', '--no-fund'], repo);
    if (install.status !== 0) throw new Error(`npm ci failed:\n${install.output.slice(-4000)}`);
    const test = timed('npm', ['test'], repo);
    mkdirSync(join(process.cwd(), 'tmp'), { recursive: true });
    writeFileSync(join(process.cwd(), 'tmp', 'suite-bench-test.log'), test.output);
    return { run: parseJestSummary(test.output), installSeconds: install.seconds, testSeconds: test.seconds };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function main(): void {
  const started = new Date();
  const fromLog = process.argv.indexOf('--from-log');
  const totalArg = process.argv.indexOf('--total-seconds');
  let run: SuiteRun;
  let installSeconds: number | null = null;
  let testSeconds: number | null = null;
  if (fromLog >= 0) {
    run = parseJestSummary(readFileSync(process.argv[fromLog + 1], 'utf8'));
    testSeconds = totalArg >= 0 ? Number(process.argv[totalArg + 1]) : null;
  } else {
    ({ run, installSeconds, testSeconds } = runOnCleanClone());
  }
  const file = writeResult({
    bench: 'suite',
    mode: 'full',
    startedAt: started.toISOString(),
    durationSeconds: Math.round((Date.now() - started.getTime()) / 1000),
    machine: machine(),
    parameters: { source: fromLog >= 0 ? 'log of a clean-clone CI run' : 'clean clone of HEAD', workers: run.workers },
    measures: [
      {
        id: 'suite-jest-time',
        title: `The Jest part of \`npm test\` on a clean clone (${run.suites} suites, ${run.tests} tests, ${run.failed} failed, ${run.workers} workers)`,
        floor: 'the target itself (2.5 min)',
        unit: 's (ratio = Jest time ÷ 150 s)',
        value: run.jestSeconds,
        floorValue: TARGET_SECONDS,
        ratio: run.jestSeconds / TARGET_SECONDS,
        target: '≤ 2.5 min, no test dropped',
        met: run.failed === 0 && run.jestSeconds <= TARGET_SECONDS,
      },
    ],
    extra: { installSeconds, npmTestSeconds: testSeconds },
  });
  console.log(`suite: Jest ${run.jestSeconds} s, ${run.tests} tests (${run.failed} failed) → ${file}`);
}

main();
