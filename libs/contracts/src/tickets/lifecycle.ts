import { DomainError, type Problem, problem } from '@ledger/kernel';
import {
  buildCalendar,
  CalendarNotPublishedError,
  formatInstant,
  toEpochMs,
  workingDaysDeadline,
  type Instant,
  type WorkCalendar,
} from '@ledger/sla';
import { localDateSchema } from '../config/common.schema';
import type { ParsedConfig } from '../config/contract-config.schema';
import { checkPatchDeployment } from '../config/ticket-process';
import { checklistProblems, isDataProcessing } from './data-processing';
import {
  FINAL_STATES,
  TICKET_STATES,
  type Actor,
  type DataChecklist,
  type LifecycleEvent,
  type LifecycleEventKind,
  type Ticket,
  type TicketActionRequest,
  type TicketActionType,
  type TicketState,
} from './ticket.types';

/*
 * The ticket lifecycle (《应用软件业务联系单》), as the seeds describe it (000 = Xuzhou, 001 = Huai'an; the
 * process text is the same, 001:393–447): 问题生效 (000:45) → 问题反馈 (000:46–49) → 补丁更新 (000:50–56)
 * → 数据处理 for data tickets (000:57–65) → 问题关闭 (000:66–68). The table RULES is the whole machine;
 * README.md in this folder shows it as state × action → next state.
 */

export type TransitionContext = {
  actor: Actor;
  /** When the action happens (passed in: the domain core has no clock). */
  at: Instant;
  config: ParsedConfig;
  /** The contract's working calendar; built from `config.calendar` when absent. */
  calendar?: WorkCalendar;
};

export type TransitionResult =
  { ok: true; ticket: Ticket; events: LifecycleEvent[] } | { ok: false; problems: Problem[] };

type StepRule = {
  from: readonly TicketState[];
  /** Absent: the action records an event and leaves the state as it is. */
  to?: TicketState;
  actors: readonly Actor[];
  event: LifecycleEventKind;
  /** "cannot <verb> a ticket in state …" */
  verb: string;
  /** Why, when the ticket has not reached the step yet. */
  requires: string;
  /** Why, when the ticket is already past the step. */
  already?: string;
  seed: string;
};

const OPEN: readonly TicketState[] = TICKET_STATES.filter((x) => !FINAL_STATES.includes(x));
const AFTER_RECEIPT: readonly TicketState[] = [
  'received',
  'feedback',
  'in-progress',
  'internal-test',
  'business-test-signed',
  'deployed',
  'stable',
];
const BEFORE_DEPLOY: readonly TicketState[] = [
  'submitted',
  'pending-review',
  'effective',
  'received',
  'feedback',
  'in-progress',
  'internal-test',
  'business-test-signed',
];

