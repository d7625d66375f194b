import { dec, toFixed2 } from '@ledger/kernel';
import type { z } from 'zod';
import type { invoiceReceivedConditionSchema } from './condition.schema';
import type { ConditionKind } from './condition-kit';
import { explain } from '../../explain/explanation';

type C = z.output<typeof invoiceReceivedConditionSchema>;

/**
 * Qinghai 002:428 "每次付款前，乙方应按应付金额向甲方提供增值税普通发票": the line waits (pending, never withheld: the
 * vendor can still send it) until the buyer records the line's invoice; an invoice for another amount than the line's
 * payable one keeps it waiting, with both amounts said. The latest invoice of the line is the one read (a reissue).
 */
export const invoiceReceivedCondition: ConditionKind<C> = {
  kind: 'invoice-received',
  description: 'The VAT invoice for the amount payable was received before payment.',
  validate() {
    return [];
  },
  evaluate(_c, ctx) {
    const invoices = ctx.facts.invoices.filter((i) => i.lineId === ctx.line.id);
    const latest = invoices.reduce<(typeof invoices)[number] | undefined>(
      (a, b) => (a === undefined || b.receivedOn >= a.receivedOn ? b : a),
      undefined,
    );
    if (!latest)
      return { state: 'pending', reason: explain('payment.condition.invoice-pending', { state: 'pending' }) };
    if (!dec(latest.amount).eq(ctx.payable))
      return {
        state: 'pending',
        reason: explain('payment.condition.invoice-amount-differs', {
          state: 'pending',
          number: latest.number,
          invoiced: latest.amount,
          payable: toFixed2(ctx.payable),
        }),
      };
    return {
      state: 'met',
      reason: explain('payment.condition.invoice-received', {
        state: 'met',
        number: latest.number,
        amount: latest.amount,
        date: latest.receivedOn,
      }),
    };
  },
};
