import type { Problem } from '@ledger/kernel';
import type { z } from 'zod';

/** Something a person must look at (a staff member below threshold, a tie, a grade that fails). */
export type ScoringFlag = { code: string; message: string; subject?: string };

/** What one component of a scheme contributes: signed points (2 dp) and why. */
export type ComponentResult = {
  /** Signed points, fixed two decimals ("-5.00", "2.00", "86.40"). */
  points: string;
  /** Human-readable account of the computation (zh/en mixed is fine). */
  explanation: string;
  /** Kind-specific figures (band index, averages, per-person scores…), all decimals as strings. */
  details?: Record<string, unknown>;
  /** A grade the component itself decides (item-average-grade); see the scheme's grade rules. */
  grade?: { letter: string; passes: boolean };
  flags?: ScoringFlag[];
  notes?: string[];
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
  /** Pure: the same params and input always give the same result. */
  evaluate(params: P, input: I): ComponentResult;
}

export type AnyRuleDefinition = RuleDefinition<unknown, unknown>;
