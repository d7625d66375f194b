import { dec, problem, type Problem } from '@ledger/kernel';
import { z } from 'zod';
import { percentSchema, periodKindSchema } from '../../config/common.schema';
import { periodsInTerm } from '../../config/periods';
import { splitAmount, toFen } from '../../money';
import { explain } from '../../explain/explanation';
import { dueRuleSchema } from '../due-rule.schema';
import type { MilestoneRule, PlannedLine } from '../rule-kit';

const params = z.strictObject({
  period: periodKindSchema.optional().describe("default: the assessment scheme's period"),
  percentOfYearFee: percentSchema.describe('Qinghai: 50 (half the year fee per half-year)'),
  due: dueRuleSchema.describe('Qinghai: { kind: "after", event: "assessment", months: 3 }'),
});

/**
 * One line per assessment period: a share of that year's fee. Within a year the periods' total is
 * rounded once and split equally, the last period absorbing the remainder.
 */
export const perPeriodShareMilestone: MilestoneRule<'per-period-share', typeof params> = {
  kind: 'per-period-share',
  description: "One line per period of the term: percentOfYearFee % of the fee of the period's year.",
  params,
  validate(p, ctx) {
    const problems: Problem[] = [];
    if (!p.period && !ctx.assessmentPeriodKind) {
      problems.push(problem('period', 'payment.periodRequired'));
    }
    return problems;
  },
  plan(p, ctx) {
    const kind = p.period ?? assessmentPeriodKind(ctx.assessment) ?? 'year';
    const periods = periodsInTerm(kind, ctx.term.start, ctx.term.end);
    const lines: PlannedLine[] = [];
    for (const [year, fee] of ctx.yearFees) {
      const inYear = periods.filter((q) => q.year === year);
      if (inYear.length === 0) continue;
      const total = toFen(fee.times(dec(p.percentOfYearFee)).times(inYear.length).dividedBy(100));
      const amounts = splitAmount(total, inYear.length);
      inYear.forEach((q, i) =>
        lines.push({
          id: `${ctx.milestoneId}.${q.id}`,
          milestoneId: ctx.milestoneId,
          label: `${ctx.label} ${q.id}`,
          gross: amounts[i],
          context: { year, periodId: q.id, periodKind: kind, periodStart: q.start, periodEnd: q.end },
          due: p.due,
          conditions: ctx.conditions,
          basis: explain('payment.basis.per-period-share', {
            percent: p.percentOfYearFee,
            year,
            fee: toFen(fee).toFixed(2),
          }),
        }),
      );
    }
    return lines;
  },
};

/** The period kind of an assessment scheme section, read defensively (the scoring library owns its shape). */
export function assessmentPeriodKind(assessment: unknown): z.infer<typeof periodKindSchema> | null {
  if (typeof assessment !== 'object' || assessment === null) return null;
  const period = (assessment as { period?: unknown }).period;
  const candidate = typeof period === 'object' && period !== null ? (period as { kind?: unknown }).kind : period;
  const parsed = periodKindSchema.safeParse(candidate);
  return parsed.success ? parsed.data : null;
}
