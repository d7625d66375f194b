import { PRESET_IDS } from '@ledger/contracts';
import { addProblem, problemIssue } from '@ledger/kernel';
import { z } from 'zod';
import { codeText, nonBlank, uuidText } from '../shared/input-fields';
import { decodeCursor } from './contract-cursor';
import { TERM_STATES } from './contracts.models';

/*
 * The contract operations' arguments: shape, format and range (ValidateInput). Whether the vendor or the agencies
 * exist, whether a code is taken, and the configuration language (the one validation checkContractConfiguration
 * shares) stay in ContractsService.
 */

export const MAX_PAGE = 200;
export const MAX_WORDS = 10;
const MAX_TEXT = 100;
const MAX_AGENCIES = 50;

/** The words of a search text (blank-separated). */
export const searchWords = (text: string | null | undefined): string[] => {
  const t = text?.trim() ?? '';
  return t === '' ? [] : t.split(/\s+/u);
};

const filter = z.object({
  text: z
    .string()
    .nullish()
    .superRefine((text, ctx) => {
      if ((text?.trim() ?? '').length > MAX_TEXT) addProblem(ctx, 'text.tooLong', { max: MAX_TEXT });
      else if (searchWords(text).length > MAX_WORDS) addProblem(ctx, 'list.tooLong', { max: MAX_WORDS });
    }),
  termStates: z
    .array(
      z.string().superRefine((s, ctx) => {
        if (!(TERM_STATES as readonly string[]).includes(s))
          addProblem(ctx, 'unknown.state', { value: s, known: TERM_STATES });
      }),
    )
    .nullish(),
  tenantIds: z
    .array(uuidText)
    .nullish()
    .refine((ids) => new Set(ids ?? []).size <= MAX_AGENCIES, problemIssue('list.tooLong', { max: MAX_AGENCIES })),
});

export const contractSearchArgs = z.object({
  filter: filter.nullish(),
  first: z
    .number()
    .nullish()
    .refine(
      (n) => n == null || (Number.isInteger(n) && n >= 1 && n <= MAX_PAGE),
      problemIssue('number.range', { min: 1, max: MAX_PAGE }),
    ),
  after: z
    .string()
    .nullish()
    .refine((c) => c == null || decodeCursor(c) !== null, problemIssue('value.invalid')),
});

export const createContractArgs = z.object({
  input: z
    .object({
      code: codeText,
      name: nonBlank(),
      vendorOrgId: uuidText,
      presetId: z.string().nullish(),
      configuration: z.unknown().optional(),
    })
    .superRefine((input, ctx) => {
      const hasPreset = input.presetId != null;
      if (hasPreset === (input.configuration != null))
        addProblem(ctx, 'choice.exactlyOne', { first: 'presetId', second: 'configuration' });
      if (input.presetId != null && !(PRESET_IDS as readonly string[]).includes(input.presetId))
        addProblem(ctx, 'unknown.preset', { value: input.presetId }, ['presetId']);
    }),
});

/** Checked in `defer` mode: the contract is looked up (NOT_FOUND, FORBIDDEN) before any problem is reported. */
export const updateContractConfigurationArgs = z.object({
  input: z.object({ changeNote: nonBlank('contract.changeNoteRequired'), configuration: z.unknown().optional() }),
});
