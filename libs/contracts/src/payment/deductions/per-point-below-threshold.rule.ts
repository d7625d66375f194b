import { dec, problem, type Decimal, type Problem } from '@ledger/kernel';
import { z } from 'zod';
import {
  nonNegativeMoneySchema,
  nonNegativeDecimalSchema,
  percentSchema,
  yearSchema,
} from '../../config/common.schema';
import { toFen } from '../../money';
import { explain } from '../../explain/explanation';
import { lastLineOfYear } from '../line-select';
import { periodFactsOf, type DeductionHit, type DeductionRule, type ResolvedLine } from '../rule-kit';

const params = z.strictObject({
  threshold: nonNegativeDecimalSchema.describe('e.g. 80'),
  // A negative amount would turn the deduction into a bonus.
  perPoint: nonNegativeMoneySchema.describe('yuan per point below the threshold (≥ 0), e.g. 10000 or 20000'),
  score: z
    .enum(['year', 'period'])
    .default('year')
    .describe("year: each year score (facts.years); period: each line's assessment period score"),
  points: z
    .enum(['proportional', 'ceil', 'floor'])
    .default('proportional')
    .describe('rule 4: 78.5 → 1.5 points (proportional), 2 (ceil) or 1 (floor)'),
  cap: z
    .strictObject({
      percent: percentSchema,
      of: z
        .union([z.literal('amount'), z.literal('year-fee'), z.strictObject({ yearFee: yearSchema })])
        .describe('"year-fee" = the fee of the scored year'),
    })
    .optional(),
});
export type PerPointBelowThresholdParams = z.output<typeof params>;

/**
 * "Below 80: N yuan per point below 80, capped at x % of …" (Xuzhou, Huai'an). A year score is charged
 * to the last line of that year of the target milestones; a period score to the period's own line.
 * Scores at or above the threshold give a 0.00 line that says so, so the schedule explains itself.
 */
export const perPointBelowThresholdDeduction: DeductionRule<'per-point-below-threshold', typeof params> = {
  kind: 'per-point-below-threshold',
  description: 'perPoint × points below threshold for each year (or period) score, capped.',
  params,
  validate(p, ctx) {
    const problems: Problem[] = [];
    const of = p.cap?.of;
    if (of && typeof of === 'object' && !ctx.termYears.includes(of.yearFee)) {
      problems.push(problem('cap.of.yearFee', 'year.outsideTerm', { year: of.yearFee, years: ctx.termYears }));
    }
    if (of === 'year-fee' && p.score === 'period' && !ctx.assessmentPeriodKind) {
      problems.push(problem('cap.of', 'payment.periodCapNeedsScheme'));
    }
    if (p.score === 'period' && !ctx.assessmentPeriodKind)
      problems.push(problem('score', 'payment.periodScoresNeedScheme'));
    return problems;
  },
  apply(p, ctx) {
    const hits: DeductionHit[] = [];
    const charge = (
      line: ResolvedLine | undefined,
      scope: { scope: 'year' | 'period'; ref: string },
      score: string,
      year: number,
    ): void => {
      if (!line) return;
      const s = dec(score);
      const threshold = dec(p.threshold);
      const basis: Record<string, string> = {
        score: s.toFixed(2),
        threshold: p.threshold,
        perPoint: toFen(p.perPoint).toFixed(2),
        points: p.points,
      };
      if (s.gte(threshold)) {
        hits.push({
          lineId: line.id,
          amount: dec(0),
          basis,
          formula: explain('payment.deduction.per-point.none', {
            ...scope,
            score: s.toFixed(2),
            threshold: p.threshold,
          }),
        });
        return;
      }
      const gap = threshold.minus(s);
      const points = p.points === 'ceil' ? gap.ceil() : p.points === 'floor' ? gap.floor() : gap;
      const raw = toFen(points.times(dec(p.perPoint)));
      const params: Record<string, string> = {
        ...scope,
        score: s.toFixed(2),
        points: points.toString(),
        threshold: p.threshold,
        rounding: p.points,
        gap: gap.toString(),
        perPoint: toFen(p.perPoint).toFixed(2),
        raw: raw.toFixed(2),
        capState: 'none',
      };
      let amount = raw;
      basis.pointsBelow = points.toString();
      basis.uncapped = raw.toFixed(2);
      if (p.cap) {
        const { base, what } = capBase(p.cap.of, year, ctx.config.money.amount, ctx.yearFees);
        const cap = toFen(base.times(dec(p.cap.percent)).dividedBy(100));
        basis.cap = cap.toFixed(2);
        basis.capBase = base.toFixed(2);
        if (raw.gt(cap)) {
          amount = cap;
        }
        Object.assign(params, {
          ...what,
          capPercent: p.cap.percent,
          capBase: base.toFixed(2),
          cap: cap.toFixed(2),
          capState: raw.gt(cap) ? 'capped' : raw.eq(cap) ? 'reached' : 'not-reached',
        });
      }
      hits.push({ lineId: line.id, amount, basis, formula: explain('payment.deduction.per-point', params) });
    };
    if (p.score === 'year') {
      for (const y of ctx.facts.years) {
        if (y.score === undefined || !ctx.yearFees.has(y.year)) continue;
        charge(lastLineOfYear(ctx.lines, y.year), { scope: 'year', ref: String(y.year) }, y.score, y.year);
      }
    } else {
      for (const line of ctx.lines) {
        const period = periodFactsOf(line, ctx.facts);
        if (period?.score !== undefined)
          charge(line, { scope: 'period', ref: period.id }, period.score, line.context.year);
      }
    }
    return hits;
  },
};

function capBase(
  of: 'amount' | 'year-fee' | { yearFee: number },
  year: number,
  amount: string,
  fees: Map<number, Decimal>,
): { base: Decimal; what: { capWhat: string; capYear?: string } } {
  if (of === 'amount') return { base: dec(amount), what: { capWhat: 'amount' } };
  const y = of === 'year-fee' ? year : of.yearFee;
  return { base: fees.get(y) ?? dec(0), what: { capWhat: 'year-fee', capYear: String(y) } };
}
