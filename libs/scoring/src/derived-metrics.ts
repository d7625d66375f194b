import {
  dec,
  Decimal,
  problem,
  problemIssue,
  toFixed2,
  ValidationError,
  zodProblems,
  type Problem,
} from '@ledger/kernel';
import { z } from 'zod';

/** A local date `YYYY-MM-DD` that exists in the Gregorian calendar. */
export const localDateSchema = z.string().refine((s) => dayNumber(s) !== null, problemIssue('date.format'));

/** Days since 1970-01-01 of a local date; calendar arithmetic only, so no time zone can shift it. */
export function dayNumber(date: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return t / 86_400_000;
}

/** Calendar days from `a` to `b` (b − a), both local dates. */
export function calendarDaysBetween(a: string, b: string): number {
  const x = dayNumber(a),
    y = dayNumber(b);
  if (x === null || y === null) throw new ValidationError([problem(x === null ? 'a' : 'b', 'date.format')]);
  return y - x;
}

export const ticketRecordSchema = z.object({
  id: z.string().min(1),
  /** The buyer's expected close date (期望关闭日期). */
  expectedCloseDate: localDateSchema,
  /** Approved extension (顺延): replaces the expected close date when present. */
  extendedTo: localDateSchema.optional(),
  /** Actual completion date; absent while the ticket is open. */
  completedDate: localDateSchema.optional(),
  /** 特别关注 (buyer-designated special attention). */
  specialAttention: z.boolean(),
});
export type TicketRecord = z.input<typeof ticketRecordSchema>;

export const metricsInputSchema = z.object({
  tickets: z.array(ticketRecordSchema),
  /** The assessment period, local dates inclusive at both ends. */
  period: z.object({ from: localDateSchema, to: localDateSchema }),
  /** The local date the metric is computed on (an open ticket past its date is judged as of this day). */
  asOf: localDateSchema,
});
export type MetricsInput = z.input<typeof metricsInputSchema>;
type Parsed = z.output<typeof metricsInputSchema>;

function parseMetricsInput(raw: MetricsInput): Parsed {
  const r = metricsInputSchema.safeParse(raw);
  if (!r.success) throw new ValidationError(zodProblems(r.error));
  const v = r.data;
  const problems: Problem[] = [];
  if (v.period.from > v.period.to)
    problems.push(problem('period', 'period.fromAfterTo', { from: v.period.from, to: v.period.to }));
  const seen = new Map<string, number>();
  v.tickets.forEach((t, i) => {
    const first = seen.get(t.id);
    if (first !== undefined)
      problems.push(problem(`tickets[${i}].id`, 'list.duplicateId', { value: t.id, other: `tickets[${first}]` }));
    else seen.set(t.id, i);
    // Local dates compare correctly as strings.
    if (t.extendedTo !== undefined && t.extendedTo < t.expectedCloseDate)
      problems.push(problem(`tickets[${i}].extendedTo`, 'ticket.extensionEarlier', { expected: t.expectedCloseDate }));
    if (t.completedDate !== undefined && t.completedDate > v.asOf)
      problems.push(problem(`tickets[${i}].completedDate`, 'date.afterAsOf', { value: t.completedDate, asOf: v.asOf }));
  });
  if (problems.length) throw new ValidationError(problems);
  return v;
}

const effectiveDate = (t: Parsed['tickets'][number]): string => t.extendedTo ?? t.expectedCloseDate;
const dueIn = (t: Parsed['tickets'][number], p: Parsed['period']): boolean =>
  effectiveDate(t) >= p.from && effectiveDate(t) <= p.to;

export type AchievementRate = {
  /** Tickets due in the period completed on or before their (extended) expected close date. */
  numerator: number;
  /** Tickets whose (extended) expected close date falls in the period, less those still pending. */
  denominator: number;
  /** numerator ÷ denominator × 100, exact (a decimal string); null when nothing was due (rule 5). */
  rate: string | null;
  /** The rate as shown: two decimals, half up ("91.11"); null when undefined. */
  display: string | null;
  achieved: string[];
  /** Completed late, or open and past the date as of asOf. */
  missed: string[];
  /** Open, not yet past the date as of asOf (a provisional computation before the period's tickets fall due). */
  pending: string[];
  explanation: string;
  notes: string[];
};

