/** Every explanation code the assessment engine returns (breakdowns, notes, flags); each has zh-CN and en texts in @ledger/contracts' explain dictionary. */
export const SCORING_EXPLANATION_CODES = [
  'score.banded',
  'score.banded.undefined',
  'score.banded.undefined-note',
  'score.banded.shown-elsewhere',
  'score.choice',
  'score.item-average',
  'score.per-event.none',
  'score.per-event',
  'score.per-event.capped',
  'score.staff-average.empty',
  'score.staff-average.empty-note',
  'score.staff-average',
  'score.staff-average.person-capped',
  'score.scheme',
  'score.scheme.clamped',
  'score.scheme-note',
  'score.year',
  'score.year.partial',
  'STAFF_BELOW_THRESHOLD',
  'flag.scheme-alert',
] as const;
export type ScoringExplanationCode = (typeof SCORING_EXPLANATION_CODES)[number];
