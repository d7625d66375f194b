import { problem, type Problem } from '@ledger/kernel';
import type { WorkCalendar } from '@ledger/sla';
import type { ParsedConfig } from '../config/contract-config.schema';
import { periodsInTerm } from '../config/periods';
import { addDays, maxDate, minDate } from '../dates';
import { calendarOf } from '../tickets/lifecycle';
import { explain, type Explanation } from '../explain/explanation';
import { problemsError } from './attendance';
import {
  isOnDemand,
  onDemandCallStatus,
  onDemandExplained,
  onDemandStatus,
  onDemandTally,
  onDemandWindow,
  type OnDemandCall,
  type OnDemandCallStatus,
  type OnDemandTally,
} from './on-demand';

/*
 * Obligations (domain.md config item 5) against what was delivered in a period: one checklist row per
 * occurrence (the month, the quarter, the holiday, the event …) with its due date and status.
 */

/** An obligation as configured; `basis` may be absent in a hand-built configuration (it defaults to deliver). */
type Obligation = Omit<ParsedConfig['obligations'][number], 'basis'> & {
  basis?: ParsedConfig['obligations'][number]['basis'];
};

export type ObligationDelivery = {
  obligationId: string;
  deliveredOn: string;
  /** The occurrence it fulfils (`2026-10`, `2026-Q4`, `holiday-2026-10-01`, `event-<id>`); else assigned by date. */
  for?: string;
  evidence?: readonly string[];
  participants?: number;
};

/** Something that happened and creates an occurrence: a 重保 event, a major change, a fault handled … */
export type ObligationEvent = {
  id: string;
  on: string;
  /** The obligation this event is an occurrence of (period `event` obligations such as 重保). */
  obligationId?: string;
  /** The trigger name, matched against `due.event` of after-event / before-event obligations. */
  event?: string;
};

export type ChecklistStatus = 'met' | 'late' | 'missing' | 'pending';

/** An on-demand row's calls (domain rule 14): the tally and each call with its status. */
export type OnDemandRow = {
  tally: OnDemandTally;
  calls: (Omit<OnDemandCall, 'obligationId'> & { status: OnDemandCallStatus })[];
};

export type ObligationCheck = {
  obligationId: string;
  label: string;
  occurrence: string;
  /** Deliveries dated in [from, to] count for this occurrence on time (to = the due date). */
  window: { from: string; to: string };
  dueDate: string | null;
  required: number;
  onTime: number;
  late: number;
  /** Indices into the deliveries that count here. */
  deliveries: number[];
  status: ChecklistStatus;
  /** On-demand obligations: `required` is the calls made, `onTime` those served in time; the tally and calls here. */
  onDemand: OnDemandRow | null;
  /** English account (audits); `explained` is what a screen or file renders. */
  explanation: string;
  explained: Explanation;
};

export type ObligationChecklist = {
  period: { from: string; to: string };
  asOf: string;
  items: ObligationCheck[];
  unassigned: number[];
  notes: string[];
  /** Some working-day date of the checklist was read on a provisional calendar year (domain rule 18): it may change when the year is published. */
  provisional: boolean;
  /** Those provisional years, ascending (empty when not provisional). */
  provisionalYears: number[];
};

export type ObligationChecklistInput = {
  config: Pick<ParsedConfig, 'term' | 'calendar'> & { obligations: readonly Obligation[] };
  /** The report period, local dates inclusive (a month: 2026-10-01..2026-10-31). */
  period: { from: string; to: string };
  /** The day the checklist is judged on: an occurrence not yet due is pending. */
  asOf: string;
  deliveries: readonly ObligationDelivery[];
  events?: readonly ObligationEvent[];
  /** The buyer's calls on on-demand obligations, with their service (domain rule 14). */
  calls?: readonly OnDemandCall[];
  calendar?: WorkCalendar;
};

type Occurrence = { id: string; window: { from: string; to: string }; due: string | null; note?: string };

/** Mondays-based weeks overlapping [from, to], clipped. */
function weeks(from: string, to: string): Occurrence[] {
  const out: Occurrence[] = [];
  const dow = (d: string): number => (new Date(`${d}T00:00:00Z`).getUTCDay() + 6) % 7; // 0 = Monday
  for (let monday = addDays(from, -dow(from)); monday <= to; monday = addDays(monday, 7)) {
    const s = maxDate(monday, from);
    const e = minDate(addDays(monday, 6), to);
    out.push({ id: `week-${monday}`, window: { from: s, to: e }, due: e });
  }
  return out;
}

function nthWorkingDayBefore(cal: WorkCalendar, date: string, n: number): string {
  let d = date;
  for (let k = 0; k < n;) {
    d = addDays(d, -1);
    if (cal.isWorkingDay(d)) k++;
  }
  return d;
}

