import { Field, Int, ObjectType } from '@nestjs/graphql';
import { JsonScalar, type JsonOutput, type JsonValue } from '../graphql/json.scalar';
import { MoneyScalar } from '../graphql/money.scalar';
import type { StoredExplanation } from '@ledger/contracts';

@ObjectType({ description: 'One deduction on a schedule line, with the figures it used and its formula in words.' })
export class ScheduleDeductionModel {
  @Field()
  ruleId!: string;

  @Field()
  kind!: string;

  @Field({ nullable: true })
  label?: string;

  @Field(() => JsonScalar, { description: 'The figures the rule used (all decimals as strings).' })
  basis!: JsonValue;

  /** Resolved to text by ScheduleDeductionExplanationResolver (also `formulaExplanation`). */
  formula!: StoredExplanation;

  @Field(() => MoneyScalar)
  amount!: string;
}

@ObjectType({ description: 'One payment of the schedule.' })
export class ScheduleLineModel {
  @Field()
  id!: string;

  @Field()
  milestoneId!: string;

  @Field()
  label!: string;

  /** Resolved to text by ScheduleLineExplanationResolver (also `basisExplanation`). */
  basis!: StoredExplanation;

  @Field(() => Int)
  year!: number;

  @Field({ nullable: true })
  period?: string;

  @Field(() => MoneyScalar)
  gross!: string;

  @Field(() => [ScheduleDeductionModel])
  deductions!: ScheduleDeductionModel[];

  @Field(() => MoneyScalar)
  deductionTotal!: string;

  @Field(() => MoneyScalar)
  net!: string;

  @Field(() => MoneyScalar)
  paid!: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  dueDate!: string | null;

  @Field({ description: 'scheduled | due | withheld | paid | forfeited' })
  status!: string;

  /** Resolved to texts by ScheduleLineExplanationResolver (also `reasonExplanations`). */
  reasons!: StoredExplanation[];
}

@ObjectType()
export class ScheduleTotalsModel {
  @Field(() => MoneyScalar)
  gross!: string;

  @Field(() => MoneyScalar)
  deductions!: string;

  @Field(() => MoneyScalar)
  net!: string;

  @Field(() => MoneyScalar)
  paid!: string;
}

@ObjectType({ description: 'A payment schedule as of a date.' })
export class ScheduleModel {
  @Field()
  asOf!: string;

  @Field(() => [ScheduleLineModel])
  lines!: ScheduleLineModel[];

  @Field(() => ScheduleTotalsModel)
  totals!: ScheduleTotalsModel;

  @Field(() => MoneyScalar, {
    description: 'Deductions beyond what remains payable, plus overpayments: owed by the vendor.',
  })
  vendorBalanceOwed!: string;

  /** Resolved to texts by ScheduleExplanationResolver (also `noteExplanations`). */
  notes!: StoredExplanation[];
}

@ObjectType({ description: 'A what-if settlement: the engine over assumed inputs. Nothing is stored.' })
export class SimulationModel {
  @Field(() => ScheduleModel)
  schedule!: ScheduleModel;

  @Field(() => JsonScalar, { description: 'Assessment results computed from assumed inputs, with breakdowns.' })
  assessments!: JsonOutput;

  @Field(() => ScheduleModel, { nullable: true })
  baseline?: ScheduleModel;

  @Field(() => JsonScalar, { nullable: true, description: 'Per-line differences against the baseline.' })
  diff?: JsonOutput;
}
