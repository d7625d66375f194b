import { clawbackInterestSchema, periodIdSchema } from '@ledger/contracts';
import { problemIssue } from '@ledger/kernel';
import { z } from 'zod';
import { localDate } from '../shared/input-fields';

/*
 * The period inputs' arguments: format and range (ValidateInput, `defer` mode: reported after the contract is found,
 * with the problems against its configuration — the period within the term and of the scheme's kind, each value
 * against its component's shape — which stay in PeriodInputsService).
 */

const notNegative = z.number().refine((n) => n >= 0, problemIssue('number.nonNegative'));

export const setPeriodInputsArgs = z.object({
  input: z.object({
    period: z.string().refine((p) => periodIdSchema.safeParse(p).success, problemIssue('period.format')),
    complaints: z.object({ valid: notNegative, invalid: notNegative }).nullish(),
    acceptance: z.object({ date: localDate.nullish(), clawbackInterest: clawbackInterestSchema.nullish() }).nullish(),
  }),
});
