import {
  dec,
  decimalInput,
  Decimal,
  positiveDecimalInput,
  roundHalfUp,
  toFixed2,
  type Problem,
  problem,
  problemIssue,
} from '@ledger/kernel';
import { z } from 'zod';
import { describeInterval, findBand, intervalSchema, validateBands } from '../shared/bands';
import { explain } from '../shared/format';
import type { ComponentResult, RuleDefinition } from '../types';

export const gradeBandSchema = intervalSchema.extend({
  grade: z.string().min(1),
  passes: z.boolean(),
  label: z.string().optional(),
});
export type GradeBand = z.infer<typeof gradeBandSchema>;

export const itemAverageGradeParamsSchema = z.object({
  /** The items scored (Qinghai: 11 items, 每次巡检服务 … 服务改进措施). */
  items: z.array(z.object({ id: z.string().min(1), label: z.string().optional() })).min(1),
  /** Each item is scored 0..itemMax (Qinghai: 100). */
  itemMax: positiveDecimalInput.default('100'),
  /** Grade bands over the average, covering 0..itemMax (Qinghai: A ≥ 90 passes; B [80, 90); C < 80). */
  grades: z.array(gradeBandSchema).min(1),
});
export type ItemAverageGradeParams = z.infer<typeof itemAverageGradeParamsSchema>;
/** Item id → score. */
export type ItemAverageGradeInput = Record<string, string>;

export const itemAverageGradeRule: RuleDefinition<ItemAverageGradeParams, ItemAverageGradeInput> = {
  kind: 'item-average-grade',
  description: 'Average of N items each 0..itemMax; the average is the points and picks a grade.',
  paramsSchema: itemAverageGradeParamsSchema,
  reads: { source: 'period-input', field: 'itemScores', keyed: false, select: 'all' },
  inputShape(params) {
    return {
      value: 'items',
      unit: null,
      min: '0',
      max: params.itemMax,
      parts: params.items.map((it) => ({ id: it.id, label: it.label ?? it.id, max: params.itemMax })),
      choices: [],
      bonus: null,
    };
  },
  validate(params): Problem[] {
    const problems: Problem[] = [];
    params.items.forEach((it, i) => {
      const first = params.items.findIndex((o) => o.id === it.id);
      if (first !== i)
        problems.push(problem(`items[${i}].id`, 'scoring.duplicateItem', { value: it.id, other: `items[${first}]` }));
    });
    problems.push(
      ...validateBands(
        params.grades,
        { min: { value: '0', inclusive: true }, max: { value: params.itemMax, inclusive: true } },
        'grades',
      ),
    );
    params.grades.forEach((g, i) => {
      const first = params.grades.findIndex((o) => o.grade === g.grade);
      if (first !== i)
        problems.push(
          problem(`grades[${i}].grade`, 'scoring.duplicateGrade', { value: g.grade, other: `grades[${first}]` }),
        );
    });
    return problems;
  },
  inputSchema(params) {
    const shape: Record<string, z.ZodType<string>> = {};
    for (const it of params.items) {
      shape[it.id] = decimalInput.refine(
        (v) => dec(v).gte(0) && dec(v).lte(dec(params.itemMax)),
        problemIssue('number.range', { min: 0, max: params.itemMax }),
      );
    }
    return z.strictObject(shape);
  },
  evaluate(params, input): ComponentResult {
    const sum = params.items.reduce((acc, it) => acc.plus(dec(input[it.id])), new Decimal(0));
    const exact = sum.div(params.items.length);
    // The grade is read from the average as written on the form (two decimals, half up).
    const average = roundHalfUp(exact, 2);
    const i = findBand(params.grades, average);
    if (i < 0)
      throw new Error(
        `item-average-grade: ${average.toString()} is in no grade band; the parameters were not validated`,
      );
    const g = params.grades[i];
    return {
      points: toFixed2(average),
      explanation: `average of ${params.items.length} items = ${sum.toString()} ÷ ${params.items.length} = ${toFixed2(average)} in ${describeInterval(g)} → grade ${g.grade} (${g.passes ? 'passes' : 'fails'})`,
      explained: explain('score.item-average', {
        items: params.items.length,
        sum: sum.toString(),
        average: average.toString(),
        band: describeInterval(g),
        grade: g.grade,
        passes: String(g.passes),
      }),
      details: { sum: sum.toString(), average: toFixed2(average), items: params.items.length, grade: g.grade },
      grade: { letter: g.grade, passes: g.passes },
    };
  },
};
