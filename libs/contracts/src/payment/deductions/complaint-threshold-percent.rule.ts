import { z } from 'zod';
import { percentSchema } from '../../config/common.schema';
import type { DeductionRule } from '../rule-kit';

const params = z.strictObject({
  minComplaints: z.number().int().min(1).describe('Qinghai: 3'),
  percent: percentSchema.describe('of the line\'s gross (the period payment); Qinghai: 3'),
});

export const complaintThresholdPercentDeduction: DeductionRule<'complaint-threshold-percent', typeof params> = {
  kind: 'complaint-threshold-percent',
  description: 'percent % of the period payment when the period has at least minComplaints valid complaints.',
  params,
  validate: () => [],
  apply: () => [],
};
