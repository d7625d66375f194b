import { addDays, addMonths, daysBetween } from '../dates';
import { explain, type Explanation } from '../explain/explanation';
import { formatInstant, toEpochMs, type Instant } from '@ledger/sla';
import { toSlaTicket } from '../tickets/adapters';
import type { Ticket } from '../tickets/ticket.types';

/** A ticket of a major-failure severity (acceptance.majorFailureSeverities) and the local date it was repaired. */
export type MajorFailure = { ticketNumber: string; reportedOn: string; repairedOn: string | null };

export type AcceptanceTimingInput = {
  /** The contract's acceptance section: days before the end one may apply, months to wait after a major failure. */
  acceptance: { applyFromDaysBeforeEnd?: number; monthsWithoutMajorFailure?: number };
  termEnd: string;
  /** Months after the term end by which acceptance must be achieved (the acceptance-clawback deduction's graceMonths). */
  graceMonths: number;
  failures: readonly MajorFailure[];
  today: string;
};

export type AcceptanceTiming = {
  /** The first day the vendor may apply for acceptance; null while a major failure is not repaired. */
  earliestApplication: string | null;
  /** The last day acceptance must be achieved before the buyer may claw back (term end + grace months). */
  clawbackDeadline: string;
  /** Calendar days from the earliest application to the clawback deadline; null when there is no earliest date. */
  marginDays: number | null;
  /** Under 30 days between the earliest application and the deadline (or no earliest date yet): the buyer is warned. */
  warning: boolean;
  /** The major failure that sets the date (the last repaired), if any. */
  decisive: MajorFailure | null;
  /** Why, as codes: how the earliest date follows, then the warning if any. */
  explanations: Explanation[];
};

/**
 * The major failures among `tickets` (rule 17): tickets of the configured severities, reported on the local date of
 * their receipt (签收), repaired on the local date (in `timeZone`) of the fix that stuck (the SLA's `resolved`: the
 * last deployment not reported back), or not yet. Withdrawn tickets were never failures.
 */
export function majorFailuresOf(
  tickets: readonly Pick<Ticket, 'severity' | 'events' | 'pauses' | 'state'>[] & readonly { number: string }[],
  severities: readonly string[],
  timeZone: string,
): MajorFailure[] {
  const localDate = (at: Instant): string => formatInstant(toEpochMs(at), timeZone).slice(0, 10);
  const out: MajorFailure[] = [];
  for (const t of tickets) {
    if (!severities.includes(t.severity) || t.state === 'withdrawn') continue;
    const events = toSlaTicket(t).events;
    const received = events.find((e) => e.kind === 'received') ?? null;
    if (!received) continue;
    const resolved = events.find((e) => e.kind === 'resolved') ?? null;
    out.push({
      ticketNumber: t.number,
      reportedOn: localDate(received.at),
      repairedOn: resolved ? localDate(resolved.at) : null,
    });
  }
  return out;
}

/** Fewer days than this between the earliest application and the clawback deadline is a warning (rule 17). */
export const ACCEPTANCE_MARGIN_WARNING_DAYS = 30;

/**
 * Domain rule 17 (Tianjin 004:3094, 004:3104), pure: without a major failure in the term, acceptance may be applied
 * for from `applyFromDaysBeforeEnd` days before the end; after a major failure, only once `monthsWithoutMajorFailure`
 * months have passed since the last repair (a failure not yet repaired leaves no date). Acceptance not achieved by
 * the term end + `graceMonths` lets the buyer claw back (the acceptance-clawback deduction computes the money).
 */
export function acceptanceTiming(input: AcceptanceTimingInput): AcceptanceTiming {
  const { acceptance, termEnd, graceMonths, today } = input;
  const clawbackDeadline = addMonths(termEnd, graceMonths);
  const failures = input.failures.filter((f) => f.reportedOn <= termEnd);
  const explanations: Explanation[] = [];
  const unrepaired = failures.find((f) => f.repairedOn === null || f.repairedOn > today);
  const repaired = failures
    .filter((f): f is MajorFailure & { repairedOn: string } => f.repairedOn !== null && f.repairedOn <= today)
    .sort((a, b) => a.repairedOn.localeCompare(b.repairedOn) || a.ticketNumber.localeCompare(b.ticketNumber));
  const months = acceptance.monthsWithoutMajorFailure ?? 0;
  const daysBefore = acceptance.applyFromDaysBeforeEnd ?? 0;
  let earliestApplication: string | null;
  let decisive: MajorFailure | null = null;
  if (unrepaired) {
    earliestApplication = null;
    decisive = unrepaired;
    explanations.push(
      explain('acceptance.timing.unrepaired', { ticket: unrepaired.ticketNumber, reportedOn: unrepaired.reportedOn }),
    );
  } else if (repaired.length) {
    const last = repaired[repaired.length - 1];
    decisive = last;
    const afterFailure = addMonths(last.repairedOn, months);
    const usual = addDays(termEnd, -daysBefore);
    earliestApplication = afterFailure > usual ? afterFailure : usual;
    explanations.push(
      explain('acceptance.timing.after-failure', {
        ticket: last.ticketNumber,
        repairedOn: last.repairedOn,
        months,
        earliest: earliestApplication,
      }),
    );
  } else {
    earliestApplication = addDays(termEnd, -daysBefore);
    explanations.push(
      explain('acceptance.timing.no-failure', { termEnd, days: daysBefore, earliest: earliestApplication }),
    );
  }
  const marginDays = earliestApplication === null ? null : daysBetween(earliestApplication, clawbackDeadline);
  const warning = marginDays === null || marginDays < ACCEPTANCE_MARGIN_WARNING_DAYS;
  explanations.push(
    marginDays === null
      ? explain('acceptance.timing.deadline', { deadline: clawbackDeadline, graceMonths })
      : explain(warning ? 'acceptance.timing.margin-warning' : 'acceptance.timing.margin', {
          deadline: clawbackDeadline,
          graceMonths,
          margin: marginDays,
        }),
  );
  return { earliestApplication, clawbackDeadline, marginDays, warning, decisive, explanations };
}

export const ACCEPTANCE_EXPLANATION_CODES = [
  'acceptance.timing.no-failure',
  'acceptance.timing.after-failure',
  'acceptance.timing.unrepaired',
  'acceptance.timing.margin',
  'acceptance.timing.margin-warning',
  'acceptance.timing.deadline',
] as const;
