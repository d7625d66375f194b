import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { JsonScalar, type JsonOutput, type JsonValue } from '../graphql/json.scalar';

@ObjectType('PersonMonthsFigures', {
  description: 'Person-months of the month (rule 9), two decimals half up; exact figures are in `details`.',
})
export class PersonMonthsFiguresModel {
  @Field()
  planned!: string;

  @Field()
  actual!: string;

  @Field()
  absent!: string;

  @Field({
    description:
      'The month lies in a provisional calendar year (domain rule 18): its working days, and so these figures, are provisional (暂定).',
  })
  provisional!: boolean;
}

@ObjectType('ObligationCounts', { description: 'Rows of the obligations checklist by status.' })
export class ObligationCountsModel {
  @Field(() => Int)
  met!: number;

  @Field(() => Int)
  late!: number;

  @Field(() => Int)
  missing!: number;

  @Field(() => Int)
  pending!: number;
}

@ObjectType('MonthlyReportSummary')
export class MonthlyReportSummaryModel {
  @Field({ description: 'The day the checklist is judged on (today in Asia/Shanghai).' })
  asOf!: string;

  @Field(() => PersonMonthsFiguresModel)
  personMonths!: PersonMonthsFiguresModel;

  @Field(() => ObligationCountsModel)
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
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  contractId!: string;

  @Field()
  month!: string;

  @Field({ description: 'draft | submitted | accepted | returned' })
  status!: string;

  @Field(() => JsonScalar, {
    description: 'The report (monthlyReportSchema): attendance, deliveries with evidence, service events.',
  })
  report!: JsonValue;

  @Field(() => Int, { description: 'The configuration version the report was validated against.' })
  configVersion!: number;

  @Field(() => String, { nullable: true })
  buyerComment!: string | null;

  @Field(() => ID)
  savedBy!: string;

  @Field()
  savedAt!: Date;

  @Field(() => ID, { nullable: true })
  submittedBy!: string | null;

  @Field(() => Date, { nullable: true })
  submittedAt!: Date | null;

  @Field(() => ID, { nullable: true })
  decidedBy!: string | null;

  @Field(() => Date, { nullable: true })
  decidedAt!: Date | null;

  @Field(() => MonthlyReportSummaryModel, {
    nullable: true,
    description: 'Null when it cannot be computed (summaryError says why).',
  })
  summary!: MonthlyReportSummaryModel | null;

  @Field(() => String, { nullable: true })
  summaryError!: string | null;
}

@InputType()
export class SaveMonthlyReportInput {
  @Field(() => ID)
  contractId!: string;

  @Field({ description: 'YYYY-MM' })
  month!: string;

  @Field(() => JsonScalar, {
    description: 'attendance, deliveries, serviceEvents, notes (monthlyReportSchema); month may be left out.',
  })
  report!: JsonValue;
}
