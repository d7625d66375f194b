import { dec } from '@ledger/kernel';
import { z } from 'zod';
import { percentSchema } from '../../config/common.schema';
import { periodsInTerm } from '../../config/periods';
import { splitAmount, toFen } from '../../money';
import { explain } from '../../explain/explanation';
import { dueRuleSchema } from '../due-rule.schema';
import type { MilestoneRule } from '../rule-kit';
import { baseAmount, checkShareBase, describeBase, shareBaseSchema } from '../share';

const params = z.strictObject({
  percentEach: percentSchema.describe('e.g. 25 (Tianjin: 25 % of the amount at each quarter end)'),
  of: shareBaseSchema,
  due: dueRuleSchema
    .default({ kind: 'after', event: 'period-end', months: 0, days: 0 })
    .describe('default: at the quarter end'),
});

/**
 * Equal instalments per calendar quarter of the term (or of the fee year). The quarters' total is rounded
 * once and split with the last quarter absorbing the remainder.
 */
export const quarterlyInstalmentsMilestone: MilestoneRule<'quarterly-instalments', typeof params> = {
  kind: 'quarterly-instalments',
  description: 'One line per calendar quarter of the term: percentEach % of the base each; lines add up exactly.',
  params,
  validate: (p, ctx) => checkShareBase(p.of, ctx, 'of'),
  plan(p, ctx) {
    const base = baseAmount(p.of, ctx.amount, ctx.yearFees);
    const all = periodsInTerm('quarter', ctx.term.start, ctx.term.end);
    const quarters = p.of === 'amount' ? all : all.filter((q) => q.year === (p.of as { yearFee: number }).yearFee);
    if (quarters.length === 0) return [];
    const total = toFen(base.times(dec(p.percentEach)).times(quarters.length).dividedBy(100));
    const amounts = splitAmount(total, quarters.length);
    return quarters.map((q, i) => ({
      id: `${ctx.milestoneId}.${q.id}`,
      milestoneId: ctx.milestoneId,
      label: `${ctx.label} ${q.id}`,
      gross: amounts[i],
      context: { year: q.year, periodId: q.id, periodKind: 'quarter' as const, periodStart: q.start, periodEnd: q.end },
      due: p.due,
      conditions: ctx.conditions,
      basis: explain('payment.basis.quarterly', {
        percentEach: p.percentEach,
        ...describeBase(p.of, base),
        quarters: quarters.length,
        total: toFen(total).toFixed(2),
      }),
    }));
  },
};
