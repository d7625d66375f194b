import { dec } from '@ledger/kernel';
import { z } from 'zod';
import { percentSchema } from '../../config/common.schema';
import { toFen } from '../../money';
import { defaultYearOfDue } from '../due-date';
import { dueRuleSchema } from '../due-rule.schema';
import type { MilestoneRule } from '../rule-kit';
import { baseAmount, checkShareBase, percentBasis, shareBaseSchema } from '../share';

const params = z.strictObject({
  percent: percentSchema,
  of: shareBaseSchema,
  due: dueRuleSchema,
  year: z
    .number()
    .int()
    .optional()
    .describe(
      "the year the line belongs to (for year-scoped deductions); default the fee year, the due date's year, else the last term year",
    ),
});

/** One payment of a percentage of the amount or of a year's fee. */
export const percentMilestone: MilestoneRule<'percent', typeof params> = {
  kind: 'percent',
  description: 'One line: percent % of the contract amount or of a year fee, due by a due rule.',
  params,
  validate: (p, ctx) => checkShareBase(p.of, ctx, 'of'),
  plan(p, ctx) {
    const base = baseAmount(p.of, ctx.amount, ctx.yearFees);
    const year = p.year ?? (p.of === 'amount' ? defaultYearOfDue(p.due, ctx.term) : p.of.yearFee);
    return [
      {
        id: ctx.milestoneId,
        milestoneId: ctx.milestoneId,
        label: ctx.label,
        gross: toFen(base.times(dec(p.percent)).dividedBy(100)),
        context: { year },
        due: p.due,
        conditions: ctx.conditions,
        basis: percentBasis(p.percent, p.of, base),
      },
    ];
  },
};
