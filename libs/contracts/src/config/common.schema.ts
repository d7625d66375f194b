import { dec, decimalInput, moneyInput, nonNegativeDecimalInput, problemIssue } from '@ledger/kernel';
import { z } from 'zod';

/** A local date `YYYY-MM-DD` (calendar zone), checked to exist (no 2026-02-30). */
export const localDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  .refine((s) => {
    const [y, m, d] = s.split('-').map(Number);
    const t = new Date(Date.UTC(y, m - 1, d));
    return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
  }, problemIssue('date.notCalendar'))
  .describe('a local date YYYY-MM-DD');

/** A money amount in yuan that numeric(18,2) stores (≤ 16 integer digits, ≤ 2 decimals), as decimal text or an exact JSON number. */
export const moneySchema = moneyInput.describe('yuan: at most 16 integer digits and two decimals');

/** A non-negative money amount. */
export const nonNegativeMoneySchema = moneySchema.refine(
  (v) => !dec(v).isNegative(),
  problemIssue('number.nonNegative'),
);

/** A percentage 0..100 (as decimal), e.g. 25, 0.5, 95. */
export const percentSchema = decimalInput.refine((v) => {
  const d = dec(v);
  return !d.isNegative() && d.lte(100);
}, problemIssue('number.percent'));

/** A non-negative decimal (score thresholds, amounts per point, person-months). */
export const nonNegativeDecimalSchema = nonNegativeDecimalInput;

/** Identifier used to cross-reference parts of a configuration (milestones, deductions, roles). */
export const idSchema = z
  .string()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9_.-]*$/,
    'must be an identifier: letters, digits, _ . - (starting with a letter or digit)',
  );

/** A calendar year. */
export const yearSchema = z.number().int().min(1990).max(2200);

/**
 * An assessment/payment period id: `2026` (year), `2026-H1` (half-year), `2026-Q3` (quarter), `2026-05` (month).
 */
export const periodIdSchema = z
  .string()
  .regex(/^\d{4}(-(H[12]|Q[1-4]|0[1-9]|1[0-2]))?$/, 'must be a period id: 2026, 2026-H1, 2026-Q3 or 2026-05');

export const periodKindSchema = z.enum(['month', 'quarter', 'half-year', 'year']);
export type PeriodKind = z.infer<typeof periodKindSchema>;
