import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { JsonScalar, type JsonValue } from '../graphql/json.scalar';

@ObjectType('Complaints', { description: 'Complaints against the vendor in the period.' })
@InputType('ComplaintsInput', { description: 'Complaints against the vendor in the period.' })
export class ComplaintsModel {
  @Field(() => Int, { description: 'valid complaints (Qinghai: −500 each; ≥3 in a half-year: a further −3 %)' })
  valid!: number;

  @Field(() => Int, { description: 'Complaints found not valid.' })
  invalid!: number;
}

@ObjectType('ClawbackInterest', {
  description:
    "Interest of an acceptance clawback (Tianjin 004:3104): the bank's same-period commercial loan rate as the buyer enters it, with its source.",
})
@InputType('ClawbackInterestInput', {
  description:
    "Interest of an acceptance clawback (Tianjin 004:3104): the bank's same-period commercial loan rate as the buyer enters it, with its source.",
})
export class ClawbackInterestModel {
  @Field({ description: 'Annual rate in percent, a decimal string, e.g. "3.45".' })
  annualRatePercent!: string;

  @Field({ description: 'First day of interest, YYYY-MM-DD (counted).' })
  from!: string;

  @Field({ description: 'The day interest stops, YYYY-MM-DD (not counted).' })
  to!: string;

  @Field({ description: 'Where the rate comes from (the published rate and its date).' })
  source!: string;
}

@ObjectType('Acceptance', { description: 'The acceptance (验收) of the service by the buyer.' })
@InputType('AcceptanceInput', { description: 'The acceptance (验收) of the service by the buyer.' })
export class AcceptanceModel {
  @Field({ description: 'the buyer signed off acceptance (验收)' })
  passed!: boolean;

  @Field(() => String, { nullable: true, description: 'The day of the acceptance, YYYY-MM-DD local date.' })
  date?: string | null;

  @Field(() => ClawbackInterestModel, {
    nullable: true,
    description: 'The interest charged if acceptance fails (rate, period, source); none is computed without it.',
  })
  clawbackInterest?: ClawbackInterestModel | null;
}

@ObjectType('PeriodInputs', {
  description: "The buyer's inputs of one assessment period of a contract. Fields never entered are null.",
})
export class PeriodInputsModel {
  @Field(() => ID, { description: 'The contract.' })
  contractId!: string;

  @Field({ description: 'a period id: 2026, 2026-H1, 2026-Q3 or 2026-05' })
  period!: string;

  @Field(() => JsonScalar, {
    nullable: true,
    description: "per person: the scheme's staff-average parts (e.g. attitude, ability, results) and bonuses",
  })
  staffScores!: JsonValue | null;

  @Field(() => JsonScalar, {
    nullable: true,
    description: "satisfaction survey results keyed by the scheme's choice-table inputs",
  })
  satisfaction!: JsonValue | null;

  @Field(() => JsonScalar, {
    nullable: true,
    description: 'security incidents caused by the team: a count or a list of events',
  })
  securityIncidents!: JsonValue | null;

  @Field(() => ComplaintsModel, { nullable: true, description: 'Complaints of the period.' })
  complaints!: ComplaintsModel | null;

  @Field(() => JsonScalar, {
    nullable: true,
    description: "item scores of an item-average-grade scheme (Qinghai's 11 items)",
  })
  itemScores!: JsonValue | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'the quarter was qualified (服务合格; Tianjin quarterly payments)',
  })
  quarterQualified!: boolean | null;

  @Field(() => AcceptanceModel, { nullable: true, description: 'The acceptance (验收), a payment condition.' })
  acceptance!: AcceptanceModel | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'the buyer confirmed the maintenance ledger (台账) of the period: a payment condition (Qinghai); stays open after the close',
  })
  ledgerConfirmed!: boolean | null;

  @Field({
    description:
      'true once a close of the period is confirmed: every change is then CONFLICT (except the ledger confirmation)',
  })
  locked!: boolean;

  @Field(() => [String], {
    description: "the scheme's buyer inputs this period still lacks (derived ticket metrics are not listed)",
  })
  missing!: string[];

  @Field(() => Date, {
    nullable: true,
    description: 'When the inputs last changed (ISO 8601 instant); null when never entered.',
  })
  updatedAt!: Date | null;
}

@InputType({ description: 'Inputs of one period to set; fields left out keep their value.' })
export class SetPeriodInputsInput {
  @Field(() => ID, { description: 'The contract.' })
  contractId!: string;

  @Field({ description: 'A period id: 2026, 2026-H1, 2026-Q3 or 2026-05.' })
  period!: string;

  @Field(() => JsonScalar, { nullable: true, description: "Per person: the scheme's staff-average parts and bonuses." })
  staffScores?: JsonValue | null;

  @Field(() => JsonScalar, {
    nullable: true,
    description: "Satisfaction survey results keyed by the scheme's choice-table inputs.",
  })
  satisfaction?: JsonValue | null;

  @Field(() => JsonScalar, {
    nullable: true,
    description: 'Security incidents caused by the team: a count or a list of events.',
  })
  securityIncidents?: JsonValue | null;

  @Field(() => ComplaintsModel, { nullable: true, description: 'Complaints of the period.' })
  complaints?: ComplaintsModel | null;

  @Field(() => JsonScalar, { nullable: true, description: 'Item scores of an item-average-grade scheme.' })
  itemScores?: JsonValue | null;

  @Field(() => Boolean, { nullable: true, description: 'The quarter was qualified (服务合格).' })
  quarterQualified?: boolean | null;

  @Field(() => AcceptanceModel, { nullable: true, description: 'The acceptance (验收).' })
  acceptance?: AcceptanceModel | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'confirm (or refuse) the period’s maintenance ledger (台账); the payment schedule is recomputed',
  })
  ledgerConfirmed?: boolean | null;
}
