import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { JsonScalar, type JsonValue } from '../graphql/json.scalar';
import { MoneyScalar } from '../graphql/money.scalar';

@ObjectType('ProcurementProject', {
  description: 'A procurement project of the buyer (e.g. Tianjin TGPC-2025-D-1284, eight packages).',
})
export class ProcurementProjectModel {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  tenantId!: string;

  @Field()
  code!: string;

  @Field()
  name!: string;

  @Field({ description: 'open | evaluating | awarded | terminated' })
  status!: string;

  @Field()
  createdAt!: Date;
}

@ObjectType('ProcurementBid', { description: "A bidder's final offer (最后报价) and the panel's objective answers." })
export class ProcurementBidModel {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  packageId!: string;

  @Field()
  bidderName!: string;

  @Field(() => MoneyScalar)
  price!: string;

  @Field({
    description:
      'Small/micro enterprise (also prison enterprises and disability welfare units): price evaluated 20 % lower.',
  })
  smallOrMicro!: boolean;

  @Field(() => String, { nullable: true })
  preferenceBasis!: string | null;

  @Field(() => JsonScalar, { description: 'Objective item id → answer (count, evidence list, or true/false).' })
  objective!: JsonValue;

  @Field()
  disqualified!: boolean;

  @Field(() => String, { nullable: true })
  disqualificationReason!: string | null;

  @Field()
  createdAt!: Date;
}

@ObjectType('ProcurementEvaluatorSheet', { description: "One evaluator's subjective answers for one bid." })
export class ProcurementEvaluatorSheetModel {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  packageId!: string;

  @Field()
  evaluator!: string;

  @Field(() => ID)
  bidId!: string;

  @Field(() => JsonScalar, {
    description: 'Subjective item id → { flaws, provided?, meetsRequirements?, missingTopics? } or a flaw count.',
  })
  items!: JsonValue;

  @Field()
  createdAt!: Date;
}

@ObjectType('ProcurementPackage')
export class ProcurementPackageModel {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  projectId!: string;

  @Field(() => Int)
  number!: number;

  @Field()
  name!: string;

  @Field(() => MoneyScalar)
  budget!: string;

  @Field(() => JsonScalar, { description: 'The scoring scheme (libs/scoring procurementSchemeSchema), as stored.' })
  scheme!: JsonValue;

  @Field(() => String, { nullable: true })
  presetId!: string | null;

  @Field()
  createdAt!: Date;

  @Field(() => [ProcurementBidModel], { description: 'Bids in the order they were recorded.' })
  bids!: ProcurementBidModel[];

  @Field(() => [ProcurementEvaluatorSheetModel])
  sheets!: ProcurementEvaluatorSheetModel[];
}

@ObjectType('ProcurementItemScore', { description: 'An objective item: points (exact decimal string) and why.' })
export class ProcurementItemScoreModel {
  @Field()
  itemId!: string;

  @Field()
  label!: string;

  @Field()
  kind!: string;

  @Field()
  points!: string;

  @Field()
  explanation!: string;
}

@ObjectType('ProcurementEvaluatorPoints')
export class ProcurementEvaluatorPointsModel {
  @Field()
  evaluator!: string;

  @Field()
  points!: string;

  @Field()
  explanation!: string;
}

@ObjectType('ProcurementSubjectiveScore', {
  description: 'A subjective item: the mean over evaluators and each one’s points.',
})
export class ProcurementSubjectiveScoreModel {
  @Field()
  itemId!: string;

  @Field()
  label!: string;

  @Field()
  mean!: string;

  @Field(() => [ProcurementEvaluatorPointsModel])
  perEvaluator!: ProcurementEvaluatorPointsModel[];
}

@ObjectType('ProcurementEvaluatorTotal')
export class ProcurementEvaluatorTotalModel {
  @Field()
  evaluator!: string;

  @Field()
  total!: string;
}

@ObjectType('ProcurementBidderScore', {
  description: 'One bid scored: price, objective, subjective (mean over evaluators), total.',
})
export class ProcurementBidderScoreModel {
  @Field(() => ID)
  bidId!: string;

  @Field()
  bidderName!: string;

  @Field()
  valid!: boolean;

  @Field(() => [String])
  invalidReasons!: string[];

  @Field(() => MoneyScalar, { description: 'The offered price.' })
  price!: string;

