import type { ParsedConfig } from '../config/contract-config.schema';
import type { PaymentFactsInput } from '../payment/facts.schema';

/** A confirmed close's payment facts, with the period it closed (its facts cover every period up to it). */
export type ConfirmedCloseFacts = { period: string; facts: PaymentFactsInput };

type PeriodFact = NonNullable<PaymentFactsInput['periods']>[number];
type YearFact = NonNullable<PaymentFactsInput['years']>[number];
type QuarterFact = NonNullable<PaymentFactsInput['quarters']>[number];
type AttendanceFact = NonNullable<PaymentFactsInput['attendance']>[number];

/**
 * The payment facts of a contract from its confirmed closes, oldest first: a later close's entry for the same period,
 * year or quarter replaces an earlier one (with its inputs locked they agree; a reopened-and-confirmed revision is
 * the later one). Entries of a period a close confirmed are marked `confirmed`. Payments and adjustments are added
 * by the caller.
 */
export function mergeConfirmedFacts(closes: readonly ConfirmedCloseFacts[]): PaymentFactsInput {
  const periods = new Map<string, PeriodFact>();
  const years = new Map<number, YearFact>();
  const quarters = new Map<string, QuarterFact>();
  const attendance = new Map<string, AttendanceFact>();
  let acceptance: PaymentFactsInput['acceptance'];
  const confirmedIds = new Set(closes.map((c) => c.period));
  for (const { facts } of closes) {
    for (const p of facts.periods ?? [])
      periods.set(p.id, { ...p, ...(confirmedIds.has(p.id) ? { confirmed: true } : {}) });
    // A year aggregate is in a close's facts only when the close completed (or followed) the year: confirmed with it.
    for (const y of facts.years ?? []) years.set(y.year, { ...y, confirmed: true });
    for (const q of facts.quarters ?? []) quarters.set(q.id, q);
    for (const a of facts.attendance ?? []) attendance.set(a.year === undefined ? 'term' : String(a.year), a);
    if (facts.acceptance) acceptance = facts.acceptance;
  }
  return {
    periods: [...periods.values()],
    years: [...years.values()],
    quarters: [...quarters.values()],
    attendance: [...attendance.values()],
    ...(acceptance ? { acceptance } : {}),
  };
}

/**
 * Corrections of confirmed closes (adjustment lines) apply to every contract that pays anything, whatever its payment
 * terms say: when the configuration has no manual-adjustment rule, one is added for the computation (id
 * `corrections`). A contract without payment milestones (Beijing: terms not stated) has nothing to correct.
 */
export function withCorrections(config: ParsedConfig): ParsedConfig {
  if (config.payment.milestones.length === 0 || config.payment.deductions.some((d) => d.kind === 'manual-adjustment'))
    return config;
  const rule = {
    id: 'corrections',
    kind: 'manual-adjustment',
    label: '更正（已确认期间的调整）',
    params: {},
  } as ParsedConfig['payment']['deductions'][number];
  return { ...config, payment: { ...config.payment, deductions: [...config.payment.deductions, rule] } };
}