/**
 * 计划内达成率 (domain.md rule 5): tickets completed on or before their expected close date (after any
 * approved extension) ÷ tickets whose expected close date falls in the period. An open ticket past its date
 * is not achieved. An open ticket not yet at its date (asOf before it) is pending: left out of both counts.
 */
export function plannedAchievementRate(input: MetricsInput): AchievementRate {
  const v = parseMetricsInput(input);
  const achieved: string[] = [],
    missed: string[] = [],
    pending: string[] = [];
  for (const t of v.tickets) {
    if (!dueIn(t, v.period)) continue;
    const due = effectiveDate(t);
    if (t.completedDate !== undefined) (t.completedDate <= due ? achieved : missed).push(t.id);
    else if (v.asOf > due) missed.push(t.id);
    else pending.push(t.id);
  }
  const numerator = achieved.length,
    denominator = achieved.length + missed.length;
  const notes: string[] = [];
  if (pending.length)
    notes.push(
      `${pending.length} open ticket(s) not yet due as of ${v.asOf} left out (provisional): ${pending.join(', ')}`,
    );
  if (denominator === 0) {
    notes.push(`no tickets due in ${v.period.from}..${v.period.to}: the achievement rate is undefined`);
    return {
      numerator,
      denominator,
      rate: null,
      display: null,
      achieved,
      missed,
      pending,
      explanation: `计划内达成率: no tickets due in ${v.period.from}..${v.period.to} → undefined`,
      notes,
    };
  }
  const rate = new Decimal(numerator).div(denominator).times(100);
  const display = toFixed2(rate);
  return {
    numerator,
    denominator,
    rate: rate.toString(),
    display,
    achieved,
    missed,
    pending,
    explanation: `计划内达成率 = ${numerator} on time ÷ ${denominator} due in ${v.period.from}..${v.period.to} = ${display} %`,
    notes,
  };
}

export type DelayAggregate = 'sum' | 'max';
export type SpecialAttentionDelay = {
  /** The aggregate delay in calendar days (a decimal string, e.g. "12"), the input of the delay ladder. */
  days: string;
  aggregate: DelayAggregate;
  tickets: { id: string; expected: string; completed: string | null; days: number; open: boolean }[];
  explanation: string;
  notes: string[];
};

/**
 * 特别关注类问题延期时间 (domain.md rule 6): over special-attention tickets whose (extended) expected close
 * date falls in the period, max(0, completion − expected) in calendar days (date difference of local
 * dates: due 03-10, done 03-12 → 2). A ticket still open counts asOf − expected (as of the assessment;
 * the period is closed with that figure). `aggregate` sums (preset) or takes the largest.
 */
export function specialAttentionDelay(
  input: MetricsInput,
  options: { aggregate?: DelayAggregate; delayFrom?: 'extended' | 'original' } = {},
): SpecialAttentionDelay {
  const v = parseMetricsInput(input);
  const aggregate = options.aggregate ?? 'sum';
  const notes: string[] = [];
  const tickets = v.tickets
    .filter((t) => t.specialAttention && dueIn(t, v.period))
    .map((t) => {
      // 延期时间 = 实际完成日期 − 期望关闭日期; an approved extension (顺延) moves the expected date by default.
      const expected = options.delayFrom === 'original' ? t.expectedCloseDate : effectiveDate(t);
      const end = t.completedDate ?? v.asOf;
      const days = Math.max(0, calendarDaysBetween(expected, end));
      if (t.completedDate === undefined && days > 0)
        notes.push(`${t.id} is open: its delay is counted to ${v.asOf} (${days} days)`);
      return { id: t.id, expected, completed: t.completedDate ?? null, days, open: t.completedDate === undefined };
    });
  const total =
    aggregate === 'sum' ? tickets.reduce((a, t) => a + t.days, 0) : tickets.reduce((a, t) => Math.max(a, t.days), 0);
  if (tickets.length === 0) notes.push(`no special-attention tickets due in ${v.period.from}..${v.period.to}: delay 0`);
  const parts = tickets.filter((t) => t.days > 0).map((t) => `${t.id} ${t.days}`);
  return {
    days: dec(total).toString(),
    aggregate,
    tickets,
    explanation: `特别关注类问题延期 (${aggregate}) = ${parts.length ? `${aggregate === 'sum' ? parts.join(' + ') : `max(${parts.join(', ')})`} = ` : ''}${total} 天`,
    notes,
  };
}
