import { problem, type Decimal, type Problem } from '@ledger/kernel';
import type { PaymentConfigView } from '../payment-config-view';
import type { PaymentFacts } from '../facts.schema';
import type { LineContext, ValidationContext } from '../rule-kit';
import type { Condition } from './condition.schema';
import type { Explanation } from '../../explain/explanation';

/** The reason's parameters include `state`, so the text says met / failed / pending itself. */
export type ConditionOutcome = { state: 'met' | 'failed' | 'pending'; reason: Explanation };

export type ConditionEvalContext = {
  line: { id: string; context: LineContext };
  /** The line's gross less its own deductions (before set-offs from other lines): what an invoice is compared with. */
  payable: Decimal;
  facts: PaymentFacts;
  config: PaymentConfigView;
  asOf: string;
};

export interface ConditionKind<C extends Condition> {
  readonly kind: C['kind'];
  readonly description: string;
  /** Semantic checks, paths relative to the condition. */
  validate(c: C, ctx: ValidationContext, hasAssessment: boolean): Problem[];
  evaluate(c: C, ctx: ConditionEvalContext): ConditionOutcome;
}

/** The score/grade record a condition looks at: its explicit period or year, else the line's period, else its year. */
export function scoreRecord(
  c: { period?: string; year?: number },
  ctx: ConditionEvalContext,
): { label: { target: 'period' | 'year'; ref: string }; score?: string; grade?: string } {
  if (c.period) {
    const p = ctx.facts.periods.find((x) => x.id === c.period);
    return { label: { target: 'period', ref: c.period }, score: p?.score, grade: p?.grade };
  }
  if (c.year === undefined && ctx.line.context.periodId) {
    const id = ctx.line.context.periodId;
    const p = ctx.facts.periods.find((x) => x.id === id);
    return { label: { target: 'period', ref: id }, score: p?.score, grade: p?.grade };
  }
  const year = c.year ?? ctx.line.context.year;
  const y = ctx.facts.years.find((x) => x.year === year);
  return { label: { target: 'year', ref: String(year) }, score: y?.score, grade: y?.grade };
}

/** Shared checks of a score target: the period must be an assessment period of the term; the year in the term. */
export function checkScoreTarget(
  c: { period?: string; year?: number },
  ctx: ValidationContext,
  hasAssessment: boolean,
): Problem[] {
  const problems: Problem[] = [];
  if (!hasAssessment) problems.push(problem('(root)', 'payment.conditionNeedsScheme'));
  if (c.period && hasAssessment && !ctx.assessmentPeriodIds.has(c.period)) {
    problems.push(
      problem('period', 'unknown.assessmentPeriod', { value: c.period, known: [...ctx.assessmentPeriodIds] }),
    );
  }
  if (c.year !== undefined && !ctx.termYears.includes(c.year))
    problems.push(problem('year', 'year.outsideTerm', { year: c.year, years: ctx.termYears }));
  return problems;
}
