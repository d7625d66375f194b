import { dec, type Decimal } from '@ledger/kernel';
import { splitAmount } from '../money';
import { termMonthsInYear, termYears } from './periods';

type Split = { mode: 'by-months' } | { mode: 'explicit'; years: { year: number; amount: string }[] };

/**
 * Year → fee. By months: the amount split in proportion to the term's months in each calendar year
 * (Huai'an 2025-07..2026-12: 6/18 and 12/18), the last year absorbing the rounding remainder.
 */
export function yearFees(
  amount: string,
  term: { start: string; end: string },
  split: Split | undefined,
): Map<number, Decimal> {
  const fees = new Map<number, Decimal>();
  if (split && split.mode === 'explicit') {
    for (const y of split.years) fees.set(y.year, dec(y.amount));
    return fees;
  }
  const years = termYears(term.start, term.end);
  if (years.length === 0) return fees;
  const weights = years.map((y) => termMonthsInYear(term.start, term.end, y));
  if (weights.every((w) => w.isZero())) return fees;
  const amounts = splitAmount(amount, weights);
  years.forEach((y, i) => fees.set(y, amounts[i]));
  return fees;
}
