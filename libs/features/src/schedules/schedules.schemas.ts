import { addProblem, problemIssue, Decimal } from '@ledger/kernel';
import { z } from 'zod';
import { monthText, oneOf } from '../shared/input-fields';
import { isLocalDate } from '../shared/contract-context';

/** The payment schedules' arguments (ValidateInput). Whether the line exists and may be paid stays in the service. */

export const LINE_STATUSES = ['scheduled', 'due', 'withheld', 'paid', 'forfeited'] as const;

export const paymentSchedulesArgs = z.object({
  filter: z
    .object({
      dueMonth: monthText.nullish(),
      status: oneOf(LINE_STATUSES).nullish(),
    })
    .nullish(),
});

/**
 * markPaid has always named its problems without the argument (`amount`, not `input.amount`), and clients read them
 * so: the refinement places them there. The Money scalar has checked the amount's format and that it is storable (the
 * kernel's money rule): here, that it is above zero.
 */
export const markPaidArgs = z
  .object({ input: z.object({ amount: z.string(), paidOn: z.string(), lineId: z.string() }) })
  .superRefine(({ input }, ctx) => {
    if (new Decimal(input.amount).lte(0)) addProblem(ctx, 'money.positiveFen', {}, ['amount']);
    if (!isLocalDate(input.paidOn)) addProblem(ctx, 'date.format', {}, ['paidOn']);
    if (!input.lineId.trim()) addProblem(ctx, 'value.required', {}, ['lineId']);
  });

/** recordInvoice: the amount above zero (the Money scalar checked its format), a date, a number and a line named. */
export const recordInvoiceArgs = z.object({
  input: z.object({
    lineId: z.string().refine((v) => v.trim() !== '', problemIssue('value.required')),
    number: z
      .string()
      .max(50)
      .refine((v) => v.trim() !== '', problemIssue('value.required')),
    amount: z.string().refine((v) => new Decimal(v).gt(0), problemIssue('money.positiveFen')),
    receivedOn: z.string().refine((v) => isLocalDate(v), problemIssue('date.format')),
  }),
});
