import { addProblem } from '@ledger/kernel';
import { z } from 'zod';
import { localDate, nonBlank, oneOf } from '../shared/input-fields';
import { isLocalDate } from '../shared/contract-context';

/*
 * The staffing operations' arguments: shape, format and range (ValidateInput). The role, the term, the roster's
 * overlaps and the replaced member's dates come from the contract and stay in StaffingService, which reports them
 * with these (`defer` mode) after the contract is found.
 */

export const PLACEMENTS = ['on-site', 'remote', 'offshore'] as const;

export const staffRosterArgs = z.object({ asOf: localDate.nullish() });

export const addStaffMemberArgs = z.object({
  input: z
    .object({
      personId: nonBlank('value.required'),
      name: nonBlank('value.required'),
      placement: oneOf(PLACEMENTS).nullish(),
      fromDate: localDate,
      toDate: localDate.nullish(),
    })
    .superRefine((i, ctx) => {
      if (i.toDate != null && isLocalDate(i.fromDate) && isLocalDate(i.toDate) && i.toDate < i.fromDate)
        addProblem(ctx, 'date.endsBeforeStart', { end: i.toDate, start: i.fromDate }, ['toDate']);
    }),
});

export const recordReplacementArgs = z.object({
  input: z
    .object({
      newPersonId: nonBlank('value.required'),
      newName: nonBlank('value.required'),
      appliedOn: localDate,
      changeOn: localDate,
      handoverFrom: localDate.nullish(),
      handoverTo: localDate.nullish(),
    })
    .superRefine((i, ctx) => {
      if (isLocalDate(i.appliedOn) && isLocalDate(i.changeOn) && i.changeOn <= i.appliedOn)
        addProblem(ctx, 'staffing.changeBeforeApplication', { value: i.changeOn, applied: i.appliedOn }, ['changeOn']);
    }),
});
