import type { AnyRuleDefinition } from '../types';
import { bandedRule } from './banded.rule';
import { choiceTableRule } from './choice-table.rule';
import { itemAverageGradeRule } from './item-average-grade.rule';
import { perEventRule } from './per-event.rule';
import { staffAverageRule } from './staff-average.rule';

/** kind → definition. Adding a kind: one `<kind>.rule.ts` file and one line here. */
export const ruleRegistry = {
  banded: bandedRule,
  'choice-table': choiceTableRule,
  'per-event': perEventRule,
  'staff-average': staffAverageRule,
  'item-average-grade': itemAverageGradeRule,
} as const satisfies Record<string, AnyRuleDefinition>;

export type RuleKind = keyof typeof ruleRegistry;
export const ruleKinds = Object.keys(ruleRegistry) as RuleKind[];

export function getRule(kind: string): AnyRuleDefinition | undefined {
  return Object.prototype.hasOwnProperty.call(ruleRegistry, kind)
    ? (ruleRegistry as Record<string, AnyRuleDefinition>)[kind]
    : undefined;
}
