import { explanationFieldsResolver } from '../shared/explanation-fields.resolver';
import {
  AssessmentLineModel,
  CloseLineModel,
  DerivedMetricModel,
  MissingInputModel,
  PeriodAssessmentModel,
  PeriodCloseFlagModel,
  PeriodClosePreviewModel,
  YearScoreModel,
} from './period-close.models';

/*
 * A close stores its explanations (breakdown lines, assessment totals, notes, flags, year score, metrics) in their
 * structured form; these field resolvers render the string fields in the caller's language and expose code + params
 * beside them. A close stored before codes shows its English as stored.
 */

/** A missing input: `explained` (code) when the close was computed with codes, else the stored English message. */
type StoredMissing = MissingInputModel & { explained?: unknown };

export const MissingInputExplanationResolver = explanationFieldsResolver(MissingInputModel, [
  {
    text: 'message',
    structured: 'messageExplanation',
    one: (m: StoredMissing) => m.explained ?? m.message,
    description: "What is missing, in the caller's language.",
  },
]);

export const AssessmentLineExplanationResolver = explanationFieldsResolver(AssessmentLineModel, [
  {
    text: 'explanation',
    structured: 'explained',
    one: (l) => l.explanation,
    description: "How the points were found, in the caller's language.",
    structuredDescription: 'The explanation as code + params (score.staff-average, score.banded, …).',
  },
]);

export const PeriodCloseFlagExplanationResolver = explanationFieldsResolver(PeriodCloseFlagModel, [
  {
    text: 'message',
    structured: 'messageExplanation',
    one: (f) => f.message,
    description: "The flag in the caller's language.",
  },
]);

export const PeriodAssessmentExplanationResolver = explanationFieldsResolver(PeriodAssessmentModel, [
  {
    text: 'explanation',
    structured: 'explained',
    one: (a) => a.explanation,
    nullable: true,
    description: "base + Σ points = score, in the caller's language.",
  },
  { text: 'notes', structured: 'noteExplanations', many: (a) => a.notes },
]);

export const YearScoreExplanationResolver = explanationFieldsResolver(YearScoreModel, [
  { text: 'explanation', structured: 'explained', one: (y) => y.explanation },
  { text: 'notes', structured: 'noteExplanations', many: (y) => y.notes },
]);

export const DerivedMetricExplanationResolver = explanationFieldsResolver(DerivedMetricModel, [
  { text: 'explanation', structured: 'explained', one: (m) => m.explanation },
  { text: 'notes', structured: 'noteExplanations', many: (m) => m.notes },
]);

export const PeriodClosePreviewExplanationResolver = explanationFieldsResolver(PeriodClosePreviewModel, [
  { text: 'notes', structured: 'noteExplanations', many: (p) => p.notes },
]);

export const CloseLineExplanationResolver = explanationFieldsResolver(CloseLineModel, [
  {
    text: 'formula',
    structured: 'formulaExplanation',
    one: (l) => l.formula,
    description: "The formula in the caller's language (an older close shows its stored text).",
  },
]);

export const PERIOD_CLOSE_EXPLANATION_RESOLVERS = [
  CloseLineExplanationResolver,
  MissingInputExplanationResolver,
  AssessmentLineExplanationResolver,
  PeriodCloseFlagExplanationResolver,
  PeriodAssessmentExplanationResolver,
  YearScoreExplanationResolver,
  DerivedMetricExplanationResolver,
  PeriodClosePreviewExplanationResolver,
];
