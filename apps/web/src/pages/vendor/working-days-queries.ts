import { gqlDocument } from '../../api/graphql-client';

/** A day of the month on the contract calendar, as the API's `workingDays` gives it. */
export type CalendarDay = {
  date: string;
  working: boolean;
  kind: string;
  name: string | null;
  /** Its year is not published: the day is on the provisional calendar (domain rule 18). */
  provisional: boolean;
};

export const WORKING_DAYS = gqlDocument<{ workingDays: { calendarVersion: string; workingDayCount: number; days: CalendarDay[] } }, { id: string; month: string }>(
  `query WorkingDays($id: ID!, $month: String!) { workingDays(contractId: $id, month: $month) { calendarVersion workingDayCount days { date working kind name provisional } } }`,
);
