import { ValidationError, dec, formatPath, prefixProblems, problem, toFixed2, type Problem } from '@ledger/kernel';
import { formatInstant, floorToMinute, toEpochMs, type Instant } from './instant';
import {
  TICKET_EVENT_KINDS,
  clockFor,
  slaPolicySchema,
  startEventOf,
  targetsOfSeverity,
  validateSlaPolicy,
  type SlaClock,
  type SlaMetric,
  type SlaPolicy,
  type SlaStartEvent,
  type SlaTarget,
  type StopEvent,
  type TicketEventKind,
} from './sla-policy.schema';
import type { WorkCalendar } from './work-calendar';
import {
  addCalendarMinutes,
  addWorkingMinutes,
  calendarMinutesBetween,
  workingDaysTargetMinutes,
  workingMinutesBetween,
  type Pause,
} from './working-time';

export type TicketEvent = { kind: TicketEventKind; at: Instant };

export type TicketSlaInput = {
  /**
   * The ticket's SLA events. Its first 'closed' event (closed, or ended as unsolvable by agreement) is the ticket's
   * end: a stop event that has not happened by then never will, and no clock runs past it.
   */
  ticket: { severity: string; events: readonly TicketEvent[]; pauses?: readonly Pause[] };
  policy: SlaPolicy;
  calendar: WorkCalendar;
  /** The evaluation instant: running clocks are measured to it. Passed in; the domain core has no clock. */
  now: Instant;
};

/**
 * met / breached: the stop event happened within / after the budget; running: no stop event yet and the ticket is
 * open; not_recorded: the ticket ended (its 'closed' event) without the stop event — no clock runs on past the end
 * and the target is neither met nor breached, it is counted apart (domain.md rule 13).
 */
export type SlaStatus = 'met' | 'breached' | 'running' | 'not_recorded';

/** Stable codes of a target's explanation; each has a zh-CN and an English text where it is rendered. */
export const SLA_EXPLANATION_CODES = [
  'sla.met',
  'sla.breached',
  'sla.running',
  'sla.overdue',
  'sla.not-recorded',
] as const;
export type SlaExplanationCode = (typeof SLA_EXPLANATION_CODES)[number];

/** How the budget was given: minutes, N working days of working time, or to close of business of the Nth working day. */
export type SlaBudgetKind = 'minutes' | 'working-days' | 'working-days-end-of-day';

/** The figures an explanation is rendered from: whole minutes as integers, decimals as strings, instants as ISO with the calendar's offset. */
export type SlaExplanationParams = {
  target: string;
  clock: SlaClock;
  /** What started the clock: receipt (签收) or the fault report (报修). */
  startsAt: SlaStartEvent;
  stopEvent: StopEvent;
  start: string;
  /** Where the clock was read to: the stop event, the ticket's end (not recorded), or the evaluation instant. */
  until: string;
  elapsedMinutes: number;
  pausedMinutes: number;
  targetMinutes: number;
  budget: SlaBudgetKind;
  /** Working days of the budget as a decimal string ("1", "0.5"); "0" for a budget in minutes. */
  workingDays: string;
  deadline: string;
  /** elapsed − target when over, else 0. */
  overMinutes: number;
  /** target − elapsed when within, else 0. */
  remainingMinutes: number;
  percentUsed: string;
};

/** A result's explanation as data (domain.md rule 19): rendered in the reader's language at the edge. */
export type SlaExplanation = { code: SlaExplanationCode; params: SlaExplanationParams };

export type TargetResult = {
  targetId: string;
  name: string;
  metric: SlaMetric;
  /** The clock of this target for the ticket's severity (its coverage entry, or the target's one clock). */
  clock: SlaClock;
  /** What started the clock (domain.md rule 13): receipt (签收) or the fault report (报修). */
  startsAt: SlaStartEvent;
  /** The start event's instant, ISO with the calendar's offset, floored to the minute. */
  start: string;
  /** First occurrence of the target's stop event, or null while the clock runs (or when it was not recorded). */
  stop: string | null;
  /** Whole minutes on the target's clock from start to stop (or the ticket's end, or now), pauses removed. */
  elapsedMinutes: number;
  /** Minutes of the clock removed by pauses within [start, stop or end or now). */
  pausedMinutes: number;
  /** The budget in minutes of the target's clock (working-day durations converted; see workingDaysTargetMinutes). */
  targetMinutes: number;
  /** Earliest instant at which the budget is used up, pauses included. */
  deadline: string;
  status: SlaStatus;
  /** elapsed − target when breached, else 0 (a target not recorded is no breach). */
  breachMinutes: number;
  /** elapsed ÷ target × 100, half up to two decimals, e.g. "62.50". */
  percentUsed: string;
  explanation: SlaExplanation;
  /**
   * The result used a provisional calendar day (domain rule 18): the working calendar was read over a span
   * (start to the deadline, or to the stop when it came earlier, or on to the stop or now when past the
   * deadline) that touches a provisional year. A 7×24 clock with a budget in minutes reads no calendar days
   * and is never provisional.
   */
  provisional: boolean;
};

