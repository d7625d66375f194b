import { dec } from '@ledger/kernel';
import { floorToMinute, invalid, MINUTE_MS, toEpochMs, type Instant } from './instant';
import type { WorkCalendar } from './work-calendar';

/**
 * Clock definitions (see README "Clocks"):
 *  - Instants are floored to the whole minute; every result is a whole number of minutes and every
 *    returned instant is a whole minute (epoch ms). Nothing is fractional, so the laws below are exact.
 *  - elapsed(a, b) counts the clock's minutes in [a, b) minus the (merged) pauses.
 *  - add(a, m) is the EARLIEST instant t with elapsed(a, t) = m. So add(a, 0) = a; 11:55 + 10 working
 *    minutes = 13:35; 11:55 + 5 = 12:00 (not 13:30); after hours, the clock first waits for the next opening.
 *  - Law: elapsed(a, add(a, m)) = m for every a and m ≥ 0 in the published range (property-tested).
 */

/** A buyer-approved pause: the clock does not run in [from, to). Pauses may overlap; they are merged. */
export type Pause = { from: Instant; to: Instant };

/** "Within N working days" counts N × dayMinutes of working time; "by the end of the Nth working day" snaps to close of business. */
export type WorkingDaysMode = 'elapsed' | 'end-of-day';

type Interval = { from: number; to: number };

/** A clock as a monotone count of minutes since some origin, plus its earliest-instant inverse. */
type MinuteClock = { at(ms: number): number; instantAt(total: number): number };

const CALENDAR_CLOCK: MinuteClock = {
  at: (ms) => Math.floor(ms / MINUTE_MS),
  instantAt: (total) => total * MINUTE_MS,
};

function workingClock(cal: WorkCalendar): MinuteClock {
  return { at: (ms) => cal.cumulativeMinutes(ms), instantAt: (total) => cal.instantAtCumulative(total) };
}

/** Parse, floor to minutes, sort and merge overlapping or touching pauses. */
export function mergePauses(pauses: readonly Pause[] = []): { from: number; to: number }[] {
  const list: Interval[] = pauses.map((p, i) => {
    const from = floorToMinute(toEpochMs(p.from, `pauses[${i}].from`));
    const to = floorToMinute(toEpochMs(p.to, `pauses[${i}].to`));
    if (to < from) throw invalid(`pauses[${i}]`, 'pause.endsBeforeStart');
    return { from, to };
  });
  list.sort((x, y) => x.from - y.from);
  const merged: Interval[] = [];
  for (const p of list) {
    if (p.to === p.from) continue;
    const last = merged[merged.length - 1];
    if (last && p.from <= last.to) last.to = Math.max(last.to, p.to);
    else merged.push({ ...p });
  }
  return merged;
}

function elapsed(clock: MinuteClock, a: Instant, b: Instant, pauses: readonly Pause[] | undefined): number {
  const from = floorToMinute(toEpochMs(a, 'from'));
  const to = floorToMinute(toEpochMs(b, 'to'));
  if (to < from) throw invalid('to', 'interval.endsBeforeStart');
  let total = clock.at(to) - clock.at(from);
  if (!pauses || pauses.length === 0) return total;
  for (const p of mergePauses(pauses)) {
    const pf = Math.max(p.from, from);
    const pt = Math.min(p.to, to);
    if (pf < pt) total -= clock.at(pt) - clock.at(pf);
  }
  return total;
}

function checkMinutes(minutes: number): void {
  if (!Number.isSafeInteger(minutes) || minutes < 0) {
    throw invalid('minutes', 'number.wholeMinutes', { value: minutes });
  }
}

function add(clock: MinuteClock, start: Instant, minutes: number, pauses: readonly Pause[] | undefined): number {
  checkMinutes(minutes);
  let cursor = floorToMinute(toEpochMs(start, 'start'));
  if (minutes === 0) return cursor;
  if (!pauses || pauses.length === 0) return clock.instantAt(clock.at(cursor) + minutes);
  let rest = minutes;
  // Walk the pauses, not the days: each gap between pauses is measured in O(1) by the clock.
  for (const p of mergePauses(pauses)) {
    if (p.to <= cursor) continue;
    if (p.from > cursor) {
      // Try the answer before this pause first, so a pause in a later (perhaps unpublished) year is
      // never measured when the budget runs out before it.
      const candidate = clock.instantAt(clock.at(cursor) + rest);
      if (candidate <= p.from) return candidate;
      rest -= clock.at(p.from) - clock.at(cursor);
    }
    cursor = p.to;
  }
  return clock.instantAt(clock.at(cursor) + rest);
}

/** Working minutes in [a, b) on `cal`, pauses removed. */
export function workingMinutesBetween(cal: WorkCalendar, a: Instant, b: Instant, pauses?: readonly Pause[]): number {
  return elapsed(workingClock(cal), a, b, pauses);
}

/** Earliest instant (epoch ms) at which `minutes` working minutes have elapsed since `start`, pauses removed. */
export function addWorkingMinutes(
  cal: WorkCalendar,
  start: Instant,
  minutes: number,
  pauses?: readonly Pause[],
): number {
  return add(workingClock(cal), start, minutes, pauses);
}

/** 7×24 minutes in [a, b), pauses removed. Needs no calendar, so it works in any year. */
export function calendarMinutesBetween(a: Instant, b: Instant, pauses?: readonly Pause[]): number {
  return elapsed(CALENDAR_CLOCK, a, b, pauses);
}

/** Earliest instant (epoch ms) at which `minutes` 7×24 minutes have elapsed since `start`, pauses removed. */
export function addCalendarMinutes(start: Instant, minutes: number, pauses?: readonly Pause[]): number {
  return add(CALENDAR_CLOCK, start, minutes, pauses);
}

/**
 * The working-minute budget of "N working days" from `start`:
 *  - 'elapsed': N × dayMinutes (450 for the preset hours). A fractional N (0.5 day) is allowed; the
 *    product is computed exactly and rounded UP to a whole minute (the vendor never gets less than N days).
 *    Received 15:00 on a working day, N = 1 → due 15:00 the next working day; received after hours →
 *    the budget starts at the next opening.
 *  - 'end-of-day': working minutes from `start` to close of business of the N-th working day AFTER the
 *    receipt date (the receipt date itself never counts, however early). N must be a whole number ≥ 1.
 */
export function workingDaysTargetMinutes(cal: WorkCalendar, start: Instant, n: number, mode: WorkingDaysMode): number {
  if (mode === 'elapsed') {
    if (!Number.isFinite(n) || n <= 0) throw invalid('workingDays', 'number.positive');
    return dec(n).times(cal.dayMinutes).ceil().toNumber();
  }
  if (!Number.isSafeInteger(n) || n < 1) {
    throw invalid('workingDays', 'sla.endOfDayWholeDays', { value: n });
  }
  const from = floorToMinute(toEpochMs(start, 'start'));
  const end = cal.endOfNthWorkingDayAfter(from, n);
  return cal.cumulativeMinutes(end) - cal.cumulativeMinutes(from);
}

/**
 * Deadline (epoch ms) of "N working days" from `start` in either mode. Pauses push it out by the
 * working time they cover: the deadline is addWorkingMinutes(start, budget, pauses).
 */
export function workingDaysDeadline(
  cal: WorkCalendar,
  start: Instant,
  n: number,
  mode: WorkingDaysMode,
  pauses?: readonly Pause[],
): number {
  return addWorkingMinutes(cal, start, workingDaysTargetMinutes(cal, start, n, mode), pauses);
}
