import { Field, Int, ObjectType } from '@nestjs/graphql';
import { JsonScalar, type JsonOutput, type JsonValue } from '../graphql/json.scalar';
import { MoneyScalar } from '../graphql/money.scalar';
import type { StoredExplanation } from '@ledger/contracts';

@ObjectType('ScheduleDeduction', {
  description: 'One deduction on a schedule line, with the figures it used and its formula in words.',
})
export class ScheduleDeductionModel {
  @Field({ description: 'The deduction rule id of the configuration; carry for an amount carried from another line.' })
  ruleId!: string;

  @Field({ description: 'The rule kind, e.g. per-point-below-threshold, liquidated-damages, carried-forward.' })
  kind!: string;

  @Field({ nullable: true, description: 'The rule label of the configuration, when it has one.' })
  label?: string;

  @Field(() => JsonScalar, { description: 'The figures the rule used (all decimals as strings).' })
  basis!: JsonValue;

  /** Resolved to text by ScheduleDeductionExplanationResolver (also `formulaExplanation`). */
  formula!: StoredExplanation;

  @Field(() => MoneyScalar, { description: 'The amount deducted, in yuan.' })
  amount!: string;
}

@ObjectType('ScheduleLine', { description: 'One payment of the schedule.' })
export class ScheduleLineModel {
  @Field({ description: 'The line id, stable across recomputations, e.g. quarterly.2026-Q1.' })
  id!: string;

  @Field({ description: 'The payment milestone of the configuration the line comes from.' })
  milestoneId!: string;

  @Field({ description: 'The line label.' })
  label!: string;

  /** Resolved to text by ScheduleLineExplanationResolver (also `basisExplanation`). */
  basis!: StoredExplanation;

  @Field(() => Int, { description: 'The calendar year the line belongs to, e.g. 2026.' })
  year!: number;

  @Field({
    nullable: true,
    description: 'The assessment period the line pays for; absent for lines not tied to a period.',
  })
  period?: string;

  @Field(() => MoneyScalar, { description: 'The amount before deductions, in yuan.' })
  gross!: string;

  @Field(() => [ScheduleDeductionModel], { description: 'The deductions against the line.' })
  deductions!: ScheduleDeductionModel[];

  @Field(() => MoneyScalar, { description: 'Σ deductions, carried amounts included, in yuan.' })
  deductionTotal!: string;

  @Field(() => MoneyScalar, { description: 'gross − deductionTotal, in yuan.' })
  net!: string;

  @Field(() => MoneyScalar, { description: 'What has been paid on the line, in yuan.' })
  paid!: string;

  @Field(() => String, {
    nullable: true,
    description: 'When the line is due, YYYY-MM-DD local date; null while the event it is due after has no date.',
  })
  dueDate!: string | null;

  @Field({ description: 'scheduled | due | withheld | paid | forfeited' })
  status!: string;

  /** Resolved to texts by ScheduleLineExplanationResolver (also `reasonExplanations`). */
  reasons!: StoredExplanation[];
}

@ObjectType('ScheduleTotals', { description: 'The sums of the schedule lines, in yuan.' })
export class ScheduleTotalsModel {
  @Field(() => MoneyScalar, { description: 'Σ gross.' })
  gross!: string;

  @Field(() => MoneyScalar, { description: 'Σ deductions.' })
  deductions!: string;

  @Field(() => MoneyScalar, { description: 'Σ net.' })
  net!: string;

  @Field(() => MoneyScalar, { description: 'Σ paid.' })
  paid!: string;
}

@ObjectType('Schedule', { description: 'A payment schedule as of a date.' })
export class ScheduleModel {
  @Field({ description: 'The date the statuses are as of, YYYY-MM-DD local date.' })
  asOf!: string;

  @Field(() => [ScheduleLineModel], { description: 'The payments, in schedule order.' })
  lines!: ScheduleLineModel[];

  @Field(() => ScheduleTotalsModel, { description: 'The sums of the lines.' })
  totals!: ScheduleTotalsModel;

  @Field(() => MoneyScalar, {
    description: 'Deductions beyond what remains payable, plus overpayments: owed by the vendor.',
  })
  vendorBalanceOwed!: string;

  /** Resolved to texts by ScheduleExplanationResolver (also `noteExplanations`). */
  notes!: StoredExplanation[];
}

@ObjectType('Simulation', { description: 'A what-if settlement: the engine over assumed inputs. Nothing is stored.' })
export class SimulationModel {
  @Field(() => ScheduleModel, { description: 'The schedule over the assumed inputs.' })
  schedule!: ScheduleModel;

  @Field(() => JsonScalar, { description: 'Assessment results computed from assumed inputs, with breakdowns.' })
  assessments!: JsonOutput;

  @Field(() => ScheduleModel, {
    nullable: true,
    description: 'The schedule over the baseline inputs, when a baseline was given.',
  })
  baseline?: ScheduleModel;

  @Field(() => JsonScalar, { nullable: true, description: 'Per-line differences against the baseline.' })
  diff?: JsonOutput;
}
