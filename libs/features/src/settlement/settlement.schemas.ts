import { addProblem } from '@ledger/kernel';
import { z } from 'zod';

/**
 * The simulation's arguments (ValidateInput): exactly one of a preset or a configuration, the assessments a list.
 * Whether the preset exists and what the configuration says are the presets' and the payment engine's.
 */
export const simulateSettlementArgs = z.object({
  input: z
    .object({
      presetId: z.string().nullish(),
      configuration: z.unknown().optional(),
      assessments: z.unknown().optional(),
    })
    .superRefine((input, ctx) => {
      if ((input.presetId != null) === (input.configuration != null))
        addProblem(ctx, 'choice.exactlyOne', { first: 'presetId', second: 'configuration' });
      if (input.assessments != null && !Array.isArray(input.assessments))
        addProblem(ctx, 'settlement.assessmentsList', {}, ['assessments']);
    }),
});