export type TicketSlaResult = {
  calendarVersion: string;
  severity: string;
  evaluatedAt: string;
  targets: TargetResult[];
  /** Any target is provisional: the ticket's SLA may change when the year is published. */
  provisional: boolean;
};

/** A ticket's SLA in one word: breached when any target is, else running when any runs, else not_recorded when any was not recorded, else met. */
export function summariseSlaStatus(targets: readonly Pick<TargetResult, 'status'>[]): SlaStatus {
  const has = (s: SlaStatus): boolean => targets.some((t) => t.status === s);
  return has('breached') ? 'breached' : has('running') ? 'running' : has('not_recorded') ? 'not_recorded' : 'met';
}

/**
 * SLA results of one ticket for every target of its severity.
 * Status: met ⇔ stopped with elapsed ≤ target; breached ⇔ elapsed > target (stopped, or running with
 * `now` past the deadline on the target's clock); not_recorded ⇔ no stop event and the ticket ended (its first
 * 'closed' event, at or before `now`), elapsed then read to the end; otherwise running. Elapsed time is read on the
 * target's own clock, so a stop after hours right after a 17:30 working-clock deadline has used no
 * more working time than the budget and is met. Throws ValidationError (all problems) for bad input and
 * CalendarNotPublishedError when a working clock touches a year the calendar does not cover (neither published
 * nor provisional); a result that used a provisional year says so (`provisional`).
 */
export function evaluateTicketSla(input: TicketSlaInput): TicketSlaResult {
  const { ticket, calendar } = input;
  const policyProblems = prefixProblems('policy', validateSlaPolicy(input.policy));
  if (policyProblems.length) throw new ValidationError(policyProblems, describe(policyProblems));
  const policy = slaPolicySchema.parse(input.policy);

  const problems: Problem[] = [];
  if (!policy.severities.some((s) => s.id === ticket.severity)) {
    problems.push(
      problem('ticket.severity', 'unknown.severity', {
        value: ticket.severity,
        known: policy.severities.map((s) => s.id),
      }),
    );
  }
  const firstAt = new Map<TicketEventKind, number>();
  ticket.events.forEach((e, i) => {
    // Inputs may come from JSON: check the kind at run time too.
    if (!(TICKET_EVENT_KINDS as readonly string[]).includes(e.kind)) {
      problems.push(
        problem(formatPath(['ticket', 'events', i, 'kind']), 'unknown.eventKind', {
          value: e.kind,
          known: TICKET_EVENT_KINDS,
        }),
      );
      return;
    }
    const at = parseOr(problems, e.at, formatPath(['ticket', 'events', i, 'at']));
    if (at === undefined) return;
    const seen = firstAt.get(e.kind);
    if (seen === undefined || at < seen) firstAt.set(e.kind, at);
  });
  const { targets: applicable, starts: needed } = targetsOfSeverity(policy, ticket.severity);
  const received = firstAt.get('received');
  const reported = firstAt.get('reported');
  // Receipt is what every ticket has once the vendor holds it; the report is needed only by clocks that start there.
  if (received === undefined && (needed.has('received') || !needed.has('reported')))
    problems.push(problem('ticket.events', 'sla.noReceipt'));
  if (reported === undefined && needed.has('reported')) problems.push(problem('ticket.events', 'sla.noReport'));
  const now = parseOr(problems, input.now, 'now');
  const fmt = (ms: number): string => formatInstant(ms, calendar.timeZone);
  if (received !== undefined) {
    for (const [kind, at] of firstAt) {
      if (kind !== 'reported' && at < received)
        problems.push(problem('ticket.events', 'sla.eventBeforeReceipt', { kind, at: fmt(at) }));
    }
    if (now !== undefined && now < received && needed.has('received'))
      problems.push(problem('now', 'sla.nowBeforeReceipt'));
  }
  if (reported !== undefined && needed.has('reported')) {
    for (const [kind, at] of firstAt) {
      if (kind !== 'reported' && at < reported)
        problems.push(problem('ticket.events', 'sla.eventBeforeReport', { kind, at: fmt(at) }));
    }
    if (now !== undefined && now < reported) problems.push(problem('now', 'sla.nowBeforeReport'));
  }
  if (problems.length || now === undefined) throw new ValidationError(problems, describe(problems));

  const pauses = ticket.pauses ?? [];
  const endAt = firstAt.get('closed');
  // A ticket ends at its first 'closed' event; one recorded ahead of the evaluation instant has not ended yet.
  const ended = endAt !== undefined && floorToMinute(endAt) <= floorToMinute(now) ? floorToMinute(endAt) : undefined;
  const targets = applicable.map((t) => {
    const startsAt = startEventOf(t);
    const start = startsAt === 'reported' ? reported : received;
    const clock = clockFor(t, ticket.severity);
    // Both were checked above: the start event exists and the validated policy gives every severity a clock.
    if (start === undefined || clock === undefined) throw new Error(`target ${t.id}: no start or clock`);
    return evaluateTarget(
      t,
      { startsAt, clock },
      floorToMinute(start),
      firstAt.get(t.stopEvent),
      ended,
      floorToMinute(now),
      pauses,
      calendar,
    );
  });
  return {
    calendarVersion: calendar.version,
    severity: ticket.severity,
    evaluatedAt: formatInstant(floorToMinute(now), calendar.timeZone),
    targets,
    provisional: targets.some((t) => t.provisional),
  };
}

