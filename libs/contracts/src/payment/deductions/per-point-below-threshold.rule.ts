import { z } from 'zod';
import { moneySchema, nonNegativeDecimalSchema, percentSchema, yearSchema } from '../../config/common.schema';
import type { DeductionRule } from '../rule-kit';

const params = z.strictObject({
  threshold: nonNegativeDecimalSchema.describe('e.g. 80'),
  perPoint: moneySchema.describe('yuan per point below the threshold, e.g. 10000 or 20000'),
  score: z.enum(['year', 'period']).default('year').describe('year: each year score (facts.years); period: each assessment period score'),
  points: z.enum(['proportional', 'ceil', 'floor']).default('proportional').describe('rule 4: 78.5 → 1.5 points (proportional), 2 (ceil) or 1 (floor)'),
  cap: z
    .strictObject({
      percent: percentSchema,
      of: z.union([z.literal('amount'), z.literal('year-fee'), z.strictObject({ yearFee: yearSchema })]).describe('"year-fee" = the fee of the scored year'),
    })
    .optional(),
});
export type PerPointBelowThresholdParams = z.output<typeof params>;

export const perPointBelowThresholdDeduction: DeductionRule<'per-point-below-threshold', typeof params> = {
  kind: 'per-point-below-threshold',
  description: 'perPoint × points below threshold for each year (or period) score, capped.',
  params,
  validate: () => [],
  apply: () => [],
};
