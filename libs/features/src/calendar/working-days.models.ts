import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('WorkingDay', { description: "One day of a month on the contract's working-day calendar." })
export class WorkingDayModel {
  @Field({ description: 'YYYY-MM-DD (local, Asia/Shanghai).' })
  date!: string;

  @Field({ description: 'Whether it is a working day on the contract calendar.' })
  working!: boolean;

  @Field({
    description:
      'Why: workday (Monday–Friday), weekend, holiday (statutory), make-up-workday (调休补班 on a weekend), ' +
      "closure / extra-workday (the contract calendar's own overrides). Precedence: closure > extra-workday > holiday > make-up-workday > weekday.",
  })
  kind!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'The holiday\'s name (国庆节), "<holiday>补班" for a make-up working day, the reason of an override; null otherwise.',
  })
  name!: string | null;

  @Field(() => Int, { description: 'ISO weekday: 1 = Monday … 7 = Sunday.' })
  weekday!: number;

  @Field({
    description:
      'The day lies in a year the national calendar has not published: its kind is provisional (statutory holidays on their legal dates, no 调休; domain rule 18).',
  })
  provisional!: boolean;
}

@ObjectType('WorkingDays', {
  description:
    "A month's days on the contract calendar (Chinese national calendar with 调休, plus the contract's overrides).",
})
export class WorkingDaysModel {
  @Field({ description: 'The contract.' })
  contractId!: string;

  @Field({ description: 'YYYY-MM.' })
  month!: string;

  @Field({
    description:
      'The calendar version used: national data version + hash of the contract calendar configuration (as stored with SLA results).',
  })
  calendarVersion!: string;

  @Field(() => Int, { description: "The contract's configuration version the calendar comes from (its current one)." })
  configVersion!: number;

  @Field(() => Int, { description: 'Working days in the month.' })
  workingDayCount!: number;

  @Field(() => [WorkingDayModel], { description: 'Every day of the month, in order.' })
  days!: WorkingDayModel[];

  @Field({
    description:
      "Some day of the month is provisional (its year is not published): the month's working days may change when it is.",
  })
  provisional!: boolean;
}