function nthWorkingDayAfter(cal: WorkCalendar, date: string, n: number): string {
  let d = date;
  for (let k = 0; k < n;) {
    d = addDays(d, 1);
    if (cal.isWorkingDay(d)) k++;
  }
  return d;
}

/**
 * Holiday blocks: maximal runs of non-working days that contain a statutory holiday, at least `minDays` long
 * (Qinghai "重大节假日（公休日≥3天）": the run counts the weekend days it takes in). The inspection is due on the
 * last day before the block; occurrences are those due within [from, to].
 */
export function holidayBlocks(
  cal: WorkCalendar,
  from: string,
  to: string,
  minDays: number,
): { start: string; end: string; days: number; name?: string }[] {
  const out: { start: string; end: string; days: number; name?: string }[] = [];
  for (let d = addDays(from, 1); d <= addDays(to, 1); d = addDays(d, 1)) {
    if (cal.isWorkingDay(d) || !cal.isWorkingDay(addDays(d, -1))) continue;
    let end = d;
    let holiday: string | undefined;
    for (let x = d; !cal.isWorkingDay(x); x = addDays(x, 1)) {
      end = x;
      const info = cal.describeDay(x);
      if (info.kind === 'holiday') holiday = holiday ?? info.name ?? 'holiday';
    }
    const days = Math.round((Date.parse(`${end}T00:00:00Z`) - Date.parse(`${d}T00:00:00Z`)) / 86_400_000) + 1;
    if (holiday && days >= minDays) out.push({ start: d, end, days, name: holiday });
  }
  return out;
}

/** How an explanation names an occurrence: its id (2026-10, 2026-Q4, holiday-…), or the dates of a whole-term one. */
const occurrenceText = (occ: Occurrence): string =>
  occ.id === 'term' || occ.id === 'after-term' ? `${occ.window.from}–${occ.window.to}` : occ.id;

/** Records a span of local dates (inclusive, either order) whose working-day kinds an occurrence was computed from. */
type ReadDays = (a: string, b: string) => void;

function occurrences(
  o: Obligation,
  input: ObligationChecklistInput,
  cal: () => WorkCalendar,
  notes: string[],
  read: ReadDays,
): Occurrence[] {
  const { term } = input.config;
  const from = maxDate(input.period.from, term.start);
  const to = minDate(input.period.to, term.end);
  if (from > to) return [];
  const due = o.due;
  const eventsFor = (match: (e: ObligationEvent) => boolean): ObligationEvent[] => (input.events ?? []).filter(match);

  if (due.kind === 'before-holiday') {
    const c = cal();
    read(from, addDays(to, 1));
    return holidayBlocks(c, from, to, due.minHolidayDays).map((h) => {
      const dueDate = addDays(h.start, -1);
      const start =
        due.withinWorkingDaysBefore !== undefined
          ? nthWorkingDayBefore(c, h.start, due.withinWorkingDaysBefore)
          : maxDate(term.start, addDays(h.start, -30));
      read(start, h.end);
      return {
        id: `holiday-${h.start}`,
        window: { from: start, to: dueDate },
        due: dueDate,
        note: `${h.name} ${h.start}..${h.end} (${h.days} days)`,
      };
    });
  }
  if (due.kind === 'after-event' || due.kind === 'before-event') {
    const c = cal();
    return eventsFor((e) => e.obligationId === o.id || e.event === due.event)
      .filter((e) => e.on >= from && e.on <= to)
      .map((e) => {
        if (due.kind === 'before-event') {
          const d = nthWorkingDayBefore(c, e.on, due.workingDaysBefore);
          read(d, e.on);
          return {
            id: `event-${e.id}`,
            window: { from: maxDate(term.start, addDays(d, -30)), to: d },
            due: d,
            note: `${due.event} on ${e.on}`,
          };
        }
        const d = due.withinWorkingDays !== undefined ? nthWorkingDayAfter(c, e.on, due.withinWorkingDays) : null;
        if (d !== null) read(e.on, d);
        return {
          id: `event-${e.id}`,
          window: { from: e.on, to: d ?? term.end },
          due: d,
          note: `${due.event} on ${e.on}${d ? '' : ' (no deadline in the contract)'}`,
        };
      });
  }
  if (o.period === 'event') {
    // An event-period obligation with a period due rule (Xuzhou 重保): the plan is due by the event itself.
    return eventsFor((e) => e.obligationId === o.id)
      .filter((e) => e.on >= from && e.on <= to)
      .map((e) => ({
        id: `event-${e.id}`,
        window: { from: maxDate(term.start, addDays(e.on, -30)), to: e.on },
        due: e.on,
      }));
  }

  let base: Occurrence[];
  if (o.period === 'term') base = [{ id: 'term', window: { from: term.start, to: term.end }, due: term.end }];
  else if (o.period === 'day') {
    const c = cal();
    read(from, to);
    base = [];
    for (let d = from; d <= to; d = addDays(d, 1))
      if (c.isWorkingDay(d)) base.push({ id: d, window: { from: d, to: d }, due: d });
  } else if (o.period === 'week') base = weeks(from, to);
  else {
    // Calendar periods of the term overlapping the report period (a quarter is pending in its first months).
    base = periodsInTerm(o.period, term.start, term.end)
      .filter((p) => p.start <= to && p.end >= from)
      .map((p) => ({ id: p.id, window: { from: p.start, to: p.end }, due: p.end }));
  }
  return base.map((occ) => {
    if (due.kind === 'by-day-of-next-period') {
      const d = addDays(addDays(occ.window.to, 1), due.day - 1);
      return { ...occ, window: { from: occ.window.from, to: d }, due: d };
    }
    if (due.kind === 'at-period-start') {
      if (due.withinDays === undefined) {
        notes.push(
          `${o.id}: the contract gives no day count for "at the start of the period"; due by the period's end`,
        );
        return occ;
      }
      const d = minDate(addDays(occ.window.from, due.withinDays), occ.window.to);
      return { ...occ, window: { from: occ.window.from, to: d }, due: d };
    }
    return occ;
  });
}

