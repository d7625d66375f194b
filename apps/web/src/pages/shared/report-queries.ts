import { gqlDocument } from '../../api/graphql-client';

/** The report as stored (`monthlyReportSchema` without month): what the vendor enters and the buyer reads. */
export type AttendanceEntry = { personId: string; name?: string; roleId: string; daysPresent?: string; dates?: string[] };
export type Delivery = { obligationId: string; deliveredOn: string; for?: string; evidence: string[]; participants?: number; note?: string };
export type ServiceEvent = { id: string; kind: string; from: string; to?: string; description: string; obligationId?: string; event?: string; evidence: string[] };
export type ReportContent = { month?: string; attendance: AttendanceEntry[]; deliveries: Delivery[]; serviceEvents: ServiceEvent[]; notes?: string };

/** `summary.details`: the library's summary (person shares and checklist rows with their explanations). */
export type PersonShare = { personId: string; roleId: string; counted: boolean; daysPresent: string; personMonths: string; display: string; notes: string[] };
export type ChecklistItem = { obligationId: string; label: string; occurrence: string; window: { from: string; to: string }; dueDate: string | null; required: number; onTime: number; late: number; status: 'met' | 'late' | 'missing' | 'pending'; explanation: string };
export type SummaryDetails = {
  personMonths?: { workingDays: number; termShare: string; explanation: string; notes: string[]; people: PersonShare[] };
  obligations?: { items: ChecklistItem[]; notes: string[] };
};

export type MonthlyReport = {
  id: string;
  month: string;
  status: 'draft' | 'submitted' | 'accepted' | 'returned';
  buyerComment: string | null;
  configVersion: number;
  savedAt: string;
  submittedAt: string | null;
  decidedAt: string | null;
  report: ReportContent;
  summary: { asOf: string; personMonths: { planned: string; actual: string; absent: string; provisional: boolean }; obligations: { met: number; late: number; missing: number; pending: number }; details: SummaryDetails } | null;
  summaryError: string | null;
};

/** What the form needs from the configuration: roles (for the grid) and obligations (for the checklist). */
export type ContractConfigView = {
  staffing?: { roles?: { id: string; name?: string; headcount?: number; countsForAttendance?: boolean }[] };
  obligations?: { id: string; kind?: string; label?: string; period?: string; evidence?: string; minParticipants?: number }[];
};
export type ReportContract = { id: string; code: string; name: string; termStart: string; termEnd: string; configuration: ContractConfigView };
export type RosterMember = { id: string; personId: string; name: string; roleId: string; fromDate: string; toDate: string | null; placement: string };

export const REPORT_FIELDS = `id month status buyerComment configVersion savedAt submittedAt decidedAt report
  summary { asOf personMonths { planned actual absent provisional } obligations { met late missing pending } details } summaryError`;

export const REPORTS_OF_CONTRACT = gqlDocument<{ contract: ReportContract; monthlyReports: MonthlyReport[] }, { id: string }>(
  `query ReportsOfContract($id: ID!) { contract(id: $id) { id code name termStart termEnd configuration } monthlyReports(contractId: $id) { ${REPORT_FIELDS} } }`,
);

export const REPORT_FORM_CONTEXT = gqlDocument<{ contract: ReportContract; monthlyReports: MonthlyReport[]; staffRoster: { members: RosterMember[] } }, { id: string }>(
  `query ReportFormContext($id: ID!) { contract(id: $id) { id code name termStart termEnd configuration } monthlyReports(contractId: $id) { ${REPORT_FIELDS} }
    staffRoster(contractId: $id) { members { id personId name roleId fromDate toDate placement } } }`,
);

export const SAVE_REPORT = gqlDocument<{ saveMonthlyReport: MonthlyReport }, { input: { contractId: string; month: string; report: ReportContent } }>(
  `mutation SaveMonthlyReport($input: SaveMonthlyReportInput!) { saveMonthlyReport(input: $input) { ${REPORT_FIELDS} } }`,
);
export const SUBMIT_REPORT = gqlDocument<{ submitMonthlyReport: MonthlyReport }, { reportId: string }>(
  `mutation SubmitMonthlyReport($reportId: ID!) { submitMonthlyReport(reportId: $reportId) { ${REPORT_FIELDS} } }`,
);
export const ACCEPT_REPORT = gqlDocument<{ acceptMonthlyReport: MonthlyReport }, { reportId: string }>(
  `mutation AcceptMonthlyReport($reportId: ID!) { acceptMonthlyReport(reportId: $reportId) { ${REPORT_FIELDS} } }`,
);
export const RETURN_REPORT = gqlDocument<{ returnMonthlyReport: MonthlyReport }, { reportId: string; comment: string }>(
  `mutation ReturnMonthlyReport($reportId: ID!, $comment: String!) { returnMonthlyReport(reportId: $reportId, comment: $comment) { ${REPORT_FIELDS} } }`,
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
  let [y, m] = start.slice(0, 7).split('-').map((s) => Number.parseInt(s, 10));
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
