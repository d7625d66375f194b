import { problemIssue } from '@ledger/kernel';
import { z } from 'zod';

/** How many notifications one call returns at most. */
export const MAX_NOTIFICATIONS = 500;

/** The notification list's arguments (ValidateInput): a page of 1..500. */
export const notificationsArgs = z.object({
  limit: z
    .number()
    .refine(
      (n) => Number.isInteger(n) && n >= 1 && n <= MAX_NOTIFICATIONS,
      problemIssue('number.range', { min: 1, max: MAX_NOTIFICATIONS }),
    ),
});
