import { dec, toFixed2, type DecimalLike } from '@ledger/kernel';

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
