import { problemIssue } from '@ledger/kernel';
import { z } from 'zod';

/** adoptSlaRevision's arguments: a reason (the contract and what can move are checked in SlaRevisionsService). */
export const adoptSlaRevisionArgs = z.object({
  input: z.object({
    reason: z
      .string()
      .max(500)
      .refine((v) => v.trim() !== '', problemIssue('value.required')),
  }),
});
