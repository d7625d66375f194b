import { coded, dec, decimalInput, problem, type CodedProblem, type Decimal, type Problem } from '@ledger/kernel';
import { z } from 'zod';

/** One end of a band: a value and whether the band includes it. Absent end = unbounded (±∞). */
export const boundSchema = z.object({ value: decimalInput, inclusive: z.boolean() });
export type Bound = z.infer<typeof boundSchema>;

/** An interval of the metric's value. `min`/`max` absent mean −∞/+∞. */
export const intervalSchema = z.object({ min: boundSchema.optional(), max: boundSchema.optional() });
export type Interval = z.infer<typeof intervalSchema>;

/** The values a metric can take (0..100 for a percentage, 0..∞ for delay days); bands must cover it. */
export const domainSchema = intervalSchema;
export type Domain = Interval;

/** A band with points: the common ladder of the assessment rules. */
export const pointsBandSchema = intervalSchema.extend({ points: decimalInput, label: z.string().optional() });
export type PointsBand = z.infer<typeof pointsBandSchema>;

type Lower = { value: Decimal | null; inclusive: boolean };
type Upper = { value: Decimal | null; inclusive: boolean };

const lowerOf = (i: Interval): Lower =>
  i.min ? { value: dec(i.min.value), inclusive: i.min.inclusive } : { value: null, inclusive: false };
const upperOf = (i: Interval): Upper =>
  i.max ? { value: dec(i.max.value), inclusive: i.max.inclusive } : { value: null, inclusive: false };

/** Negative when lower bound a starts before b. */
function cmpLower(a: Lower, b: Lower): number {
  if (a.value === null || b.value === null) return (a.value === null ? -1 : 0) - (b.value === null ? -1 : 0);
  const c = a.value.cmp(b.value);
  if (c !== 0) return c;
  return a.inclusive === b.inclusive ? 0 : a.inclusive ? -1 : 1;
}

/** Negative when upper bound a ends before b. */
function cmpUpper(a: Upper, b: Upper): number {
  if (a.value === null || b.value === null) return (a.value === null ? 1 : 0) - (b.value === null ? 1 : 0);
  const c = a.value.cmp(b.value);
  if (c !== 0) return c;
  return a.inclusive === b.inclusive ? 0 : a.inclusive ? 1 : -1;
}

function nonEmpty(lo: Lower, hi: Upper): boolean {
  if (lo.value === null || hi.value === null) return true;
  const c = lo.value.cmp(hi.value);
  return c < 0 || (c === 0 && lo.inclusive && hi.inclusive);
}

function intersect(a: Interval, b: Interval): { lo: Lower; hi: Upper } {
  const la = lowerOf(a),
    lb = lowerOf(b),
    ua = upperOf(a),
    ub = upperOf(b);
  return { lo: cmpLower(la, lb) >= 0 ? la : lb, hi: cmpUpper(ua, ub) <= 0 ? ua : ub };
}

const fmt = (d: Decimal | null, sign: '-' | '+'): string => (d === null ? `${sign === '-' ? '−' : ''}∞` : d.toString());
function show(lo: Lower, hi: Upper): string {
  return `${lo.inclusive && lo.value !== null ? '[' : '('}${fmt(lo.value, '-')}, ${fmt(hi.value, '+')}${hi.inclusive && hi.value !== null ? ']' : ')'}`;
}

/** `[90, ∞)`, `(30, 60]`, `[0, 0]` — the notation used in explanations and problems. */
export function describeInterval(i: Interval): string {
  return show(lowerOf(i), upperOf(i));
}

export function inInterval(i: Interval, x: Decimal): boolean {
  if (i.min) {
    const c = x.cmp(dec(i.min.value));
    if (c < 0 || (c === 0 && !i.min.inclusive)) return false;
  }
  if (i.max) {
    const c = x.cmp(dec(i.max.value));
    if (c > 0 || (c === 0 && !i.max.inclusive)) return false;
  }
  return true;
}

/** Index of the (single, once validated) band containing x, or -1. */
export function findBand(bands: readonly Interval[], x: Decimal): number {
  return bands.findIndex((b) => inInterval(b, x));
}

