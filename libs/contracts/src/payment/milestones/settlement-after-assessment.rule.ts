import { dec } from '@ledger/kernel';
import { z } from 'zod';
import { percentSchema } from '../../config/common.schema';
import { yearOf } from '../../dates';
import { toFen } from '../../money';
import { explain } from '../../explain/explanation';
import { dueRuleSchema } from '../due-rule.schema';
import type { MilestoneRule } from '../rule-kit';

const params = z.strictObject({
  percent: percentSchema.default('100'),
  perYear: z.boolean().default(false).describe("true: one settlement per year of the term, of that year's fee"),
  due: dueRuleSchema
    .default({ kind: 'after', event: 'year-assessment', months: 0, days: 0 })
    .describe('default: when the year score is set'),
});

/** One settlement after the year assessment (the Xuzhou preset: the seed states no milestones). */
export const settlementAfterAssessmentMilestone: MilestoneRule<'settlement-after-assessment', typeof params> = {
  kind: 'settlement-after-assessment',
  description:
    'One line (or one per year) paid after the year assessment, against which year-scoped deductions settle.',
  params,
  validate: () => [],
  plan(p, ctx) {
    if (!p.perYear) {
      const gross = toFen(dec(ctx.amount).times(dec(p.percent)).dividedBy(100));
      return [
        {
          id: ctx.milestoneId,
          milestoneId: ctx.milestoneId,
          label: ctx.label,
          gross,
          context: { year: yearOf(ctx.term.end) },
          due: p.due,
          conditions: ctx.conditions,
          basis: explain('payment.basis.settlement-amount', {
            percent: p.percent,
            amount: toFen(ctx.amount).toFixed(2),
          }),
        },
      ];
    }
    return [...ctx.yearFees].map(([year, fee]) => ({
      id: `${ctx.milestoneId}.${year}`,
      milestoneId: ctx.milestoneId,
      label: `${ctx.label} ${year}`,
      gross: toFen(fee.times(dec(p.percent)).dividedBy(100)),
      context: { year },
      due: p.due,
      conditions: ctx.conditions,
      basis: explain('payment.basis.settlement-year-fee', { percent: p.percent, year, fee: toFen(fee).toFixed(2) }),
    }));
  },
};
