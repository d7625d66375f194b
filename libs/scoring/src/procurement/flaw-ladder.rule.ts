import { addProblem, dec, decimalInput, problem, type Problem } from '@ledger/kernel';
import { z } from 'zod';
import { explain } from '../shared/format';
import type { ItemScore, ProcurementItemDefinition } from './types';

export const flawLadderParamsSchema = z.object({
  /**
   * Points by number of flaws (瑕疵): ladder[0] for none (满足招标文件要求，无瑕疵), ladder[k] for k flaws;
   * ladder.length or more flaws → 0 (内容存在N处及以上瑕疵：0分). L12 = [12, 9, 6, 3].
   */
  ladder: z.array(decimalInput).min(1),
  /**
   * 至少包含…等方面内容: topics the plan should cover. A missing one is 内容缺项 — one flaw each, added to
   * the evaluator's other flaws.
   */
  expectedTopics: z.array(z.string().min(1)).default([]),
  /**
   * 应包含…，否则不予认定加分 / 缺失任意一项不予认定加分: topics whose absence makes the item score 0
   * regardless of flaws (P2 S3, P3 S3, P7 S3, P7 S5).
   */
  mandatoryTopics: z.array(z.string().min(1)).default([]),
});
export type FlawLadderParams = z.infer<typeof flawLadderParamsSchema>;

export const flawSheetEntrySchema = z.strictObject({
  /** Flaws found other than missing listed topics (those are given in missingTopics). */
  flaws: z.number().int().nonnegative(),
  /** false: 未提供方案 → 0. */
  provided: z.boolean().default(true),
  /** false: 不满足招标文件要求 → 0. */
  meetsRequirements: z.boolean().default(true),
  /** Listed topics (expected or mandatory) the plan does not cover. */
  missingTopics: z.array(z.string().min(1)).default([]),
});
export type FlawLadderInput = z.infer<typeof flawSheetEntrySchema>;

export const flawLadderItem: ProcurementItemDefinition<FlawLadderParams, FlawLadderInput> = {
  kind: 'flaw-ladder',
  description:
    'Subjective plan item: points fall with each flaw (瑕疵); no plan, a failed requirement or a missing mandatory topic → 0.',
  source: 'sheet',
  paramsSchema: flawLadderParamsSchema,
  validate(params): Problem[] {
    const problems: Problem[] = [];
    params.ladder.forEach((p, i) => {
      if (dec(p).lte(0))
        problems.push(problem(`ladder[${i}]`, 'procurement.ladderPositive', { count: params.ladder.length }));
      if (i > 0 && dec(p).gte(dec(params.ladder[i - 1])))
        problems.push(
          problem(`ladder[${i}]`, 'procurement.ladderNotDecreasing', {
            previous: `ladder[${i - 1}]`,
            previousValue: params.ladder[i - 1],
          }),
        );
    });
    const all = [...params.expectedTopics, ...params.mandatoryTopics];
    const at = (i: number): string =>
      i < params.expectedTopics.length
        ? `expectedTopics[${i}]`
        : `mandatoryTopics[${i - params.expectedTopics.length}]`;
    all.forEach((t, i) => {
      const first = all.indexOf(t);
      if (first !== i) problems.push(problem(at(i), 'list.duplicate', { value: t, other: at(first) }));
    });
    return problems;
  },
  maxPoints: (params) => dec(params.ladder[0]),
  inputSchema(params) {
    const known = [...params.expectedTopics, ...params.mandatoryTopics];
    // A bare whole number is shorthand for { flaws: n } (a plan provided, meeting the requirements).
    const entry = z.preprocess((v) => (typeof v === 'number' ? { flaws: v } : v), flawSheetEntrySchema);
    return entry.superRefine((e, ctx) => {
      e.missingTopics.forEach((t, i) => {
        if (!known.includes(t)) addProblem(ctx, 'unknown.topic', { value: t, known }, ['missingTopics', i]);
      });
    });
  },
  evaluate(params, e): ItemScore {
    if (!e.provided)
      return { points: '0', explanation: '未提供方案 (no plan) → 0', explained: explain('procurement.flaws.no-plan') };
    if (!e.meetsRequirements)
      return {
        points: '0',
        explanation: '不满足招标文件要求 (fails the requirements) → 0',
        explained: explain('procurement.flaws.fails-requirements'),
      };
    const missingMandatory = e.missingTopics.filter((t) => params.mandatoryTopics.includes(t));
    if (missingMandatory.length) {
      return {
        points: '0',
        explanation: `缺失必备内容 ${missingMandatory.join('、')} → 不予认定加分 → 0`,
        explained: explain('procurement.flaws.missing-mandatory', { topics: missingMandatory.join('、') }),
      };
    }
    const missingExpected = e.missingTopics.filter((t) => params.expectedTopics.includes(t));
    const flaws = e.flaws + missingExpected.length;
    const how = missingExpected.length
      ? `${e.flaws} + ${missingExpected.length} 缺项 (${missingExpected.join('、')}) = ${flaws}`
      : `${flaws}`;
    // The evaluator's flaws and the missing topics only when topics are missing (the sum is then shown).
    const parts = missingExpected.length
      ? { found: e.flaws, missing: missingExpected.length, topics: missingExpected.join('、') }
      : {};
    if (flaws >= params.ladder.length) {
      return {
        points: '0',
        explanation: `${how} 处瑕疵 ≥ ${params.ladder.length} → 0`,
        explained: explain('procurement.flaws.too-many', { ...parts, flaws, limit: params.ladder.length }),
      };
    }
    const points = dec(params.ladder[flaws]).toString();
    return {
      points,
      explanation: `${how} 处瑕疵 → ${params.ladder[flaws]}`,
      explained: explain('procurement.flaws', { ...parts, flaws, points }),
    };
  },
};