/**
 * Every problem of a ladder, relative to `name` (default `bands`): empty bands, overlaps (every pair),
 * gaps inside the domain, bands outside the domain, and domain ends left uncovered.
 * Bands may be written in any order (the seeds write them high to low); coverage is checked in value order.
 */
export function validateBands(bands: readonly Interval[], domain: Domain, name = 'bands'): Problem[] {
  const problems: Problem[] = [];
  const dLo = lowerOf(domain),
    dHi = upperOf(domain);
  if (!nonEmpty(dLo, dHi)) return [problem('domain', 'bands.domainEmpty', { domain: show(dLo, dHi) })];
  const usable: number[] = [];
  bands.forEach((b, i) => {
    const lo = lowerOf(b),
      hi = upperOf(b);
    if (!nonEmpty(lo, hi)) {
      problems.push(problem(`${name}[${i}]`, 'bands.empty', { band: show(lo, hi) }));
      return;
    }
    const x = intersect(b, domain);
    if (!nonEmpty(x.lo, x.hi)) {
      problems.push(problem(`${name}[${i}]`, 'bands.outsideDomain', { band: show(lo, hi), domain: show(dLo, dHi) }));
    }
    usable.push(i);
  });
  for (let a = 0; a < usable.length; a++) {
    for (let b = a + 1; b < usable.length; b++) {
      const i = usable[a],
        j = usable[b];
      const x = intersect(bands[i], bands[j]);
      if (nonEmpty(x.lo, x.hi)) {
        problems.push(
          problem(`${name}[${j}]`, 'bands.overlap', {
            other: i,
            band: describeInterval(bands[j]),
            otherBand: describeInterval(bands[i]),
            overlap: show(x.lo, x.hi),
          }),
        );
      }
    }
  }
  // Coverage walk in value order over the bands that intersect the domain.
  const inDomain = usable.filter((i) => {
    const x = intersect(bands[i], domain);
    return nonEmpty(x.lo, x.hi);
  });
  const order = [...inDomain].sort((a, b) => cmpLower(lowerOf(bands[a]), lowerOf(bands[b])) || a - b);
  if (order.length === 0) {
    problems.push(problem(name, 'bands.noneCovers', { domain: show(dLo, dHi) }));
    return problems;
  }
  const first = order[0];
  const firstLo = lowerOf(bands[first]);
  if (cmpLower(firstLo, dLo) > 0) {
    const gapHi: Upper = { value: firstLo.value, inclusive: !firstLo.inclusive };
    problems.push(problem(`${name}[${first}]`, 'bands.gapBefore', { index: first, gap: show(dLo, gapHi) }));
  }
  let reach = upperOf(bands[first]);
  let reachBand = first;
  for (const k of order.slice(1)) {
    const lo = lowerOf(bands[k]);
    const gapLo: Lower = { value: reach.value, inclusive: !reach.inclusive };
    const gapHi: Upper = { value: lo.value, inclusive: !lo.inclusive };
    if (reach.value !== null && nonEmpty(gapLo, gapHi)) {
      problems.push(problem(`${name}[${k}]`, 'bands.gapAfter', { index: reachBand, gap: show(gapLo, gapHi) }));
    }
    const hi = upperOf(bands[k]);
    if (cmpUpper(hi, reach) > 0) {
      reach = hi;
      reachBand = k;
    }
  }
  if (cmpUpper(reach, dHi) < 0) {
    const gapLo: Lower = { value: reach.value, inclusive: !reach.inclusive };
    problems.push(problem(`${name}[${reachBand}]`, 'bands.gapAtEnd', { index: reachBand, gap: show(gapLo, dHi) }));
  }
  return problems;
}

/** Problems for a metric value outside the declared domain (an input problem, not a config one). */
export function checkInDomain(domain: Domain, x: Decimal): CodedProblem | null {
  return inInterval(domain, x)
    ? null
    : coded('scoring.outsideDomain', { value: x.toString(), domain: describeInterval(domain) });
}
