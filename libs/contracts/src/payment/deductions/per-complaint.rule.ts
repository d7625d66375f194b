import { dec } from '@ledger/kernel';
import { z } from 'zod';
import { nonNegativeMoneySchema } from '../../config/common.schema';
import { toFen } from '../../money';
import { explain } from '../../explain/explanation';
import { periodFactsOf, type DeductionHit, type DeductionRule } from '../rule-kit';

const params = z.strictObject({
  amountEach: nonNegativeMoneySchema.describe('Qinghai: 500'),
});

/** Qinghai: each valid complaint −500 from the period's payment. */
export const perComplaintDeduction: DeductionRule<'per-complaint', typeof params> = {
  kind: 'per-complaint',
  description: "amountEach × valid complaints of the line's period.",
  params,
  needsPeriodLines: true,
  validate: () => [],
  apply(p, ctx) {
    const hits: DeductionHit[] = [];
    for (const line of ctx.lines) {
      const n = periodFactsOf(line, ctx.facts)?.validComplaints;
      if (!n) continue;
      const amount = toFen(dec(p.amountEach).times(n));
      hits.push({
        lineId: line.id,
        amount,
        basis: { validComplaints: String(n), amountEach: toFen(p.amountEach).toFixed(2) },
        formula: explain('payment.deduction.per-complaint', {
          count: n,
          period: line.context.periodId,
          each: toFen(p.amountEach).toFixed(2),
          amount: amount.toFixed(2),
        }),
      });
    }
    return hits;
  },
};
