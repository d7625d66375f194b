import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const RESULTS_DIR = join(process.cwd(), 'bench', 'results');

/**
 * One measure of a benchmark, as it goes into bench/results/<bench>.json and the RESULTS.md table.
 * `ratio` is measure ÷ floor (or, for throughput, measure ÷ floor of the same kind — say which in `unit`);
 * `target` is the target in words and `met` whether the median ratio meets it.
 */
export type Measure = {
  id: string;
  title: string;
  floor: string;
  unit: string;
  value: number;
  floorValue: number | null;
  ratio: number | null;
  ratioMin?: number | null;
  ratioMax?: number | null;
  target: string;
  met: boolean | null;
  notes?: string[];
};

export type BenchResult = {
  bench: string;
  mode: 'quick' | 'full';
  startedAt: string;
  durationSeconds: number;
  machine: { node: string; cpus: number; memoryGiB: number; postgres?: string; redis?: string };
  parameters: Record<string, unknown>;
  measures: Measure[];
  extra?: Record<string, unknown>;
};

export function writeResult(r: BenchResult): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = join(RESULTS_DIR, `${r.bench}${r.mode === 'quick' ? '.quick' : ''}.json`);
  writeFileSync(file, `${JSON.stringify(r, null, 2)}\n`);
  return file;
}

export function readResults(): BenchResult[] {
  try {
    return readdirSync(RESULTS_DIR)
      .filter((f) => f.endsWith('.json'))
      .map((f) => JSON.parse(readFileSync(join(RESULTS_DIR, f), 'utf8')) as BenchResult)
      .filter((r) => Array.isArray(r.measures));
  } catch {
    return [];
  }
}
