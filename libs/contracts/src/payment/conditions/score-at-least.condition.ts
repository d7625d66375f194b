import { dec } from '@ledger/kernel';
import type { z } from 'zod';
import type { scoreAtLeastConditionSchema } from './condition.schema';
import { checkScoreTarget, scoreRecord, type ConditionKind } from './condition-kit';
import { explain } from '../../explain/explanation';

type C = z.output<typeof scoreAtLeastConditionSchema>;

export const scoreAtLeastCondition: ConditionKind<C> = {
  kind: 'score-at-least',
  description: 'The score of a period or year is at least `min` (80.00 passes min 80; 79.99 does not).',
  validate: (c, ctx, has) => checkScoreTarget(c, ctx, has),
  evaluate(c, ctx) {
    const r = scoreRecord(c, ctx);
    if (r.score === undefined)
      return {
        state: 'pending',
        reason: explain('payment.condition.score-pending', { state: 'pending', ...r.label, min: c.min }),
      };
    return dec(r.score).gte(dec(c.min))
      ? {
          state: 'met',
          reason: explain('payment.condition.score-met', {
            state: 'met',
            ...r.label,
            score: dec(r.score).toFixed(2),
            min: c.min,
          }),
        }
      : {
          state: 'failed',
          reason: explain('payment.condition.score-failed', {
            state: 'failed',
            ...r.label,
            score: dec(r.score).toFixed(2),
            min: c.min,
          }),
        };
  },
};
