import type { Problem } from '@ledger/kernel';
import type { z } from 'zod';

/**
 * An explanation as data (domain rule 19): a stable code and its parameters, every value a string (numbers as
 * exact decimal strings). Same shape as @ledger/contracts' Explanation, whose dictionaries render it in zh-CN or
 * English (scoring cannot import contracts: contracts depends on scoring).
 */
export type ScoringExplanation = { code: string; params: Readonly<Record<string, string>> };

/** A figure of a result's `details`: JSON (decimals as strings), so results are stored and sent as they are. */
export type DetailValue =
  string | number | boolean | null | readonly DetailValue[] | { readonly [key: string]: DetailValue };

/** Something a person must look at (a staff member below threshold, a tie, a grade that fails). */
export type ScoringFlag = {
  code: string;
  /** English account (audits, older readers); `explained` is what a screen or file renders. */
  message: string;
  subject?: string;
  explained?: ScoringExplanation;
};

/** What one component of a scheme contributes: signed points (2 dp) and why. */
export type ComponentResult = {
  /** Signed points, fixed two decimals ("-5.00", "2.00", "86.40"). */
  points: string;
  /** English account of the computation (audits, older readers); `explained` is what a screen or file renders. */
  explanation: string;
  /** The same account as a code and its parameters. */
  explained: ScoringExplanation;
  /** Kind-specific figures (band index, averages, per-person scores…), all decimals as strings. */
  details?: Record<string, DetailValue>;
  /** A grade the component itself decides (item-average-grade); see the scheme's grade rules. */
  grade?: { letter: string; passes: boolean };
  flags?: ScoringFlag[];
  notes?: string[];
  /** `notes` as codes, one for one. */
  notesExplained?: ScoringExplanation[];
};

/** A buyer period input (`period_inputs` kind) a rule kind can read. */
export type PeriodInputField = 'staffScores' | 'securityIncidents' | 'itemScores' | 'satisfaction';
/** A metric the close derives from the ticket ledger, per period (domain rules 5 and 6). */
export type TicketMetricId = 'achievementRate' | 'specialDelayDays';

/**
 * What a component of a kind reads each assessment period, as data (the API, the period-inputs form and the close
 * derive from it; see `schemeReads`):
 * - `period-input`: the buyer's period input `field`. `keyed`: one entry per component, `field[component.input]`
 *   (satisfaction answers). `select: 'named-or-only'`: of several components of the kind only the one whose input is
 *   named `field` reads it, else the only one (security incidents); `'all'`: every component of the kind.
 * - `ticket-metric`: a metric derived from the tickets, named by the component's `input` (one of `metrics`).
 */
export type RuleReads =
  | { source: 'period-input'; field: PeriodInputField; keyed: boolean; select: 'all' | 'named-or-only' }
  | { source: 'ticket-metric'; metrics: readonly TicketMetricId[] };

/**
 * How a component's value is entered, from its parameters (decimals as strings): its unit, the range of each number,
 * the parts or items it is made of, the answers it accepts, the bonus range. Absent facets are null or empty.
 */
export type RuleInputShape = {
  /** `people` (a list of persons scored on parts), `items` (item id → score), `choice`, `count` (or a list of events), `metric`. */
  value: 'people' | 'items' | 'choice' | 'count' | 'metric';
  unit: string | null;
  min: string | null;
  max: string | null;
  /** Staff parts or scored items, each within 0..max. */
  parts: { id: string; label: string; max: string }[];
  choices: string[];
  bonus: { min: string; max: string } | null;
};

/**
 * One rule kind: parameter schema + semantic validator + input schema + pure evaluation, side by side.
 * Methods (not arrow properties) so that a definition with concrete P/I is assignable to the registry's
 * `RuleDefinition<unknown, unknown>` slot.
 */
export interface RuleDefinition<P, I> {
  readonly kind: string;
  readonly description: string;
  /** Structural schema of the parameters (decimals are `decimalInput`, normalised to strings). */
  readonly paramsSchema: z.ZodType<P>;
  /** Semantic checks the schema cannot express (gaps, overlaps, duplicates); paths relative to params. */
  validate(params: P): Problem[];
  /** Input schema; it depends on the parameters for some kinds (staff parts, item ids, choices). */
  inputSchema(params: P): z.ZodType<I>;
  /** What the kind reads each period (data, not code: see RuleReads). */
  readonly reads: RuleReads;
  /** How the input is entered under these parameters (unit, range, parts, choices). */
  inputShape(params: P): RuleInputShape;
  /** Pure: the same params and input always give the same result. */
  evaluate(params: P, input: I): ComponentResult;
}

export type AnyRuleDefinition = RuleDefinition<unknown, unknown>;
