import { explanationFieldsResolver } from '../shared/explanation-fields.resolver';
import { ScheduleDeductionModel, ScheduleLineModel, ScheduleModel } from './settlement.models';

/*
 * Schedules carry explanations as codes (stored that way too); these field resolvers render them for the caller:
 * the old string fields (formula, basis, reasons, notes) become text in the caller's language, and the
 * `*Explanation(s)` fields give code + params. A schedule stored before codes renders its English as stored.
 */

export const ScheduleDeductionExplanationResolver = explanationFieldsResolver(ScheduleDeductionModel, [
  {
    text: 'formula',
    structured: 'formulaExplanation',
    one: (d) => d.formula,
    description: "The formula in the caller's language.",
  },
]);

export const ScheduleLineExplanationResolver = explanationFieldsResolver(ScheduleLineModel, [
  {
    text: 'basis',
    structured: 'basisExplanation',
    one: (l) => l.basis,
    description: "How the gross amount was derived, in the caller's language.",
  },
  {
    text: 'reasons',
    structured: 'reasonExplanations',
    many: (l) => l.reasons,
    description:
      "Why the line is due when it is and has its status (delays, withholding, paid so far), in the caller's language.",
  },
]);

export const ScheduleExplanationResolver = explanationFieldsResolver(ScheduleModel, [
  {
    text: 'notes',
    structured: 'noteExplanations',
    many: (s) => s.notes,
    description: "Remarks on the whole schedule (no milestones, what the vendor owes, …), in the caller's language.",
  },
]);

/** Registered in app.module next to the settlement resolver. */
export const EXPLANATION_RESOLVERS = [
  ScheduleDeductionExplanationResolver,
  ScheduleLineExplanationResolver,
  ScheduleExplanationResolver,
];
