import { addProblem, Decimal } from '@ledger/kernel';
import { z } from 'zod';
import { isLocalDate } from '../shared/contract-context';

/*
 * The period close's arguments (ValidateInput). These two operations have always named their problems without the
 * argument (`reason`, `asOf`, `amount`, not `input.reason`), and clients read them so: the refinements place them at
 * those paths. The close's status, the period against the configuration and the close's own rules stay in the service.
 */

export const reopenPeriodCloseArgs = z
  .object({ input: z.object({ reason: z.string(), asOf: z.string().nullish() }) })
  .superRefine(({ input }, ctx) => {
    if (!input.reason.trim()) addProblem(ctx, 'close.reopenReasonRequired', {}, ['reason']);
    if (input.asOf != null && !isLocalDate(input.asOf)) addProblem(ctx, 'date.format', {}, ['asOf']);
  });

/** The Money scalar has checked the amount's format and that it is storable (the kernel's money rule): here, not zero. */
export const recordAdjustmentArgs = z
  .object({ input: z.object({ amount: z.string(), reason: z.string() }) })
  .superRefine(({ input }, ctx) => {
    if (new Decimal(input.amount).isZero()) addProblem(ctx, 'money.nonZeroFen', {}, ['amount']);
    if (!input.reason.trim()) addProblem(ctx, 'close.adjustmentReasonRequired', {}, ['reason']);
  });
