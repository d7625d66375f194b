import { dec, prefixProblems, problem, type Problem } from '@ledger/kernel';
import { formatMoneyGrouped } from '../money';
import { validateCondition } from './conditions/registry';
import type { PaymentTerms } from './payment.schema';
import { planLines } from './plan';
import { deductionRuleOf, milestoneRuleOf } from './registry';
import type { ValidationContext } from './rule-kit';

/** Milestone kinds whose lines carry a period (what period-scoped deductions read). */
const PERIOD_LINE_KINDS = new Set<string>(['per-period-share', 'quarterly-instalments']);

/** Semantic problems of the payment terms, paths relative to `payment`. */
export function validatePaymentTerms(
  payment: PaymentTerms,
  ctx: ValidationContext,
  hasAssessment: boolean,
  assessment: unknown,
): Problem[] {
  const problems: Problem[] = [];
  const seenM = new Map<string, number>();
  payment.milestones.forEach((m, i) => {
    const at = `milestones[${i}]`;
    const prior = seenM.get(m.id);
    if (prior !== undefined)
      problems.push(problem(`${at}.id`, 'list.duplicateId', { value: m.id, other: `milestones[${prior}]` }));
    else seenM.set(m.id, i);
    problems.push(...prefixProblems(`${at}.params`, milestoneRuleOf(m.kind).validate(m.params, ctx)));
    m.conditions.forEach((c, j) =>
      problems.push(...prefixProblems(`${at}.conditions[${j}]`, validateCondition(c, ctx, hasAssessment))),
    );
    if (m.kind === 'cumulative-target') {
      m.params.steps.forEach((s, k) =>
        s.conditions.forEach((c, j) =>
          problems.push(
            ...prefixProblems(`${at}.params.steps[${k}].conditions[${j}]`, validateCondition(c, ctx, hasAssessment)),
          ),
        ),
      );
    }
  });

  const seenD = new Map<string, number>();
  payment.deductions.forEach((d, i) => {
    const at = `deductions[${i}]`;
    const prior = seenD.get(d.id);
    if (prior !== undefined)
      problems.push(problem(`${at}.id`, 'list.duplicateId', { value: d.id, other: `deductions[${prior}]` }));
    else seenD.set(d.id, i);
    (d.target ?? []).forEach((t, j) => {
      if (!ctx.milestoneIds.has(t))
        problems.push(problem(`${at}.target[${j}]`, 'unknown.milestone', { value: t, known: [...ctx.milestoneIds] }));
    });
    const rule = deductionRuleOf(d.kind);
    problems.push(...prefixProblems(`${at}.params`, rule.validate(d.params, ctx)));
    if (rule.needsPeriodLines && payment.milestones.length > 0) {
      const targets = payment.milestones.filter((m) => !d.target || d.target.includes(m.id));
      if (!targets.some((m) => PERIOD_LINE_KINDS.has(m.kind))) {
        problems.push(problem(d.target ? `${at}.target` : at, 'payment.deductionNeedsPeriodLines', { kind: d.kind }));
      }
    }
  });
  if (payment.deductions.length > 0 && payment.milestones.length === 0) {
    problems.push(problem('deductions', 'payment.deductionsNeedMilestone'));
  }

  // Planned lines must not pay out more than the amount (milestone percentages over 100 %).
  if (problems.length === 0 && payment.milestones.length > 0) {
    const lines = planLines(payment, {
      amount: ctx.amount,
      term: ctx.term,
      assessment,
      yearFees: ctx.yearFees ?? new Map(),
    });
    const total = lines.reduce((a, l) => a.plus(l.gross), dec(0));
    if (total.gt(dec(ctx.amount))) {
      const pct = total
        .times(100)
        .dividedBy(dec(ctx.amount).isZero() ? 1 : ctx.amount)
        .toDecimalPlaces(2);
      problems.push(
        problem('milestones', 'payment.overAmount', {
          total: formatMoneyGrouped(total),
          percent: pct.toString(),
          amount: formatMoneyGrouped(ctx.amount),
        }),
      );
    }
    for (const [year, fee] of ctx.yearFees ?? []) {
      const byYearFee = payment.milestones
        .filter((m) => 'of' in m.params && typeof m.params.of === 'object' && m.params.of.yearFee === year)
        .map((m) => m.id);
      const inYear = lines.filter((l) => byYearFee.includes(l.milestoneId)).reduce((a, l) => a.plus(l.gross), dec(0));
      if (inYear.gt(fee))
        problems.push(
          problem('milestones', 'payment.overYearFee', {
            total: formatMoneyGrouped(inYear),
            year,
            fee: formatMoneyGrouped(fee),
          }),
        );
    }
  }
  return problems;
}
