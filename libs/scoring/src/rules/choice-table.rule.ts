import { decimalInput, type Problem, problem, problemIssue } from '@ledger/kernel';
import { z } from 'zod';
import { explain, points2, signed } from '../shared/format';
import type { ComponentResult, RuleDefinition } from '../types';

export const choiceTableParamsSchema = z.object({
  /** What was asked, for explanations: '经办部门整体满意度'. */
  question: z.string().min(1),
  choices: z.array(z.object({ value: z.string().min(1), points: decimalInput, label: z.string().optional() })).min(1),
});
export type ChoiceTableParams = z.infer<typeof choiceTableParamsSchema>;
export type ChoiceTableInput = string;

export const choiceTableRule: RuleDefinition<ChoiceTableParams, ChoiceTableInput> = {
  kind: 'choice-table',
  description: 'Points for one answer chosen from a fixed list (satisfaction surveys).',
  paramsSchema: choiceTableParamsSchema,
  // One answer per component: satisfaction[component.input].
  reads: { source: 'period-input', field: 'satisfaction', keyed: true, select: 'all' },
  inputShape(params) {
    return {
      value: 'choice',
      unit: null,
      min: null,
      max: null,
      parts: [],
      choices: params.choices.map((c) => c.value),
      bonus: null,
    };
  },
  validate(params): Problem[] {
    const problems: Problem[] = [];
    params.choices.forEach((c, i) => {
      const first = params.choices.findIndex((o) => o.value === c.value);
      if (first !== i)
        problems.push(
          problem(`choices[${i}].value`, 'scoring.duplicateChoice', { value: c.value, other: `choices[${first}]` }),
        );
    });
    return problems;
  },
  inputSchema(params) {
    const allowed = params.choices.map((c) => c.value);
    // Exact match: survey answers are fixed words; a near miss is a data-entry error, not a synonym.
    return z.string().refine((v) => allowed.includes(v), problemIssue('value.oneOf', { values: allowed }));
  },
  evaluate(params, input): ComponentResult {
    const choice = params.choices.find((c) => c.value === input);
    if (!choice) throw new Error(`choice-table: "${input}" is not a choice; the input was not validated`);
    return {
      points: points2(choice.points),
      explanation: `${params.question}: ${choice.value} → ${signed(choice.points)}`,
      explained: explain('score.choice', { question: params.question, choice: choice.value, points: choice.points }),
      details: { choice: choice.value },
    };
  },
};
