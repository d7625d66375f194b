import type { Problem } from '@ledger/kernel';
import type { z } from 'zod';
import type { gradeInConditionSchema } from './condition.schema';
import { checkScoreTarget, scoreRecord, type ConditionKind } from './condition-kit';

type C = z.output<typeof gradeInConditionSchema>;

export const gradeInCondition: ConditionKind<C> = {
  kind: 'grade-in',
  description: 'The grade of a period or year is one of `grades`.',
  validate(c, ctx, has) {
    const problems: Problem[] = checkScoreTarget(c, ctx, has);
    if (ctx.grades) {
      c.grades.forEach((g, i) => {
        if (!ctx.grades?.includes(g)) problems.push({ path: `grades[${i}]`, message: `unknown grade "${g}"; the assessment scheme grades ${ctx.grades?.join(', ')}` });
      });
    }
    return problems;
  },
  evaluate(c, ctx) {
    const r = scoreRecord(c, ctx);
    if (r.grade === undefined) return { state: 'pending', reason: `waiting for the ${r.label} grade (needs ${c.grades.join('/')})` };
    return c.grades.includes(r.grade)
      ? { state: 'met', reason: `${r.label} grade ${r.grade} is in ${c.grades.join('/')}` }
      : { state: 'failed', reason: `${r.label} grade ${r.grade} is not in ${c.grades.join('/')}` };
  },
};
