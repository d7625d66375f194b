import { z } from 'zod';
import { decimalInput } from '@ledger/kernel';
import { periodIdSchema, yearSchema } from '../../config/common.schema';

/*
 * Payment conditions. A condition is met, failed (the line is withheld) or pending (the fact is not known
 * yet; the line stays scheduled). Absent `period`/`year` = the line's own period (or year).
 */
const scoreTarget = {
  period: periodIdSchema.optional().describe("an assessment period id; default the line's period, else its year"),
  year: yearSchema.optional().describe("a year score; default the line's year when the line has no period"),
};

export const scoreAtLeastConditionSchema = z.strictObject({
  kind: z.literal('score-at-least'),
  min: decimalInput,
  ...scoreTarget,
});
export const gradeInConditionSchema = z.strictObject({
  kind: z.literal('grade-in'),
  grades: z.array(z.string().min(1)).min(1),
  ...scoreTarget,
});
export const acceptancePassedConditionSchema = z.strictObject({ kind: z.literal('acceptance-passed') });
export const quarterQualifiedConditionSchema = z.strictObject({
  kind: z.literal('quarter-qualified'),
  quarter: periodIdSchema.optional().describe("default: the line's quarter"),
});
export const ledgerConfirmedConditionSchema = z.strictObject({
  kind: z.literal('ledger-confirmed'),
  period: periodIdSchema
    .optional()
    .describe("default: the line's period; without one, the whole-contract ledger confirmation"),
});

/** Qinghai 002:428: "每次付款前，乙方应按应付金额向甲方提供增值税普通发票" — the line's invoice, for the amount payable. */
export const invoiceReceivedConditionSchema = z.strictObject({ kind: z.literal('invoice-received') });

export const conditionSchema = z.discriminatedUnion('kind', [
  scoreAtLeastConditionSchema,
  gradeInConditionSchema,
  acceptancePassedConditionSchema,
  quarterQualifiedConditionSchema,
  ledgerConfirmedConditionSchema,
  invoiceReceivedConditionSchema,
]);
export type Condition = z.output<typeof conditionSchema>;
export type ConditionKind = Condition['kind'];
