import { z } from 'zod';
import { idSchema } from '../config/common.schema';
import { conditionSchema } from './conditions/condition.schema';
import { deductionRules, milestoneRules } from './registry';

const milestoneBase = {
  id: idSchema,
  label: z.string().min(1),
  conditions: z
    .array(conditionSchema)
    .default([])
    .describe('all must hold for each line of the milestone (else withheld)'),
};

const m = milestoneRules;
export const milestoneSchema = z.discriminatedUnion('kind', [
  z.strictObject({ ...milestoneBase, kind: z.literal(m.percent.kind), params: m.percent.params }),
  z.strictObject({
    ...milestoneBase,
    kind: z.literal(m['cumulative-target'].kind),
    params: m['cumulative-target'].params,
  }),
  z.strictObject({
    ...milestoneBase,
    kind: z.literal(m['quarterly-instalments'].kind),
    params: m['quarterly-instalments'].params,
  }),
  z.strictObject({
    ...milestoneBase,
    kind: z.literal(m['per-period-share'].kind),
    params: m['per-period-share'].params,
  }),
  z.strictObject({
    ...milestoneBase,
    kind: z.literal(m['settlement-after-assessment'].kind),
    params: m['settlement-after-assessment'].params,
  }),
]);
export type Milestone = z.output<typeof milestoneSchema>;

const deductionBase = {
  id: idSchema,
  label: z.string().optional(),
  target: z.array(idSchema).optional().describe('milestone ids whose lines this rule reduces; default every milestone'),
  exclusiveGroup: z
    .string()
    .optional()
    .describe('deductions add up; rules sharing a group on the same line are alternatives: only the largest applies'),
};

const d = deductionRules;
export const deductionSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    ...deductionBase,
    kind: z.literal(d['per-point-below-threshold'].kind),
    params: d['per-point-below-threshold'].params,
  }),
  z.strictObject({
    ...deductionBase,
    kind: z.literal(d['absence-pro-rata'].kind),
    params: d['absence-pro-rata'].params,
  }),
  z.strictObject({ ...deductionBase, kind: z.literal(d['per-complaint'].kind), params: d['per-complaint'].params }),
  z.strictObject({
    ...deductionBase,
    kind: z.literal(d['complaint-threshold-percent'].kind),
    params: d['complaint-threshold-percent'].params,
  }),
  z.strictObject({ ...deductionBase, kind: z.literal(d['grade-percent'].kind), params: d['grade-percent'].params }),
  z.strictObject({
    ...deductionBase,
    kind: z.literal(d['liquidated-damages'].kind),
    params: d['liquidated-damages'].params,
  }),
  z.strictObject({
    ...deductionBase,
    kind: z.literal(d['acceptance-clawback'].kind),
    params: d['acceptance-clawback'].params,
  }),
  z.strictObject({
    ...deductionBase,
    kind: z.literal(d['manual-adjustment'].kind),
    params: d['manual-adjustment'].params,
  }),
  z.strictObject({
    ...deductionBase,
    kind: z.literal(d['consecutive-grade-forfeit'].kind),
    params: d['consecutive-grade-forfeit'].params,
  }),
]);
export type Deduction = z.output<typeof deductionSchema>;

/** Payment terms: milestones with conditions, and deduction rules. Empty milestones = terms not stated (Beijing). */
export const paymentSchema = z.strictObject({
  milestones: z.array(milestoneSchema).default([]),
  deductions: z.array(deductionSchema).default([]),
});
export type PaymentTerms = z.output<typeof paymentSchema>;
