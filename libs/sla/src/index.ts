export { CalendarNotPublishedError } from './calendar-not-published.error';
export {
  DAY_MINUTES,
  MINUTE_MS,
  SUPPORTED_TIME_ZONES,
  fixedOffsetMinutes,
  floorToMinute,
  formatInstant,
  toEpochMs,
  type Instant,
} from './instant';
export {
  CN_NATIONAL_CALENDAR,
  nationalCalendarSchema,
  type NationalCalendar,
  type NationalDay,
} from './national-calendar';
export {
  CN_FESTIVAL_DATES,
  DEFAULT_NATIONAL_CALENDAR,
  PROVISIONAL_YEARS_AHEAD,
  festivalDatesSchema,
  provisionalYear,
  provisionalYearsOf,
  withProvisionalYears,
  type FestivalDates,
  type FestivalYear,
  type NationalYear,
} from './provisional-calendar';
export {
  calendarPublicationSchema,
  parseCalendarPublication,
  parseHolidayCnFile,
  publicationToNationalYear,
  sameYearDays,
  validateCalendarPublication,
  validateHolidayCnFile,
  type CalendarNotice,
  type CalendarPublication,
  type CalendarPublicationInput,
  type HolidayCnConversion,
  type OtherYearDay,
  type PublishedNationalYear,
} from './calendar-publication';
export {
  parseChineseDaysFile,
  validateChineseDaysFile,
  type ChineseDaysConversion,
  type ChineseDaysExtra,
} from './chinese-days-file';
export {
  changedYears,
  composeNationalCalendar,
  nationalPartOf,
  resolveNationalVersion,
  seededRecords,
  yearStateIn,
  type CalendarYearRecord,
  type YearState,
} from './national-calendar-revisions';
export {
  DEFAULT_WORKING_HOURS,
  calendarConfigSchema,
  validateCalendarConfig,
  type CalendarConfig,
  type CalendarConfigInput,
} from './calendar-config.schema';
export { WorkCalendar, buildCalendar, type DayInfo, type DayKind, type WorkingWindow } from './work-calendar';
export {
  addCalendarMinutes,
  addWorkingMinutes,
  calendarMinutesBetween,
  mergePauses,
  workingDaysDeadline,
  workingDaysTargetMinutes,
  workingMinutesBetween,
  type Pause,
  type WorkingDaysMode,
} from './working-time';
export {
  SLA_CLOCKS,
  SLA_METRICS,
  SLA_START_EVENTS,
  STOP_EVENTS,
  clockFor,
  startEventOf,
  targetsOfSeverity,
  TICKET_EVENT_KINDS,
  slaPolicySchema,
  slaTargetSchema,
  validateSlaPolicy,
  type SlaClock,
  type SlaMetric,
  type SlaPolicy,
  type SlaStartEvent,
  type SlaTarget,
  type StopEvent,
  type TicketEventKind,
} from './sla-policy.schema';
export {
  SLA_EXPLANATION_CODES,
  evaluateTicketSla,
  summariseSlaStatus,
  type SlaBudgetKind,
  type SlaExplanation,
  type SlaExplanationCode,
  type SlaExplanationParams,
  type SlaStatus,
  type TargetResult,
  type TicketEvent,
  type TicketSlaInput,
  type TicketSlaResult,
} from './evaluate-ticket-sla';
export { canonicalJson, fnv1a32 } from './fnv1a';
