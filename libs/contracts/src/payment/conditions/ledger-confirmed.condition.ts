import { problem, type Problem } from '@ledger/kernel';
import type { z } from 'zod';
import { periodsInTerm } from '../../config/periods';
import type { ledgerConfirmedConditionSchema } from './condition.schema';
import type { ConditionKind } from './condition-kit';
import { explain } from '../../explain/explanation';

type C = z.output<typeof ledgerConfirmedConditionSchema>;

export const ledgerConfirmedCondition: ConditionKind<C> = {
  kind: 'ledger-confirmed',
  description: 'The maintenance ledger (台账) was confirmed by the buyer before payment.',
  validate(c, ctx) {
    const problems: Problem[] = [];
    if (c.period) {
      const ids = (['month', 'quarter', 'half-year', 'year'] as const).flatMap((k) =>
        periodsInTerm(k, ctx.term.start, ctx.term.end).map((p) => p.id),
      );
      if (!ids.includes(c.period)) problems.push(problem('period', 'period.outsideTerm', { value: c.period }));
    }
    return problems;
  },
  evaluate(c, ctx) {
    const id = c.period ?? ctx.line.context.periodId;
    const confirmed = id
      ? (ctx.facts.periods.find((p) => p.id === id)?.ledgerConfirmed ?? ctx.facts.ledgerConfirmed)
      : ctx.facts.ledgerConfirmed;
    const what = id ? { ledger: 'one', ledgerId: id } : { ledger: 'any' };
    if (confirmed === undefined)
      return { state: 'pending', reason: explain('payment.condition.ledger-pending', { state: 'pending', ...what }) };
    return confirmed
      ? { state: 'met', reason: explain('payment.condition.ledger-confirmed', { state: 'met', ...what }) }
      : { state: 'failed', reason: explain('payment.condition.ledger-not-confirmed', { state: 'failed', ...what }) };
  },
};
