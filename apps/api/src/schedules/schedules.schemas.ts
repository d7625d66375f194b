import { problemIssue } from '@ledger/kernel';
import { z } from 'zod';
import { oneOf } from '../graphql/input-fields';

/** The payment schedules' arguments (ValidateInput); markPaid keeps its own checks (its paths name no argument). */

export const LINE_STATUSES = ['scheduled', 'due', 'withheld', 'paid', 'forfeited'] as const;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export const paymentSchedulesArgs = z.object({
  filter: z
    .object({
      dueMonth: z
        .string()
        .refine((m) => MONTH.test(m), problemIssue('month.format'))
        .nullish(),
      status: oneOf(LINE_STATUSES).nullish(),
    })
    .nullish(),
});
