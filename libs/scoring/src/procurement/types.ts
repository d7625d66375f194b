import type { Decimal, Problem } from '@ledger/kernel';
import type { z } from 'zod';
import type { ScoringExplanation } from '../types';

/** Where an item's input comes from: the bid record (objective, agreed by the panel) or each evaluator's sheet. */
export type ItemSource = 'bid' | 'sheet';

export type ItemScore = {
  /** Exact points (a decimal string, not rounded: rounding happens once, at the shown total). */
  points: string;
  /** Audit account as the engine has always written it (pinned by the golden specs); `explained` is what readers get. */
  explanation: string;
  /** The same account as a code and its parameters (procurement.* in the explain dictionary). */
  explained: ScoringExplanation;
};

/** One procurement item kind (capped count, all-or-nothing, flaw ladder): one file each, as for assessments. */
export interface ProcurementItemDefinition<P, I> {
  readonly kind: string;
  readonly description: string;
  readonly source: ItemSource;
  readonly paramsSchema: z.ZodType<P>;
  validate(params: P): Problem[];
  /** Most points the item can give; the scheme checks that price + items add up to its total. */
  maxPoints(params: P): Decimal;
  inputSchema(params: P): z.ZodType<I>;
  evaluate(params: P, input: I): ItemScore;
}

export type AnyProcurementItemDefinition = ProcurementItemDefinition<unknown, unknown>;
