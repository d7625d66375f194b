import { dec, type Decimal } from '@ledger/kernel';
import { z } from 'zod';
import { termMonths, termMonthsInYear } from '../../config/periods';
import { toFen } from '../../money';
import { explain } from '../../explain/explanation';
import { lastLineOfYear } from '../line-select';
import type { DeductionContext, DeductionHit, DeductionRule } from '../rule-kit';

const params = z.strictObject({
  per: z
    .enum(['term', 'year'])
    .default('term')
    .describe("term: amount × absent ÷ planned over the term; year: each year fee × that year's absent ÷ planned"),
});
export type AbsenceProRataParams = z.output<typeof params>;

/** Planned person-months (rule 9): Σ headcount of roles that count for attendance × months. */
function plannedFromStaffing(ctx: DeductionContext, months: Decimal): Decimal {
  const heads = ctx.config.staffing.roles.filter((r) => r.countsForAttendance).reduce((a, r) => a + r.headcount, 0);
  return months.times(heads);
}

/** Xuzhou: contract amount × absent person-months ÷ planned person-months, absent = planned − actual. */
export const absenceProRataDeduction: DeductionRule<'absence-pro-rata', typeof params> = {
  kind: 'absence-pro-rata',
  description: 'base × absent person-months ÷ planned person-months (absent = planned − actual, never below 0).',
  params,
  validate: () => [],
  apply(p, ctx) {
    const hits: DeductionHit[] = [];
    const { start, end } = ctx.config.term;
    const entries =
      p.per === 'term'
        ? ctx.facts.attendance.filter((a) => a.year === undefined)
        : ctx.facts.attendance.filter((a) => a.year !== undefined);
    for (const a of entries) {
      const year = a.year;
      const base = year === undefined ? dec(ctx.config.money.amount) : ctx.yearFees.get(year);
      if (!base) continue;
      const planned =
        a.plannedPersonMonths !== undefined
          ? dec(a.plannedPersonMonths)
          : plannedFromStaffing(ctx, year === undefined ? termMonths(start, end) : termMonthsInYear(start, end, year));
      if (planned.isZero()) continue;
      const actual = dec(a.actualPersonMonths);
      const absent = Decimal_max0(planned.minus(actual));
      const amount = toFen(base.times(absent).dividedBy(planned));
      const line = year === undefined ? ctx.lines[ctx.lines.length - 1] : lastLineOfYear(ctx.lines, year);
      if (!line) continue;
      hits.push({
        lineId: line.id,
        amount,
        basis: {
          base: base.toFixed(2),
          plannedPersonMonths: planned.toString(),
          actualPersonMonths: actual.toString(),
          absentPersonMonths: absent.toString(),
        },
        formula: explain('payment.deduction.absence', {
          year,
          base: base.toFixed(2),
          absent: absent.toString(),
          planned: planned.toString(),
          amount: amount.toFixed(2),
          actual: actual.toString(),
        }),
      });
    }
    return hits;
  },
};

const Decimal_max0 = (d: Decimal): Decimal => (d.isNegative() ? dec(0) : d);