  @Field(() => MoneyScalar, { description: 'The price used in evaluation (small/micro: less the deduction).' })
  evaluatedPrice!: string;

  @Field(() => String, { nullable: true, description: 'Exact decimal string; only valid bids are scored.' })
  priceScore!: string | null;

  @Field(() => String, { nullable: true })
  priceExplanation!: string | null;

  @Field(() => [ProcurementItemScoreModel])
  objective!: ProcurementItemScoreModel[];

  @Field(() => [ProcurementSubjectiveScoreModel])
  subjective!: ProcurementSubjectiveScoreModel[];

  @Field(() => String, { nullable: true })
  objectiveTotal!: string | null;

  @Field(() => String, { nullable: true, description: 'Mean over evaluators of their subjective sums.' })
  subjectiveTotal!: string | null;

  @Field(() => [ProcurementEvaluatorTotalModel])
  evaluatorTotals!: ProcurementEvaluatorTotalModel[];

  @Field(() => String, { nullable: true, description: 'Exact total, for audit.' })
  totalExact!: string | null;

  @Field(() => String, { nullable: true, description: 'Total shown: two decimals, half up.' })
  total!: string | null;

  @Field(() => Int, { nullable: true })
  rank!: number | null;
}

@ObjectType('ProcurementRankingLine')
export class ProcurementRankingLineModel {
  @Field(() => Int)
  rank!: number;

  @Field(() => ID)
  bidId!: string;

  @Field()
  bidderName!: string;

  @Field()
  total!: string;

  @Field(() => MoneyScalar, { description: 'The price compared on a score tie (the scheme’s ranking.tiePrice).' })
  price!: string;

  @Field({ description: 'score | price | technical | unresolved' })
  decidedBy!: string;
}

@ObjectType('ProcurementFlag')
export class ProcurementFlagModel {
  @Field({ description: 'TIE_UNRESOLVED | TOO_FEW_VALID_BIDS' })
  code!: string;

  @Field()
  message!: string;
}

@ObjectType('ProcurementBasePrice', { description: '评标基准价: the lowest evaluated price among valid bids.' })
export class ProcurementBasePriceModel {
  @Field(() => ID)
  bidId!: string;

  @Field(() => MoneyScalar)
  evaluatedPrice!: string;
}

@ObjectType('PackageRanking', {
  description: 'A package scored by libs/scoring scoreProcurement, computed on every read (never stored).',
})
export class PackageRankingModel {
  @Field(() => ID)
  packageId!: string;

  @Field(() => MoneyScalar)
  budget!: string;

  @Field(() => ProcurementBasePriceModel, { nullable: true })
  basePrice!: ProcurementBasePriceModel | null;

  @Field(() => [ProcurementBidderScoreModel], { description: 'Every bid, valid or not, in recording order.' })
  bidders!: ProcurementBidderScoreModel[];

  @Field(() => [ProcurementRankingLineModel], {
    description: 'Valid bids: score ↓, then price ↑, then technical score ↓ (L3277).',
  })
  ranking!: ProcurementRankingLineModel[];

  @Field(() => [ProcurementFlagModel])
  flags!: ProcurementFlagModel[];

  @Field(() => [String])
  notes!: string[];
}

@InputType()
export class CreateProcurementProjectInput {
  @Field({ description: 'Unique within the tenant, e.g. "TGPC-2025-D-1284".' })
  code!: string;

  @Field()
  name!: string;
}

@InputType()
export class AddProcurementPackageInput {
  @Field(() => ID)
  projectId!: string;

  @Field(() => Int, { description: 'Package number within the project (第N包), unique per project.' })
  number!: number;

  @Field()
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

@InputType()
export class RecordBidInput {
  @Field(() => ID)
  packageId!: string;

  @Field()
  bidderName!: string;

  @Field(() => MoneyScalar, { description: 'The final offer (最后报价).' })
  price!: string;

  @Field()
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

@InputType()
export class RecordEvaluatorSheetInput {
  @Field(() => ID)
  packageId!: string;

  @Field({ description: 'The panel member’s label, e.g. "评委A".' })
  evaluator!: string;

  @Field(() => ID)
  bidId!: string;

  @Field(() => JsonScalar, { description: 'Subjective item id → flaw-ladder entry or flaw count.' })
  items!: JsonValue;
}
