import { z } from 'zod';
import { percentSchema } from '../../config/common.schema';
import type { DeductionRule } from '../rule-kit';

const params = z.strictObject({
  graceMonths: z.number().int().min(0).max(60).default(3).describe('Tianjin: not accepted 3 months after the term end'),
  finePercent: percentSchema.default('15').describe('of the contract amount'),
});

export const acceptanceClawbackDeduction: DeductionRule<'acceptance-clawback', typeof params> = {
  kind: 'acceptance-clawback',
  description: 'Acceptance not passed by term end + graceMonths: every line is forfeited (paid money clawed back) and a fine of finePercent % of the amount is owed.',
  params,
  validate: () => [],
  apply: () => [],
};
