import { PRESET_IDS, getPreset } from '@ledger/contracts';
import { addProblem, addProblemAt, dec, problemIssue } from '@ledger/kernel';
import { PREFERENCE_BASES } from '@ledger/persistence';
import { validateProcurementScheme } from '@ledger/scoring';
import { z } from 'zod';
import { codeText, isJsonObject, nonBlank, oneOf, positiveMoney } from '../shared/input-fields';
import { addNestedProblems } from '../graphql/validate-input.interceptor';

/*
 * The procurement operations' inputs: shape, format and range (ValidateInput). Whether the project or the package
 * exists, whether a number, bidder or sheet is taken, and whether answers fit the package's scheme need the database
 * and stay in ProcurementService.
 */

export const createProcurementProjectArgs = z.object({ input: z.object({ code: codeText, name: nonBlank() }) });

const isPreset = (id: string): boolean => (PRESET_IDS as readonly string[]).includes(id);

const addProcurementPackageInput = z
  .object({
    number: z.number().refine((n) => Number.isInteger(n) && n >= 1, problemIssue('number.wholeAtLeast', { min: 1 })),
    name: nonBlank(),
    budget: z.string().nullish(),
    presetId: z.string().nullish(),
    scheme: z.unknown().optional(),
  })
  .superRefine((input, ctx) => {
    const hasPreset = input.presetId != null;
    const hasScheme = input.scheme != null;
    if (hasPreset === hasScheme) addProblem(ctx, 'choice.exactlyOne', { first: 'presetId', second: 'scheme' });
    if (input.presetId != null) {
      const id = input.presetId;
      if (!isPreset(id)) addProblem(ctx, 'unknown.preset', { value: id }, ['presetId']);
      else {
        const scheme = getPreset(id).config.procurement;
        if (scheme === undefined) addProblem(ctx, 'procurement.presetWithoutScheme', { value: id }, ['presetId']);
        // A preset that fails its own scheme language is ours to fix; it is said at the field that chose it.
        else for (const p of validateProcurementScheme(scheme)) addProblemAt(ctx, p, ['presetId']);
      }
    } else if (hasScheme) {
      if (!isJsonObject(input.scheme)) addProblem(ctx, 'text.json', {}, ['scheme']);
      else addNestedProblems(ctx, 'scheme', validateProcurementScheme(input.scheme));
      if (input.budget == null) addProblem(ctx, 'procurement.budgetRequired', {}, ['budget']);
    }
    if (input.budget != null && !dec(input.budget).gt(0)) addProblem(ctx, 'number.positive', {}, ['budget']);
  });

/** Checked in `defer` mode: the answers are checked against the package's scheme, found in the database. */
const recordBidInput = z.object({
  bidderName: nonBlank(),
  price: positiveMoney,
  preferenceBasis: oneOf(PREFERENCE_BASES).nullish(),
  objective: z
    .unknown()
    .refine((v) => v == null || isJsonObject(v), problemIssue('procurement.answersObject'))
    .optional(),
  disqualificationReason: nonBlank().nullish(),
});

/** Checked in `defer` mode: the bid and the answers against the scheme need the database. */
const recordEvaluatorSheetInput = z.object({
  evaluator: nonBlank(),
  items: z.unknown().refine(isJsonObject, problemIssue('procurement.answersObject')),
});

export const addProcurementPackageArgs = z.object({ input: addProcurementPackageInput });
export const recordBidArgs = z.object({ input: recordBidInput });
export const recordEvaluatorSheetArgs = z.object({ input: recordEvaluatorSheetInput });
