import { dec, type Decimal, type Problem } from '@ledger/kernel';
import { z } from 'zod';
import { yearSchema } from '../config/common.schema';
import { formatMoneyGrouped } from '../money';
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

export function describeBase(base: ShareBase, value: Decimal): string {
  return base === 'amount' ? `the contract amount ${formatMoneyGrouped(value)}` : `the ${base.yearFee} fee ${formatMoneyGrouped(value)}`;
}

/** Problem when a year fee is referenced that the term/split does not have. */
export function checkShareBase(base: ShareBase, ctx: ValidationContext, path: string): Problem[] {
  if (base === 'amount') return [];
  if (!ctx.termYears.includes(base.yearFee)) return [{ path, message: `year ${base.yearFee} is outside the term (${ctx.termYears.join(', ')}): there is no such year fee` }];
  return [];
}
