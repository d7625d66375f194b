/**
 * Exact arithmetic on the API's two-decimal score strings ("-10.00", "71.00") in hundredths (BigInt): enough to
 * derive the scheme's base (unclamped score − Σ points) for the waterfall's first bar without binary floats.
 */
export function toHundredths(value: string): bigint {
  const match = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(value.trim());
  if (!match) throw new Error(`not a two-decimal score: ${value}`);
  const [, sign, whole, fraction = ''] = match;
  const n = BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0'));
  return sign ? -n : n;
}

export function fromHundredths(n: bigint): string {
  const sign = n < 0n ? '-' : '';
  const abs = n < 0n ? -n : n;
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}

/** base = unclamped − Σ points, as a two-decimal string. */
export function assessmentBase(unclamped: string, points: readonly string[]): string {
  return fromHundredths(points.reduce((acc, p) => acc - toHundredths(p), toHundredths(unclamped)));
}

/** For drawing only (chart geometry): the labels always show the API's strings. */
export function chartNumber(value: string): number {
  return Number(value);
}
