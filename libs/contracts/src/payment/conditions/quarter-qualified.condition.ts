import { problem, type Problem } from '@ledger/kernel';
import type { z } from 'zod';
import { periodsInTerm } from '../../config/periods';
import type { quarterQualifiedConditionSchema } from './condition.schema';
import type { ConditionKind } from './condition-kit';
import { explain } from '../../explain/explanation';

type C = z.output<typeof quarterQualifiedConditionSchema>;

export const quarterQualifiedCondition: ConditionKind<C> = {
  kind: 'quarter-qualified',
  description: "The quarter's service was found qualified (服务合格).",
  validate(c, ctx) {
    const problems: Problem[] = [];
    if (c.quarter) {
      const quarters = periodsInTerm('quarter', ctx.term.start, ctx.term.end).map((q) => q.id);
      if (!quarters.includes(c.quarter))
        problems.push(problem('quarter', 'unknown.quarter', { value: c.quarter, known: quarters }));
    }
    return problems;
  },
  evaluate(c, ctx) {
    const id = c.quarter ?? (ctx.line.context.periodKind === 'quarter' ? ctx.line.context.periodId : undefined);
    if (!id) return { state: 'pending', reason: explain('payment.condition.no-quarter', { state: 'pending' }) };
    const q = ctx.facts.quarters.find((x) => x.id === id);
    if (!q)
      return {
        state: 'pending',
        reason: explain('payment.condition.quarter-pending', { state: 'pending', quarter: id }),
      };
    return q.qualified
      ? { state: 'met', reason: explain('payment.condition.quarter-qualified', { state: 'met', quarter: id }) }
      : {
          state: 'failed',
          reason: explain('payment.condition.quarter-not-qualified', { state: 'failed', quarter: id }),
        };
  },
};
