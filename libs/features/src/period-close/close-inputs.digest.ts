import { createHash } from 'node:crypto';
import { calendarPeriod, timeZoneOf, type ParsedConfig } from '@ledger/contracts';
import { kpiTicketsDigest } from '../ticket-kpis';
import { PeriodCloseReads } from './period-close-reads.store';
import type { InputsDigest } from './period-close.store';
import { changedYears, nationalPartOf, type CalendarYearRecord, type WorkCalendar } from '@ledger/sla';
import type { EntityManager } from 'typeorm';

/** What a close reads that can change after it was requested: the codes the console renders. */
export type CloseInputKind =
  'periodInputs' | 'tickets' | 'reports' | 'calls' | 'kpiTickets' | 'configuration' | 'calendar';

/** The digest of no calls (md5 of the empty text): what a digest kept before calls existed stands for. */
export const NO_CALLS_DIGEST = 'd41d8cd98f00b204e9800998ecf8427e';

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

/**
 * The inputs a close of `period` reads, digested per kind: the buyer's period inputs of this period and earlier ones
 * (the ledger confirmation is read live by the schedule, not by the close), the ticket facts the metrics read for
 * tickets due up to the period's end, the accepted monthly reports, the calls on on-demand obligations, and the
 * tickets the KPIs count up to the close's day (only for a contract with KPIs). Two digests differ exactly when a
 * figure the close computes from could differ.
 */
export async function digestCloseInputs(
  em: EntityManager,
  contractId: string,
  close: { period: string; asOf: string; config: ParsedConfig },
): Promise<InputsDigest> {
  const end = periodEnd(close.period);
  const inputs = await PeriodCloseReads.digestInputs(em, contractId);
  const kpiTickets = await kpiTicketsDigest(em, contractId, close.config, close.asOf, timeZoneOf(close.config));
  return {
    periodInputs: sha(JSON.stringify(inputs.filter((i) => periodStart(i.period) <= end))),
    tickets: await PeriodCloseReads.ticketsDigest(em, contractId, end),
    reports: await PeriodCloseReads.reportsDigest(em, contractId),
    calls: await PeriodCloseReads.callsDigest(em, contractId),
    ...(kpiTickets ? { kpiTickets } : {}),
  };
}

/**
 * Which inputs changed since a close was requested: digests (when the close kept them), the contract's current
 * configuration version and its working calendar now (once the close computed one). The calendar counts as changed
 * when the contract's calendar settings differ, or when the national calendar differs on a year the close read —
 * the period's years, and the next one for a period ending in December (deadlines of its last tickets run into it):
 * a close that used a provisional year goes stale when that year is published, one of an untouched year does not.
 */
export function changedInputs(
  close: { period: string; inputsDigest: InputsDigest | null; configVersion: number; calendarVersion: string | null },
  now: {
    digest: InputsDigest;
    configVersion: number;
    calendar: WorkCalendar;
    calendarRecords: readonly CalendarYearRecord[];
  },
): CloseInputKind[] {
  const out: CloseInputKind[] = [];
  const was = close.inputsDigest;
  if (was) {
    for (const k of ['periodInputs', 'tickets', 'reports'] as const) if (was[k] !== now.digest[k]) out.push(k);
    if ((was.calls ?? NO_CALLS_DIGEST) !== (now.digest.calls ?? NO_CALLS_DIGEST)) out.push('calls');
    // Absent: the contract had no KPI then (or the close was kept before KPIs were computed).
    if ((was.kpiTickets ?? '') !== (now.digest.kpiTickets ?? '')) out.push('kpiTickets');
  }
  if (close.configVersion !== now.configVersion) out.push('configuration');
  else if (
    close.calendarVersion !== null &&
    close.calendarVersion !== now.calendar.version &&
    calendarChanged(close.period, close.calendarVersion, now.calendar, now.calendarRecords)
  )
    out.push('calendar');
  return out;
}

const configPart = (calendarVersion: string): string => /\+cfg-[0-9a-f]+$/.exec(calendarVersion)?.[0] ?? '';

function calendarChanged(
  period: string,
  was: string,
  now: WorkCalendar,
  records: readonly CalendarYearRecord[],
): boolean {
  if (configPart(was) !== configPart(now.version)) return true;
  const { start, end } = bounds(period);
  const years: number[] = [];
  // A period ending in December also read January: deadlines of its last tickets run into the next year.
  const last = Number(end.slice(0, 4)) + (end.slice(5, 7) === '12' ? 1 : 0);
  for (let y = Number(start.slice(0, 4)); y <= last; y++) years.push(y);
  return changedYears(records, nationalPartOf(was), now.nationalVersion, years).length > 0;
}

/** The calendar period an id names (the whole year when it names none). */
function bounds(period: string): { start: string; end: string } {
  const y = period.slice(0, 4);
  return calendarPeriod(period) ?? { start: `${y}-01-01`, end: `${y}-12-31` };
}

export const periodStart = (period: string): string => bounds(period).start;
export const periodEnd = (period: string): string => bounds(period).end;
