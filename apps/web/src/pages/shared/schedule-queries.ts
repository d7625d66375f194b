import { gqlDocument } from '../../api/graphql-client';
import { EXPLANATION_FIELDS, type ExplanationView } from './explanation-text';

/** A stored payment schedule as the API sends it: money as decimal strings, statuses as the engine names them. */
export type ScheduleDeduction = { ruleId: string; label: string | null; kind: string; basis: Record<string, unknown>; formula: string; formulaExplanation: ExplanationView; amount: string };
export type ScheduleLine = {
  id: string;
  label: string;
  milestoneId: string;
  basis: string;
  basisExplanation: ExplanationView;
  year: number;
  period: string | null;
  dueDate: string | null;
  gross: string;
  deductionTotal: string;
  net: string;
  paid: string;
  status: 'scheduled' | 'due' | 'withheld' | 'paid' | 'forfeited' | string;
  reasons: string[];
  reasonExplanations: ExplanationView[];
  deductions: ScheduleDeduction[];
};
export type Payment = { id: string; lineId: string; amount: string; paidOn: string; reference: string | null; createdAt: string };
export type StoredSchedule = {
  contractId: string;
  contractCode: string;
  contractName: string;
  asOf: string;
  computedAt: string;
  configVersion: number;
  calendarVersion: string;
  schedule: { asOf: string; vendorBalanceOwed: string; notes: string[]; noteExplanations: ExplanationView[]; totals: { gross: string; deductions: string; net: string; paid: string }; lines: ScheduleLine[] };
  payments: Payment[];
};

export const SCHEDULE_FIELDS = `contractId contractCode contractName asOf computedAt configVersion calendarVersion
  schedule { asOf vendorBalanceOwed notes noteExplanations { ${EXPLANATION_FIELDS} } totals { gross deductions net paid }
    lines { id label milestoneId basis basisExplanation { ${EXPLANATION_FIELDS} } year period dueDate gross deductionTotal net paid status reasons
      reasonExplanations { ${EXPLANATION_FIELDS} } deductions { ruleId label kind basis formula formulaExplanation { ${EXPLANATION_FIELDS} } amount } } }
  payments { id lineId amount paidOn reference createdAt }`;

export const PAYMENT_SCHEDULES = gqlDocument<{ paymentSchedules: StoredSchedule[] }, { filter: { dueMonth?: string; status?: string } }>(
  `query PaymentSchedules($filter: ScheduleFilterInput) { paymentSchedules(filter: $filter) { ${SCHEDULE_FIELDS} } }`,
);

export const PAYMENT_SCHEDULE = gqlDocument<{ paymentSchedule: StoredSchedule | null; contract: { id: string; name: string; code: string } }, { id: string }>(
  `query PaymentSchedule($id: ID!) { paymentSchedule(contractId: $id) { ${SCHEDULE_FIELDS} } contract(id: $id) { id name code } }`,
);

export const SCHEDULE_STAMP = gqlDocument<{ paymentSchedule: { computedAt: string } | null }, { id: string }>(`query ScheduleStamp($id: ID!) { paymentSchedule(contractId: $id) { computedAt } }`);

export const SCHEDULE_STATUSES = ['scheduled', 'due', 'withheld', 'paid', 'forfeited'] as const;
