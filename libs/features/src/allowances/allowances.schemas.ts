import { problemIssue } from '@ledger/kernel';
import { z } from 'zod';
import { localDate, nonBlank, uuidText } from '../shared/input-fields';

/*
 * logAllowanceWork's arguments: shape and format (ValidateInput). The allowance, the amount's range, the term and the
 * closed periods come from the contract and stay in AllowancesService (`defer` mode), with these.
 */
export const logAllowanceWorkArgs = z.object({
  input: z.object({
    allowanceId: nonBlank('value.required'),
    ticketId: uuidText.nullish(),
    workedOn: localDate,
    amount: z.string().refine((v) => /^-?\d{1,8}(\.\d+)?$/.test(v.trim()), problemIssue('number.notDecimal')),
    description: z
      .string()
      .max(500)
      .refine((v) => v.trim() !== '', problemIssue('value.required')),
  }),
});
