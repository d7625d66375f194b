import { dec, decimalInput, type Problem, problem } from '@ledger/kernel';
import { z } from 'zod';
import { explain } from '../shared/format';
import type { ItemScore, ProcurementItemDefinition } from './types';

export const allOrNothingParamsSchema = z.object({
  points: decimalInput,
  /** What must be fully met, for explanations: '承诺完全满足报价、时间地点、付款方式及非★技术要求'. */
  condition: z.string().min(1),
});
export type AllOrNothingParams = z.infer<typeof allOrNothingParamsSchema>;
export type AllOrNothingInput = boolean;

export const allOrNothingItem: ProcurementItemDefinition<AllOrNothingParams, AllOrNothingInput> = {
  kind: 'all-or-nothing',
  description: 'Full points when the condition is fully met, otherwise 0 (投标人承诺评价: 10分，其他0分).',
  source: 'bid',
  paramsSchema: allOrNothingParamsSchema,
  validate(params): Problem[] {
    return dec(params.points).lte(0) ? [problem('points', 'number.positive')] : [];
  },
  maxPoints: (params) => dec(params.points),
  inputSchema: () => z.boolean(),
  evaluate(params, met): ItemScore {
    return {
      points: met ? dec(params.points).toString() : '0',
      explanation: met ? `${params.condition}: fully met → ${params.points}` : `${params.condition}: not fully met → 0`,
      explained: met
        ? explain('procurement.all-or-nothing.met', { condition: params.condition, points: params.points })
        : explain('procurement.all-or-nothing.not-met', { condition: params.condition }),
    };
  },
};
