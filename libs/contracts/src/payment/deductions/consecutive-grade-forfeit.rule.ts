import { problem, type Problem } from '@ledger/kernel';
import { z } from 'zod';
import { explain } from '../../explain/explanation';
import type { DeductionHit, DeductionRule } from '../rule-kit';

const params = z.strictObject({
  grade: z.string().min(1).describe('Qinghai: C'),
  consecutive: z.number().int().min(2).max(12).default(2),
});

const monthIndex = (id: string): number => Number(id.slice(0, 4)) * 12 + Number(id.slice(5, 7)) - 1;

/**
 * Qinghai: two consecutive monthly C grades → the hospital may terminate and the current period is not paid.
 * Configuring the rule means the buyer applies it: the line whose period contains the month that completes
 * the run is forfeited, and its formula is the alert. Monthly grades come from facts.periods (`2026-05`).
 */
export const consecutiveGradeForfeitDeduction: DeductionRule<'consecutive-grade-forfeit', typeof params> = {
  kind: 'consecutive-grade-forfeit',
  description:
    'N consecutive monthly grades equal to `grade` forfeit the payment of the period containing the last of them.',
  params,
  needsPeriodLines: true,
  validate(p, ctx) {
    const problems: Problem[] = [];
    if (ctx.grades && !ctx.grades.includes(p.grade))
      problems.push(problem('grade', 'unknown.grade', { value: p.grade, known: ctx.grades }));
    return problems;
  },
  apply(p, ctx) {
    const months = ctx.facts.periods
      .filter((x) => /^\d{4}-\d{2}$/.test(x.id) && x.grade !== undefined)
      .sort((a, b) => a.id.localeCompare(b.id));
    const hits: DeductionHit[] = [];
    const forfeited = new Set<string>();
    let run: string[] = [];
    for (const m of months) {
      const continues = run.length > 0 && monthIndex(m.id) === monthIndex(run[run.length - 1]) + 1;
      run = m.grade === p.grade ? (continues ? [...run, m.id] : [m.id]) : [];
      if (run.length < p.consecutive) continue;
      const day = `${m.id}-01`;
      const line = ctx.lines.find(
        (l) =>
          l.context.periodStart !== undefined &&
          l.context.periodEnd !== undefined &&
          l.context.periodStart.slice(0, 7) <= m.id &&
          day <= l.context.periodEnd,
      );
      if (!line || forfeited.has(line.id)) continue;
      forfeited.add(line.id);
      const streak = run.slice(-p.consecutive);
      hits.push({
        lineId: line.id,
        amount: line.gross,
        basis: { grade: p.grade, months: streak.join(', ') },
        formula: explain('payment.deduction.consecutive-grade', {
          months: streak.join(', '),
          grade: p.grade,
          consecutive: p.consecutive,
          line: line.context.periodId ?? line.id,
          gross: line.gross.toFixed(2),
        }),
        forfeit: true,
      });
    }
    return hits;
  },
};
