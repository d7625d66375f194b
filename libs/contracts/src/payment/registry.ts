import type { DeductionRule, MilestoneRule } from './rule-kit';
import { percentMilestone } from './milestones/percent.rule';
import { cumulativeTargetMilestone } from './milestones/cumulative-target.rule';
import { quarterlyInstalmentsMilestone } from './milestones/quarterly-instalments.rule';
import { perPeriodShareMilestone } from './milestones/per-period-share.rule';
import { settlementAfterAssessmentMilestone } from './milestones/settlement-after-assessment.rule';
import { perPointBelowThresholdDeduction } from './deductions/per-point-below-threshold.rule';
import { absenceProRataDeduction } from './deductions/absence-pro-rata.rule';
import { perComplaintDeduction } from './deductions/per-complaint.rule';
import { complaintThresholdPercentDeduction } from './deductions/complaint-threshold-percent.rule';
import { gradePercentDeduction } from './deductions/grade-percent.rule';
import { liquidatedDamagesDeduction } from './deductions/liquidated-damages.rule';
import { acceptanceClawbackDeduction } from './deductions/acceptance-clawback.rule';
import { manualAdjustmentDeduction } from './deductions/manual-adjustment.rule';
import { consecutiveGradeForfeitDeduction } from './deductions/consecutive-grade-forfeit.rule';

/** Milestone kinds: adding one = one `<kind>.rule.ts` file + one line here. */
const milestoneRuleList = {
  percent: percentMilestone,
  'cumulative-target': cumulativeTargetMilestone,
  'quarterly-instalments': quarterlyInstalmentsMilestone,
  'per-period-share': perPeriodShareMilestone,
  'settlement-after-assessment': settlementAfterAssessmentMilestone,
} as const;

/** Deduction kinds: adding one = one `<kind>.rule.ts` file + one line here. */
const deductionRuleList = {
  'per-point-below-threshold': perPointBelowThresholdDeduction,
  'absence-pro-rata': absenceProRataDeduction,
  'per-complaint': perComplaintDeduction,
  'complaint-threshold-percent': complaintThresholdPercentDeduction,
  'grade-percent': gradePercentDeduction,
  'liquidated-damages': liquidatedDamagesDeduction,
  'acceptance-clawback': acceptanceClawbackDeduction,
  'manual-adjustment': manualAdjustmentDeduction,
  'consecutive-grade-forfeit': consecutiveGradeForfeitDeduction,
} as const;

export type MilestoneKind = keyof typeof milestoneRuleList;
export type DeductionKind = keyof typeof deductionRuleList;

type MilestoneParamsSchema = { [K in MilestoneKind]: (typeof milestoneRuleList)[K]['params'] };
type DeductionParamsSchema = { [K in DeductionKind]: (typeof deductionRuleList)[K]['params'] };

// Typed as maps from kind to rule so that a lookup by a kind K is the rule of K (TypeScript's correlated-union pattern).
export const milestoneRules: { readonly [K in MilestoneKind]: MilestoneRule<K, MilestoneParamsSchema[K]> } =
  milestoneRuleList;
export const deductionRules: { readonly [K in DeductionKind]: DeductionRule<K, DeductionParamsSchema[K]> } =
  deductionRuleList;

/** The rule of a kind; with a parsed entry's kind its params are that entry's (the same rule's schema parsed them). */
export function milestoneRuleOf<K extends MilestoneKind>(kind: K): MilestoneRule<K, MilestoneParamsSchema[K]> {
  return milestoneRules[kind];
}

export function deductionRuleOf<K extends DeductionKind>(kind: K): DeductionRule<K, DeductionParamsSchema[K]> {
  return deductionRules[kind];
}
