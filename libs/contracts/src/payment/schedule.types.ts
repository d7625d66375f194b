import type { Explanation } from '../explain/explanation';

/** One deduction against a line: which rule, the figures it used, the formula as a code, the amount (2 dp). */
export type ScheduleDeduction = {
  ruleId: string;
  kind: string;
  label?: string;
  basis: Record<string, string>;
  formula: Explanation;
  amount: string;
  /** The line key of the close line this deduction is (a confirmed close's deduction, or an adjustment). */
  closeLineKey?: string;
};

export type LineStatus = 'scheduled' | 'due' | 'withheld' | 'paid' | 'forfeited';

export type ScheduleLine = {
  id: string;
  milestoneId: string;
  label: string;
  /** How the gross was derived (payment.basis.*). */
  basis: Explanation;
  year: number;
  period?: string;
  gross: string;
  deductions: ScheduleDeduction[];
  /** Σ deductions.amount (carried amounts included). */
  deductionTotal: string;
  /** gross − deductionTotal. */
  net: string;
  paid: string;
  dueDate: string | null;
  status: LineStatus;
  reasons: Explanation[];
};

export type ScheduleTotals = {
  gross: string;
  deductions: string;
  net: string;
  paid: string;
  /** Net of withheld lines (kept by the buyer until their condition is met). */
  withheld: string;
  /** Net still to pay on lines that are scheduled or due, less what was paid on them. */
  outstanding: string;
};

export type Schedule = {
  configVersion?: number;
  asOf: string;
  lines: ScheduleLine[];
  totals: ScheduleTotals;
  /** Rule 12: deductions beyond what remains payable, plus overpayments (clawbacks), owed by the vendor. */
  vendorBalanceOwed: string;
  notes: Explanation[];
};
