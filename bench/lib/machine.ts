import { cpus, totalmem } from 'node:os';
import { execFileSync } from 'node:child_process';
import type { BenchResult } from './results';

/** What the run was measured on (versions only; never a path of the machine). */
export function machine(): BenchResult['machine'] {
  const version = (cmd: string, args: string[]): string | undefined => {
    try {
      return execFileSync(cmd, args, { encoding: 'utf8' }).trim().split('\n')[0];
    } catch {
      return undefined;
    }
  };
  return {
    node: process.version,
    cpus: cpus().length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    postgres: version('psql', ['--version']),
    redis: version('redis-server', ['--version']),
  };
}

export const QUICK = process.argv.includes('--quick') || process.env.BENCH_QUICK === '1';
