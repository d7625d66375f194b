import type { Problem } from '@ledger/kernel';
import type { Condition } from './condition.schema';
import type { ConditionEvalContext, ConditionKind, ConditionOutcome } from './condition-kit';
import type { ValidationContext } from '../rule-kit';
import { scoreAtLeastCondition } from './score-at-least.condition';
import { gradeInCondition } from './grade-in.condition';
import { acceptancePassedCondition } from './acceptance-passed.condition';
import { quarterQualifiedCondition } from './quarter-qualified.condition';
import { ledgerConfirmedCondition } from './ledger-confirmed.condition';
import { invoiceReceivedCondition } from './invoice-received.condition';

type ConditionOf<K extends Condition['kind']> = Extract<Condition, { kind: K }>;

// A map from kind to the kind's implementation, so that a lookup by a kind K is the implementation for K.
export const conditionKinds: { readonly [K in Condition['kind']]: ConditionKind<ConditionOf<K>> } = {
  'score-at-least': scoreAtLeastCondition,
  'grade-in': gradeInCondition,
  'acceptance-passed': acceptancePassedCondition,
  'quarter-qualified': quarterQualifiedCondition,
  'ledger-confirmed': ledgerConfirmedCondition,
  'invoice-received': invoiceReceivedCondition,
};

const kindOf = <K extends Condition['kind']>(kind: K): ConditionKind<ConditionOf<K>> => conditionKinds[kind];

export const validateCondition = (c: Condition, ctx: ValidationContext, hasAssessment: boolean): Problem[] =>
  kindOf(c.kind).validate(c, ctx, hasAssessment);
export const evaluateCondition = (c: Condition, ctx: ConditionEvalContext): ConditionOutcome =>
  kindOf(c.kind).evaluate(c, ctx);
