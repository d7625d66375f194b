import { coded, type CodedProblem } from '@ledger/kernel';
import { fixedOffsetMinutes, formatInstant } from '@ledger/sla';
import type { ParsedConfig } from '../config/contract-config.schema';
import { timeZoneOf } from './lifecycle';

/*
 * When a recorded ticket time may lie: one rule for a ticket submitted through the API (createTicket's `at`) and for
 * an imported row (its 提出时间 and later timeline times), so the two ways in cannot disagree.
 */

/** A time may be up to this far ahead of the server clock (clock skew between the client and the server). */
export const FUTURE_TOLERANCE_MS = 60_000;

/** The config a ticket time is checked against: the contract's term and the zone of its calendar. */
export type TicketTimeConfig = Pick<ParsedConfig, 'term' | 'calendar'>;

/**
 * The earliest instant a ticket of the contract may have been submitted: 00:00 (contract zone) of the term's start,
 * or of the signing day when the contract was signed earlier. A 联系单 is raised under a running contract; an
 * earlier date (1900, a year typed wrong) is an error in the file, not history of this contract.
 */
export function earliestSubmissionMs(config: TicketTimeConfig): number {
  const first =
    config.term.signed !== undefined && config.term.signed < config.term.start ? config.term.signed : config.term.start;
  const [y, m, d] = first.split('-').map(Number);
  const offset = fixedOffsetMinutes(timeZoneOf(config)) ?? 480;
  return Date.UTC(y, m - 1, d) - offset * 60_000;
}

/** The problem with a recorded time in the future of `now` (beyond the clock-skew tolerance), or null. */
export function futureTimeProblem(atMs: number, now: number, shown: string): CodedProblem | null {
  return atMs > now + FUTURE_TOLERANCE_MS ? coded('time.inFuture', { value: shown }) : null;
}

/**
 * The problems of a ticket's submission time (ms since the epoch): not in the future of `now`, not before the
 * contract's term (`earliestSubmissionMs`). `shown` is how the message names the time.
 */
export function submissionTimeProblems(
  atMs: number,
  now: number,
  config: TicketTimeConfig,
  shown: string,
): CodedProblem[] {
  const problems: CodedProblem[] = [];
  const future = futureTimeProblem(atMs, now, shown);
  if (future) problems.push(future);
  const earliest = earliestSubmissionMs(config);
  if (atMs < earliest)
    problems.push(coded('ticket.beforeTerm', { value: shown, earliest: formatInstant(earliest, timeZoneOf(config)) }));
  return problems;
}
