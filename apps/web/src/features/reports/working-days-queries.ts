import { gqlDocument, type ResultOf } from '../../api/graphql-client';

export const WORKING_DAYS = gqlDocument(
  `query WorkingDays($id: ID!, $month: String!) { workingDays(contractId: $id, month: $month) { calendarVersion workingDayCount days { date working kind
    name provisional } } }`,
);

/** A day of the month on the contract calendar (`provisional`: its year is not published, domain rule 18). */
export type CalendarDay = ResultOf<typeof WORKING_DAYS>['workingDays']['days'][number];
