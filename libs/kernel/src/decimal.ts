import DecimalJs from 'decimal.js';
import { z } from 'zod';
import { addProblem, problemIssue } from './problem';

/**
 * The one Decimal constructor of the domain core: 40 significant digits, half-up rounding.
 * A clone, so no code here touches decimal.js's global configuration.
 */
export const Decimal = DecimalJs.clone({
  precision: 40,
  rounding: DecimalJs.ROUND_HALF_UP,
  toExpNeg: -30,
  toExpPos: 40,
});
export type Decimal = InstanceType<typeof Decimal>;

export type DecimalLike = Decimal | string | number;

const DECIMAL_TEXT = /^-?\d+(\.\d+)?$/;

export function dec(value: DecimalLike): Decimal {
  return new Decimal(value);
}

/** Half up to `places` decimals (money: 2 = the fen; scores: 2). */
export function roundHalfUp(value: DecimalLike, places = 2): Decimal {
  return dec(value).toDecimalPlaces(places, Decimal.ROUND_HALF_UP);
}

/** Fixed two-decimal text, e.g. `66666.67`: the form money and scores are shown and stored in. */
export function toFixed2(value: DecimalLike): string {
  return roundHalfUp(value, 2).toFixed(2);
}

/**
 * A decimal in a configuration or an input: a decimal string ("2400000.00") or a JSON number
 * that is exactly representable in ≤ 15 significant digits (84, 86.4). Normalised to a string.
 */
export const decimalInput = z
  .union([z.string(), z.number()])
  .superRefine((v, ctx) => {
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) addProblem(ctx, 'number.notFinite');
      else if (new Decimal(v).precision(true) > 15) addProblem(ctx, 'number.tooPrecise');
    } else if (!DECIMAL_TEXT.test(v)) {
      addProblem(ctx, 'number.notDecimal', { value: v });
    }
  })
  .transform((v) => (typeof v === 'number' ? new Decimal(v).toString() : v));

/** A decimal that must not be negative: rates, caps, amounts and thresholds of a deduction. */
export const nonNegativeDecimalInput = decimalInput
  .refine((v) => !new Decimal(v).isNegative(), problemIssue('number.nonNegative'))
  .describe('a decimal ≥ 0');

/** A decimal that must be greater than 0: maxima and caps that something is measured against. */
export const positiveDecimalInput = decimalInput
  .refine((v) => new Decimal(v).gt(0), problemIssue('number.positive'))
  .describe('a decimal > 0');
