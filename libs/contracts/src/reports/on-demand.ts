import { problem, type Problem } from '@ledger/kernel';
import type { ParsedConfig } from '../config/contract-config.schema';
import { addDays, addMonths } from '../dates';
import { explain, type Explanation } from '../explain/explanation';

/*
 * On-demand obligations (domain rule 14): "不少于4次应急响应", "每年不少于7次重保" are a capacity the vendor commits to,
 * not a count it must deliver. The buyer calls (a 重保 plan for an event, an emergency), the vendor serves each call
 * by its due date; a call not served, or served late, is a breach. Fewer calls than the commitment is not the
 * vendor's failure. Calls beyond the capacity are still listed (the buyer may need to negotiate them).
 */

/** A call of the buyer on an on-demand obligation and, once the vendor recorded it, its service. */
export type OnDemandCall = {
  id: string;
  obligationId: string;
  /** The day the buyer called. */
  calledOn: string;
  /** The day the service is due (the event's day for a 重保, the call's day for an emergency). */
  dueOn: string;
  /** What the call is about (the event, the incident), as the buyer typed it. */
  subject?: string;
  servedOn?: string | null;
};

type Obligation = ParsedConfig['obligations'][number];
/** What the window and the due day of an obligation's calls read (a hand-built configuration may omit them). */
type OnDemandTerms = Pick<Obligation, 'id'> & Partial<Pick<Obligation, 'afterTerm' | 'respondWithinDays' | 'basis'>>;

/**
 * The days an on-demand obligation can be called on: the term, extended after it by `afterTerm.years` (Tianjin: source
 * code during the cooperation and 5 years after, 004:136), or only the years after it (`only`: migration help, 004:138).
 */
export function onDemandWindow(
  o: Pick<OnDemandTerms, 'afterTerm'>,
  term: { start: string; end: string },
): { start: string; end: string } {
  if (!o.afterTerm) return { start: term.start, end: term.end };
  const end = addDays(addMonths(addDays(term.end, 1), 12 * o.afterTerm.years), -1);
  return { start: o.afterTerm.only ? addDays(term.end, 1) : term.start, end };
}

/** A call's due day: the one the buyer gave, else `respondWithinDays` calendar days after the call; null when neither. */
export function onDemandDueOn(
  o: Pick<OnDemandTerms, 'respondWithinDays'>,
  calledOn: string,
  given?: string | null,
): string | null {
  if (given) return given;
  return o.respondWithinDays === undefined ? null : addDays(calledOn, o.respondWithinDays);
}

export type OnDemandCallStatus = 'served' | 'late' | 'missed' | 'pending';

export type OnDemandTally = {
  /** The committed capacity of the period (the obligation's count); 0: every call, without a stated number. */
  capacity: number;
  calls: number;
  served: number;
  late: number;
  missed: number;
  pending: number;
  /** Calls beyond the committed capacity (listed, not the vendor's breach to refuse). */
  beyondCapacity: number;
};

export const isOnDemand = (o: { basis?: string }): boolean => o.basis === 'on-demand';

/** A call's status as of a day: served by its due date, late, missed (past due, not served) or pending. */
export function onDemandCallStatus(call: Pick<OnDemandCall, 'dueOn' | 'servedOn'>, asOf: string): OnDemandCallStatus {
  if (call.servedOn) return call.servedOn <= call.dueOn ? 'served' : 'late';
  return asOf > call.dueOn ? 'missed' : 'pending';
}

/** The tally of the calls of one occurrence of an on-demand obligation, as of a day. */
export function onDemandTally(capacity: number, calls: readonly OnDemandCall[], asOf: string): OnDemandTally {
  const count = (s: OnDemandCallStatus) => calls.filter((c) => onDemandCallStatus(c, asOf) === s).length;
  return {
    capacity,
    calls: calls.length,
    served: count('served'),
    late: count('late'),
    missed: count('missed'),
    pending: count('pending'),
    beyondCapacity: capacity === 0 ? 0 : Math.max(0, calls.length - capacity),
  };
}

/** The checklist status of a tally: a missed call first, then a late one, then calls still open; else met. */
export function onDemandStatus(t: OnDemandTally): 'met' | 'late' | 'missing' | 'pending' {
  if (t.missed > 0) return 'missing';
  if (t.late > 0) return 'late';
  if (t.pending > 0) return 'pending';
  return 'met';
}

export function onDemandExplained(label: string, occurrence: string, t: OnDemandTally, asOf: string): Explanation {
  return explain('obligation.onDemand', {
    label,
    occurrence,
    calls: t.calls,
    served: t.served,
    late: t.late || undefined,
    missed: t.missed || undefined,
    pending: t.pending || undefined,
    capacity: t.capacity || undefined,
    unlimited: t.capacity === 0 ? 'true' : undefined,
    beyond: t.beyondCapacity || undefined,
    checkStatus: onDemandStatus(t),
    asOf,
  });
}