const describe = (problems: readonly Problem[]): string => problems.map((p) => `${p.path}: ${p.message}`).join('; ');

function parseOr(problems: Problem[], at: Instant, path: string): number | undefined {
  try {
    return toEpochMs(at, path);
  } catch (e) {
    if (e instanceof ValidationError) problems.push(...e.problems);
    else throw e;
    return undefined;
  }
}

function evaluateTarget(
  t: SlaTarget,
  how: { startsAt: SlaStartEvent; clock: SlaClock },
  start: number,
  stopAt: number | undefined,
  ended: number | undefined,
  now: number,
  pauses: readonly Pause[],
  cal: WorkCalendar,
): TargetResult {
  const stop = stopAt === undefined ? null : floorToMinute(stopAt);
  const notRecorded = stop === null && ended !== undefined;
  const to = stop ?? ended ?? now;
  const working = how.clock === 'working';
  const between = (a: number, b: number, p?: readonly Pause[]): number =>
    working ? workingMinutesBetween(cal, a, b, p) : calendarMinutesBetween(a, b, p);

  const targetMinutes =
    'minutes' in t.duration
      ? t.duration.minutes
      : workingDaysTargetMinutes(cal, start, t.duration.workingDays, t.duration.mode);
  const deadlineMs = working
    ? addWorkingMinutes(cal, start, targetMinutes, pauses)
    : addCalendarMinutes(start, targetMinutes, pauses);
  const elapsedMinutes = between(start, to, pauses);
  const pausedMinutes = between(start, to) - elapsedMinutes;

  const over = elapsedMinutes > targetMinutes;
  const status: SlaStatus = notRecorded ? 'not_recorded' : over ? 'breached' : stop === null ? 'running' : 'met';
  const breachMinutes = status === 'breached' ? elapsedMinutes - targetMinutes : 0;
  // Days read: up to the deadline, or only to the stop/end when the clock stopped before it; past it, on to where it was read.
  const stoppedEarly = (stop !== null || ended !== undefined) && to < deadlineMs;
  const readsDays = working || !('minutes' in t.duration);
  const provisional = readsDays && cal.touchesProvisional(start, stoppedEarly ? to : Math.max(deadlineMs, to));
  const percentUsed = toFixed2(dec(elapsedMinutes).times(100).div(targetMinutes));
  const fmt = (ms: number): string => formatInstant(ms, cal.timeZone);
  const code: SlaExplanationCode =
    status === 'not_recorded'
      ? 'sla.not-recorded'
      : status === 'met'
        ? 'sla.met'
        : status === 'running'
          ? 'sla.running'
          : stop === null
            ? 'sla.overdue'
            : 'sla.breached';
  const explanation: SlaExplanation = {
    code,
    params: {
      target: t.name,
      clock: how.clock,
      startsAt: how.startsAt,
      stopEvent: t.stopEvent,
      start: fmt(start),
      until: fmt(to),
      elapsedMinutes,
      pausedMinutes,
      targetMinutes,
      budget:
        'minutes' in t.duration
          ? 'minutes'
          : t.duration.mode === 'elapsed'
            ? 'working-days'
            : 'working-days-end-of-day',
      workingDays: 'minutes' in t.duration ? '0' : dec(t.duration.workingDays).toString(),
      deadline: fmt(deadlineMs),
      overMinutes: over ? elapsedMinutes - targetMinutes : 0,
      remainingMinutes: over ? 0 : targetMinutes - elapsedMinutes,
      percentUsed,
    },
  };

  return {
    targetId: t.id,
    name: t.name,
    metric: t.metric,
    clock: how.clock,
    startsAt: how.startsAt,
    start: fmt(start),
    stop: stop === null ? null : fmt(stop),
    elapsedMinutes,
    pausedMinutes,
    targetMinutes,
    deadline: fmt(deadlineMs),
    status,
    breachMinutes,
    percentUsed,
    explanation,
    provisional,
  };
}
