import { Field, InputType, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('NationalCalendarDay', {
  description: 'A day a State Council notice names: a day off (holiday) or a make-up working day (调休上班).',
})
export class NationalCalendarDayModel {
  @Field({ description: 'YYYY-MM-DD.' })
  date!: string;

  @Field({ description: 'The festival as the notice names it (春节, 国庆节、中秋节).' })
  name!: string;
}

@ObjectType('NationalCalendarNotice', { description: 'The State Council notice a published year comes from.' })
export class NationalCalendarNoticeModel {
  @Field({ description: '国务院办公厅关于2027年部分节假日安排的通知' })
  title!: string;

  @Field({ description: 'Its number, e.g. 国办发明电〔2026〕9号.' })
  number!: string;

  @Field({ description: 'Its date, YYYY-MM-DD.' })
  date!: string;
}

@ObjectType('NationalCalendarYear', {
  description:
    'A year of the national calendar: one publication of it, or the provisional calendar the engine computes on.',
})
export class NationalCalendarYearModel {
  @Field(() => Int, { description: 'The calendar year, e.g. 2027.' })
  year!: number;

  @Field({
    description:
      'published | provisional (no notice yet: weekends, statutory holidays on their legal dates, no 调休; domain rule 18).',
  })
  status!: string;

  @Field(() => [NationalCalendarDayModel], { description: 'The days off (holidays) of the year, by date.' })
  holidays!: NationalCalendarDayModel[];

  @Field(() => [NationalCalendarDayModel], { description: 'The make-up working days (调休上班) of the year.' })
  makeUpWorkdays!: NationalCalendarDayModel[];

  @Field(() => Int, {
    nullable: true,
    description:
      'The publication number (national_calendar_years.id; the `+rev-N` of a calendar version). Null when provisional.',
  })
  revision!: number | null;

  @Field(() => String, {
    nullable: true,
    description:
      'shipped (with the product at first start) | package (a later release) | admin (published by the platform admin). Null when provisional.',
  })
  source!: string | null;

  @Field(() => String, { nullable: true, description: 'The shipped data version a shipped/package year came from.' })
  release!: string | null;

  @Field(() => NationalCalendarNoticeModel, {
    nullable: true,
    description: 'The notice of a year the platform admin published.',
  })
  notice!: NationalCalendarNoticeModel | null;

  @Field(() => String, { nullable: true, description: 'Why a published year was corrected.' })
  correction!: string | null;

  @Field(() => Date, { nullable: true, description: 'When it was published (null when provisional).' })
  publishedAt!: Date | null;
}

@ObjectType('NationalCalendar', {
  description: 'The national working-day calendar the system computes on now, and every publication so far.',
})
export class NationalCalendarModel {
  @Field({
    description:
      'The current national version (stored with every result: `…+rev-N` after a publication, `+provisional-A..B` for the provisional years).',
  })
  version!: string;

  @Field(() => [NationalCalendarYearModel], {
    description: 'Each year as computed now, ascending: published years, then provisional ones.',
  })
  years!: NationalCalendarYearModel[];

  @Field(() => [NationalCalendarYearModel], { description: 'Every publication, newest first (corrections included).' })
  publications!: NationalCalendarYearModel[];
}

@InputType({ description: 'A day the notice names.' })
export class NationalCalendarDayInput {
  @Field({ description: 'YYYY-MM-DD.' })
  date!: string;

  @Field({ description: 'The festival as the notice names it (春节, 国庆节、中秋节).' })
  name!: string;
}

@InputType({ description: 'The State Council notice the year comes from.' })
export class NationalCalendarNoticeInput {
  @Field({ description: 'Its title, e.g. 国务院办公厅关于2027年部分节假日安排的通知.' })
  title!: string;

  @Field({ description: 'Its number, e.g. 国办发明电〔2026〕9号.' })
  number!: string;

  @Field({ description: 'YYYY-MM-DD.' })
  date!: string;
}

@InputType({ description: 'A year as the State Council notice gives it: the days off and the make-up working days.' })
export class PublishNationalCalendarInput {
  @Field(() => Int, { description: 'The year published, e.g. 2027.' })
  year!: number;

  @Field(() => NationalCalendarNoticeInput, { description: 'The notice it comes from.' })
  notice!: NationalCalendarNoticeInput;

  @Field(() => [NationalCalendarDayInput], { description: 'The days off (holidays).' })
  holidays!: NationalCalendarDayInput[];

  @Field(() => [NationalCalendarDayInput], { defaultValue: [], description: 'The make-up working days (调休上班).' })
  makeUpWorkdays!: NationalCalendarDayInput[];

  @Field(() => String, { nullable: true, description: 'Required to correct a year already published.' })
  reason?: string | null;
}

@InputType({
  description:
    'A year uploaded as a file: a NateScarlet/holiday-cn year file, or chinese-days data (the given year is taken from it).',
})
export class PublishNationalCalendarFileInput {
  @Field({ description: 'holiday-cn | chinese-days' })
  format!: string;

  @Field({ description: "The file's text (JSON)." })
  content!: string;

  @Field(() => Int, {
    nullable: true,
    description: 'The year to take (chinese-days files hold many; a holiday-cn file names its own).',
  })
  year?: number | null;

  @Field(() => NationalCalendarNoticeInput, { description: 'The notice the year comes from.' })
  notice!: NationalCalendarNoticeInput;

  @Field(() => String, { nullable: true, description: 'Required to correct a year already published.' })
  reason?: string | null;
}

@ObjectType('NationalCalendarPublication', { description: 'What a publication did.' })
export class NationalCalendarPublicationModel {
  @Field(() => Int, { description: 'The year published.' })
  year!: number;

  @Field(() => Int, { description: 'Its publication number.' })
  revision!: number;

  @Field({ description: 'The national version computed on from now on.' })
  version!: string;

  @Field(() => Int, {
    description: 'Tenants asked to recompute the results the publication changes (the recomputation runs as jobs).',
  })
  tenantsAsked!: number;
}