/**
 * The obligations checklist of a period: per obligation and occurrence, required vs delivered, due date and
 * status — met (≥ count on time), late (enough only with late deliveries), missing (past due and short),
 * pending (not yet due as of `asOf`, or no deadline). Deliveries naming their occurrence (`for`) count there
 * (late when after the window); the others go to the first occurrence of their obligation whose window holds
 * their date and which still needs deliveries. A delivery short of `minParticipants` does not count.
 * Throws ValidationError for unknown obligations / bad period, CalendarNotPublishedError beyond the calendar.
 */
export function obligationChecklist(input: ObligationChecklistInput): ObligationChecklist {
  const { config, period, asOf, deliveries } = input;
  const problems: Problem[] = [];
  if (period.from > period.to)
    problems.push(problem('period', 'period.fromAfterTo', { from: period.from, to: period.to }));
  const ids = new Set(config.obligations.map((o) => o.id));
  deliveries.forEach((d, i) => {
    if (!ids.has(d.obligationId))
      problems.push(
        problem(`deliveries[${i}].obligationId`, 'unknown.obligation', { value: d.obligationId, known: [...ids] }),
      );
  });
  if (problems.length) throw problemsError(problems);

  let calendar: WorkCalendar | undefined;
  const cal = (): WorkCalendar => (calendar ??= calendarOf(config, input.calendar));
  const notes: string[] = [];
  const items: ObligationCheck[] = [];
  const used = new Set<number>();
  // Years whose working days the checklist read: a provisional one makes the whole checklist provisional.
  const readYears = new Set<number>();
  const read: ReadDays = (a, b) => {
    for (let y = Number(minDate(a, b).slice(0, 4)); y <= Number(maxDate(a, b).slice(0, 4)); y++) readYears.add(y);
  };

  for (const o of config.obligations) {
    if (isOnDemand(o) && o.afterTerm) {
      // Runs on after the term (or only after it): one occurrence over its whole window, if the period meets it.
      const w = onDemandWindow(o, input.config.term);
      deliveries.forEach((d, i) => d.obligationId === o.id && used.add(i));
      if (w.start <= period.to && w.end >= period.from)
        items.push(
          onDemandCheck(
            o,
            { id: o.afterTerm.only ? 'after-term' : 'term', window: { from: w.start, to: w.end }, due: w.end },
            input,
          ),
        );
      continue;
    }
    const occs = occurrences(o, input, cal, notes, read);
    if (isOnDemand(o)) {
      // Calls are the occurrences; the vendor's own records of the kind (a report's service events) are evidence.
      deliveries.forEach((d, i) => d.obligationId === o.id && used.add(i));
      for (const occ of occs) items.push(onDemandCheck(o, occ, input));
      continue;
    }
    const rows = occs.map((occ) => ({ occ, onTime: [] as number[], late: [] as number[] }));
    const mine = deliveries.map((d, i) => ({ d, i })).filter(({ d }) => d.obligationId === o.id);
    for (const { d, i } of mine) {
      if (o.minParticipants !== undefined && (d.participants ?? 0) < o.minParticipants) {
        notes.push(
          `deliveries[${i}] (${o.id}) does not count: ${d.participants ?? 0} participant(s), at least ${o.minParticipants} required`,
        );
        used.add(i);
        continue;
      }
      const inWindow = (r: (typeof rows)[number]): boolean =>
        d.deliveredOn >= r.occ.window.from && d.deliveredOn <= r.occ.window.to;
      if (d.for !== undefined) {
        const r = rows.find((x) => x.occ.id === d.for);
        if (!r) continue; // another period's occurrence: not this checklist's
        if (inWindow(r)) r.onTime.push(i);
        else if (d.deliveredOn > r.occ.window.to) r.late.push(i);
        else {
          notes.push(
            `deliveries[${i}] (${o.id}) is dated ${d.deliveredOn}, before ${r.occ.id}'s window ${r.occ.window.from}..${r.occ.window.to}: not counted`,
          );
        }
        used.add(i);
        continue;
      }
      const candidates = rows.filter(inWindow);
      const r = candidates.find((x) => x.onTime.length < o.count) ?? candidates[0];
      if (r) {
        r.onTime.push(i);
        used.add(i);
      }
    }
    for (const { occ, onTime, late } of rows) {
      const required = o.count;
      let status: ChecklistStatus;
      if (onTime.length >= required) status = 'met';
      else if (occ.due === null || asOf <= occ.due) status = 'pending';
      else if (onTime.length + late.length >= required) status = 'late';
      else status = 'missing';
      items.push({
        obligationId: o.id,
        label: o.label ?? o.kind,
        occurrence: occ.id,
        window: occ.window,
        dueDate: occ.due,
        required,
        onTime: onTime.length,
        late: late.length,
        deliveries: [...onTime, ...late],
        status,
        onDemand: null,
        explanation:
          `${o.label ?? o.kind} — ${occ.id}${occ.note ? ` (${occ.note})` : ''}: ${required} required, ${onTime.length} on time` +
          `${late.length ? `, ${late.length} late` : ''}; due ${occ.due ?? 'without a deadline'}; ${status}${status === 'pending' ? ` as of ${asOf}` : ''}`,
        explained: explain('obligation.check', {
          label: o.label ?? o.kind,
          occurrence: occurrenceText(occ),
          note: occ.note,
          required,
          onTime: onTime.length,
          late: late.length || undefined,
          deadline: occ.due === null ? 'none' : 'date',
          due: occ.due,
          checkStatus: status,
          asOf,
        }),
      });
    }
  }
  const unassigned = deliveries.map((_, i) => i).filter((i) => !used.has(i));
  if (unassigned.length)
    notes.push(`deliveries not matched to an occurrence of this period: ${unassigned.map((i) => `[${i}]`).join(', ')}`);
  const provisionalYears = calendar === undefined ? [] : calendar.provisionalYears.filter((y) => readYears.has(y));
  return { period, asOf, items, unassigned, notes, provisional: provisionalYears.length > 0, provisionalYears };
}

