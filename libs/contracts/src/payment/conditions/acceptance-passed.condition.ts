import type { z } from 'zod';
import type { acceptancePassedConditionSchema } from './condition.schema';
import type { ConditionKind } from './condition-kit';

type C = z.output<typeof acceptancePassedConditionSchema>;

export const acceptancePassedCondition: ConditionKind<C> = {
  kind: 'acceptance-passed',
  description: 'The buyer signed off acceptance (验收).',
  validate: () => [],
  evaluate(_c, ctx) {
    const a = ctx.facts.acceptance;
    if (!a) return { state: 'pending', reason: 'waiting for acceptance' };
    // A failed acceptance can be run again after rectification: withheld, not forfeited.
    return a.passed ? { state: 'met', reason: `accepted${a.date ? ` on ${a.date}` : ''}` } : { state: 'failed', reason: `acceptance not passed${a.date ? ` (${a.date})` : ''}` };
  },
};
