import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { MoneyScalar } from '../graphql/money.scalar';
import { JsonScalar, type JsonOutput, type JsonValue } from '../graphql/json.scalar';
import { ScheduleModel } from '../settlement';
import { JobModel } from '../shared/job.models';

@ObjectType('MissingInput', { description: 'An input the computation needs and does not have (never guessed).' })
export class MissingInputModel {
  @Field({ description: 'The period (2026-H1), the year (2026) or "term" it belongs to.' })
  period!: string;

  @Field({
    description: 'The scheme input (staffScores, satisfaction.itSatisfaction, achievementRate, …) or attendance.',
  })
  input!: string;

  @Field({ description: "What is missing, in the caller's language." })
  message!: string;
}

@ObjectType('AssessmentLine', {
  description: 'One assessment component: the points, the input and the band or choice, in words.',
})
export class AssessmentLineModel {
  @Field({ description: 'The component id of the assessment scheme.' })
  componentId!: string;

  @Field({ description: 'The component label of the scheme.' })
  label!: string;

  @Field({ description: 'The component kind, e.g. staff-average, banded, item-average-grade.' })
  kind!: string;

  @Field({ description: 'The scheme input the component reads.' })
  input!: string;

  @Field({ description: 'Signed points, two decimals, e.g. "-5.00".' })
  points!: string;

  @Field({ description: "How the points were found, in the caller's language." })
  explanation!: string;

  @Field(() => JsonScalar, {
    nullable: true,
    description: 'Kind-specific figures (band index, averages, per-person scores), decimals as strings.',
  })
  details?: JsonOutput;
}

@ObjectType('PeriodCloseFlag', {
  description: 'Something the assessment points out for a reader to check (not an error).',
})
export class PeriodCloseFlagModel {
  @Field({ description: 'The period it belongs to, e.g. 2026-H1.' })
  period!: string;

  @Field({ description: 'The flag code.' })
  code!: string;

  @Field({ description: "The flag in the caller's language." })
  message!: string;

  @Field({
    nullable: true,
    description: 'What it concerns, e.g. the person (personId) of a staff score; absent otherwise.',
  })
  subject?: string;

  @Field({ nullable: true, description: 'The scheme component that raised it, when one did.' })
  componentId?: string;
}

@ObjectType('PeriodAssessment', {
  description: "One period's assessment; score is null when an input is missing (see missing).",
})
export class PeriodAssessmentModel {
  @Field({ description: 'The period, e.g. 2026-H1.' })
  period!: string;

  @Field(() => String, { nullable: true, description: 'clamp(base + Σ points), a decimal string with two decimals.' })
  score!: string | null;

  @Field(() => String, { nullable: true, description: 'base + Σ points before the clamp.' })
  unclampedScore!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "The scheme's starting score the components' points are added to, a decimal string with two decimals; null when not scored.",
  })
  base!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "The grade letter of the scheme's grade rules; null when the scheme grades nothing or the score is missing.",
  })
  grade!: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether the grade passes; null without a grade.' })
  passes!: boolean | null;

  @Field(() => [AssessmentLineModel], { description: 'One line per scheme component.' })
  breakdown!: AssessmentLineModel[];

  @Field(() => [PeriodCloseFlagModel], { description: 'What a reader should check.' })
  flags!: PeriodCloseFlagModel[];

  @Field(() => [String], { description: "Remarks on the assessment, in the caller's language." })
  notes!: string[];

  @Field(() => String, {
    nullable: true,
    description: "base + Σ points = score, in the caller's language; null when not scored.",
  })
  explanation!: string | null;

  @Field(() => [MissingInputModel], { description: 'The inputs the period lacks.' })
  missing!: MissingInputModel[];
}

@ObjectType('YearScore', { description: 'The year score aggregated from its periods.' })
export class YearScoreModel {
  @Field(() => Int, { description: 'The calendar year, e.g. 2026.' })
  year!: number;

  @Field({ description: 'Mean of the period scores, a decimal string with two decimals.' })
  score!: string;

  @Field(() => Int, { description: 'How many period scores it is the mean of.' })
  count!: number;

  @Field(() => Int, { description: "Periods in a full year for the scheme's period (2 for half-years)." })
  expected!: number;

