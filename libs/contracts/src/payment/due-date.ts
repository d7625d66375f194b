import { addDays, addMonths, yearOf } from '../dates';
import type { ParsedConfig } from '../config/contract-config.schema';
import type { DueRule } from './due-rule.schema';
import type { PaymentFacts } from './facts.schema';
import type { LineContext } from './rule-kit';

export type DueResolution = { date: string | null; reason: string };

/** The due date of a line from its rule and the facts; null (with why) while the event has not happened. */
export function resolveDueDate(due: DueRule, line: { context: LineContext }, config: ParsedConfig, facts: PaymentFacts): DueResolution {
  if (due.kind === 'date') return { date: due.date, reason: `due ${due.date}` };
  const ev = eventDate(due.event, line.context, config, facts);
  if (!ev.date) return { date: null, reason: `due date unknown: ${ev.what} has not happened yet` };
  let d = ev.date;
  if (due.months) d = addMonths(d, due.months);
  if (due.days) d = addDays(d, due.days);
  const offset = [due.months ? `${due.months} month(s)` : '', due.days ? `${due.days} day(s)` : ''].filter(Boolean).join(' ');
  return { date: d, reason: offset ? `due ${offset} after ${ev.what} (${ev.date})` : `due at ${ev.what} (${ev.date})` };
}

function eventDate(event: DueRule extends infer R ? (R extends { event: infer E } ? E : never) : never, ctx: LineContext, config: ParsedConfig, facts: PaymentFacts): { date?: string; what: string } {
  switch (event) {
    case 'signing':
      return { date: facts.signedOn ?? config.term.signed, what: 'signing' };
    case 'term-start':
      return { date: config.term.start, what: 'the term start' };
    case 'term-end':
      return { date: config.term.end, what: 'the term end' };
    case 'period-end':
      return { date: ctx.periodEnd ?? `${ctx.year}-12-31`, what: ctx.periodId ? `the end of ${ctx.periodId}` : `the end of ${ctx.year}` };
    case 'year-end':
      return { date: `${ctx.year}-12-31`, what: `the end of ${ctx.year}` };
    case 'assessment': {
      if (ctx.periodId) return { date: facts.periods.find((p) => p.id === ctx.periodId)?.assessedOn, what: `the ${ctx.periodId} assessment` };
      return { date: facts.years.find((y) => y.year === ctx.year)?.assessedOn, what: `the ${ctx.year} assessment` };
    }
    case 'year-assessment':
      return { date: facts.years.find((y) => y.year === ctx.year)?.assessedOn, what: `the ${ctx.year} year assessment` };
    case 'acceptance':
      return { date: facts.acceptance?.passed ? facts.acceptance.date : undefined, what: 'acceptance' };
  }
}

/** The year a line belongs to when its milestone does not say: the signing/start/fixed date's year, else the term's last year. */
export function defaultYearOfDue(due: DueRule, term: { start: string; end: string; signed?: string }): number {
  if (due.kind === 'date') return yearOf(due.date);
  if (due.event === 'signing' && term.signed) return yearOf(term.signed);
  if (due.event === 'term-start') return yearOf(term.start);
  return yearOf(term.end);
}
