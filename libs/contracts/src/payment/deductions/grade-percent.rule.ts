import { z } from 'zod';
import { percentSchema } from '../../config/common.schema';
import type { DeductionRule } from '../rule-kit';

const params = z.strictObject({
  grades: z
    .array(
      z.strictObject({
        grade: z.string().min(1),
        percent: percentSchema,
        delayMonths: z.number().int().min(0).max(60).default(0),
      }),
    )
    .min(1)
    .describe('Qinghai: B → 2 % and 1 month later; C → 5 % and 2 months later'),
});

export const gradePercentDeduction: DeductionRule<'grade-percent', typeof params> = {
  kind: 'grade-percent',
  description: 'percent % of the period payment by the period grade, and the payment moves delayMonths later.',
  params,
  validate: () => [],
  apply: () => [],
};
