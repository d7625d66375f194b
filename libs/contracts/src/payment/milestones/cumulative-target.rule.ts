import { dec, problem, type Decimal, type Problem } from '@ledger/kernel';
import { z } from 'zod';
import { idSchema, percentSchema } from '../../config/common.schema';
import { toFen } from '../../money';
import { explain } from '../../explain/explanation';
import { defaultYearOfDue } from '../due-date';
import { conditionSchema } from '../conditions/condition.schema';
import { dueRuleSchema } from '../due-rule.schema';
import type { MilestoneRule } from '../rule-kit';
import { baseAmount, checkShareBase, describeBase, shareBaseSchema } from '../share';

const params = z.strictObject({
  of: shareBaseSchema,
  steps: z
    .array(
      z.strictObject({
        id: idSchema,
        label: z.string().optional(),
        cumulativePercent: percentSchema.describe('paid in total by this step, e.g. 40 then 95 then 100'),
        due: dueRuleSchema,
        conditions: z.array(conditionSchema).default([]),
        year: z
          .number()
          .int()
          .optional()
          .describe("the year the step belongs to; default the due date's year, else the last term year"),
      }),
    )
    .min(1),
});

/**
 * Payments stated as cumulative targets (Huai'an: 40 % after signing; 95 % in total by 2025-12-31; the
 * rest by 2026-12-31). Each step pays the difference between its rounded cumulative target and the
 * previous one, so the steps add up exactly to the last target (and to the base at 100 %).
 */
export const cumulativeTargetMilestone: MilestoneRule<'cumulative-target', typeof params> = {
  kind: 'cumulative-target',
  description: 'One line per step: the cumulative percentage reached by the step minus what earlier steps paid.',
  params,
  validate(p, ctx) {
    const problems: Problem[] = [...checkShareBase(p.of, ctx, 'of')];
    const seen = new Map<string, number>();
    p.steps.forEach((s, i) => {
      const prior = seen.get(s.id);
      if (prior !== undefined)
        problems.push(problem(`steps[${i}].id`, 'list.duplicateId', { value: s.id, other: `steps[${prior}]` }));
      else seen.set(s.id, i);
      if (i > 0 && dec(s.cumulativePercent).lte(dec(p.steps[i - 1].cumulativePercent))) {
        problems.push(
          problem(`steps[${i}].cumulativePercent`, 'payment.cumulativeNotIncreasing', {
            value: s.cumulativePercent,
            previous: `steps[${i - 1}]`,
            previousValue: p.steps[i - 1].cumulativePercent,
          }),
        );
      }
    });
    return problems;
  },
  plan(p, ctx) {
    const base = baseAmount(p.of, ctx.amount, ctx.yearFees);
    let previous: Decimal = dec(0);
    let previousPct = '0';
    return p.steps.map((s) => {
      const cumulative = dec(s.cumulativePercent).eq(100)
        ? base
        : toFen(base.times(dec(s.cumulativePercent)).dividedBy(100));
      const gross = cumulative.minus(previous);
      const basis = explain('payment.basis.cumulative', {
        cumulativePercent: s.cumulativePercent,
        ...describeBase(p.of, base),
        cumulative: toFen(cumulative).toFixed(2),
        previousPercent: String(previousPct),
        previous: toFen(previous).toFixed(2),
      });
      previous = cumulative;
      previousPct = s.cumulativePercent;
      const year = s.year ?? (p.of === 'amount' ? defaultYearOfDue(s.due, ctx.term) : p.of.yearFee);
      return {
        id: `${ctx.milestoneId}.${s.id}`,
        milestoneId: ctx.milestoneId,
        label: s.label ?? `${ctx.label} (${s.cumulativePercent} % cumulative)`,
        gross,
        context: { year },
        due: s.due,
        conditions: [...ctx.conditions, ...s.conditions],
        basis,
      };
    });
  },
};
