import { dec, toFixed2, type DecimalLike } from '@ledger/kernel';
import type { ScoringExplanation } from '../types';

/** `+2`, `-5`, `0`, `+2.5`: points as written in a ladder, for explanations. */
export function signed(v: DecimalLike): string {
  const d = dec(v);
  return d.gt(0) ? `+${d.toString()}` : d.isZero() ? '0' : d.toString();
}

/** Points as stored: fixed two decimals, half up, never "-0.00". */
export function points2(v: DecimalLike): string {
  const s = toFixed2(v);
  return s === '-0.00' ? '0.00' : s;
}

/** A code and its parameters; absent parameters are dropped (the dictionaries treat them as optional parts). */
export function explain(
  code: string,
  params: Readonly<Record<string, string | number | null | undefined>> = {},
): ScoringExplanation {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null) out[k] = String(v);
  return { code, params: out };
}
