import type { Decimal, Problem } from '@ledger/kernel';
import { z } from 'zod';
import type { PeriodKind } from '../config/common.schema';
import type { PaymentConfigView } from './payment-config-view';
import type { PaymentFacts } from './facts.schema';
import type { Condition } from './conditions/condition.schema';
import type { DueRule } from './due-rule.schema';
import type { Explanation } from '../explain/explanation';

/** What validators of payment rules can rely on: the structurally valid configuration and its derived figures. */
export type ValidationContext = {
  amount: string;
  term: { start: string; end: string };
  /** Year → fee, when the amount and its split are valid; null otherwise (year checks are then skipped). */
  yearFees: Map<number, Decimal> | null;
  termYears: number[];
  /** The assessment scheme's period kind, when there is an assessment. */
  assessmentPeriodKind: PeriodKind | null;
  /** Period ids of the assessment scheme that fall in the term (`2026-H1` …). */
  assessmentPeriodIds: Set<string>;
  /** Grade letters of the assessment scheme, or null when it defines none / is absent. */
  grades: string[] | null;
  milestoneIds: Set<string>;
};

/** The period a planned line belongs to. */
export type LineContext = {
  year: number;
  periodId?: string;
  periodKind?: PeriodKind;
  periodStart?: string;
  periodEnd?: string;
};

/** A line planned from the configuration alone (before facts). */
export type PlannedLine = {
  id: string;
  milestoneId: string;
  label: string;
  gross: Decimal;
  context: LineContext;
  due: DueRule;
  conditions: Condition[];
  /** The share (payment.basis.*). */
  basis: Explanation;
};

export type PlanContext = {
  amount: string;
  term: { start: string; end: string; signed?: string };
  /** The assessment section as written (the scoring library owns its shape). */
  assessment: unknown;
  yearFees: Map<number, Decimal>;
  milestoneId: string;
  label: string;
  conditions: Condition[];
};

/** A line once facts are known, as deduction rules see it. */
export type ResolvedLine = PlannedLine & { dueDate: string | null };

export type DeductionContext = {
  config: PaymentConfigView;
  facts: PaymentFacts;
  asOf: string;
  yearFees: Map<number, Decimal>;
  ruleId: string;
  /** The lines this rule may reduce (its target milestones, or all lines), in schedule order. */
  lines: ResolvedLine[];
  /** Every line of the schedule. */
  allLines: ResolvedLine[];
};

/** The facts of the assessment period a line pays for (undefined for lines not tied to a period). */
export function periodFactsOf(line: ResolvedLine, facts: PaymentFacts): PaymentFacts['periods'][number] | undefined {
  const id = line.context.periodId;
  return id === undefined ? undefined : facts.periods.find((x) => x.id === id);
}

/** One deduction a rule produces against a line. `amount` is already rounded to the fen. */
export type DeductionHit = {
  lineId: string;
  amount: Decimal;
  basis: Record<string, string>;
  formula: Explanation;
  /** Payment of the line moves this many months later (Qinghai grade B/C). */
  delayMonths?: number;
  /** The line is not paid at all (acceptance failed: everything clawed back). */
  forfeit?: boolean;
  /** The close line the hit is recorded as (an adjustment's line key). */
  closeLineKey?: string;
};

export interface MilestoneRule<K extends string, S extends z.ZodType> {
  readonly kind: K;
  readonly description: string;
  readonly params: S;
  /** Semantic checks; paths relative to the milestone's `params`. */
  validate(params: z.output<S>, ctx: ValidationContext): Problem[];
  plan(params: z.output<S>, ctx: PlanContext): PlannedLine[];
}

export interface DeductionRule<K extends string, S extends z.ZodType> {
  readonly kind: K;
  readonly description: string;
  readonly params: S;
  /** The rule reads the period of the lines it reduces: its targets must plan period lines (per-period-share, quarterly). */
  readonly needsPeriodLines?: boolean;
  /** Semantic checks; paths relative to the deduction's `params`. */
  validate(params: z.output<S>, ctx: ValidationContext): Problem[];
  apply(params: z.output<S>, ctx: DeductionContext): DeductionHit[];
}
