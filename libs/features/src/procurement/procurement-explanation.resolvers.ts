import { explanationFieldsResolver } from '../shared/explanation-fields.resolver';
import {
  ProcurementBidderScoreModel,
  ProcurementEvaluatorPointsModel,
  ProcurementItemScoreModel,
} from './procurement.models';

/*
 * A ranking is computed on every read; the engine gives each item line, evaluator line and price line a code
 * (`explained`, `priceExplained`) beside its audit sentence. These field resolvers render the string fields in
 * the caller's language and expose code + params beside them.
 */

/** A line as the service builds it: the model plus the engine's code + params. */
type StoredLine = { explanation: string; explained?: unknown };
type StoredBidder = ProcurementBidderScoreModel & { priceExplained?: unknown };

const line = {
  text: 'explanation',
  structured: 'explained',
  one: (l: StoredLine) => l.explained ?? l.explanation,
  description: "How the points were found, in the caller's language.",
  structuredDescription: 'The explanation as code + params (procurement.count, procurement.flaws, …).',
};

export const ProcurementItemScoreExplanationResolver = explanationFieldsResolver<ProcurementItemScoreModel, StoredLine>(
  ProcurementItemScoreModel,
  [line],
);

export const ProcurementEvaluatorPointsExplanationResolver = explanationFieldsResolver<
  ProcurementEvaluatorPointsModel,
  StoredLine
>(ProcurementEvaluatorPointsModel, [line]);

export const ProcurementBidderScoreExplanationResolver = explanationFieldsResolver(ProcurementBidderScoreModel, [
  {
    text: 'priceExplanation',
    structured: 'priceExplained',
    // Only valid bids are scored: an invalid bid has neither.
    one: (b: StoredBidder) => b.priceExplained ?? null,
    nullable: true,
    description: "The price score formula in the caller's language (valid bids only).",
    structuredDescription:
      'The price score formula as code + params (procurement.price, procurement.price.small-micro).',
  },
]);

export const PROCUREMENT_EXPLANATION_RESOLVERS = [
  ProcurementItemScoreExplanationResolver,
  ProcurementEvaluatorPointsExplanationResolver,
  ProcurementBidderScoreExplanationResolver,
];
