import type { Problem } from '@ledger/kernel';
import { validateAssessmentScheme, validateProcurementScheme } from '@ledger/scoring';
import { validateCalendarConfig, validateSlaPolicy } from '@ledger/sla';

/* Adapters to the validators of @ledger/sla and @ledger/scoring; each returns problems relative to the section. */
export const validateCalendarSection = (section: unknown): Problem[] => validateCalendarConfig(section);
export const validateSlaPolicySection = (section: unknown): Problem[] => validateSlaPolicy(section);
export const validateAssessmentSection = (section: unknown): Problem[] => validateAssessmentScheme(section);
export const validateProcurementSection = (section: unknown): Problem[] => validateProcurementScheme(section);

type Graded = { grade?: unknown };
const gradesOf = (list: unknown): string[] =>
  Array.isArray(list)
    ? list
        .map((g: unknown) => (typeof g === 'object' && g !== null ? (g as Graded).grade : undefined))
        .filter((x): x is string => typeof x === 'string')
    : [];

/**
 * Grade letters the assessment scheme can give (scheme-level bands, or an item-average-grade component's
 * bands), or null when it gives none. Read from the section as written, so it works on invalid input too.
 */
export function schemeGrades(assessment: unknown): string[] | null {
  if (typeof assessment !== 'object' || assessment === null) return null;
  const a = assessment as { grades?: unknown; components?: unknown };
  const letters = [...gradesOf(a.grades)];
  if (Array.isArray(a.components)) {
    for (const c of a.components) {
      if (typeof c === 'object' && c !== null)
        letters.push(...gradesOf((c as { params?: { grades?: unknown } }).params?.grades));
    }
  }
  return letters.length > 0 ? [...new Set(letters)] : null;
}
