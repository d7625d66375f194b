/*
 * Local-date arithmetic on `YYYY-MM-DD` strings. Pure: no clock, no time zone (a local date has none);
 * Date.UTC is used only as a day counter.
 */

const parts = (d: string): [number, number, number] => {
  const [y, m, day] = d.split('-').map(Number);
  return [y, m, day];
};

const fmt = (y: number, m: number, d: number): string =>
  `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

export const daysInMonth = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** Add months; the day is clamped to the month's end (2026-01-31 + 1 month = 2026-02-28). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = parts(date);
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  return fmt(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = parts(date);
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return fmt(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** Calendar days from a to b (b − a). */
export function daysBetween(a: string, b: string): number {
  const [ay, am, ad] = parts(a);
  const [by, bm, bd] = parts(b);
  return Math.round((Date.UTC(by, bm - 1, bd) - Date.UTC(ay, am - 1, ad)) / 86_400_000);
}

export const yearOf = (date: string): number => Number(date.slice(0, 4));

export const maxDate = (a: string, b: string): string => (a >= b ? a : b);
export const minDate = (a: string, b: string): string => (a <= b ? a : b);

/**
 * Months of [start, end] that fall in `year`, counting partial months by days (a term of 2025-07-01..2026-12-31
 * has 6 months in 2025 and 12 in 2026). Whole months come out as integers.
 */
export function monthsInYear(
  start: string,
  end: string,
  year: number,
): { whole: number; partialDays: number; partialMonthDays: number }[] {
  const out: { whole: number; partialDays: number; partialMonthDays: number }[] = [];
  for (let m = 1; m <= 12; m++) {
    const ms = fmt(year, m, 1);
    const me = fmt(year, m, daysInMonth(year, m));
    const s = maxDate(ms, start);
    const e = minDate(me, end);
    if (s > e) continue;
    const days = daysBetween(s, e) + 1;
    const full = daysInMonth(year, m);
    out.push(
      days === full
        ? { whole: 1, partialDays: 0, partialMonthDays: full }
        : { whole: 0, partialDays: days, partialMonthDays: full },
    );
  }
  return out;
}