/** The lifecycle: action → the states it may start from, the state it leads to, who may take it. */
export const TICKET_RULES: Readonly<Record<TicketActionType, StepRule>> = {
  'request-review': {
    from: ['submitted'],
    to: 'pending-review',
    actors: ['buyer'],
    event: 'review-requested',
    verb: 'send to provincial review',
    requires: 'only a submitted ticket goes to the provincial bureau before it becomes effective',
    seed: '000:45',
  },
  confirm: {
    from: ['submitted', 'pending-review'],
    to: 'effective',
    actors: ['buyer'],
    event: 'effective',
    verb: 'confirm (问题生效)',
    requires: 'it must be submitted first',
    already: 'it is already effective',
    seed: '000:45',
  },
  withdraw: {
    from: ['submitted', 'pending-review'],
    to: 'withdrawn',
    actors: ['buyer'],
    event: 'withdrawn',
    verb: 'withdraw',
    requires: 'it must be submitted first',
    already: 'it is already effective: end it by agreement (agree-unsolvable) instead',
    seed: '000:45',
  },
  receive: {
    from: ['effective'],
    to: 'received',
    actors: ['vendor'],
    event: 'received',
    verb: 'receive (签收)',
    requires: 'the buyer must confirm it first (问题生效)',
    already: 'it is already received',
    seed: '000:47',
  },
  respond: {
    from: AFTER_RECEIPT,
    actors: ['vendor'],
    event: 'responded',
    verb: 'record a response on',
    requires: 'the vendor must receive (签收) it first: the SLA clocks start at receipt',
    seed: '000:47',
  },
  'arrive-on-site': {
    from: AFTER_RECEIPT,
    actors: ['vendor'],
    event: 'on-site',
    verb: 'record on-site arrival on',
    requires: 'the vendor must receive (签收) it first: the SLA clocks start at receipt',
    seed: '000:47',
  },
  contain: {
    from: AFTER_RECEIPT,
    actors: ['vendor'],
    event: 'contained',
    verb: 'record containment on',
    requires: 'the vendor must receive (签收) it first: the SLA clocks start at receipt',
    seed: '000:47',
  },
  feedback: {
    from: ['received', 'feedback'],
    to: 'feedback',
    actors: ['vendor'],
    event: 'feedback',
    verb: 'give feedback (反馈处理意见) on',
    requires: 'the vendor must receive (签收) it first',
    already: 'work has already started',
    seed: '000:48–49',
  },
  'start-work': {
    from: ['feedback'],
    to: 'in-progress',
    actors: ['vendor'],
    event: 'work-started',
    verb: 'start work on',
    requires: 'the vendor must give feedback (反馈处理意见: solvable or not, planned test date) first',
    already: 'work has already started',
    seed: '000:48, 000:52',
  },
  'pass-internal-test': {
    from: ['in-progress'],
    to: 'internal-test',
    actors: ['vendor'],
    event: 'internal-test-passed',
    verb: 'pass internal test on',
    requires: 'work must be in progress first',
    already: 'it has already passed internal test',
    seed: '000:52',
  },
  'sign-business-test': {
    from: ['internal-test'],
    to: 'business-test-signed',
    actors: ['buyer'],
    event: 'business-test-signed',
    verb: 'sign the business test of',
    requires: "it must pass the vendor's internal test first",
    already: 'the business test is already signed',
    seed: '000:52–53',
  },
  'fail-business-test': {
    from: ['internal-test'],
    to: 'in-progress',
    actors: ['buyer'],
    event: 'business-test-failed',
    verb: 'fail the business test of',
    requires: "it must pass the vendor's internal test first",
    already: 'the business test is already signed',
    seed: '000:53',
  },
  deploy: {
    from: ['business-test-signed'],
    to: 'deployed',
    actors: ['vendor'],
    event: 'deployed',
    verb: 'deploy',
    requires: 'it must pass internal test and business test first',
    already: 'it is already deployed',
    seed: '000:51–56',
  },
  'confirm-stable': {
    from: ['deployed'],
    to: 'stable',
    actors: ['buyer', 'vendor'],
    event: 'stable',
    verb: 'confirm stable operation of',
    requires: 'it must be deployed first',
    already: 'it is already confirmed stable',
    seed: '000:67',
  },
  'report-problem': {
    from: ['deployed', 'stable'],
    to: 'in-progress',
    actors: ['buyer', 'vendor'],
    event: 'problem-reported',
    verb: 'report a problem with the fix of',
    requires: 'only a deployed fix can be reported as not working',
    seed: '000:53, 000:67',
  },
  close: {
    from: ['deployed', 'stable'],
    to: 'closed',
    actors: ['buyer'],
    event: 'closed',
    verb: 'close',
    requires: 'it must be deployed and run stable first',
    seed: '000:45, 000:67',
  },
  'agree-unsolvable': {
    from: ['received', 'feedback', 'in-progress', 'internal-test', 'business-test-signed'],
    to: 'unsolvable',
    actors: ['buyer'],
    event: 'unsolvable',
    verb: 'end as unsolvable',
    requires: 'the vendor must receive it and explain first',
    already: 'its fix is already deployed: report a problem instead',
    seed: '000:49',
  },
  'record-checklist': {
    from: BEFORE_DEPLOY,
    actors: ['buyer', 'vendor'],
    event: 'checklist-recorded',
    verb: 'record the data-processing checklist of',
    requires: 'it must be open',
    already: 'it is already deployed',
    seed: '000:57–65',
  },
  pause: {
    from: AFTER_RECEIPT,
    actors: ['buyer'],
    event: 'paused',
    verb: 'pause the SLA clocks of',
    requires: 'the clocks start at receipt (签收)',
    seed: 'domain.md rule 8',
  },
  extend: {
    from: OPEN,
    actors: ['buyer'],
    event: 'extended',
    verb: 'extend (顺延)',
    requires: 'it must be open',
    seed: '000:221',
  },
  'set-expected-close-date': {
    from: OPEN,
    actors: ['buyer'],
    event: 'expected-date-set',
    verb: 'set the expected close date of',
    requires: 'it must be open',
    seed: '000:221–222',
  },
  'mark-special-attention': {
    from: OPEN,
    actors: ['buyer'],
    event: 'special-attention-set',
    verb: 'mark as special attention (特别关注)',
    requires: 'it must be open',
    seed: '000:222',
  },
};

