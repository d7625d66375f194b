import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { JsonScalar, type JsonValue } from '../graphql/json.scalar';
import { MoneyScalar } from '../graphql/money.scalar';

@ObjectType('ProcurementProject', {
  description: 'A procurement project of the buyer (e.g. Tianjin TGPC-2025-D-1284, eight packages).',
})
export class ProcurementProjectModel {
  @Field(() => ID, { description: 'The project id (UUID).' })
  id!: string;

  @Field(() => ID, { description: 'The buyer tenant.' })
  tenantId!: string;

  @Field({ description: 'Unique within the tenant, e.g. "TGPC-2025-D-1284".' })
  code!: string;

  @Field({ description: 'The project name.' })
  name!: string;

  @Field({ description: 'open | evaluating | awarded | terminated' })
  status!: string;

  @Field({ description: 'When it was opened (ISO 8601 instant).' })
  createdAt!: Date;
}

@ObjectType('ProcurementBid', { description: "A bidder's final offer (最后报价) and the panel's objective answers." })
export class ProcurementBidModel {
  @Field(() => ID, { description: 'The bid id (UUID).' })
  id!: string;

  @Field(() => ID, { description: 'The package bid on.' })
  packageId!: string;

  @Field({ description: 'The bidder.' })
  bidderName!: string;

  @Field(() => MoneyScalar, { description: 'The final offer (最后报价), in yuan.' })
  price!: string;

  @Field({
    description:
      'Small/micro enterprise (also prison enterprises and disability welfare units): price evaluated 20 % lower.',
  })
  smallOrMicro!: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'small-micro | prison-enterprise | disability-welfare-unit; null without smallOrMicro.',
  })
  preferenceBasis!: string | null;

  @Field(() => JsonScalar, { description: 'Objective item id → answer (count, evidence list, or true/false).' })
  objective!: JsonValue;

  @Field({ description: 'The panel found a disqualification ground; the bid is invalid.' })
  disqualified!: boolean;

  @Field(() => String, { nullable: true, description: 'The ground, when disqualified.' })
  disqualificationReason!: string | null;

  @Field({ description: 'When it was recorded (ISO 8601 instant).' })
  createdAt!: Date;
}

@ObjectType('ProcurementEvaluatorSheet', { description: "One evaluator's subjective answers for one bid." })
export class ProcurementEvaluatorSheetModel {
  @Field(() => ID, { description: 'The sheet id (UUID).' })
  id!: string;

  @Field(() => ID, { description: 'The package.' })
  packageId!: string;

  @Field({ description: 'The panel member’s label, e.g. "评委A".' })
  evaluator!: string;

  @Field(() => ID, { description: 'The bid evaluated.' })
  bidId!: string;

  @Field(() => JsonScalar, {
    description: 'Subjective item id → { flaws, provided?, meetsRequirements?, missingTopics? } or a flaw count.',
  })
  items!: JsonValue;

  @Field({ description: 'When it was recorded (ISO 8601 instant).' })
  createdAt!: Date;
}

@ObjectType('ProcurementPackage', {
  description: 'A package (包) of a procurement project, with its scoring scheme, bids and sheets.',
})
export class ProcurementPackageModel {
  @Field(() => ID, { description: 'The package id (UUID).' })
  id!: string;

  @Field(() => ID, { description: 'The project.' })
  projectId!: string;

  @Field(() => Int, { description: 'Package number within the project (第N包).' })
  number!: number;

  @Field({ description: 'The package name.' })
  name!: string;

  @Field(() => MoneyScalar, { description: 'The procurement budget, in yuan; a higher offer is invalid.' })
  budget!: string;

  @Field(() => JsonScalar, { description: 'The scoring scheme (libs/scoring procurementSchemeSchema), as stored.' })
  scheme!: JsonValue;

  @Field(() => String, {
    nullable: true,
    description: 'The Tianjin preset the scheme came from; null when given as a scheme.',
  })
  presetId!: string | null;

  @Field({ description: 'When it was added (ISO 8601 instant).' })
  createdAt!: Date;

  @Field(() => [ProcurementBidModel], { description: 'Bids in the order they were recorded.' })
  bids!: ProcurementBidModel[];

  @Field(() => [ProcurementEvaluatorSheetModel], { description: 'The evaluator sheets recorded.' })
  sheets!: ProcurementEvaluatorSheetModel[];
}

@ObjectType('ProcurementItemScore', { description: 'An objective item: points (exact decimal string) and why.' })
export class ProcurementItemScoreModel {
  @Field({ description: 'The item id of the scheme.' })
  itemId!: string;

