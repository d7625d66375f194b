import { addProblemAt, dec, decimalInput, Decimal, problem, type Problem } from '@ledger/kernel';
import { z } from 'zod';
import { nonEmpty } from '../shared/non-empty';
import { parsePath } from '../shared/path';
import { priceParamsSchema, validatePriceParams } from './price.rule';
import { procurementItemKinds, procurementItemRegistry } from './registry';
import type { AnyProcurementItemDefinition } from './types';

function paramsWithSemantics(def: AnyProcurementItemDefinition) {
  return def.paramsSchema.superRefine((params, ctx) => {
    for (const p of def.validate(params)) addProblemAt(ctx, p, parsePath(p.path));
  });
}

const itemOptions = procurementItemKinds.map((kind) =>
  z.object({
    id: z.string().min(1),
    label: z.string().min(1),
    kind: z.literal(kind),
    params: paramsWithSemantics(procurementItemRegistry[kind]),
  }),
);

export const procurementItemSchema = z.discriminatedUnion('kind', nonEmpty(itemOptions), {
  error: (iss) =>
    iss.code === 'invalid_union' ? `unknown kind; known kinds: ${procurementItemKinds.join(', ')}` : undefined,
});

const schemeObject = z.object({
  name: z.string().optional(),
  /** 百分制: price weight + every item's maximum must add up to this. */
  totalPoints: decimalInput.default('100'),
  price: priceParamsSchema.default({ weight: '10', smallMicroDeduction: '0.20' }),
  /** Optional checks of the parts' totals (Tianjin: objective 30, subjective 60). */
  groupTotals: z.object({ objective: decimalInput.optional(), subjective: decimalInput.optional() }).optional(),
  items: z.array(procurementItemSchema).min(1),
  /** Fewer valid bids than this raises a flag (27.6: < 3 terminates; 27.7: 2 suffice for purchased services). */
  minValidBids: z.number().int().min(1).default(3),
  ranking: z
    .object({
      /** Compare totals as shown (two decimals, half up) or exactly; the seed gives no rounding rule. */
      scoreBasis: z.enum(['rounded', 'exact']).default('rounded'),
      /** 得分相同的，按投标报价由低到高: the offered price ('bid') or the evaluated price after the deduction. */
      tiePrice: z.enum(['bid', 'evaluated']).default('bid'),
    })
    .default({ scoreBasis: 'rounded', tiePrice: 'bid' }),
});
type SchemeShape = z.infer<typeof schemeObject>;

function schemeSemantics(s: SchemeShape): Problem[] {
  const problems: Problem[] = [...validatePriceParams(s.price).map((p) => ({ ...p, path: `price.${p.path}` }))];
  const seen = new Map<string, number>();
  let objective = new Decimal(0),
    subjective = new Decimal(0);
  s.items.forEach((it, i) => {
    const first = seen.get(it.id);
    if (first !== undefined)
      problems.push(problem(`items[${i}].id`, 'scoring.duplicateItem', { value: it.id, other: `items[${first}]` }));
    else seen.set(it.id, i);
    const def: AnyProcurementItemDefinition = procurementItemRegistry[it.kind];
    const max = def.maxPoints(it.params);
    if (def.source === 'bid') objective = objective.plus(max);
    else subjective = subjective.plus(max);
  });
  const total = dec(s.price.weight).plus(objective).plus(subjective);
  if (!total.eq(dec(s.totalPoints))) {
    problems.push(
      problem('items', 'procurement.totalMismatch', {
        price: s.price.weight,
        objective: objective.toString(),
        subjective: subjective.toString(),
        total: total.toString(),
        totalPoints: s.totalPoints,
      }),
    );
  }
  if (s.groupTotals?.objective !== undefined && !objective.eq(dec(s.groupTotals.objective))) {
    problems.push(
      problem('groupTotals.objective', 'procurement.objectiveTotalMismatch', {
        sum: objective.toString(),
        expected: s.groupTotals.objective,
      }),
    );
  }
  if (s.groupTotals?.subjective !== undefined && !subjective.eq(dec(s.groupTotals.subjective))) {
    problems.push(
      problem('groupTotals.subjective', 'procurement.subjectiveTotalMismatch', {
        sum: subjective.toString(),
        expected: s.groupTotals.subjective,
      }),
    );
  }
  return problems;
}

/** A package's procurement scoring (Tianjin: price 10 + objective 30 + subjective 60). */
export const procurementSchemeSchema = schemeObject.superRefine((s, ctx) => {
  for (const p of schemeSemantics(s)) addProblemAt(ctx, p, parsePath(p.path));
});
export type ProcurementScheme = z.output<typeof procurementSchemeSchema>;
export type ProcurementSchemeInput = z.input<typeof procurementSchemeSchema>;
export type ProcurementItem = z.output<typeof procurementItemSchema>;
