import { z } from 'zod';
import type { DeductionRule } from '../rule-kit';

const params = z.strictObject({
  per: z.enum(['term', 'year']).default('term').describe('term: amount × absent ÷ planned over the term; year: each year fee × that year\'s absent ÷ planned'),
});
export type AbsenceProRataParams = z.output<typeof params>;

export const absenceProRataDeduction: DeductionRule<'absence-pro-rata', typeof params> = {
  kind: 'absence-pro-rata',
  description: 'base × absent person-months ÷ planned person-months (absent = planned − actual).',
  params,
  validate: () => [],
  apply: () => [],
};