  @Field({ description: 'The item label of the scheme.' })
  label!: string;

  @Field({ description: 'The item kind of the scheme.' })
  kind!: string;

  @Field({ description: 'Points, an exact decimal string.' })
  points!: string;

  @Field({ description: "How the points were found, in the caller's language." })
  explanation!: string;
}

@ObjectType('ProcurementEvaluatorPoints', { description: "One evaluator's points for a subjective item." })
export class ProcurementEvaluatorPointsModel {
  @Field({ description: 'The panel member’s label.' })
  evaluator!: string;

  @Field({ description: 'Points, an exact decimal string.' })
  points!: string;

  @Field({ description: "How the points were found, in the caller's language." })
  explanation!: string;
}

@ObjectType('ProcurementSubjectiveScore', {
  description: 'A subjective item: the mean over evaluators and each one’s points.',
})
export class ProcurementSubjectiveScoreModel {
  @Field({ description: 'The item id of the scheme.' })
  itemId!: string;

  @Field({ description: 'The item label of the scheme.' })
  label!: string;

  @Field({ description: 'Mean of the evaluators’ points, an exact decimal string.' })
  mean!: string;

  @Field(() => [ProcurementEvaluatorPointsModel], { description: 'Each evaluator’s points.' })
  perEvaluator!: ProcurementEvaluatorPointsModel[];
}

@ObjectType('ProcurementEvaluatorTotal', {
  description: "One evaluator's full score for a bid: price + objective + their subjective points.",
})
export class ProcurementEvaluatorTotalModel {
  @Field({ description: 'The panel member’s label.' })
  evaluator!: string;

  @Field({ description: 'The score, an exact decimal string.' })
  total!: string;
}

@ObjectType('ProcurementBidderScore', {
  description: 'One bid scored: price, objective, subjective (mean over evaluators), total.',
})
export class ProcurementBidderScoreModel {
  @Field(() => ID, { description: 'The bid.' })
  bidId!: string;

  @Field({ description: 'The bidder.' })
  bidderName!: string;

  @Field({ description: 'Neither over budget nor disqualified.' })
  valid!: boolean;

  @Field(() => [String], {
    description: 'Why the bid is invalid (over budget, the disqualification ground), as the engine words them.',
  })
  invalidReasons!: string[];

  @Field(() => MoneyScalar, { description: 'The offered price.' })
  price!: string;

  @Field(() => MoneyScalar, { description: 'The price used in evaluation (small/micro: less the deduction).' })
  evaluatedPrice!: string;

  @Field(() => String, { nullable: true, description: 'Exact decimal string; only valid bids are scored.' })
  priceScore!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The price score formula in the caller's language (valid bids only).",
  })
  priceExplanation!: string | null;

  @Field(() => [ProcurementItemScoreModel], { description: 'The objective items scored.' })
  objective!: ProcurementItemScoreModel[];

  @Field(() => [ProcurementSubjectiveScoreModel], { description: 'The subjective items scored.' })
  subjective!: ProcurementSubjectiveScoreModel[];

  @Field(() => String, {
    nullable: true,
    description: 'Σ objective points, an exact decimal string; null for an invalid bid.',
  })
  objectiveTotal!: string | null;

  @Field(() => String, { nullable: true, description: 'Mean over evaluators of their subjective sums.' })
  subjectiveTotal!: string | null;

  @Field(() => [ProcurementEvaluatorTotalModel], { description: "Each evaluator's full score for the bid." })
  evaluatorTotals!: ProcurementEvaluatorTotalModel[];

  @Field(() => String, { nullable: true, description: 'Exact total, for audit.' })
  totalExact!: string | null;

  @Field(() => String, { nullable: true, description: 'Total shown: two decimals, half up.' })
  total!: string | null;

  @Field(() => Int, { nullable: true, description: 'The rank, from 1; null for an invalid bid.' })
  rank!: number | null;
}

@ObjectType('ProcurementRankingLine', { description: 'One valid bid in the ranking.' })
export class ProcurementRankingLineModel {
  @Field(() => Int, { description: 'The rank, from 1.' })
  rank!: number;

  @Field(() => ID, { description: 'The bid.' })
  bidId!: string;

  @Field({ description: 'The bidder.' })
  bidderName!: string;

  @Field({ description: 'Total shown: two decimals, half up.' })
  total!: string;

  @Field(() => MoneyScalar, { description: 'The price compared on a score tie (the scheme’s ranking.tiePrice).' })
  price!: string;