const ORDER: Readonly<Record<TicketState, number>> = {
  submitted: 0,
  'pending-review': 1,
  effective: 2,
  received: 3,
  feedback: 4,
  'in-progress': 5,
  'internal-test': 6,
  'business-test-signed': 7,
  deployed: 8,
  stable: 9,
  closed: 10,
  unsolvable: 10,
  withdrawn: 10,
};

function stateMessage(type: string, rule: StepRule, state: TicketState): string {
  const head = `cannot ${rule.verb} a ticket in state ${state}`;
  if (FINAL_STATES.includes(state)) {
    return `${head}: ${state} is final${state === 'closed' ? '; a new problem after closure is a new ticket (000:68)' : ''}`;
  }
  const earliest = Math.min(...rule.from.map((s) => ORDER[s]));
  const reason = ORDER[state] < earliest ? rule.requires : (rule.already ?? `the ${type} step is behind it`);
  return `${head}: ${reason} (${rule.seed})`;
}

/** The zone of a contract whose configuration has no calendar section (every seed contract is in it). */
export const DEFAULT_CONTRACT_ZONE = 'Asia/Shanghai';

/** The zone of the contract's calendar. */
export const timeZoneOf = (config: Pick<ParsedConfig, 'calendar'>): string =>
  config.calendar?.timeZone ?? DEFAULT_CONTRACT_ZONE;

/** The local date (YYYY-MM-DD) at `nowMs` in a zone (default the contracts' default zone). */
export const todayIn = (nowMs: number, zone = DEFAULT_CONTRACT_ZONE): string => formatInstant(nowMs, zone).slice(0, 10);

/** Today on the contract's calendar: the local date at `nowMs` in the configuration's time zone. */
export const todayOf = (config: Pick<ParsedConfig, 'calendar'>, nowMs: number): string =>
  todayIn(nowMs, timeZoneOf(config));

/** The contract's working calendar: the one given, else built from `config.calendar` (national calendar + overrides). */
export const calendarOf = (config: Pick<ParsedConfig, 'calendar'>, calendar?: WorkCalendar): WorkCalendar =>
  calendar ?? buildCalendar(config.calendar ?? {});

function parseInstant(problems: Problem[], value: Instant | undefined, path: string): number | undefined {
  // Absent: the problem toEpochMs reports for anything that is not an instant (no value to quote).
  if (value === undefined) {
    problems.push(problem(path, 'instant.isoOffset'));
    return undefined;
  }
  try {
    return toEpochMs(value, path);
  } catch (e) {
    if (e instanceof DomainError)
      problems.push(
        ...(e.problems.length ? e.problems : [problem(path, 'instant.isoOffset', { value: String(value) })]),
      );
    else throw e;
    return undefined;
  }
}

const validDate = (s: unknown): s is string => typeof s === 'string' && localDateSchema.safeParse(s).success;

