import { addProblem, problemIssue } from '@ledger/kernel';
import { z } from 'zod';
import { localDate, nonBlank } from '../shared/input-fields';
import { isLocalDate } from '../shared/contract-context';

/*
 * The on-demand operations' arguments: shape and format (ValidateInput). The obligation, the term, the duplicate call
 * and the call's own dates come from the contract and stay in OnDemandService (`defer` mode).
 */

export const recordOnDemandCallArgs = z.object({
  input: z
    .object({
      obligationId: nonBlank('value.required'),
      calledOn: localDate,
      dueOn: localDate.nullish(),
      subject: z.string().max(200).nullish(),
    })
    .superRefine((i, ctx) => {
      if (i.dueOn != null && isLocalDate(i.calledOn) && isLocalDate(i.dueOn) && i.dueOn < i.calledOn)
        addProblem(ctx, 'onDemand.dueBeforeCall', { value: i.dueOn, calledOn: i.calledOn }, ['dueOn']);
    }),
});

export const serveOnDemandCallArgs = z.object({
  input: z.object({
    servedOn: localDate,
    evidence: z
      .string()
      .max(500)
      .refine((v) => v.trim() !== '', problemIssue('value.required')),
  }),
});
