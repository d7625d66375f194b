import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { JsonScalar, type JsonOutput, type JsonValue } from '../graphql/json.scalar';

@ObjectType('PersonMonthsFigures', {
  description: 'Person-months of the month (rule 9), two decimals half up; exact figures are in `details`.',
})
export class PersonMonthsFiguresModel {
  @Field({ description: 'Planned person-months: headcount of the attendance roles × the term’s share of the month.' })
  planned!: string;

  @Field({ description: 'Person-months present, from the attendance reported.' })
  actual!: string;

  @Field({ description: 'planned − actual, never below 0.' })
  absent!: string;

  @Field({
    description:
      'The month lies in a provisional calendar year (domain rule 18): its working days, and so these figures, are provisional (暂定).',
  })
  provisional!: boolean;
}

@ObjectType('ObligationCounts', { description: 'Rows of the obligations checklist by status.' })
export class ObligationCountsModel {
  @Field(() => Int, { description: 'Delivered on time.' })
  met!: number;

  @Field(() => Int, { description: 'Delivered, some of it after the due date.' })
  late!: number;

  @Field(() => Int, { description: 'Past the due date and not delivered.' })
  missing!: number;

  @Field(() => Int, { description: 'Not yet due (or without a deadline) and not yet met.' })
  pending!: number;
}

@ObjectType('MonthlyReportSummary', {
  description: 'What a monthly report gives: person-months and the obligations checklist.',
})
export class MonthlyReportSummaryModel {
  @Field({ description: 'The day the checklist is judged on (today in Asia/Shanghai).' })
  asOf!: string;

  @Field(() => PersonMonthsFiguresModel, { description: 'Person-months of the month.' })
  personMonths!: PersonMonthsFiguresModel;

  @Field(() => ObligationCountsModel, { description: 'Checklist rows by status.' })
  obligations!: ObligationCountsModel;

  @Field(() => JsonScalar, {
    description: 'summariseMonthlyReport output: per-person shares, checklist rows with explanations.',
  })
  details!: JsonOutput;
}

@ObjectType('MonthlyReport', {
  description:
    "The vendor's report of one month: draft → submitted → accepted | returned (→ draft on save). Accepted is locked.",
})
export class MonthlyReportModel {
  @Field(() => ID, { description: 'The report id (UUID).' })
  id!: string;

  @Field(() => ID, { description: 'The contract.' })
  contractId!: string;

  @Field({ description: 'The month reported, YYYY-MM.' })
  month!: string;

  @Field({ description: 'draft | submitted | accepted | returned' })
  status!: string;

  @Field(() => JsonScalar, {
    description: 'The report (monthlyReportSchema): attendance, deliveries with evidence, service events.',
  })
  report!: JsonValue;

  @Field(() => Int, { description: 'The configuration version the report was validated against.' })
  configVersion!: number;

  @Field(() => String, { nullable: true, description: "The buyer's comment (required when returning)." })
  buyerComment!: string | null;

  @Field(() => ID, { description: 'The user who last saved it.' })
  savedBy!: string;

  @Field({ description: 'When it was last saved (ISO 8601 instant).' })
  savedAt!: Date;

  @Field(() => ID, { nullable: true, description: 'The user who submitted it.' })
  submittedBy!: string | null;

  @Field(() => Date, { nullable: true, description: 'When it was submitted (ISO 8601 instant).' })
  submittedAt!: Date | null;

  @Field(() => ID, { nullable: true, description: 'The buyer user who accepted or returned it.' })
  decidedBy!: string | null;

  @Field(() => Date, { nullable: true, description: 'When it was accepted or returned (ISO 8601 instant).' })
  decidedAt!: Date | null;

  @Field(() => MonthlyReportSummaryModel, {
    nullable: true,
    description: 'Null when it cannot be computed (summaryError says why).',
  })
  summary!: MonthlyReportSummaryModel | null;

  @Field(() => String, { nullable: true, description: 'Why the summary could not be computed.' })
  summaryError!: string | null;
}

@InputType({ description: 'The draft of a monthly report.' })
export class SaveMonthlyReportInput {
  @Field(() => ID, { description: 'The contract.' })
  contractId!: string;

  @Field({ description: 'The month reported, YYYY-MM.' })
  month!: string;

  @Field(() => JsonScalar, {
    description: 'attendance, deliveries, serviceEvents, notes (monthlyReportSchema); month may be left out.',
  })
  report!: JsonValue;
}