  @Field({ description: "How the year score was found, in the caller's language." })
  explanation!: string;

  @Field(() => [String], { description: "Remarks (e.g. fewer periods than a full year), in the caller's language." })
  notes!: string[];
}

@ObjectType('InputUse', {
  description: 'A scheme input as assembled: which component it feeds and where it came from.',
})
export class InputUseModel {
  @Field({ description: 'The period, e.g. 2026-H1.' })
  period!: string;

  @Field({ description: 'The scheme component it feeds.' })
  componentId!: string;

  @Field({ description: 'The component kind.' })
  kind!: string;

  @Field({ description: 'The scheme input name.' })
  input!: string;

  @Field({
    description:
      'staffScores | securityIncidents | itemScores | satisfaction (buyer period inputs) | derived (ticket ledger).',
  })
  source!: string;

  @Field(() => JsonScalar, { nullable: true, description: 'The input value as assembled.' })
  value!: JsonOutput;
}

@ObjectType('DerivedMetric', {
  description:
    'A figure derived from the ledger (tickets, accepted monthly reports), with its numerator and denominator.',
})
export class DerivedMetricModel {
  @Field({ description: 'The period, e.g. 2026-H1.' })
  period!: string;

  @Field({ description: 'achievementRate | specialDelayDays | personMonths' })
  id!: string;

  @Field({ description: 'The metric name as shown.' })
  label!: string;

  @Field(() => String, { nullable: true, description: 'The exact value (null when undefined).' })
  value!: string | null;

  @Field(() => String, { nullable: true, description: 'As shown: two decimals.' })
  display!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The numerator, a decimal string; null when the metric has none.',
  })
  numerator!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The denominator, a decimal string; null when the metric has none.',
  })
  denominator!: string | null;

  @Field({ description: "How the value was found, in the caller's language." })
  explanation!: string;

  @Field(() => [String], { description: "Remarks on the metric, in the caller's language." })
  notes!: string[];

  @Field(() => JsonScalar, {
    nullable: true,
    description: 'Ticket numbers achieved / missed / pending, per-ticket delays, per-month person-months.',
  })
  details?: JsonOutput;
}

@ObjectType('PeriodClosePreview', {
  description: 'What closing the period would give, computed now from the ledger. Nothing is stored.',
})
export class PeriodClosePreviewModel {
  @Field(() => ID, { description: 'The contract.' })
  contractId!: string;

  @Field({ description: 'The period closed, e.g. 2026-H1.' })
  period!: string;

  @Field({ description: 'The date the ledger is read at, YYYY-MM-DD local date.' })
  asOf!: string;

  @Field(() => Int, { description: 'The configuration version computed with.' })
  configVersion!: number;

  @Field({ description: 'The working-day calendar version computed on.' })
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

  @Field(() => [InputUseModel], { description: 'The scheme inputs as assembled, with their sources.' })
  inputsUsed!: InputUseModel[];

  @Field(() => [MissingInputModel], {
    description:
      "What the period (and its year when it completes one) lacks, and attendance the schedule's absence deduction lacks.",
  })
  missing!: MissingInputModel[];

  @Field(() => [DerivedMetricModel], { description: 'The figures derived from the ledger.' })
  metrics!: DerivedMetricModel[];

  @Field(() => [PeriodCloseFlagModel], { description: 'What a reader should check.' })
  flags!: PeriodCloseFlagModel[];

  @Field(() => JsonScalar, { description: 'The payment facts assembled for the schedule.' })
  facts!: JsonOutput;

  @Field(() => ScheduleModel, { description: 'The payment schedule computed from those facts.' })
  schedule!: ScheduleModel;

  @Field(() => [String], { description: "Remarks on the close, in the caller's language." })
  notes!: string[];
}

@ObjectType('CloseLine', {
  description: 'A line a close stored: a deduction it computed, or a correction (adjustment) of a confirmed close.',
})
export class CloseLineModel {
  @Field(() => ID, { description: 'The line id (UUID).' })
  id!: string;

  @Field(() => ID, { description: 'The close it belongs to (for an adjustment, the close it corrects).' })
  closeId!: string;

  @Field({ description: 'deduction | adjustment' })
  kind!: string;

  @Field({ description: '<payment line>/<rule> for deductions; unique within the close.' })
  lineKey!: string;

