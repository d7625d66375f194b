import { gqlDocument } from '../../api/graphql-client';

export type CalendarDay = { date: string; name: string };
export type CalendarNotice = { title: string; number: string; date: string };

/** A year as computed now (published or provisional), or one publication of it. */
export type CalendarYear = {
  year: number;
  /** published | provisional */
  status: string;
  holidays: CalendarDay[];
  makeUpWorkdays: CalendarDay[];
  revision: number | null;
  /** shipped | package | admin; null when provisional. */
  source: string | null;
  release: string | null;
  notice: CalendarNotice | null;
  correction: string | null;
  /** An instant (ISO with zone): shown in Beijing time. */
  publishedAt: string | null;
};

export type NationalCalendarData = { version: string; years: CalendarYear[]; publications: CalendarYear[] };

const YEAR_FIELDS = 'year status holidays { date name } makeUpWorkdays { date name } revision source release notice { title number date } correction publishedAt';

export const NATIONAL_CALENDAR = gqlDocument<{ nationalCalendar: NationalCalendarData }>(
  `query NationalCalendar { nationalCalendar { version years { ${YEAR_FIELDS} } publications { ${YEAR_FIELDS} } } }`,
);

export type PublicationResult = { year: number; revision: number; version: string; tenantsAsked: number };

export type PublishNationalCalendarInput = { year: number; notice: CalendarNotice; holidays: CalendarDay[]; makeUpWorkdays: CalendarDay[]; reason?: string };

export const PUBLISH_NATIONAL_CALENDAR = gqlDocument<{ publishNationalCalendar: PublicationResult }, { input: PublishNationalCalendarInput }>(
  'mutation PublishNationalCalendar($input: PublishNationalCalendarInput!) { publishNationalCalendar(input: $input) { year revision version tenantsAsked } }',
);

export type PublishNationalCalendarFileInput = { format: string; content: string; year?: number; notice: CalendarNotice; reason?: string };

export const PUBLISH_NATIONAL_CALENDAR_FILE = gqlDocument<{ publishNationalCalendarFile: PublicationResult }, { input: PublishNationalCalendarFileInput }>(
  'mutation PublishNationalCalendarFile($input: PublishNationalCalendarFileInput!) { publishNationalCalendarFile(input: $input) { year revision version tenantsAsked } }',
);
