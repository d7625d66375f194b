import { ValidationError, dec, formatPath, prefixProblems, toFixed2, type Problem } from '@ledger/kernel';
import { formatInstant, floorToMinute, toEpochMs, type Instant } from './instant';
import { TICKET_EVENT_KINDS, slaPolicySchema, validateSlaPolicy, type SlaMetric, type SlaPolicy, type SlaTarget, type TicketEventKind } from './sla-policy.schema';
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
  ticket: { severity: string; events: readonly TicketEvent[]; pauses?: readonly Pause[] };
  policy: SlaPolicy;
  calendar: WorkCalendar;
  /** The evaluation instant: running clocks are measured to it. Passed in; the domain core has no clock. */
  now: Instant;
};

export type SlaStatus = 'met' | 'breached' | 'running';

export type TargetResult = {
  targetId: string;
  name: string;
  metric: SlaMetric;
  clock: 'calendar' | 'working';
  /** Receipt (签收), ISO with the calendar's offset, floored to the minute. */
  start: string;
  /** First occurrence of the target's stop event, or null while the clock runs. */
  stop: string | null;
  /** Whole minutes on the target's clock from start to stop (or now), pauses removed. */
  elapsedMinutes: number;
  /** Minutes of the clock removed by pauses within [start, stop or now). */
  pausedMinutes: number;
  /** The budget in minutes of the target's clock (working-day durations converted; see workingDaysTargetMinutes). */
  targetMinutes: number;
  /** Earliest instant at which the budget is used up, pauses included. */
  deadline: string;
  status: SlaStatus;
  /** elapsed − target when breached, else 0. */
  breachMinutes: number;
  /** elapsed ÷ target × 100, half up to two decimals, e.g. "62.50". */
  percentUsed: string;
  explanation: string;
};

export type TicketSlaResult = { calendarVersion: string; severity: string; evaluatedAt: string; targets: TargetResult[] };

/**
 * SLA results of one ticket for every target of its severity.
 * Status: met ⇔ stopped with elapsed ≤ target; breached ⇔ elapsed > target (stopped, or running with
 * `now` past the deadline on the target's clock); otherwise running. Elapsed time is read on the
 * target's own clock, so a stop after hours right after a 17:30 working-clock deadline has used no
 * more working time than the budget and is met. Throws ValidationError (all problems) for bad input and
 * CalendarNotPublishedError when a working clock touches an unpublished year.
 */
export function evaluateTicketSla(input: TicketSlaInput): TicketSlaResult {
  const { ticket, calendar } = input;
  const policyProblems = prefixProblems('policy', validateSlaPolicy(input.policy));
  if (policyProblems.length) throw new ValidationError(policyProblems, describe(policyProblems));
  const policy = slaPolicySchema.parse(input.policy);

  const problems: Problem[] = [];
  if (!policy.severities.some((s) => s.id === ticket.severity)) {
    problems.push({ path: 'ticket.severity', message: `unknown severity "${ticket.severity}"` });
  }
  const firstAt = new Map<TicketEventKind, number>();
  ticket.events.forEach((e, i) => {
    // Inputs may come from JSON: check the kind at run time too.
    if (!(TICKET_EVENT_KINDS as readonly string[]).includes(e.kind)) {
      problems.push({ path: formatPath(['ticket', 'events', i, 'kind']), message: `unknown event kind "${e.kind}" (known: ${TICKET_EVENT_KINDS.join(', ')})` });
      return;
    }
    const at = parseOr(problems, e.at, formatPath(['ticket', 'events', i, 'at']));
    if (at === undefined) return;
    const seen = firstAt.get(e.kind);
    if (seen === undefined || at < seen) firstAt.set(e.kind, at);
  });
  const start = firstAt.get('received');
  if (start === undefined) problems.push({ path: 'ticket.events', message: 'no "received" (签收) event: the clocks have no start' });
  const now = parseOr(problems, input.now, 'now');
  if (start !== undefined) {
    for (const [kind, at] of firstAt) {
      if (at < start) problems.push({ path: 'ticket.events', message: `"${kind}" at ${formatInstant(at, calendar.timeZone)} precedes receipt` });
    }
    if (now !== undefined && now < start) problems.push({ path: 'now', message: 'the evaluation instant precedes receipt' });
  }
  if (problems.length || start === undefined || now === undefined) throw new ValidationError(problems, describe(problems));

  const pauses = ticket.pauses ?? [];
  const targets = policy.targets
    .filter((t) => t.severities.includes(ticket.severity))
    .map((t) => evaluateTarget(t, floorToMinute(start), firstAt.get(t.stopEvent), floorToMinute(now), pauses, calendar));
  return { calendarVersion: calendar.version, severity: ticket.severity, evaluatedAt: formatInstant(floorToMinute(now), calendar.timeZone), targets };
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

function evaluateTarget(t: SlaTarget, start: number, stopAt: number | undefined, now: number, pauses: readonly Pause[], cal: WorkCalendar): TargetResult {
  const stop = stopAt === undefined ? null : floorToMinute(stopAt);
  const to = stop ?? now;
  const working = t.clock === 'working';
  const between = (a: number, b: number, p?: readonly Pause[]): number => (working ? workingMinutesBetween(cal, a, b, p) : calendarMinutesBetween(a, b, p));

  const targetMinutes = 'minutes' in t.duration ? t.duration.minutes : workingDaysTargetMinutes(cal, start, t.duration.workingDays, t.duration.mode);
  const deadlineMs = working ? addWorkingMinutes(cal, start, targetMinutes, pauses) : addCalendarMinutes(start, targetMinutes, pauses);
  const elapsedMinutes = between(start, to, pauses);
  const pausedMinutes = between(start, to) - elapsedMinutes;

  const over = elapsedMinutes > targetMinutes;
  const status: SlaStatus = over ? 'breached' : stop === null ? 'running' : 'met';
  const fmt = (ms: number): string => formatInstant(ms, cal.timeZone);
  const budget =
    'minutes' in t.duration
      ? `${targetMinutes} min`
      : `${t.duration.workingDays} working day(s), ${t.duration.mode === 'elapsed' ? `${t.duration.workingDays} × ${cal.dayMinutes} working min` : 'to close of business'} = ${targetMinutes} working min`;
  const explanation =
    `${t.name}: ${working ? 'working-time' : '7×24'} clock from receipt ${fmt(start)} to ` +
    `${stop === null ? `now ${fmt(now)} (no "${t.stopEvent}" yet)` : `"${t.stopEvent}" ${fmt(stop)}`}: ` +
    `${elapsedMinutes} min${pausedMinutes ? ` after removing ${pausedMinutes} paused min` : ''}; ` +
    `target ${budget}, deadline ${fmt(deadlineMs)}; ${status}${over ? ` by ${elapsedMinutes - targetMinutes} min` : ''}.`;

  return {
    targetId: t.id,
    name: t.name,
    metric: t.metric,
    clock: t.clock,
    start: fmt(start),
    stop: stop === null ? null : fmt(stop),
    elapsedMinutes,
    pausedMinutes,
    targetMinutes,
    deadline: fmt(deadlineMs),
    status,
    breachMinutes: over ? elapsedMinutes - targetMinutes : 0,
    percentUsed: toFixed2(dec(elapsedMinutes).times(100).div(targetMinutes)),
    explanation,
  };
}
