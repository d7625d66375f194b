import { gqlDocument, type ResultOf, type VariablesOf } from '../../api/graphql-client';

const YEAR_FIELDS = gqlDocument(
  `fragment CalendarYearFields on NationalCalendarYear { year status holidays { date name } makeUpWorkdays { date name } revision source release
    notice { title number date } correction publishedAt }`,
);
/**
 * A year as computed now (published or provisional), or one publication of it: `status` published | provisional,
 * `source` shipped | package | admin (null when provisional), `publishedAt` an instant shown in Beijing time.
 */
export type CalendarYear = ResultOf<typeof YEAR_FIELDS>;
export type CalendarDay = CalendarYear['holidays'][number];

export const NATIONAL_CALENDAR = gqlDocument(
  'query NationalCalendar { nationalCalendar { version years { ...CalendarYearFields } publications { ...CalendarYearFields } } }',
  [YEAR_FIELDS],
);

export const PUBLISH_NATIONAL_CALENDAR = gqlDocument(
  'mutation PublishNationalCalendar($input: PublishNationalCalendarInput!) { publishNationalCalendar(input: $input) { year revision version tenantsAsked } }',
);
export type PublicationResult = ResultOf<typeof PUBLISH_NATIONAL_CALENDAR>['publishNationalCalendar'];
export type PublishNationalCalendarInput = VariablesOf<typeof PUBLISH_NATIONAL_CALENDAR>['input'];

export const PUBLISH_NATIONAL_CALENDAR_FILE = gqlDocument(
  `mutation PublishNationalCalendarFile($input: PublishNationalCalendarFileInput!) { publishNationalCalendarFile(input: $input) { year revision version
    tenantsAsked } }`,
);
export type PublishNationalCalendarFileInput = VariablesOf<typeof PUBLISH_NATIONAL_CALENDAR_FILE>['input'];
