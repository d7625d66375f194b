import { gqlDocument, graphqlRequest, type ResultOf } from '../../api/graphql-client';
import { EXPLANATION_FIELDS } from '../../components/explanation-text';

/** A stored payment schedule as the API sends it: money as decimal strings, statuses as the engine names them. */
const SCHEDULE_FIELDS = gqlDocument(
  `fragment StoredScheduleFields on StoredSchedule { contractId contractCode contractName asOf computedAt configVersion calendarVersion
  schedule { asOf vendorBalanceOwed notes noteExplanations { ...ExplanationFields } totals { gross deductions net paid }
    lines { id label milestoneId basis basisExplanation { ...ExplanationFields } year period dueDate gross deductionTotal net paid status reasons
      reasonExplanations { ...ExplanationFields } deductions { ruleId label kind basis formula formulaExplanation { ...ExplanationFields } amount } } }
  payments { id lineId amount paidOn reference createdAt } }`,
  [EXPLANATION_FIELDS],
);
export type StoredSchedule = ResultOf<typeof SCHEDULE_FIELDS>;
export type ScheduleLine = StoredSchedule['schedule']['lines'][number];

export const PAYMENT_SCHEDULES = gqlDocument(
  'query PaymentSchedules($filter: ScheduleFilterInput) { paymentSchedules(filter: $filter) { ...StoredScheduleFields } }',
  [SCHEDULE_FIELDS],
);

export const PAYMENT_SCHEDULE = gqlDocument(
  'query PaymentSchedule($id: ID!) { paymentSchedule(contractId: $id) { ...StoredScheduleFields } contract(id: $id) { id name code } }',
  [SCHEDULE_FIELDS],
);

export const SCHEDULE_STAMP = gqlDocument(
  'query ScheduleStamp($id: ID!) { paymentSchedule(contractId: $id) { computedAt } }',
);

/**
 * After a write that recomputes the schedule in a job (a payment, an invoice): waits, up to 20 s, until the contract's
 * stored schedule is newer than `computedAt`, so the page reloads onto the new one.
 */
export async function waitForNewerSchedule(
  contractId: string,
  computedAt: string,
  token: string | null,
): Promise<void> {
  for (let i = 0; i < 40; i++) {
    const stamp = await graphqlRequest(SCHEDULE_STAMP, { id: contractId }, token).catch(() => null);
    if (stamp?.paymentSchedule && stamp.paymentSchedule.computedAt !== computedAt) return;
    await new Promise((r) => window.setTimeout(r, 500));
  }
}

export const SCHEDULE_STATUSES = ['scheduled', 'due', 'withheld', 'paid', 'forfeited'] as const;
