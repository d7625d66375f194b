import { dec } from '@ledger/kernel';
import { z } from 'zod';
import { percentSchema } from '../../config/common.schema';
import { addMonths, daysBetween } from '../../dates';
import { toFen } from '../../money';
import { explain } from '../../explain/explanation';
import type { DeductionHit, DeductionRule } from '../rule-kit';

const params = z.strictObject({
  graceMonths: z.number().int().min(0).max(60).default(3).describe('Tianjin: not accepted 3 months after the term end'),
  finePercent: percentSchema.default('15').describe('of the contract amount'),
});

/** Days of a year in a daily interest rate: 日利率 = 年利率 ÷ 360 (《人民币利率管理规定》). */
const INTEREST_DAYS_PER_YEAR = 360;

/**
 * Tianjin ★(三) (004:3104): acceptance still not achieved `graceMonths` after the term ends → every payment is
 * clawed back (each line is forfeited; what was paid becomes owed by the vendor), a fine of finePercent % of
 * the amount is owed on top, and interest on the contract amount at the bank's same-period commercial loan rate
 * — which the seed does not give: the buyer enters the rate, the interest period and the rate's source
 * (facts.acceptance.clawbackInterest), and without them no interest is computed. Interest = amount × rate ÷ 360 ×
 * days from `from` (counted) to `to` (not counted), half up to the fen once.
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
    const interest = a?.clawbackInterest;
    if (interest) {
      const days = daysBetween(interest.from, interest.to);
      const amount = dec(ctx.config.money.amount);
      const value = toFen(
        amount.times(dec(interest.annualRatePercent)).dividedBy(100).dividedBy(INTEREST_DAYS_PER_YEAR).times(days),
      );
      hits.push({
        lineId: ctx.lines[ctx.lines.length - 1].id,
        amount: value,
        basis: {
          amount: amount.toFixed(2),
          annualRatePercent: interest.annualRatePercent,
          from: interest.from,
          to: interest.to,
          days: String(days),
          source: interest.source,
        },
        formula: explain('payment.deduction.clawback-interest', {
          ...why,
          amount: amount.toFixed(2),
          rate: interest.annualRatePercent,
          from: interest.from,
          to: interest.to,
          days,
          source: interest.source,
          interest: value.toFixed(2),
        }),
        forfeit: true,
      });
    }
    return hits;
  },
};