/** The working days of stable operation required before closure (`sla.process.closureAfterStableWorkingDays`; absent = 0). */
export const stableWorkingDays = (config: Pick<ParsedConfig, 'sla'>): number =>
  config.sla?.process.closureAfterStableWorkingDays ?? 0;

/**
 * The earliest instant at which the ticket may be confirmed stable and closed: the last deployment plus
 * `closureAfterStableWorkingDays` working days of working time on the contract's calendar ("平稳、准确超过
 * 1个工作日", 000:67; counted as domain.md rule 7's "within N working days": N × the working day's minutes,
 * starting at the next opening when deployed after hours). Null before any deployment.
 * Throws CalendarNotPublishedError when the calendar does not reach that far.
 */
export function stableUntil(
  ticket: Pick<Ticket, 'events'>,
  config: Pick<ParsedConfig, 'sla' | 'calendar'>,
  calendar?: WorkCalendar,
): string | null {
  const deployed = [...ticket.events].reverse().find((e) => e.kind === 'deployed');
  if (!deployed) return null;
  const n = stableWorkingDays(config);
  const zone = timeZoneOf(config);
  if (n === 0) return formatInstant(toEpochMs(deployed.at), zone);
  const cal = calendarOf(config, calendar);
  return formatInstant(workingDaysDeadline(cal, deployed.at, n, 'elapsed'), cal.timeZone);
}

const reasonProblem = (reason: unknown): Problem[] =>
  typeof reason === 'string' && reason.trim() !== '' ? [] : [problem('action.reason', 'ticket.reasonRequired')];

/**
 * Apply one action to a ticket. Pure: returns the new ticket (the input is not changed) and the events
 * the action added, or every problem (who may act, the state, the rules). Never throws for bad input.
 */
