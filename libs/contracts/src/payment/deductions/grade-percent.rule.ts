import { dec, problem, type Problem } from '@ledger/kernel';
import { z } from 'zod';
import { percentSchema } from '../../config/common.schema';
import { toFen } from '../../money';
import { explain } from '../../explain/explanation';
import { periodFactsOf, type DeductionHit, type DeductionRule } from '../rule-kit';

const params = z.strictObject({
  grades: z
    .array(
      z.strictObject({
        grade: z.string().min(1),
        percent: percentSchema,
        delayMonths: z.number().int().min(0).max(60).default(0),
      }),
    )
    .min(1)
    .describe('Qinghai: B → 2 % and 1 month later; C → 5 % and 2 months later'),
});

/** Qinghai: grade B → −2 % of the half-year fee and paid one month later; C → −5 % and two months later. */
export const gradePercentDeduction: DeductionRule<'grade-percent', typeof params> = {
  kind: 'grade-percent',
  description: 'percent % of the period payment by the period grade, and the payment moves delayMonths later.',
  params,
  needsPeriodLines: true,
  validate(p, ctx) {
    const problems: Problem[] = [];
    const seen = new Map<string, number>();
    p.grades.forEach((g, i) => {
      const prior = seen.get(g.grade);
      if (prior !== undefined)
        problems.push(
          problem(`grades[${i}].grade`, 'scoring.duplicateGrade', { value: g.grade, other: `grades[${prior}]` }),
        );
      else seen.set(g.grade, i);
      if (ctx.grades && !ctx.grades.includes(g.grade)) {
        problems.push(problem(`grades[${i}].grade`, 'unknown.grade', { value: g.grade, known: ctx.grades }));
      }
    });
    if (!ctx.assessmentPeriodKind) problems.push(problem('grades', 'payment.gradesNeedScheme'));
    return problems;
  },
  apply(p, ctx) {
    const hits: DeductionHit[] = [];
    for (const line of ctx.lines) {
      const grade = periodFactsOf(line, ctx.facts)?.grade;
      const rule = grade === undefined ? undefined : p.grades.find((g) => g.grade === grade);
      if (!rule) continue;
      const amount = toFen(line.gross.times(dec(rule.percent)).dividedBy(100));
      hits.push({
        lineId: line.id,
        amount,
        basis: {
          grade: rule.grade,
          percent: rule.percent,
          gross: line.gross.toFixed(2),
          delayMonths: String(rule.delayMonths),
        },
        formula: explain('payment.deduction.grade-percent', {
          period: line.context.periodId,
          grade: rule.grade,
          percent: rule.percent,
          gross: line.gross.toFixed(2),
          amount: amount.toFixed(2),
          delayMonths: rule.delayMonths ? rule.delayMonths : undefined,
        }),
        delayMonths: rule.delayMonths,
      });
    }
    return hits;
  },
};
