import type { z } from 'zod';
import type { acceptancePassedConditionSchema } from './condition.schema';
import type { ConditionKind } from './condition-kit';
import { explain } from '../../explain/explanation';

type C = z.output<typeof acceptancePassedConditionSchema>;

export const acceptancePassedCondition: ConditionKind<C> = {
  kind: 'acceptance-passed',
  description: 'The buyer signed off acceptance (验收).',
  validate: () => [],
  evaluate(_c, ctx) {
    const a = ctx.facts.acceptance;
    if (!a) return { state: 'pending', reason: explain('payment.condition.acceptance-pending', { state: 'pending' }) };
    // A failed acceptance can be run again after rectification: withheld, not forfeited.
    return a.passed
      ? { state: 'met', reason: explain('payment.condition.accepted', { state: 'met', date: a.date }) }
      : { state: 'failed', reason: explain('payment.condition.not-accepted', { state: 'failed', date: a.date }) };
  },
};
