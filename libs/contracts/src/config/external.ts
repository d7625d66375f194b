import type { Problem } from '@ledger/kernel';

/*
 * Adapters to the validators of @ledger/sla and @ledger/scoring, each returning problems relative to
 * the section. Wired here, in one place, as those libraries publish them.
 */
export function validateCalendarSection(_section: unknown): Problem[] {
  return [];
}
export function validateSlaPolicySection(_section: unknown): Problem[] {
  return [];
}
export function validateAssessmentSection(_section: unknown): Problem[] {
  return [];
}
export function validateProcurementSection(_section: unknown): Problem[] {
  return [];
}

/** Grade letters the assessment scheme can give, or null when it defines none (read defensively). */
export function schemeGrades(assessment: unknown): string[] | null {
  if (typeof assessment !== 'object' || assessment === null) return null;
  const grades = (assessment as { grades?: unknown }).grades;
  const list = Array.isArray(grades) ? grades : typeof grades === 'object' && grades !== null ? (grades as { bands?: unknown }).bands : undefined;
  if (!Array.isArray(list)) return null;
  const letters = list
    .map((g) => (typeof g === 'object' && g !== null ? ((g as { letter?: unknown; grade?: unknown }).letter ?? (g as { grade?: unknown }).grade) : undefined))
    .filter((x): x is string => typeof x === 'string');
  return letters.length > 0 ? letters : null;
}
