import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { MoneyScalar } from '../graphql/money.scalar';
import { JsonScalar, type JsonOutput, type JsonValue } from '../graphql/json.scalar';
import { ScheduleModel } from '../settlement/settlement.models';

@ObjectType({ description: 'An input the computation needs and does not have (never guessed).' })
export class MissingInputModel {
  @Field({ description: 'The period (2026-H1), the year (2026) or "term" it belongs to.' })
  period!: string;

  @Field({
    description: 'The scheme input (staffScores, satisfaction.itSatisfaction, achievementRate, …) or attendance.',
  })
  input!: string;

  @Field()
  message!: string;
}

@ObjectType({ description: 'One assessment component: the points, the input and the band or choice, in words.' })
export class AssessmentLineModel {
  @Field()
  componentId!: string;

  @Field()
  label!: string;

  @Field()
  kind!: string;

  @Field()
  input!: string;

  @Field({ description: 'Two decimals, e.g. "-5.00".' })
  points!: string;

  @Field()
  explanation!: string;

  @Field(() => JsonScalar, { nullable: true })
  details?: JsonOutput;
}

@ObjectType()
export class PeriodCloseFlagModel {
  @Field()
  period!: string;

  @Field()
  code!: string;

  @Field()
  message!: string;

  @Field({ nullable: true })
  subject?: string;

  @Field({ nullable: true })
  componentId?: string;
}

@ObjectType({ description: "One period's assessment; score is null when an input is missing (see missing)." })
export class PeriodAssessmentModel {
  @Field()
  period!: string;

  @Field(() => String, { nullable: true })
  score!: string | null;

  @Field(() => String, { nullable: true, description: 'base + Σ points before the clamp.' })
  unclampedScore!: string | null;

  @Field(() => String, { nullable: true })
  grade!: string | null;

  @Field(() => Boolean, { nullable: true })
  passes!: boolean | null;

  @Field(() => [AssessmentLineModel])
  breakdown!: AssessmentLineModel[];

  @Field(() => [PeriodCloseFlagModel])
  flags!: PeriodCloseFlagModel[];

  @Field(() => [String])
  notes!: string[];

  @Field(() => String, { nullable: true })
  explanation!: string | null;

  @Field(() => [MissingInputModel])
  missing!: MissingInputModel[];
}

@ObjectType({ description: 'The year score aggregated from its periods.' })
export class YearScoreModel {
  @Field(() => Int)
  year!: number;

  @Field()
  score!: string;

  @Field(() => Int)
  count!: number;

  @Field(() => Int)
  expected!: number;

  @Field()
  explanation!: string;

  @Field(() => [String])
  notes!: string[];
}

@ObjectType({ description: 'A scheme input as assembled: which component it feeds and where it came from.' })
export class InputUseModel {
  @Field()
  period!: string;

  @Field()
  componentId!: string;

  @Field()
  kind!: string;

  @Field()
  input!: string;

  @Field({
    description:
      'staffScores | securityIncidents | itemScores | satisfaction (buyer period inputs) | derived (ticket ledger).',
  })
  source!: string;

  @Field(() => JsonScalar, { nullable: true })
  value!: JsonOutput;
}

@ObjectType({
  description:
    'A figure derived from the ledger (tickets, accepted monthly reports), with its numerator and denominator.',
})
export class DerivedMetricModel {
  @Field()
  period!: string;

  @Field({ description: 'achievementRate | specialDelayDays | personMonths' })
  id!: string;

  @Field()
  label!: string;

  @Field(() => String, { nullable: true, description: 'The exact value (null when undefined).' })
  value!: string | null;

  @Field(() => String, { nullable: true, description: 'As shown: two decimals.' })
  display!: string | null;

  @Field(() => String, { nullable: true })
  numerator!: string | null;

  @Field(() => String, { nullable: true })
  denominator!: string | null;

  @Field()
  explanation!: string;

  @Field(() => [String])
  notes!: string[];

  @Field(() => JsonScalar, {
    nullable: true,
    description: 'Ticket numbers achieved / missed / pending, per-ticket delays, per-month person-months.',
  })
  details?: JsonOutput;
}

@ObjectType({ description: 'What closing the period would give, computed now from the ledger. Nothing is stored.' })
export class PeriodClosePreviewModel {
  @Field(() => ID)
  contractId!: string;

  @Field()
  period!: string;

  @Field()
  asOf!: string;

  @Field(() => Int)
  configVersion!: number;

  @Field()
  calendarVersion!: string;

  @Field(() => [Int], {
    description:
      'The provisional calendar years the period lies in (rule 18): such a close can be drafted, not confirmed, until the year is published.',
  })
  provisionalYears!: number[];

  @Field(() => PeriodAssessmentModel, { description: 'The period being closed.' })
  assessment!: PeriodAssessmentModel;

  @Field(() => [PeriodAssessmentModel], {
    description: 'Every period of the scheme in the term up to this one, oldest first.',
  })
  assessments!: PeriodAssessmentModel[];

  @Field(() => YearScoreModel, {
    nullable: true,
    description: 'When the period completes a year and every period of that year is scored.',
  })
  year!: YearScoreModel | null;

  @Field(() => [InputUseModel])
  inputsUsed!: InputUseModel[];

  @Field(() => [MissingInputModel], {
    description:
      "What the period (and its year when it completes one) lacks, and attendance the schedule's absence deduction lacks.",
  })
  missing!: MissingInputModel[];

  @Field(() => [DerivedMetricModel])
  metrics!: DerivedMetricModel[];

