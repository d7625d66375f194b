import { dec } from '@ledger/kernel';
import { z } from 'zod';
import { toFen } from '../../money';
import { explain } from '../../explain/explanation';
import { firstLineDueFrom } from '../line-select';
import type { DeductionHit, DeductionRule } from '../rule-kit';

const params = z.strictObject({}).default({});

/**
 * Buyer's adjustments (facts.adjustments), each with a reason. A correction after a period closed is an
 * adjustment in a later open line (rule 11), never an edit: default line = first line not yet paid that is
 * due on or after the adjustment date.
 */
export const manualAdjustmentDeduction: DeductionRule<'manual-adjustment', typeof params> = {
  kind: 'manual-adjustment',
  description:
    'Adjustments entered by the buyer (facts.adjustments), each with a reason; positive reduces the payment, negative gives back.',
  params,
  validate: () => [],
  apply(_p, ctx) {
    const paid = new Set(ctx.facts.payments.map((x) => x.lineId));
    const hits: DeductionHit[] = [];
    for (const a of ctx.facts.adjustments) {
      const line =
        (a.lineId ? ctx.lines.find((l) => l.id === a.lineId) : undefined) ??
        firstLineDueFrom(ctx.lines, a.on ?? ctx.asOf, paid);
      if (!line) continue;
      const amount = toFen(dec(a.amount));
      hits.push({
        lineId: line.id,
        amount,
        basis: { adjustment: a.id, reason: a.reason },
        formula: explain(amount.isNegative() ? 'payment.deduction.manual-give-back' : 'payment.deduction.manual', {
          id: a.id,
          reason: a.reason,
          amount: (amount.isNegative() ? amount.negated() : amount).toFixed(2),
        }),
        ...(a.key ? { closeLineKey: a.key } : {}),
      });
    }
    return hits;
  },
};
