import { z } from 'zod';
import { nonNegativeMoneySchema } from '../../config/common.schema';
import type { DeductionRule } from '../rule-kit';

const params = z.strictObject({
  amountEach: nonNegativeMoneySchema.describe('Qinghai: 500'),
});

export const perComplaintDeduction: DeductionRule<'per-complaint', typeof params> = {
  kind: 'per-complaint',
  description: 'amountEach × valid complaints of the line\'s period.',
  params,
  validate: () => [],
  apply: () => [],
};