export function transition(ticket: Ticket, action: TicketActionRequest, ctx: TransitionContext): TransitionResult {
  const rule = (TICKET_RULES as Record<string, StepRule | undefined>)[action?.type];
  if (!rule)
    return {
      ok: false,
      problems: [
        problem('action.type', 'unknown.action', { value: String(action?.type), known: Object.keys(TICKET_RULES) }),
      ],
    };
  const problems: Problem[] = [];
  const zone = timeZoneOf(ctx.config);
  if (ctx.actor !== 'buyer' && ctx.actor !== 'vendor')
    problems.push(problem('actor', 'ticket.actorUnknown', { value: String(ctx.actor) }));
  else if (!rule.actors.includes(ctx.actor)) {
    // The code says who may act (in the reader's language); the message keeps the seed's reference for audits.
    problems.push({
      path: 'actor',
      code: rule.actors.includes('buyer') ? 'ticket.buyerOnly' : 'ticket.vendorOnly',
      params: {},
      message: `only the ${rule.actors.join(' or ')} may ${rule.verb} a ticket, not the ${ctx.actor} (${rule.seed})`,
    });
  }
  const stateOk = rule.from.includes(ticket.state);
  if (!stateOk)
    problems.push({
      path: 'state',
      code: 'ticket.stateNotAllowed',
      params: {},
      message: stateMessage(action.type, rule, ticket.state),
    });

  const atMs = parseInstant(problems, ctx.at, 'at');
  const last = ticket.events[ticket.events.length - 1];
  if (atMs !== undefined && last && toEpochMs(last.at) > atMs) {
    problems.push({
      path: 'at',
      code: 'ticket.beforeLastEvent',
      params: {},
      message: `${formatInstant(atMs, zone)} precedes the ticket's last event (${last.kind} at ${last.at})`,
    });
  }

  const next: Ticket = {
    ...ticket,
    events: [...ticket.events],
    pauses: [...ticket.pauses],
    ...(ticket.checklist ? { checklist: { ...ticket.checklist } } : {}),
  };
  const at = atMs === undefined ? '' : formatInstant(atMs, zone);
  const added: LifecycleEvent[] = [];
  const event = (kind: LifecycleEventKind, extra: Partial<LifecycleEvent> = {}, when = at): void => {
    added.push({ kind, at: when, actor: ctx.actor, ...extra });
  };

  switch (action.type) {
    case 'withdraw':
    case 'fail-business-test':
    case 'report-problem':
    case 'agree-unsolvable':
      problems.push(...reasonProblem(action.reason));
      event(rule.event, { note: action.reason });
      break;
    case 'feedback': {
      if (action.plannedTestDate !== undefined && !validDate(action.plannedTestDate))
        problems.push(problem('action.plannedTestDate', 'date.format'));
      const data: Record<string, string | boolean> = {};
      if (action.solvable !== undefined) data.solvable = action.solvable;
      if (action.plannedTestDate !== undefined) data.plannedTestDate = action.plannedTestDate;
      event('feedback', {
        ...(action.note ? { note: action.note } : {}),
        ...(Object.keys(data).length ? { data } : {}),
      });
      break;
    }
    case 'record-checklist': {
      if (!isDataProcessing(ticket.category)) {
        problems.push(problem('action.checklist', 'ticket.noChecklist', { category: ticket.category }));
      }
      problems.push(...itConfirmationProblems(action.checklist, ctx.actor));
      next.checklist = { ...next.checklist, ...action.checklist };
      event('checklist-recorded', { data: checklistData(action.checklist ?? {}) });
      break;
    }
    case 'deploy': {
      if (typeof action.affectsSettlement !== 'boolean')
        problems.push(problem('action.affectsSettlement', 'ticket.affectsSettlementRequired'));
      problems.push(...itConfirmationProblems(action.checklist, ctx.actor));
      const checklist: DataChecklist = { ...next.checklist, ...action.checklist };
      if (stateOk) problems.push(...checklistProblems(ticket.category, checklist));
      if (atMs !== undefined && action.affectsSettlement === true) {
        const localTime = at.slice(11, 16);
        for (const p of checkPatchDeployment(ctx.config, { affectsSettlement: true, localTime })) {
          problems.push({ ...p, path: 'at', message: `${p.message} (${at}; 000:54: 补丁更新时间应在晚20点后)` });
        }
      }
      if (action.checklist) next.checklist = checklist;
      event('deployed', { data: { affectsSettlement: action.affectsSettlement === true } });
      break;
    }
    case 'confirm-stable':
    case 'close': {
      if (!stateOk || atMs === undefined) break;
      if (ticket.state === 'deployed') {
        let until: string | null = null;
        try {
          until = stableUntil(ticket, ctx.config, ctx.calendar);
        } catch (e) {
          if (e instanceof CalendarNotPublishedError)
            problems.push(problem('at', 'calendar.notPublished', { year: e.year }));
          else if (e instanceof DomainError) problems.push(...e.problems.map((p) => ({ ...p, path: 'at' })));
          else throw e;
          break;
        }
        if (until === null) {
          problems.push(problem('events', 'ticket.noDeployment'));
          break;
        }
        if (toEpochMs(until) > atMs) {
          const n = stableWorkingDays(ctx.config);
          problems.push({
            path: 'at',
            code: 'ticket.notStableYet',
            params: { days: String(n), until },
            message: `cannot ${rule.verb} the ticket at ${at}: it must run stable for ${n} working day(s) after deployment, until ${until} (000:67: 平稳、准确超过${n}个工作日后，可将问题进行关闭处理)`,
          });
          break;
        }
        // Closing straight from deployed records the stable period's end first.
        if (action.type === 'close')
          event(
            'stable',
            { note: `stable since deployment for ${stableWorkingDays(ctx.config)} working day(s)` },
            until,
          );
      }
      event(rule.event);
      break;
    }
    case 'pause': {
      const from = parseInstant(problems, action.from, 'action.from');
      const to = parseInstant(problems, action.to, 'action.to');
      if (from !== undefined && to !== undefined && to <= from)
        problems.push(problem('action.to', 'pause.endNotAfterStart'));
      problems.push(...reasonProblem(action.reason));
      if (from !== undefined && to !== undefined && action.reason !== undefined) {
        const pause = {
          from: formatInstant(from, zone),
          to: formatInstant(to, zone),
          approvedBy: 'buyer' as const,
          reason: action.reason,
        };
        next.pauses.push(pause);
        event('paused', { note: action.reason, data: { from: pause.from, to: pause.to } });
      }
      break;
    }
    case 'extend': {
      problems.push(...reasonProblem(action.reason));
      const to = validDate(action.to) ? action.to : undefined;
      if (to === undefined) problems.push(problem('action.to', 'date.format'));
      else if (!ticket.expectedCloseDate) problems.push(problem('expectedCloseDate', 'ticket.extensionNeedsExpected'));
      else {
        const current = ticket.extendedTo ?? ticket.expectedCloseDate;
        if (to <= current) problems.push(problem('action.to', 'ticket.extensionNotLater', { expected: current }));
      }
      // Without a valid date the problems refuse the action; nothing is recorded.
      if (to !== undefined) {
        next.extendedTo = to;
        event('extended', { note: action.reason, data: { to } });
      }
      break;
    }
    case 'set-expected-close-date': {
      const date = validDate(action.date) ? action.date : undefined;
      if (date === undefined) problems.push(problem('action.date', 'date.format'));
      if (ticket.expectedCloseDate)
        problems.push(problem('expectedCloseDate', 'ticket.expectedDateSet', { date: ticket.expectedCloseDate }));
      if (date !== undefined) {
        next.expectedCloseDate = date;
        event('expected-date-set', { data: { date } });
      }
      break;
    }
    case 'mark-special-attention': {
      const sa = ctx.config.taxonomy?.specialAttention;
      if (!sa?.enabled) problems.push(problem('specialAttention', 'ticket.noSpecialAttention'));
      if (ticket.specialAttention) problems.push(problem('specialAttention', 'ticket.alreadySpecial'));
      if (action.expectedCloseDate !== undefined) {
        if (!validDate(action.expectedCloseDate)) problems.push(problem('action.expectedCloseDate', 'date.format'));
        else if (ticket.expectedCloseDate && ticket.expectedCloseDate !== action.expectedCloseDate) {
          problems.push(
            problem('action.expectedCloseDate', 'ticket.expectedDateSet', { date: ticket.expectedCloseDate }),
          );
        }
      }
      const date = ticket.expectedCloseDate ?? action.expectedCloseDate;
      if (sa?.requiresExpectedCloseDate !== false && !date) {
        problems.push(problem('expectedCloseDate', 'ticket.specialNeedsExpected'));
      }
      next.specialAttention = true;
      if (date) next.expectedCloseDate = date;
      event('special-attention-set', date ? { data: { expectedCloseDate: date } } : {});
      break;
    }
    default:
      event(rule.event);
  }

  if (problems.length) return { ok: false, problems };
  if (rule.to) next.state = rule.to;
  next.events.push(...added);
  return { ok: true, ticket: next, events: added };
}

