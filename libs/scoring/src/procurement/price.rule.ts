import { dec, Decimal, decimalInput, type Problem, problem } from '@ledger/kernel';
import { z } from 'zod';

export const priceParamsSchema = z.object({
  /** 价格 weight (Tianjin: 10). */
  weight: decimalInput.default('10'),
  /**
   * 本项目对小微企业报价给予20%的扣除 → '0.20'. Prison enterprises and disability welfare units count as
   * small/micro (视同); the benefits do not stack, so one deduction at most.
   */
  smallMicroDeduction: decimalInput.default('0.20'),
});
export type PriceParams = z.infer<typeof priceParamsSchema>;

export function validatePriceParams(p: PriceParams): Problem[] {
  const problems: Problem[] = [];
  if (dec(p.weight).lte(0)) problems.push(problem('weight', 'number.positive'));
  const d = dec(p.smallMicroDeduction);
  if (d.isNegative() || d.gte(1)) problems.push(problem('smallMicroDeduction', 'procurement.deductionFraction'));
  return problems;
}

/** The price used in evaluation: the final offer, less the small/micro deduction (财库〔2020〕46号 Art. 9). */
export function evaluatedPrice(p: PriceParams, price: Decimal, smallOrMicro: boolean): Decimal {
  return smallOrMicro ? price.times(new Decimal(1).minus(dec(p.smallMicroDeduction))) : price;
}

/** 价格得分 = (评标基准价 / 报价) × 10, exact; base = lowest evaluated price among valid bids. */
export function priceScore(p: PriceParams, base: Decimal, evaluated: Decimal): Decimal {
  return base.div(evaluated).times(dec(p.weight));
}
