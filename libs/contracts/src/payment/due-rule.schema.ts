import { z } from 'zod';
import { localDateSchema } from '../config/common.schema';

/** Events a due date can be relative to. `period-end`, `assessment` refer to the line's own period. */
export const dueEventSchema = z
  .enum(['signing', 'term-start', 'term-end', 'period-end', 'year-end', 'assessment', 'year-assessment', 'acceptance'])
  .describe(
    "signing: the signing date (term.signed or facts.signedOn); period-end: end of the line's period (a quarter for quarterly instalments); " +
      "assessment: the assessment date of the line's period; year-assessment: the date the line's year score was set; acceptance: facts.acceptance.date",
  );
export type DueEvent = z.infer<typeof dueEventSchema>;

/** When a line falls due: a fixed date, or N months and/or days after an event. */
export const dueRuleSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('date'), date: localDateSchema }),
  z.strictObject({
    kind: z.literal('after'),
    event: dueEventSchema,
    months: z.number().int().min(0).max(120).default(0),
    days: z.number().int().min(0).max(3660).default(0),
  }),
]);
export type DueRule = z.output<typeof dueRuleSchema>;
