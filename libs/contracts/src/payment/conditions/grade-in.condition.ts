import { problem, type Problem } from '@ledger/kernel';
import type { z } from 'zod';
import type { gradeInConditionSchema } from './condition.schema';
import { checkScoreTarget, scoreRecord, type ConditionKind } from './condition-kit';
import { explain } from '../../explain/explanation';

type C = z.output<typeof gradeInConditionSchema>;

export const gradeInCondition: ConditionKind<C> = {
  kind: 'grade-in',
  description: 'The grade of a period or year is one of `grades`.',
  validate(c, ctx, has) {
    const problems: Problem[] = checkScoreTarget(c, ctx, has);
    if (ctx.grades) {
      c.grades.forEach((g, i) => {
        if (!ctx.grades?.includes(g))
          problems.push(problem(`grades[${i}]`, 'unknown.grade', { value: g, known: ctx.grades ?? [] }));
      });
    }
    return problems;
  },
  evaluate(c, ctx) {
    const r = scoreRecord(c, ctx);
    if (r.grade === undefined)
      return {
        state: 'pending',
        reason: explain('payment.condition.grade-pending', {
          state: 'pending',
          ...r.label,
          grades: c.grades.join('/'),
        }),
      };
    return c.grades.includes(r.grade)
      ? {
          state: 'met',
          reason: explain('payment.condition.grade-in', {
            state: 'met',
            ...r.label,
            grade: r.grade,
            grades: c.grades.join('/'),
          }),
        }
      : {
          state: 'failed',
          reason: explain('payment.condition.grade-not-in', {
            state: 'failed',
            ...r.label,
            grade: r.grade,
            grades: c.grades.join('/'),
          }),
        };
  },
};
