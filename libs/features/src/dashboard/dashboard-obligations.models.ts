import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('DashboardObligations', {
  description: "The obligations checklist of the dashboard's month (domain.md config item 5), counted by status.",
})
export class DashboardObligationsModel {
  @Field({ description: 'YYYY-MM: the dashboard month.' })
  month!: string;

  @Field({
    description: 'YYYY-MM-DD the checklist is judged on: today in Asia/Shanghai, or the last day of a past month.',
  })
  asOf!: string;

  @Field(() => String, {
    nullable: true,
    description:
      "The status of the month's monthly report whose deliveries and service events count (draft, submitted, returned, accepted); null without a report (nothing delivered).",
  })
  reportStatus!: string | null;

  @Field(() => Int, {
    description:
      'Occurrences of the obligations in the month (one checklist row each): met + late + missing + pending.',
  })
  due!: number;

  @Field(() => Int, { description: 'Delivered on time.' })
  met!: number;

  @Field(() => Int, { description: 'Enough only with deliveries after the due date.' })
  late!: number;

  @Field(() => Int, { description: 'Past due and short of the required deliveries.' })
  missing!: number;

  @Field(() => Int, { description: 'Not yet due as of `asOf` (or without a deadline) and not yet met.' })
  pending!: number;

  @Field(() => String, {
    nullable: true,
    description: 'The earliest due date of a pending occurrence (YYYY-MM-DD); null when none has one.',
  })
  nextDueDate!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Why the checklist could not be computed (e.g. the calendar year is not published, the report names an obligation the configuration no longer has); the counts are then 0.',
  })
  problem!: string | null;

  @Field({
    description:
      'The checklist read working days of a provisional calendar year (not yet published, domain rule 18): its due dates may change when the year is published.',
  })
  provisional!: boolean;

  @Field(() => String, {
    nullable: true,
    description:
      "Says the checklist is provisional and for which year, in the caller's language (code calendar.provisional); null when it is not.",
  })
  calendarNote!: string | null;
}
