import { z } from 'zod';
import type { DeductionRule } from '../rule-kit';

const params = z.strictObject({}).default({});

export const manualAdjustmentDeduction: DeductionRule<'manual-adjustment', typeof params> = {
  kind: 'manual-adjustment',
  description: 'Adjustments entered by the buyer (facts.adjustments), each with a reason; positive reduces the payment, negative gives back.',
  params,
  validate: () => [],
  apply: () => [],
};
