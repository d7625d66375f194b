import { Decimal, dec } from '@ledger/kernel';
import { daysInMonth, maxDate, minDate, monthsInYear } from '../dates';
import type { PeriodKind } from './common.schema';

export type Period = { id: string; kind: PeriodKind; year: number; start: string; end: string };

const pad = (n: number): string => String(n).padStart(2, '0');

/** The calendar period containing a month: 2026-05 as half-year → 2026-H1. */
function periodOfMonth(kind: PeriodKind, year: number, month: number): Period {
  const span = kind === 'month' ? 1 : kind === 'quarter' ? 3 : kind === 'half-year' ? 6 : 12;
  const first = Math.floor((month - 1) / span) * span + 1;
  const last = first + span - 1;
  const idx = (first - 1) / span + 1;
  const id = kind === 'month' ? `${year}-${pad(month)}` : kind === 'quarter' ? `${year}-Q${idx}` : kind === 'half-year' ? `${year}-H${idx}` : `${year}`;
  return { id, kind, year, start: `${year}-${pad(first)}-01`, end: `${year}-${pad(last)}-${pad(daysInMonth(year, last))}` };
}

/**
 * Calendar-aligned periods of `kind` that overlap the term, clipped to it (a term starting 2025-07-01
 * has half-years 2025-H2, 2026-H1, 2026-H2). Periods are calendar periods: the seeds speak of
 * 上半年/下半年 and quarter ends.
 */
export function periodsInTerm(kind: PeriodKind, start: string, end: string): Period[] {
  const out: Period[] = [];
  if (start > end) return out;
  let y = Number(start.slice(0, 4));
  let m = Number(start.slice(5, 7));
  const endY = Number(end.slice(0, 4));
  const endM = Number(end.slice(5, 7));
  while (y < endY || (y === endY && m <= endM)) {
    const p = periodOfMonth(kind, y, m);
    if (out.length === 0 || out[out.length - 1].id !== p.id) out.push({ ...p, start: maxDate(p.start, start), end: minDate(p.end, end) });
    m += 1;
    if (m > 12) { m = 1; y += 1; }
    if (y > endY + 1) break;
  }
  return out;
}

export function termYears(start: string, end: string): number[] {
  const ys: number[] = [];
  for (let y = Number(start.slice(0, 4)); y <= Number(end.slice(0, 4)); y++) ys.push(y);
  return ys;
}

/** Months of the term in `year` as a decimal (partial months by days). */
export function termMonthsInYear(start: string, end: string, year: number): Decimal {
  return monthsInYear(start, end, year).reduce<Decimal>(
    (acc, m) => acc.plus(m.whole).plus(m.partialDays === 0 ? 0 : dec(m.partialDays).dividedBy(m.partialMonthDays)),
    new Decimal(0),
  );
}

/** Months of the whole term (decimal; whole months are exact integers). */
export function termMonths(start: string, end: string): Decimal {
  return termYears(start, end).reduce<Decimal>((acc, y) => acc.plus(termMonthsInYear(start, end, y)), new Decimal(0));
}

/** Parse a period id back to its kind. */
export function kindOfPeriodId(id: string): PeriodKind {
  if (/^\d{4}$/.test(id)) return 'year';
  if (/-H[12]$/.test(id)) return 'half-year';
  if (/-Q[1-4]$/.test(id)) return 'quarter';
  return 'month';
}
