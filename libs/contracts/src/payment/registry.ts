import type { z } from 'zod';
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
export const milestoneRules = {
  percent: percentMilestone,
  'cumulative-target': cumulativeTargetMilestone,
  'quarterly-instalments': quarterlyInstalmentsMilestone,
  'per-period-share': perPeriodShareMilestone,
  'settlement-after-assessment': settlementAfterAssessmentMilestone,
} as const;

/** Deduction kinds: adding one = one `<kind>.rule.ts` file + one line here. */
export const deductionRules = {
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

export type MilestoneKind = keyof typeof milestoneRules;
export type DeductionKind = keyof typeof deductionRules;

/** Registry lookup with the params type erased (the entry was parsed by the same rule's schema). */
export function milestoneRuleOf(kind: MilestoneKind): MilestoneRule<string, z.ZodType> {
  return milestoneRules[kind] as unknown as MilestoneRule<string, z.ZodType>;
}

export function deductionRuleOf(kind: DeductionKind): DeductionRule<string, z.ZodType> {
  return deductionRules[kind] as unknown as DeductionRule<string, z.ZodType>;
}