  @Field(() => String, { nullable: true, description: 'The schedule line it reduces (e.g. quarterly.2026-Q1).' })
  paymentLineId!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The deduction rule id of the configuration; null for an adjustment.',
  })
  ruleId!: string | null;

  @Field(() => String, { nullable: true, description: 'The rule label, when it has one.' })
  label!: string | null;

  @Field(() => MoneyScalar, { description: 'Positive reduces the payment; a negative adjustment gives back.' })
  amount!: string;

  @Field(() => JsonScalar, { description: 'The figures the rule used (decimals as strings).' })
  basis!: JsonValue;

  /** As stored (JSON of a code, or an older row's sentence): resolved to text and `formulaExplanation` by CloseLineExplanationResolver. */
  formula!: string;

  @Field(() => String, { nullable: true, description: 'Why the adjustment was made; null for a deduction.' })
  reason!: string | null;

  @Field(() => ID, { nullable: true, description: 'The confirmed close an adjustment corrects.' })
  correctsCloseId!: string | null;

  @Field({ description: 'When it was stored (ISO 8601 instant).' })
  createdAt!: Date;
}

@ObjectType('PeriodClose', {
  description:
    'A period close: requested (pending), computed by the worker (draft), confirmed (immutable) or reopened (superseded by the next revision).',
})
export class PeriodCloseModel {
  @Field(() => ID, { description: 'The close id (UUID).' })
  id!: string;

  @Field(() => ID, { description: 'The contract.' })
  contractId!: string;

  @Field({ description: 'The period closed, e.g. 2026-H1.' })
  period!: string;

  @Field(() => Int, {
    description: 'The revision of the period close, from 1; a reopen or a supersession makes the next one.',
  })
  revision!: number;

  @Field({ description: 'pending | draft | confirmed | reopened' })
  status!: string;

  @Field(() => Int, { description: 'The configuration version the close computes with.' })
  configVersion!: number;

  @Field(() => String, { nullable: true, description: 'The working-day calendar version it used (once computed).' })
  calendarVersion!: string | null;

  @Field({ description: 'The date the ledger is read at and the assessment dated to.' })
  asOf!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The period score, two decimals (once computed; null when an input was missing).',
  })
  score!: string | null;

  @Field(() => String, { nullable: true, description: 'The grade letter, when the scheme grades.' })
  grade!: string | null;

  @Field({ description: 'The close-period job computing it.' })
  jobId!: string;

  @Field({ description: 'When it was requested (ISO 8601 instant).' })
  requestedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When the worker computed it (ISO 8601 instant).' })
  computedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it was confirmed (ISO 8601 instant).' })
  confirmedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it was reopened or superseded (ISO 8601 instant).' })
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
      'The inputs that had changed when it was superseded: periodInputs | tickets | reports | calls | configuration | calendar.',
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

  @Field(() => JobModel, { nullable: true, description: 'The job computing it, when its outbox row exists.' })
  job!: JobModel | null;
}

@InputType({ description: 'A period to close.' })
export class ClosePeriodInput {
  @Field(() => ID, { description: 'The contract.' })
  contractId!: string;

  @Field({
    description: 'A period of the kind the contract closes by (its assessment scheme; quarters or years without one).',
  })
  period!: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; default today in Asia/Shanghai.' })
  asOf?: string | null;
}

@InputType({ description: 'A close to reopen, and why.' })
export class ReopenPeriodCloseInput {
  @Field(() => ID, { description: 'The close to reopen.' })
  closeId!: string;

  @Field({ description: 'Why it is reopened (kept with the close).' })
  reason!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Date of the recomputation, YYYY-MM-DD; default the reopened close’s date.',
  })
  asOf?: string | null;
}

@InputType({ description: 'A correction of a confirmed close.' })
export class RecordAdjustmentInput {
  @Field(() => ID, { description: 'The confirmed close being corrected.' })
  correctsCloseId!: string;

  @Field(() => MoneyScalar, { description: 'Positive reduces the payment; negative gives back.' })
  amount!: string;

  @Field({ description: 'Why the correction is made.' })
  reason!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The schedule line it applies to; default the next line not yet paid.',
  })
  paymentLineId?: string | null;
}
