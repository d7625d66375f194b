import { Field, ID, ObjectType } from '@nestjs/graphql';
import { TermPeriodModel } from '../shared/term-period.models';

@ObjectType('InputPart', { description: 'A part a person is scored on, or an item scored, each within 0..max.' })
export class InputPartModel {
  @Field({ description: 'The part or item id, the key of its score in the input.' })
  id!: string;

  @Field({ description: 'The part or item as the configuration names it.' })
  label!: string;

  @Field({ description: 'The highest score, a decimal string.' })
  max!: string;
}

@ObjectType('InputBonusRange', { description: 'The range of each special-task bonus of a person.' })
export class InputBonusRangeModel {
  @Field({ description: 'The smallest bonus, a decimal string.' })
  min!: string;

  @Field({ description: 'The largest bonus, a decimal string.' })
  max!: string;
}

@ObjectType('ComponentInput', {
  description:
    'What one assessment scheme component reads each assessed period, as its rule kind declares it: a buyer input or a metric derived from the tickets.',
})
export class ComponentInputModel {
  @Field({ description: 'The component id of the assessment scheme.' })
  componentId!: string;

  @Field({ description: 'The component label of the scheme.' })
  label!: string;

  @Field({ description: 'The rule kind, e.g. staff-average, banded, choice-table, per-event, item-average-grade.' })
  kind!: string;

  @Field({ description: "The key of the component's value in the period's assessment inputs." })
  input!: string;

  @Field({
    description:
      'period-input (the buyer enters it) | ticket-metric (derived from the tickets at the close) | none (nothing feeds it: the close reports it missing)',
  })
  source!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'The buyer input it reads: staffScores | satisfaction | securityIncidents | itemScores; null otherwise.',
  })
  field!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "Where the buyer enters it, as periodInputs' missing names it: staffScores, satisfaction.itSatisfaction…; null otherwise.",
  })
  path!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The ticket metric it reads: achievementRate | specialDelayDays; null otherwise.',
  })
  metric!: string | null;

  @Field({ description: 'How the value is entered: people | items | choice | count | metric' })
  value!: string;

  @Field(() => String, { nullable: true, description: 'The unit of the value, e.g. % or 天; null without one.' })
  unit!: string | null;

  @Field(() => String, { nullable: true, description: 'The smallest value, a decimal string; null: unbounded.' })
  min!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The largest value (a person's total, an item's score), a decimal string; null: unbounded.",
  })
  max!: string | null;

  @Field(() => [InputPartModel], { description: 'The parts each person is scored on, or the items scored.' })
  parts!: InputPartModel[];

  @Field(() => [String], { description: 'The answers a choice accepts, in order.' })
  choices!: string[];

  @Field(() => InputBonusRangeModel, {
    nullable: true,
    description: 'The range of each special-task bonus; null when bonuses are not allowed.',
  })
  bonus!: InputBonusRangeModel | null;
}

@ObjectType('PeriodInputSpec', {
  description:
    "What the buyer enters for one period of a contract, derived from its configuration: the scheme's components and what each reads (when the scheme assesses the period), and which further inputs the period takes.",
})
export class PeriodInputSpecModel {
  @Field(() => ID, { description: 'The contract.' })
  contractId!: string;

  @Field(() => TermPeriodModel, { description: 'The period, clipped to the term.' })
  period!: TermPeriodModel;

  @Field({
    description: 'The kind of period the contract is closed and assessed by: month | quarter | half-year | year',
  })
  closeKind!: string;

  @Field({ description: "Whether the assessment scheme assesses this period (it is of the scheme's kind)." })
  assessed!: boolean;

  @Field(() => [ComponentInputModel], {
    description: "The scheme's components and what each reads; empty when the period is not assessed.",
  })
  components!: ComponentInputModel[];

  @Field({ description: 'Whether the period takes the quarter qualification (it is a quarter).' })
  quarterQualified!: boolean;
}
