import { gqlDocument } from '../../api/graphql-client';

/** A stored payment schedule as the API sends it: money as decimal strings, statuses as the engine names them. */
export type ScheduleDeduction = { ruleId: string; label: string | null; kind: string; basis: Record<string, unknown>; formula: string; amount: string };
export type ScheduleLine = {
  id: string;
  label: string;
  milestoneId: string;
  basis: string;
  year: number;
  period: string | null;
  dueDate: string | null;
  gross: string;
  deductionTotal: string;
  net: string;
  paid: string;
  status: 'scheduled' | 'due' | 'withheld' | 'paid' | 'forfeited' | string;
  reasons: string[];
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
  schedule: { asOf: string; vendorBalanceOwed: string; notes: string[]; totals: { gross: string; deductions: string; net: string; paid: string }; lines: ScheduleLine[] };
  payments: Payment[];
};

export const SCHEDULE_FIELDS = `contractId contractCode contractName asOf computedAt configVersion calendarVersion
  schedule { asOf vendorBalanceOwed notes totals { gross deductions net paid }
    lines { id label milestoneId basis year period dueDate gross deductionTotal net paid status reasons deductions { ruleId label kind basis formula amount } } }
  payments { id lineId amount paidOn reference createdAt }`;

export const PAYMENT_SCHEDULES = gqlDocument<{ paymentSchedules: StoredSchedule[] }, { filter: { dueMonth?: string; status?: string } }>(
  `query PaymentSchedules($filter: ScheduleFilterInput) { paymentSchedules(filter: $filter) { ${SCHEDULE_FIELDS} } }`,
);

export const PAYMENT_SCHEDULE = gqlDocument<{ paymentSchedule: StoredSchedule | null; contract: { id: string; name: string; code: string } }, { id: string }>(
  `query PaymentSchedule($id: ID!) { paymentSchedule(contractId: $id) { ${SCHEDULE_FIELDS} } contract(id: $id) { id name code } }`,
);

export const SCHEDULE_STAMP = gqlDocument<{ paymentSchedule: { computedAt: string } | null }, { id: string }>(`query ScheduleStamp($id: ID!) { paymentSchedule(contractId: $id) { computedAt } }`);

export const SCHEDULE_STATUSES = ['scheduled', 'due', 'withheld', 'paid', 'forfeited'] as const;