function itConfirmationProblems(checklist: DataChecklist | undefined, actor: Actor): Problem[] {
  if (!checklist || checklist.itConfirmation === undefined || actor === 'buyer') return [];
  return [problem('action.checklist.itConfirmation', 'ticket.itConfirmationBuyerOnly')];
}

function checklistData(c: DataChecklist): Record<string, string | boolean> {
  const out: Record<string, string | boolean> = {};
  for (const [k, v] of Object.entries(c)) if (v !== undefined) out[k] = v;
  return out;
}

/** A ticket as submitted by the buyer (提出), before it becomes effective. */
export type TicketDraft = {
  id: string;
  title?: string;
  category: string;
  businessArea?: string;
  severity: string;
  specialAttention?: boolean;
  expectedCloseDate?: string;
  extendedTo?: string;
};

/**
 * Problems of a ticket's fields against the contract (paths relative to the ticket): unknown category,
 * business area or severity; special attention on a contract without it, or without an expected close date
 * when the contract requires one; bad dates; an extension without or before the expected date.
 */
export function ticketFieldProblems(
  d: Partial<TicketDraft>,
  config: Pick<ParsedConfig, 'taxonomy' | 'sla'>,
): Problem[] {
  const problems: Problem[] = [];
  if (typeof d.id !== 'string' || d.id.trim() === '') problems.push(problem('id', 'ticket.idRequired'));
  const tax = config.taxonomy;
  if (typeof d.category !== 'string' || d.category.trim() === '')
    problems.push(problem('category', 'ticket.categoryRequired'));
  else if (tax && !tax.categories.includes(d.category))
    problems.push(problem('category', 'unknown.category', { value: d.category, known: tax.categories }));
  if (d.businessArea !== undefined && tax && tax.businessAreas.length && !tax.businessAreas.includes(d.businessArea)) {
    problems.push(problem('businessArea', 'unknown.businessArea', { value: d.businessArea, known: tax.businessAreas }));
  }
  const severities = config.sla?.policy.severities.map((s) => s.id);
  if (typeof d.severity !== 'string' || d.severity.trim() === '')
    problems.push(problem('severity', 'ticket.severityRequired'));
  else if (severities && !severities.includes(d.severity))
    problems.push(problem('severity', 'ticket.unknownSeverity', { value: d.severity, known: severities }));
  const expectedOk = d.expectedCloseDate === undefined || validDate(d.expectedCloseDate);
  if (!expectedOk)
    problems.push(problem('expectedCloseDate', 'date.formatValue', { value: String(d.expectedCloseDate) }));
  if (d.extendedTo !== undefined) {
    if (!validDate(d.extendedTo))
      problems.push(problem('extendedTo', 'date.formatValue', { value: String(d.extendedTo) }));
    else if (d.expectedCloseDate === undefined) problems.push(problem('extendedTo', 'ticket.extensionNeedsExpected'));
    else if (expectedOk && d.extendedTo <= d.expectedCloseDate)
      problems.push(problem('extendedTo', 'ticket.extensionNotLater', { expected: d.expectedCloseDate }));
  }
  if (d.specialAttention) {
    if (!tax?.specialAttention.enabled) problems.push(problem('specialAttention', 'ticket.noSpecialAttention'));
    else if (tax.specialAttention.requiresExpectedCloseDate && d.expectedCloseDate === undefined) {
      problems.push(problem('expectedCloseDate', 'ticket.specialNeedsExpected'));
    }
  }
  return problems;
}

