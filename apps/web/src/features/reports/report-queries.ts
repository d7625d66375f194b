import { gqlDocument, type ResultOf } from '../../api/graphql-client';

/** The report as stored (`monthlyReportSchema` without month): what the vendor enters and the buyer reads. */
export type AttendanceEntry = {
  personId: string;
  name?: string;
  roleId: string;
  daysPresent?: string;
  dates?: string[];
};
export type Delivery = {
  obligationId: string;
  deliveredOn: string;
  for?: string;
  evidence: string[];
  participants?: number;
  note?: string;
};
export type ServiceEvent = {
  id: string;
  kind: string;
  from: string;
  to?: string;
  description: string;
  obligationId?: string;
  event?: string;
  evidence: string[];
};
export type ReportContent = {
  month?: string;
  attendance: AttendanceEntry[];
  deliveries: Delivery[];
  serviceEvents: ServiceEvent[];
  holidayDuty?: { date: string; people: string[] }[];
  notes?: string;
};

/** `summary.details`: the library's summary (person shares and checklist rows with their explanations). */
export type PersonShare = {
  personId: string;
  roleId: string;
  counted: boolean;
  daysPresent: string;
  personMonths: string;
  display: string;
  notes: string[];
};
export type ChecklistItem = {
  obligationId: string;
  label: string;
  occurrence: string;
  window: { from: string; to: string };
  dueDate: string | null;
  required: number;
  onTime: number;
  late: number;
  status: 'met' | 'late' | 'missing' | 'pending';
  explanation: string;
};
export type SummaryDetails = {
  personMonths?: {
    workingDays: number;
    termShare: string;
    explanation: string;
    notes: string[];
    people: PersonShare[];
  };
  obligations?: { items: ChecklistItem[]; notes: string[] };
  /** Holiday duty (rule 16): every non-working day with who was on duty; null when the contract asks for none. */
  holidayDuty?: {
    minOnDuty: number;
    where?: string;
    days: { date: string; kind: string; name?: string; onDuty: number; people: string[]; met: boolean }[];
    short: string[];
  } | null;
};

/** What the form needs from the configuration: roles (for the grid) and obligations (for the checklist). */
export type ContractConfigView = {
  staffing?: {
    roles?: { id: string; name?: string; headcount?: number; countsForAttendance?: boolean }[];
    holidayDuty?: { minOnDuty: number; where?: string };
  };
  obligations?: {
    id: string;
    kind?: string;
    label?: string;
    period?: string;
    evidence?: string;
    minParticipants?: number;
  }[];
};

const REPORT_FIELDS = gqlDocument(
  `fragment MonthlyReportFields on MonthlyReport { id month status buyerComment configVersion savedAt submittedAt decidedAt report
    summary { asOf personMonths { planned actual absent provisional } obligations { met late missing pending } details } summaryError }`,
);

type ApiMonthlyReport = ResultOf<typeof REPORT_FIELDS>;
type ApiSummary = NonNullable<ApiMonthlyReport['summary']>;
/** A report with its two JSON fields typed: `report` (monthlyReportSchema) and `summary.details` (the library's summary). */
export type MonthlyReport = Omit<ApiMonthlyReport, 'report' | 'summary'> & {
  report: ReportContent;
  summary: (Omit<ApiSummary, 'details'> & { details: SummaryDetails }) | null;
};

/** The report as the console reads it. `report` and `details` are JSON scalars: the schema cannot say their shape, the API's schemas do. */
export function monthlyReport(r: ApiMonthlyReport): MonthlyReport {
  return {
    ...r,
    report: r.report as ReportContent,
    summary: r.summary && { ...r.summary, details: r.summary.details as SummaryDetails },
  };
}

/** The contract's configuration, a JSON scalar, read for what the report pages use of it. */
export const contractConfigView = (configuration: unknown): ContractConfigView => configuration as ContractConfigView;

export const REPORTS_OF_CONTRACT = gqlDocument(
  `query ReportsOfContract($id: ID!) { contract(id: $id) { id code name termStart termEnd configuration }
    monthlyReports(contractId: $id) { ...MonthlyReportFields } }`,
  [REPORT_FIELDS],
);

export const REPORT_FORM_CONTEXT = gqlDocument(
  `query ReportFormContext($id: ID!) { contract(id: $id) { id code name termStart termEnd configuration }
    monthlyReports(contractId: $id) { ...MonthlyReportFields }
    staffRoster(contractId: $id) { members { id personId name roleId fromDate toDate placement } } }`,
  [REPORT_FIELDS],
);
export type RosterMember = ResultOf<typeof REPORT_FORM_CONTEXT>['staffRoster']['members'][number];

export const SAVE_REPORT = gqlDocument(
  'mutation SaveMonthlyReport($input: SaveMonthlyReportInput!) { saveMonthlyReport(input: $input) { ...MonthlyReportFields } }',
  [REPORT_FIELDS],
);
export const SUBMIT_REPORT = gqlDocument(
  'mutation SubmitMonthlyReport($reportId: ID!) { submitMonthlyReport(reportId: $reportId) { ...MonthlyReportFields } }',
  [REPORT_FIELDS],
);
export const ACCEPT_REPORT = gqlDocument(
  'mutation AcceptMonthlyReport($reportId: ID!) { acceptMonthlyReport(reportId: $reportId) { ...MonthlyReportFields } }',
  [REPORT_FIELDS],
);
export const RETURN_REPORT = gqlDocument(
  'mutation ReturnMonthlyReport($reportId: ID!, $comment: String!) { returnMonthlyReport(reportId: $reportId, comment: $comment) { ...MonthlyReportFields } }',
  [REPORT_FIELDS],
);

/** Every day of a month `YYYY-MM` as `YYYY-MM-DD` (calendar days; working days are the API's to judge). */
export function daysOfMonth(month: string): string[] {
  const [y, m] = month.split('-').map((s) => Number.parseInt(s, 10));
  const count = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return Array.from({ length: count }, (_, i) => `${month}-${String(i + 1).padStart(2, '0')}`);
}

/** 0 = Sunday … 6 = Saturday, of a local date. */
export function weekdayOf(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/** The months of a term, `YYYY-MM`, oldest first. */
export function monthsOfTerm(start: string, end: string): string[] {
  const out: string[] = [];
  let [y, m] = start
    .slice(0, 7)
    .split('-')
    .map((s) => Number.parseInt(s, 10));
  const last = end.slice(0, 7);
  for (let guard = 0; guard < 240; guard++) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    if (month > last) break;
    out.push(month);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}
