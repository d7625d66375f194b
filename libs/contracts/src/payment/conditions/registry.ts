import type { Problem } from '@ledger/kernel';
import type { Condition } from './condition.schema';
import type { ConditionEvalContext, ConditionKind, ConditionOutcome } from './condition-kit';
import type { ValidationContext } from '../rule-kit';
import { scoreAtLeastCondition } from './score-at-least.condition';
import { gradeInCondition } from './grade-in.condition';
import { acceptancePassedCondition } from './acceptance-passed.condition';
import { quarterQualifiedCondition } from './quarter-qualified.condition';
import { ledgerConfirmedCondition } from './ledger-confirmed.condition';

export const conditionKinds = {
  'score-at-least': scoreAtLeastCondition,
  'grade-in': gradeInCondition,
  'acceptance-passed': acceptancePassedCondition,
  'quarter-qualified': quarterQualifiedCondition,
  'ledger-confirmed': ledgerConfirmedCondition,
} as const;

const kindOf = (c: Condition): ConditionKind<Condition> => conditionKinds[c.kind] as unknown as ConditionKind<Condition>;

export const validateCondition = (c: Condition, ctx: ValidationContext, hasAssessment: boolean): Problem[] => kindOf(c).validate(c, ctx, hasAssessment);
export const evaluateCondition = (c: Condition, ctx: ConditionEvalContext): ConditionOutcome => kindOf(c).evaluate(c, ctx);
