import { addProblem, decimalInput } from '@ledger/kernel';
import { z } from 'zod';
import {
  idSchema,
  localDateSchema,
  moneySchema,
  nonNegativeDecimalSchema,
  percentSchema,
  periodIdSchema,
  yearSchema,
} from '../config/common.schema';

/**
 * What happened (or is assumed, for a what-if): plain data the payment engine reads. Everything is
 * optional; a fact that is missing leaves the lines that need it pending, never guessed.
 */
/**
 * The interest of an acceptance clawback (domain.md rule 17, 004:3104 按银行同期商业贷款利率计算的利息): the bank's
 * same-period commercial loan rate as the buyer enters it, the interest period, and where the rate comes from.
 */
export const clawbackInterestSchema = z
  .strictObject({
    annualRatePercent: percentSchema.describe('annual rate in %, e.g. "3.45"'),
    from: localDateSchema.describe('first day of interest'),
    to: localDateSchema.describe('the day interest stops (not counted)'),
    source: z
      .string()
      .trim()
      .min(1)
      .describe('where the rate comes from, e.g. 中国人民银行授权全国银行间同业拆借中心公布的一年期 LPR（2027-03-20）'),
  })
  .superRefine((x, ctx) => {
    if (x.to <= x.from) addProblem(ctx, 'date.endsBeforeStart', { end: x.to, start: x.from }, ['to']);
  });

export const paymentFactsSchema = z.strictObject({
  signedOn: localDateSchema.optional().describe('overrides term.signed'),
  periods: z
    .array(
      z.strictObject({
        id: periodIdSchema.describe('2026-H1, 2026-Q3, 2026-05'),
        score: decimalInput.optional(),
        grade: z.string().optional(),
        assessedOn: localDateSchema.optional().describe('the assessment date (due dates run from it)'),
        confirmed: z.boolean().optional(),
        validComplaints: z.number().int().min(0).optional(),
        ledgerConfirmed: z.boolean().optional().describe('台账 confirmed by the buyer for this period'),
      }),
    )
    .default([]),
  years: z
    .array(
      z.strictObject({
        year: yearSchema,
        score: decimalInput.optional(),
        grade: z.string().optional(),
        assessedOn: localDateSchema.optional(),
        confirmed: z.boolean().optional(),
      }),
    )
    .default([]),
  quarters: z.array(z.strictObject({ id: periodIdSchema, qualified: z.boolean() })).default([]),
  attendance: z
    .array(
      z.strictObject({
        year: yearSchema.optional().describe('absent = the whole term'),
        plannedPersonMonths: nonNegativeDecimalSchema
          .optional()
          .describe('default: Σ headcount of attendance roles × months of the term (rule 9)'),
        actualPersonMonths: nonNegativeDecimalSchema,
      }),
    )
    .default([]),
  acceptance: z
    .strictObject({
      passed: z.boolean(),
      date: localDateSchema.optional(),
      clawbackInterest: clawbackInterestSchema
        .optional()
        .describe('Tianjin 004:3104: interest on the contract amount if acceptance fails, at a rate the buyer enters'),
    })
    .optional(),
  ledgerConfirmed: z.boolean().optional().describe('whole-contract 台账 confirmation'),
  lateDeliveries: z
    .array(
      z.strictObject({
        id: idSchema,
        description: z.string().optional(),
        serviceValue: moneySchema.describe('value of the late service'),
        daysLate: z.number().int().min(0),
        on: localDateSchema.optional().describe('when it was finally delivered; picks the line it is deducted from'),
        lineId: z.string().optional(),
      }),
    )
    .default([]),
  payments: z.array(z.strictObject({ lineId: z.string(), amount: moneySchema, paidOn: localDateSchema })).default([]),
  invoices: z
    .array(
      z.strictObject({
        lineId: z.string(),
        number: z.string().min(1).describe('the invoice number (发票号码)'),
        amount: moneySchema,
        receivedOn: localDateSchema,
      }),
    )
    .default([])
    .describe('VAT invoices the buyer received, per schedule line (Qinghai 002:428)'),
  adjustments: z
    .array(
      z.strictObject({
        id: idSchema,
        amount: moneySchema.describe('positive reduces the payment; negative gives back'),
        reason: z.string().min(1, 'an adjustment needs a reason'),
        lineId: z.string().optional().describe('default: the next line not yet paid'),
        on: localDateSchema.optional(),
        key: z.string().optional().describe('the line key of the close line the adjustment is recorded as'),
      }),
    )
    .default([]),
  settled: z
    .array(
      z.strictObject({
        lineId: z.string(),
        deductions: z.array(
          z.strictObject({
            ruleId: z.string(),
            kind: z.string(),
            label: z.string().optional(),
            basis: z.record(z.string(), z.string()),
            formula: z.strictObject({ code: z.string(), params: z.record(z.string(), z.string()) }),
            amount: moneySchema,
            key: z.string().optional().describe('the line key of the confirmed close line (none for a zero amount)'),
          }),
        ),
      }),
    )
    .default([])
    .describe(
      'lines a confirmed close accounted for, with the deductions it computed on them: those rules are not recomputed (domain rule 11)',
    ),
});
export type PaymentFactsInput = z.input<typeof paymentFactsSchema>;
export type PaymentFacts = z.output<typeof paymentFactsSchema>;