/** A close's flag for a call missed or served late. */
export type OnDemandFlag = {
  code: 'ON_DEMAND_CALL_MISSED' | 'ON_DEMAND_CALL_LATE';
  subject: string;
  message: string;
  explained: Explanation;
};

/** A flag for each call due within a period that was missed or served late, as of a day. */
export function onDemandFlags(
  config: Pick<ParsedConfig, 'obligations'>,
  calls: readonly OnDemandCall[],
  within: { start: string; end: string },
  asOf: string,
): OnDemandFlag[] {
  const labels = new Map(config.obligations.map((o) => [o.id, o.label ?? o.kind]));
  const out: OnDemandFlag[] = [];
  for (const c of calls) {
    if (c.dueOn < within.start || c.dueOn > within.end) continue;
    const status = onDemandCallStatus(c, asOf);
    if (status !== 'missed' && status !== 'late') continue;
    const label = labels.get(c.obligationId) ?? c.obligationId;
    out.push({
      code: status === 'missed' ? 'ON_DEMAND_CALL_MISSED' : 'ON_DEMAND_CALL_LATE',
      subject: c.dueOn,
      message:
        status === 'missed'
          ? `${label}: the call of ${c.calledOn} due ${c.dueOn} was not served`
          : `${label}: the call of ${c.calledOn} due ${c.dueOn} was served late on ${c.servedOn}`,
      explained: explain(status === 'missed' ? 'ON_DEMAND_CALL_MISSED' : 'ON_DEMAND_CALL_LATE', {
        label,
        subject: c.subject,
        calledOn: c.calledOn,
        dueOn: c.dueOn,
        servedOn: c.servedOn ?? undefined,
      }),
    });
  }
  return out;
}

/**
 * The problems of a new call against the configuration and the calls already recorded: an obligation that is not
 * on-demand, a day outside the obligation's window (the term, or the years after it), a due day before the call or
 * missing where the contract gives no response time, the same call (obligation, due day, subject) twice. Paths are
 * under `prefix` (an API input's `input`).
 */
export function onDemandCallProblems(
  config: Pick<ParsedConfig, 'term'> & { obligations: readonly OnDemandTerms[] },
  call: Omit<OnDemandCall, 'id' | 'servedOn' | 'dueOn'> & { dueOn?: string | null },
  recorded: readonly Omit<OnDemandCall, 'servedOn'>[],
  prefix = 'input',
): Problem[] {
  const problems: Problem[] = [];
  const o = config.obligations.find((x) => x.id === call.obligationId);
  const onDemand = config.obligations.filter(isOnDemand).map((x) => x.id);
  if (!o || !isOnDemand(o))
    problems.push(
      problem(`${prefix}.obligationId`, o ? 'onDemand.notOnDemand' : 'unknown.obligation', {
        value: call.obligationId,
        known: onDemand,
      }),
    );
  const { start, end } = o && isOnDemand(o) ? onDemandWindow(o, config.term) : config.term;
  const dueOn = o ? onDemandDueOn(o, call.calledOn, call.dueOn) : (call.dueOn ?? null);
  if (call.calledOn < start || call.calledOn > end)
    problems.push(
      problem(`${prefix}.calledOn`, o?.afterTerm ? 'onDemand.outsideWindow' : 'date.outsideTerm', {
        value: call.calledOn,
        start,
        end,
      }),
    );
  if (dueOn === null) problems.push(problem(`${prefix}.dueOn`, 'value.required'));
  else if (dueOn < call.calledOn)
    problems.push(problem(`${prefix}.dueOn`, 'onDemand.dueBeforeCall', { value: dueOn, calledOn: call.calledOn }));
  const key = (c: Pick<OnDemandCall, 'obligationId' | 'subject'> & { dueOn: string | null }) =>
    `${c.obligationId}|${c.dueOn}|${(c.subject ?? '').trim()}`;
  const twin = dueOn === null ? undefined : recorded.find((r) => key(r) === key({ ...call, dueOn }));
  if (twin && dueOn !== null)
    problems.push(problem(`${prefix}.dueOn`, 'onDemand.duplicateCall', { value: dueOn, calledOn: twin.calledOn }));
  return problems;
}

/** The problems of recording a call's service: served already, or dated before the call. */
export function onDemandServiceProblems(
  call: Pick<OnDemandCall, 'calledOn' | 'servedOn'>,
  servedOn: string,
  prefix = 'input',
): Problem[] {
  if (call.servedOn) return [problem(`${prefix}.callId`, 'onDemand.alreadyServed', { servedOn: call.servedOn })];
  if (servedOn < call.calledOn)
    return [problem(`${prefix}.servedOn`, 'onDemand.servedBeforeCall', { value: servedOn, calledOn: call.calledOn })];
  return [];
}
