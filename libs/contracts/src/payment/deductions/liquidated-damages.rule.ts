import { dec } from '@ledger/kernel';
import { z } from 'zod';
import { percentSchema } from '../../config/common.schema';
import { toFen } from '../../money';
import { explain } from '../../explain/explanation';
import { firstLineDueFrom } from '../line-select';
import type { DeductionHit, DeductionRule } from '../rule-kit';

const params = z.strictObject({
  percentPerDay: percentSchema.describe("Huai'an general clause 12: 0.5 (% of the late service's value per day)"),
  capPercent: percentSchema.describe("of the late service's value; Huai'an: 10"),
});

/**
 * 违约金: value × percentPerDay % × days late, capped at capPercent % of the value, per late delivery.
 * Charged to the delivery's named line, else the first line due on or after the delivery, else the last.
 */
export const liquidatedDamagesDeduction: DeductionRule<'liquidated-damages', typeof params> = {
  kind: 'liquidated-damages',
  description: 'For each late delivery: value × percentPerDay % × days late, capped at capPercent % of value.',
  params,
  validate: () => [],
  apply(p, ctx) {
    const hits: DeductionHit[] = [];
    for (const d of ctx.facts.lateDeliveries) {
      if (d.daysLate === 0) continue;
      const line =
        (d.lineId ? ctx.lines.find((l) => l.id === d.lineId) : undefined) ?? firstLineDueFrom(ctx.lines, d.on);
      if (!line) continue;
      const value = dec(d.serviceValue);
      const raw = toFen(value.times(dec(p.percentPerDay)).times(d.daysLate).dividedBy(100));
      const cap = toFen(value.times(dec(p.capPercent)).dividedBy(100));
      const amount = raw.gt(cap) ? cap : raw;
      hits.push({
        lineId: line.id,
        amount,
        basis: {
          serviceValue: value.toFixed(2),
          daysLate: String(d.daysLate),
          percentPerDay: p.percentPerDay,
          uncapped: raw.toFixed(2),
          cap: cap.toFixed(2),
        },
        formula: explain('payment.deduction.liquidated-damages', {
          id: d.id,
          description: d.description || undefined,
          days: d.daysLate,
          percentPerDay: p.percentPerDay,
          value: value.toFixed(2),
          raw: raw.toFixed(2),
          capPercent: p.capPercent,
          cap: cap.toFixed(2),
          capNote: raw.gt(cap) ? 'capped' : raw.eq(cap) ? 'reached' : 'not-reached',
        }),
      });
    }
    return hits;
  },
};
