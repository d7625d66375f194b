import { dec, problem, type Decimal, type Problem } from '@ledger/kernel';
import { z } from 'zod';
import { yearSchema } from '../config/common.schema';
import { explain } from '../explain/explanation';
import type { ValidationContext } from './rule-kit';

/** What a percentage is taken of: the contract amount, or one year's fee (the annual split). */
export const shareBaseSchema = z
  .union([z.literal('amount'), z.strictObject({ yearFee: yearSchema })])
  .default('amount')
  .describe('"amount" = the contract amount; { yearFee: 2026 } = that year\'s fee from money.annualSplit');
export type ShareBase = z.output<typeof shareBaseSchema>;

export function baseAmount(base: ShareBase, amount: string, yearFees: Map<number, Decimal>): Decimal {
  if (base === 'amount') return dec(amount);
  const fee = yearFees.get(base.yearFee);
  if (!fee) throw new Error(`no fee for year ${base.yearFee}`); // validation rules this out
  return fee;
}

/** Parameters naming the base of a share (rendered by the `base.*` texts). */
export function describeBase(base: ShareBase, value: Decimal): Record<string, string> {
  return base === 'amount'
    ? { base: 'amount', baseAmount: value.toFixed(2) }
    : { base: 'year-fee', baseYear: String(base.yearFee), baseAmount: value.toFixed(2) };
}

/** `percent % of <base>`. */
export const percentBasis = (percent: string, base: ShareBase, value: Decimal) =>
  explain('payment.basis.percent', { percent, ...describeBase(base, value) });

/** Problem when a year fee is referenced that the term/split does not have. */
export function checkShareBase(base: ShareBase, ctx: ValidationContext, path: string): Problem[] {
  if (base === 'amount') return [];
  if (!ctx.termYears.includes(base.yearFee))
    return [problem(path, 'year.outsideTerm', { year: base.yearFee, years: ctx.termYears })];
  return [];
}
