import { Decimal, dec, problem, type Problem } from '@ledger/kernel';
import { daysInMonth, maxDate, minDate, monthsInYear } from '../dates';
import { periodIdSchema, type PeriodKind } from './common.schema';

export type Period = { id: string; kind: PeriodKind; year: number; start: string; end: string };

const pad = (n: number): string => String(n).padStart(2, '0');

/** The calendar period containing a month: 2026-05 as half-year → 2026-H1. */
function periodOfMonth(kind: PeriodKind, year: number, month: number): Period {
  const span = kind === 'month' ? 1 : kind === 'quarter' ? 3 : kind === 'half-year' ? 6 : 12;
  const first = Math.floor((month - 1) / span) * span + 1;
  const last = first + span - 1;
  const idx = (first - 1) / span + 1;
  const id =
    kind === 'month'
      ? `${year}-${pad(month)}`
      : kind === 'quarter'
        ? `${year}-Q${idx}`
        : kind === 'half-year'
          ? `${year}-H${idx}`
          : `${year}`;
  return {
    id,
    kind,
    year,
    start: `${year}-${pad(first)}-01`,
    end: `${year}-${pad(last)}-${pad(daysInMonth(year, last))}`,
  };
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
    if (out.length === 0 || out[out.length - 1].id !== p.id)
      out.push({ ...p, start: maxDate(p.start, start), end: minDate(p.end, end) });
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
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

const PERIOD_ID = /^(\d{4})(?:-(H[12]|Q[1-4]|\d{2}))?$/;

/** The calendar period an id names (2026, 2026-H1, 2026-Q3, 2026-05), not clipped to a term; undefined for an id that names none. */
export function calendarPeriod(id: string): Period | undefined {
  const m = PERIOD_ID.exec(id);
  if (!m) return undefined;
  const year = Number(m[1]);
  if (m[2] !== undefined && /^\d{2}$/.test(m[2]) && (Number(m[2]) < 1 || Number(m[2]) > 12)) return undefined;
  return periodsInTerm(kindOfPeriodId(id), `${year}-01-01`, `${year}-12-31`).find((p) => p.id === id);
}

/** Whether period `outer` contains period `inner` (a year its halves, quarters and months; a half-year its quarters and months…; a period itself). */
export function periodContains(outer: string, inner: string): boolean {
  const o = calendarPeriod(outer);
  const i = calendarPeriod(inner);
  return o !== undefined && i !== undefined && i.start >= o.start && i.end <= o.end;
}

/** A period id and every shorter calendar period within it (a half-year's quarters and months…). */
export function periodsWithin(id: string): string[] {
  const p = calendarPeriod(id);
  if (!p) return [id];
  const out = new Set([id]);
  for (const kind of ['half-year', 'quarter', 'month'] as const)
    for (const x of periodsInTerm(kind, p.start, p.end)) if (periodContains(id, x.id)) out.add(x.id);
  return [...out];
}

/** The start and end of period `id` within the term (clipped to it); the whole term when the id names none of its periods. */
export function periodBounds(term: { start: string; end: string }, id: string): { start: string; end: string } {
  const p = periodsInTerm(kindOfPeriodId(id), term.start, term.end).find((x) => x.id === id);
  return p ? { start: p.start, end: p.end } : { start: term.start, end: term.end };
}

/** Problems of a period id a caller names for a contract (at `period`): not an id, or no period of the term. */
export function termPeriodProblems(period: string, term: { start: string; end: string }): Problem[] {
  if (!periodIdSchema.safeParse(period).success) return [problem('period', 'period.format')];
  if (!periodsInTerm(kindOfPeriodId(period), term.start, term.end).some((x) => x.id === period))
    return [problem('period', 'date.outsideTerm', { value: period, start: term.start, end: term.end })];
  return [];
}