/**
 * One occurrence of an on-demand obligation: the calls made in its window up to the checklist period's end, each
 * served, late, missed or pending as of `asOf`; `required` is the calls (not the capacity), met when all were served.
 */
function onDemandCheck(o: Obligation, occ: Occurrence, input: ObligationChecklistInput): ObligationCheck {
  const calls = (input.calls ?? [])
    .filter(
      (c) =>
        c.obligationId === o.id &&
        c.calledOn >= occ.window.from &&
        c.calledOn <= occ.window.to &&
        c.calledOn <= input.period.to,
    )
    .sort((a, b) => (a.dueOn === b.dueOn ? a.calledOn.localeCompare(b.calledOn) : a.dueOn.localeCompare(b.dueOn)));
  // Every request (no number stated): no capacity to compare with, shown as such.
  const tally = onDemandTally(o.everyRequest ? 0 : o.count, calls, input.asOf);
  const status = onDemandStatus(tally);
  const label = o.label ?? o.kind;
  return {
    obligationId: o.id,
    label,
    occurrence: occ.id,
    window: occ.window,
    dueDate: occ.due,
    required: tally.calls,
    onTime: tally.served,
    late: tally.late,
    deliveries: [],
    status,
    onDemand: {
      tally,
      calls: calls.map((c) => ({
        id: c.id,
        calledOn: c.calledOn,
        dueOn: c.dueOn,
        ...(c.subject !== undefined ? { subject: c.subject } : {}),
        servedOn: c.servedOn ?? null,
        status: onDemandCallStatus(c, input.asOf),
      })),
    },
    explanation:
      `${label} — ${occ.id}: ${tally.calls} call(s), ${tally.served} served in time` +
      `${tally.late ? `, ${tally.late} late` : ''}${tally.missed ? `, ${tally.missed} missed` : ''}` +
      `${tally.pending ? `, ${tally.pending} open` : ''}; capacity ${tally.capacity}; ${status}`,
    explained: onDemandExplained(label, occurrenceText(occ), tally, input.asOf),
  };
}
