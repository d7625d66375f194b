import type { Problem } from '@ledger/kernel';
import type { z } from 'zod';
import { periodsInTerm } from '../../config/periods';
import type { quarterQualifiedConditionSchema } from './condition.schema';
import type { ConditionKind } from './condition-kit';

type C = z.output<typeof quarterQualifiedConditionSchema>;

export const quarterQualifiedCondition: ConditionKind<C> = {
  kind: 'quarter-qualified',
  description: 'The quarter\'s service was found qualified (服务合格).',
  validate(c, ctx) {
    const problems: Problem[] = [];
    if (c.quarter) {
      const quarters = periodsInTerm('quarter', ctx.term.start, ctx.term.end).map((q) => q.id);
      if (!quarters.includes(c.quarter)) problems.push({ path: 'quarter', message: `unknown quarter "${c.quarter}"; the term has ${quarters.join(', ')}` });
    }
    return problems;
  },
  evaluate(c, ctx) {
    const id = c.quarter ?? (ctx.line.context.periodKind === 'quarter' ? ctx.line.context.periodId : undefined);
    if (!id) return { state: 'pending', reason: 'the line has no quarter to qualify' };
    const q = ctx.facts.quarters.find((x) => x.id === id);
    if (!q) return { state: 'pending', reason: `waiting for ${id} to be qualified` };
    return q.qualified ? { state: 'met', reason: `${id} service qualified` } : { state: 'failed', reason: `${id} service not qualified (服务不合格)` };
  },
};
