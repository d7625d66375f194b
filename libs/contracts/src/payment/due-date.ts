import { addDays, addMonths, yearOf } from '../dates';
import type { PaymentConfigView } from './payment-config-view';
import type { DueRule } from './due-rule.schema';
import type { PaymentFacts } from './facts.schema';
import type { LineContext } from './rule-kit';
import { explain, type Explanation } from '../explain/explanation';

export type DueResolution = { date: string | null; reason: Explanation };

/** The due date of a line from its rule and the facts; null (with why) while the event has not happened. */
export function resolveDueDate(
  due: DueRule,
  line: { context: LineContext },
  config: PaymentConfigView,
  facts: PaymentFacts,
): DueResolution {
  if (due.kind === 'date') return { date: due.date, reason: explain('payment.due.date', { date: due.date }) };
  const ev = eventDate(due.event, line.context, config, facts);
  if (!ev.date) return { date: null, reason: explain('payment.due.unknown', { ...ev.what }) };
  let d = ev.date;
  if (due.months) d = addMonths(d, due.months);
  if (due.days) d = addDays(d, due.days);
  const offset = due.months && due.days ? 'both' : due.months ? 'months' : due.days ? 'days' : null;
  const params = { ...ev.what, eventDate: ev.date, date: d };
  return {
    date: d,
    reason: offset
      ? explain('payment.due.after', {
          ...params,
          offset,
          months: due.months || undefined,
          days: due.days || undefined,
        })
      : explain('payment.due.at', params),
  };
}

function eventDate(
  event: DueRule extends infer R ? (R extends { event: infer E } ? E : never) : never,
  ctx: LineContext,
  config: PaymentConfigView,
  facts: PaymentFacts,
): { date?: string; what: { event: string; ref?: string } } {
  switch (event) {
    case 'signing':
      return { date: facts.signedOn ?? config.term.signed, what: { event: 'signing' } };
    case 'term-start':
      return { date: config.term.start, what: { event: 'term-start' } };
    case 'term-end':
      return { date: config.term.end, what: { event: 'term-end' } };
    case 'period-end':
      return {
        date: ctx.periodEnd ?? `${ctx.year}-12-31`,
        what: ctx.periodId ? { event: 'period-end', ref: ctx.periodId } : { event: 'year-end', ref: String(ctx.year) },
      };
    case 'year-end':
      return { date: `${ctx.year}-12-31`, what: { event: 'year-end', ref: String(ctx.year) } };
    case 'assessment': {
      if (ctx.periodId)
        return {
          date: facts.periods.find((p) => p.id === ctx.periodId)?.assessedOn,
          what: { event: 'assessment', ref: ctx.periodId },
        };
      return {
        date: facts.years.find((y) => y.year === ctx.year)?.assessedOn,
        what: { event: 'assessment', ref: String(ctx.year) },
      };
    }
    case 'year-assessment':
      return {
        date: facts.years.find((y) => y.year === ctx.year)?.assessedOn,
        what: { event: 'year-assessment', ref: String(ctx.year) },
      };
    case 'acceptance':
      return { date: facts.acceptance?.passed ? facts.acceptance.date : undefined, what: { event: 'acceptance' } };
  }
}

/** The year a line belongs to when its milestone does not say: the signing/start/fixed date's year, else the term's last year. */
export function defaultYearOfDue(due: DueRule, term: { start: string; end: string; signed?: string }): number {
  if (due.kind === 'date') return yearOf(due.date);
  if (due.event === 'signing' && term.signed) return yearOf(term.signed);
  if (due.event === 'term-start') return yearOf(term.start);
  return yearOf(term.end);
}