  @Field(() => [PeriodCloseFlagModel])
  flags!: PeriodCloseFlagModel[];

  @Field(() => JsonScalar, { description: 'The payment facts assembled for the schedule.' })
  facts!: JsonOutput;

  @Field(() => ScheduleModel)
  schedule!: ScheduleModel;

  @Field(() => [String])
  notes!: string[];
}

@ObjectType({ description: 'A job: its deterministic id, queue, status and attempts (the outbox row).' })
export class JobModel {
  @Field(() => ID)
  id!: string;

  @Field()
  queue!: string;

  @Field()
  name!: string;

  @Field({ description: 'queued | completed | failed' })
  status!: string;

  @Field(() => Int)
  attempts!: number;

  @Field(() => String, { nullable: true })
  lastError!: string | null;

  @Field(() => JsonScalar, { nullable: true })
  result!: JsonValue | null;

  @Field()
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  completedAt!: Date | null;
}

@ObjectType({
  description: 'A line a close stored: a deduction it computed, or a correction (adjustment) of a confirmed close.',
})
export class CloseLineModel {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  closeId!: string;

  @Field({ description: 'deduction | adjustment' })
  kind!: string;

  @Field({ description: '<payment line>/<rule> for deductions; unique within the close.' })
  lineKey!: string;

  @Field(() => String, { nullable: true })
  paymentLineId!: string | null;

  @Field(() => String, { nullable: true })
  ruleId!: string | null;

  @Field(() => String, { nullable: true })
  label!: string | null;

  @Field(() => MoneyScalar, { description: 'Positive reduces the payment; a negative adjustment gives back.' })
  amount!: string;

  @Field(() => JsonScalar)
  basis!: JsonValue;

  /** As stored (JSON of a code, or an older row's sentence): resolved to text and `formulaExplanation` by CloseLineExplanationResolver. */
  formula!: string;

  @Field(() => String, { nullable: true })
  reason!: string | null;

  @Field(() => ID, { nullable: true, description: 'The confirmed close an adjustment corrects.' })
  correctsCloseId!: string | null;

  @Field()
  createdAt!: Date;
}

@ObjectType({
  description:
    'A period close: requested (pending), computed by the worker (draft), confirmed (immutable) or reopened (superseded by the next revision).',
})
export class PeriodCloseModel {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  contractId!: string;

  @Field()
  period!: string;

  @Field(() => Int)
  revision!: number;

  @Field({ description: 'pending | draft | confirmed | reopened' })
  status!: string;

  @Field(() => Int, { description: 'The configuration version the close computes with.' })
  configVersion!: number;

  @Field(() => String, { nullable: true, description: 'The working-day calendar version it used (once computed).' })
  calendarVersion!: string | null;

  @Field({ description: 'The date the ledger is read at and the assessment dated to.' })
  asOf!: string;

  @Field(() => String, { nullable: true })
  score!: string | null;

  @Field(() => String, { nullable: true })
  grade!: string | null;

  @Field()
  jobId!: string;

  @Field()
  requestedAt!: Date;

  @Field(() => Date, { nullable: true })
  computedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  confirmedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  reopenedAt!: Date | null;

  @Field(() => String, { nullable: true, description: "The buyer's reason for reopening it." })
  reopenReason!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'INPUTS_CHANGED when the system superseded it because its inputs changed (see reopenChanges).',
  })
  reopenCode!: string | null;

  @Field(() => [String], {
    description:
      'The inputs that had changed when it was superseded: periodInputs | tickets | reports | configuration | calendar.',
  })
  reopenChanges!: string[];

  @Field(() => [String], {
    description:
      'For a draft or confirmed close, the inputs that changed since it was requested (same codes); empty when up to date. Buyer admin and staff only (empty for others).',
  })
  inputsChanged!: string[];

  @Field(() => String, { nullable: true, description: 'Why it was confirmed although inputs were missing.' })
  confirmReason!: string | null;

  @Field(() => [MissingInputModel], {
    description: 'The inputs that were missing when it was confirmed (with confirmReason).',
  })
  confirmedMissing!: MissingInputModel[];

  @Field(() => PeriodClosePreviewModel, {
    nullable: true,
    description: 'What the close computed: assessment with breakdown, year, metrics, flags, facts, schedule.',
  })
  result!: PeriodClosePreviewModel | null;

  @Field(() => [CloseLineModel], { description: "The close's deduction lines and the adjustments that correct it." })
  lines!: CloseLineModel[];

  @Field(() => JobModel, { nullable: true })
  job!: JobModel | null;
}

@InputType()
export class ClosePeriodInput {
  @Field(() => ID)
  contractId!: string;

  @Field({
    description: 'A period of the kind the contract closes by (its assessment scheme; quarters or years without one).',
  })
  period!: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; default today in Asia/Shanghai.' })
  asOf?: string | null;
}

@InputType()
export class ReopenPeriodCloseInput {
  @Field(() => ID)
  closeId!: string;

  @Field()
  reason!: string;

  @Field(() => String, { nullable: true, description: 'Date of the recomputation; default the reopened close’s date.' })
  asOf?: string | null;
}

@InputType()
export class RecordAdjustmentInput {
  @Field(() => ID, { description: 'The confirmed close being corrected.' })
  correctsCloseId!: string;

  @Field(() => MoneyScalar, { description: 'Positive reduces the payment; negative gives back.' })
  amount!: string;

  @Field()
  reason!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The schedule line it applies to; default the next line not yet paid.',
  })
  paymentLineId?: string | null;
}
