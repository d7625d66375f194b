/** Medians and spreads over repeated runs: timings on a shared machine are noisy, so every figure is a ratio. */
export type Spread = { median: number; min: number; max: number; runs: number[] };

export function spread(values: readonly number[]): Spread {
  const runs = [...values];
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1], runs };
}

/** Runs `work` `repeats` times (after `warmups` unmeasured runs) and returns the durations in milliseconds. */
export async function timed(repeats: number, work: (i: number) => Promise<void>, warmups = 0): Promise<Spread> {
  for (let i = 0; i < warmups; i++) await work(-1 - i);
  const out: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t = process.hrtime.bigint();
    await work(i);
    out.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return spread(out);
}

/**
 * Ratio of a measure to its floor, measured in the same run: the median ratio over paired runs (measure i / floor
 * i), with the spread of the pairs, so a slow moment of the machine hits both sides of a pair.
 */
export function pairedRatio(measure: Spread, floor: Spread): Spread {
  const n = Math.min(measure.runs.length, floor.runs.length);
  return spread(Array.from({ length: n }, (_, i) => measure.runs[i] / floor.runs[i]));
}

/** Least-squares slope of log(cost) over log(size): cost ∝ size^exponent. */
export function growthExponent(points: readonly { size: number; cost: number }[]): number {
  const xs = points.map((p) => Math.log(p.size));
  const ys = points.map((p) => Math.log(p.cost));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  const num = xs.reduce((s, x, i) => s + (x - mx) * (ys[i] - my), 0);
  const den = xs.reduce((s, x) => s + (x - mx) ** 2, 0);
  return num / den;
}

export const round = (x: number, digits = 3): number => Math.round(x * 10 ** digits) / 10 ** digits;