/** Submit a ticket (提出, by the buyer): state `submitted`, one `submitted` event. */
export function openTicket(draft: TicketDraft, ctx: TransitionContext): TransitionResult {
  const problems = ticketFieldProblems(draft, ctx.config);
  if (ctx.actor !== 'buyer') problems.push(problem('actor', 'ticket.onlyBuyerSubmits'));
  const atMs = parseInstant(problems, ctx.at, 'at');
  if (problems.length || atMs === undefined) return { ok: false, problems };
  const event: LifecycleEvent = { kind: 'submitted', at: formatInstant(atMs, timeZoneOf(ctx.config)), actor: 'buyer' };
  const ticket: Ticket = {
    id: draft.id,
    ...(draft.title !== undefined ? { title: draft.title } : {}),
    category: draft.category,
    ...(draft.businessArea !== undefined ? { businessArea: draft.businessArea } : {}),
    severity: draft.severity,
    specialAttention: draft.specialAttention ?? false,
    ...(draft.expectedCloseDate !== undefined ? { expectedCloseDate: draft.expectedCloseDate } : {}),
    ...(draft.extendedTo !== undefined ? { extendedTo: draft.extendedTo } : {}),
    state: 'submitted',
    events: [event],
    pauses: [],
  };
  return { ok: true, ticket, events: [event] };
}

/** The actions the actor may take now (state and role only; time rules are checked by `transition`). */
export function availableActions(ticket: Pick<Ticket, 'state'>, actor: Actor): TicketActionType[] {
  return (Object.keys(TICKET_RULES) as TicketActionType[]).filter(
    (t) => TICKET_RULES[t].from.includes(ticket.state) && TICKET_RULES[t].actors.includes(actor),
  );
}
