import { dec } from '@ledger/kernel';
import { z } from 'zod';
import { percentSchema } from '../../config/common.schema';
import { toFen } from '../../money';
import { explain } from '../../explain/explanation';
import { periodFactsOf, type DeductionHit, type DeductionRule } from '../rule-kit';

const params = z.strictObject({
  minComplaints: z.number().int().min(1).describe('Qinghai: 3'),
  percent: percentSchema.describe("of the line's gross (the period payment); Qinghai: 3"),
});

/** Qinghai: ≥3 valid complaints in a half-year → a further −3 % of the half-year payment. */
export const complaintThresholdPercentDeduction: DeductionRule<'complaint-threshold-percent', typeof params> = {
  kind: 'complaint-threshold-percent',
  description: 'percent % of the period payment when the period has at least minComplaints valid complaints.',
  params,
  needsPeriodLines: true,
  validate: () => [],
  apply(p, ctx) {
    const hits: DeductionHit[] = [];
    for (const line of ctx.lines) {
      const n = periodFactsOf(line, ctx.facts)?.validComplaints;
      if (n === undefined || n < p.minComplaints) continue;
      const amount = toFen(line.gross.times(dec(p.percent)).dividedBy(100));
      hits.push({
        lineId: line.id,
        amount,
        basis: {
          validComplaints: String(n),
          minComplaints: String(p.minComplaints),
          percent: p.percent,
          gross: line.gross.toFixed(2),
        },
        formula: explain('payment.deduction.complaint-threshold', {
          count: n,
          period: line.context.periodId,
          min: p.minComplaints,
          percent: p.percent,
          gross: line.gross.toFixed(2),
          amount: amount.toFixed(2),
        }),
      });
    }
    return hits;
  },
};