  @Field({ description: 'score | price | technical | unresolved' })
  decidedBy!: string;
}

@ObjectType('ProcurementFlag', {
  description: 'Something the panel must look at (a tie not resolved, too few valid bids).',
})
export class ProcurementFlagModel {
  @Field({ description: 'TIE_UNRESOLVED | TOO_FEW_VALID_BIDS' })
  code!: string;

  @Field({ description: 'What the flag means, in English with the figures.' })
  message!: string;
}

@ObjectType('ProcurementBasePrice', { description: '评标基准价: the lowest evaluated price among valid bids.' })
export class ProcurementBasePriceModel {
  @Field(() => ID, { description: 'The bid with that price.' })
  bidId!: string;

  @Field(() => MoneyScalar, { description: 'The evaluated price, in yuan.' })
  evaluatedPrice!: string;
}

@ObjectType('PackageRanking', {
  description: 'A package scored by libs/scoring scoreProcurement, computed on every read (never stored).',
})
export class PackageRankingModel {
  @Field(() => ID, { description: 'The package.' })
  packageId!: string;

  @Field(() => MoneyScalar, { description: 'The procurement budget, in yuan.' })
  budget!: string;

  @Field(() => ProcurementBasePriceModel, { nullable: true, description: 'The base price; null without a valid bid.' })
  basePrice!: ProcurementBasePriceModel | null;

  @Field(() => [ProcurementBidderScoreModel], { description: 'Every bid, valid or not, in recording order.' })
  bidders!: ProcurementBidderScoreModel[];

  @Field(() => [ProcurementRankingLineModel], {
    description: 'Valid bids: score ↓, then price ↑, then technical score ↓ (L3277).',
  })
  ranking!: ProcurementRankingLineModel[];

  @Field(() => [ProcurementFlagModel], { description: 'What the panel must look at.' })
  flags!: ProcurementFlagModel[];

  @Field(() => [String], { description: 'Remarks of the engine in English (e.g. invalid bids excluded).' })
  notes!: string[];
}

@InputType({ description: 'A new procurement project.' })
export class CreateProcurementProjectInput {
  @Field({ description: 'Unique within the tenant, e.g. "TGPC-2025-D-1284".' })
  code!: string;

  @Field({ description: 'The project name.' })
  name!: string;
}

@InputType({ description: 'A new package: a preset or a scheme (exactly one).' })
export class AddProcurementPackageInput {
  @Field(() => ID, { description: 'The project.' })
  projectId!: string;

  @Field(() => Int, { description: 'Package number within the project (第N包), unique per project.' })
  number!: number;

  @Field({ description: 'The package name.' })
  name!: string;

  @Field(() => MoneyScalar, {
    nullable: true,
    description: 'Required with a scheme; with a preset, defaults to the preset’s budget.',
  })
  budget?: string | null;

  @Field(() => ID, { nullable: true, description: 'A Tianjin preset (tianjin-2026-p1..p8): its procurement scheme …' })
  presetId?: string | null;

  @Field(() => JsonScalar, { nullable: true, description: '… or a scheme in the procurement scheme language.' })
  scheme?: JsonValue | null;
}

@InputType({ description: "A bidder's final offer and the objective answers." })
export class RecordBidInput {
  @Field(() => ID, { description: 'The package.' })
  packageId!: string;

  @Field({ description: 'The bidder.' })
  bidderName!: string;

  @Field(() => MoneyScalar, { description: 'The final offer (最后报价).' })
  price!: string;

  @Field({
    description: 'Small/micro enterprise (or prison enterprise, disability welfare unit): price evaluated lower.',
  })
  smallOrMicro!: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'small-micro | prison-enterprise | disability-welfare-unit (only with smallOrMicro).',
  })
  preferenceBasis?: string | null;

  @Field(() => JsonScalar, { nullable: true, description: 'Objective item id → answer.' })
  objective?: JsonValue | null;

  @Field(() => String, {
    nullable: true,
    description: 'A disqualification ground found by the panel (28.6); the bid is then invalid.',
  })
  disqualificationReason?: string | null;
}

@InputType({ description: "One evaluator's subjective answers for one bid." })
export class RecordEvaluatorSheetInput {
  @Field(() => ID, { description: 'The package.' })
  packageId!: string;

  @Field({ description: 'The panel member’s label, e.g. "评委A".' })
  evaluator!: string;

  @Field(() => ID, { description: 'The bid evaluated.' })
  bidId!: string;

  @Field(() => JsonScalar, { description: 'Subjective item id → flaw-ladder entry or flaw count.' })
  items!: JsonValue;
}
