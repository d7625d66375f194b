import { dec } from '@ledger/kernel';
import { z } from 'zod';
import { percentSchema } from '../../config/common.schema';
import { addMonths } from '../../dates';
import { toFen } from '../../money';
import { explain } from '../../explain/explanation';
import type { DeductionHit, DeductionRule } from '../rule-kit';

const params = z.strictObject({
  graceMonths: z.number().int().min(0).max(60).default(3).describe('Tianjin: not accepted 3 months after the term end'),
  finePercent: percentSchema.default('15').describe('of the contract amount'),
});

/**
 * Tianjin ★(三): acceptance still not achieved `graceMonths` after the term ends → every payment is clawed
 * back (each line is forfeited; what was paid becomes owed by the vendor) and a fine of finePercent % of
 * the amount is owed on top. Interest is not computed (the seed gives no rate).
 */
export const acceptanceClawbackDeduction: DeductionRule<'acceptance-clawback', typeof params> = {
  kind: 'acceptance-clawback',
  description:
    'Acceptance not passed by term end + graceMonths: every line is forfeited (paid money clawed back) and a fine of finePercent % of the amount is owed.',
  params,
  validate: () => [],
  apply(p, ctx) {
    const deadline = addMonths(ctx.config.term.end, p.graceMonths);
    const a = ctx.facts.acceptance;
    const acceptedInTime = a?.passed === true && (a.date === undefined || a.date <= deadline);
    if (acceptedInTime || ctx.asOf <= deadline || ctx.lines.length === 0) return [];
    const why = a?.passed
      ? { why: 'accepted-late', acceptedOn: a.date, deadline }
      : { why: 'not-accepted', deadline, termEnd: ctx.config.term.end, graceMonths: p.graceMonths };
    const hits: DeductionHit[] = ctx.lines.map((l) => ({
      lineId: l.id,
      amount: l.gross,
      basis: { deadline, gross: l.gross.toFixed(2) },
      formula: explain('payment.deduction.clawback', { ...why, gross: l.gross.toFixed(2) }),
      forfeit: true,
    }));
    const fine = toFen(dec(ctx.config.money.amount).times(dec(p.finePercent)).dividedBy(100));
    hits.push({
      lineId: ctx.lines[ctx.lines.length - 1].id,
      amount: fine,
      basis: { deadline, finePercent: p.finePercent, amount: dec(ctx.config.money.amount).toFixed(2) },
      formula: explain('payment.deduction.clawback-fine', {
        ...why,
        finePercent: p.finePercent,
        amount: dec(ctx.config.money.amount).toFixed(2),
        fine: fine.toFixed(2),
      }),
      forfeit: true,
    });
    return hits;
  },
};
