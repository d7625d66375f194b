import { z } from 'zod';
import { percentSchema } from '../../config/common.schema';
import type { DeductionRule } from '../rule-kit';

const params = z.strictObject({
  percentPerDay: percentSchema.describe('Huai\'an general clause 12: 0.5 (% of the late service\'s value per day)'),
  capPercent: percentSchema.describe('of the late service\'s value; Huai\'an: 10'),
});

export const liquidatedDamagesDeduction: DeductionRule<'liquidated-damages', typeof params> = {
  kind: 'liquidated-damages',
  description: 'For each late delivery: value × percentPerDay % × days late, capped at capPercent % of value.',
  params,
  validate: () => [],
  apply: () => [],
};
