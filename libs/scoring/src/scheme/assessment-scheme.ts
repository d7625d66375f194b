import {
  dec,
  decimalInput,
  Decimal,
  formatPath,
  toFixed2,
  ValidationError,
  zodProblems,
  type Problem,
  problem,
  addProblemAt,
} from '@ledger/kernel';
import { z } from 'zod';
import { describeInterval, findBand, validateBands } from '../shared/bands';
import { explain, points2 } from '../shared/format';
import { nonEmpty } from '../shared/non-empty';
import { parsePath } from '../shared/path';
import { gradeBandSchema } from '../rules/item-average-grade.rule';
import { getRule, ruleKinds, ruleRegistry, type RuleKind } from '../rules/registry';
import type { AnyRuleDefinition, ComponentResult, DetailValue, ScoringExplanation, ScoringFlag } from '../types';

export const assessmentPeriods = ['month', 'quarter', 'half-year', 'year'] as const;
export type AssessmentPeriod = (typeof assessmentPeriods)[number];
/** How many periods make a year: the denominator of a full year's mean. */
export const periodsPerYear: Record<AssessmentPeriod, number> = { month: 12, quarter: 4, 'half-year': 2, year: 1 };

/** The kind's own structural schema plus its semantic validator, so composed schemas report both. */
function paramsWithSemantics(def: AnyRuleDefinition) {
  return def.paramsSchema.superRefine((params, ctx) => {
    for (const p of def.validate(params)) addProblemAt(ctx, p, parsePath(p.path));
  });
}

const componentOptions = ruleKinds.map((kind) =>
  z.object({
    /** Stable id, unique in the scheme: the breakdown and stored results refer to it. */
    id: z.string().min(1),
    label: z.string().min(1),
    kind: z.literal(kind),
    params: paramsWithSemantics(ruleRegistry[kind]),
    /** The key of this component's value in the period's inputs (`staff`, `achievementRate`). */
    input: z.string().min(1),
  }),
);

export const assessmentComponentSchema = z.discriminatedUnion('kind', nonEmpty(componentOptions), {
  error: (iss) => (iss.code === 'invalid_union' ? `unknown kind; known kinds: ${ruleKinds.join(', ')}` : undefined),
});
export type AssessmentComponent = { id: string; label: string; kind: RuleKind; params: unknown; input: string };

export const schemeAlertSchema = z.object({
  code: z.string().min(1),
  message: z.string().min(1),
  /** Raise when the (clamped, 2-dp) score is strictly below this. */
  scoreBelow: decimalInput.optional(),
  /** Raise when the period's grade is one of these. */
  gradeIn: z.array(z.string().min(1)).optional(),
});

const schemeObject = z.object({
  period: z.enum(assessmentPeriods),
  /** Starting score; the components' points are added to it (domain.md rule 2). */
  base: decimalInput.default('100'),
  clamp: z.object({ min: decimalInput, max: decimalInput }).default({ min: '0', max: '100' }),
  components: z.array(assessmentComponentSchema).min(1),
  /** Grade bands over the clamped score, covering clamp.min..clamp.max. */
  grades: z.array(gradeBandSchema).optional(),
  yearAggregation: z.object({ kind: z.literal('mean') }).default({ kind: 'mean' }),
  alerts: z.array(schemeAlertSchema).optional(),
  notes: z.array(z.string()).optional(),
});

type SchemeShape = z.infer<typeof schemeObject>;

function schemeSemantics(s: SchemeShape): Problem[] {
  const problems: Problem[] = [];
  const min = dec(s.clamp.min),
    max = dec(s.clamp.max);
  if (min.gt(max)) problems.push(problem('clamp', 'number.minAboveMaxValues', { min: s.clamp.min, max: s.clamp.max }));
  problems.push(...duplicateIdProblems(s.components));
  if (s.grades && min.lte(max)) {
    problems.push(
      ...validateBands(
        s.grades,
        { min: { value: s.clamp.min, inclusive: true }, max: { value: s.clamp.max, inclusive: true } },
        'grades',
      ),
    );
    s.grades.forEach((g, i) => {
      const first = s.grades?.findIndex((o) => o.grade === g.grade);
      if (first !== i)
        problems.push(
          problem(`grades[${i}].grade`, 'scoring.duplicateGrade', { value: g.grade, other: `grades[${first}]` }),
        );
    });
  }
  // A grading component (item-average-grade) makes the score the item average and its grade the scheme's.
  const grading = s.components.map((c, i) => ({ c, i })).filter(({ c }) => c.kind === 'item-average-grade');
  for (const { i } of grading) {
    if (s.components.length > 1) problems.push(problem(`components[${i}]`, 'scoring.itemAverageAlone'));
    if (!dec(s.base).isZero()) problems.push(problem('base', 'scoring.itemAverageBaseZero'));
    if (s.grades) problems.push(problem('grades', 'scoring.itemAverageNoGrades'));
  }
  const letters = new Set<string>([
    ...(s.grades ?? []).map((g) => g.grade),
    ...grading.flatMap(({ c }) => (c.params as { grades: { grade: string }[] }).grades.map((g) => g.grade)),
  ]);
  (s.alerts ?? []).forEach((a, i) => {
    if (a.scoreBelow === undefined && a.gradeIn === undefined)
      problems.push(problem(`alerts[${i}]`, 'scoring.alertCondition'));
    (a.gradeIn ?? []).forEach((g, j) => {
      if (!letters.has(g))
        problems.push(problem(`alerts[${i}].gradeIn[${j}]`, 'unknown.grade', { value: g, known: [...letters] }));
    });
  });
  return problems;
}

function duplicateIdProblems(components: readonly unknown[]): Problem[] {
  const problems: Problem[] = [];
  const seen = new Map<string, number>();
  components.forEach((c, i) => {
    const id = typeof c === 'object' && c !== null && 'id' in c ? (c as { id: unknown }).id : undefined;
    if (typeof id !== 'string') return;
    const first = seen.get(id);
    if (first !== undefined)
      problems.push(
        problem(`components[${i}].id`, 'scoring.duplicateComponentId', { value: id, other: `components[${first}]` }),
      );
    else seen.set(id, i);
  });
  return problems;
}

/**
 * The assessment scheme of a contract (domain.md §6): structure, every component's parameters and the
 * kinds' semantic checks, so a configuration that embeds it reports all of them at their paths.
 */
export const assessmentSchemeSchema = schemeObject.superRefine((s, ctx) => {
  for (const p of schemeSemantics(s)) addProblemAt(ctx, p, parsePath(p.path));
});
export type AssessmentScheme = z.output<typeof assessmentSchemeSchema>;
export type AssessmentSchemeInput = z.input<typeof assessmentSchemeSchema>;

/** Every problem of a scheme, paths relative to the scheme (`components[2].params.bands[1]`). */
export function validateAssessmentScheme(scheme: unknown): Problem[] {
  const r = assessmentSchemeSchema.safeParse(scheme);
  if (r.success) return [];
  const problems = zodProblems(r.error);
  // With structural errors zod skips scheme-level refinements; still report duplicate ids.
  const comps =
    typeof scheme === 'object' && scheme !== null ? (scheme as { components?: unknown }).components : undefined;
  if (Array.isArray(comps)) {
    for (const p of duplicateIdProblems(comps))
      if (!problems.some((q) => q.path === p.path && q.message === p.message)) problems.push(p);
  }
  return problems;
}

/** Parse a scheme or throw ValidationError carrying every problem. */
export function parseAssessmentScheme(scheme: unknown): AssessmentScheme {
  const r = assessmentSchemeSchema.safeParse(scheme);
  if (!r.success) throw new ValidationError(validateAssessmentScheme(scheme), 'invalid assessment scheme');
  return r.data;
}

export type AssessmentFlag = ScoringFlag & { componentId?: string };
export type BreakdownLine = {
  componentId: string;
  label: string;
  kind: RuleKind;
  input: string;
  points: string;
  explanation: string;
  explained: ScoringExplanation;
  details?: Record<string, DetailValue>;
};
export type AssessmentResult = {
  period: AssessmentPeriod;
  /** clamp(base + Σ points), two decimals half up. */
  score: string;
  /** base + Σ points before the clamp. */
  unclampedScore: string;
  base: string;
  clamped: boolean;
  grade?: string;
  passes?: boolean;
  breakdown: BreakdownLine[];
  flags: AssessmentFlag[];
  notes: string[];
  explanation: string;
  /** `notes` as codes, one for one. */
  notesExplained: ScoringExplanation[];
  explained: ScoringExplanation;
};

/** Every input problem of one period (`inputs.staff[3].attitude: …`), without evaluating. */
export function checkAssessmentInputs(scheme: AssessmentScheme, inputs: Record<string, unknown>): Problem[] {
  return parseInputs(scheme, inputs).problems;
}

/** A missing field reads "required" rather than zod's generic union message. */
const requiredMessage = (iss: { input?: unknown; code?: string }): string | undefined =>
  iss.input === undefined && (iss.code === 'invalid_type' || iss.code === 'invalid_union') ? 'required' : undefined;

function parseInputs(scheme: AssessmentScheme, inputs: Record<string, unknown>) {
  const problems: Problem[] = [];
  const parsed = new Map<string, unknown>();
  // Inputs arrive from outside (JSON); a non-object is one problem, not a TypeError.
  if (typeof inputs !== 'object' || inputs === null || Array.isArray(inputs)) {
    return { problems: [problem('inputs', 'scoring.inputsObject')], parsed };
  }
  for (const c of scheme.components) {
    const def = getRule(c.kind);
    if (!def) throw new Error(`unregistered kind ${c.kind}`);
    if (!Object.prototype.hasOwnProperty.call(inputs, c.input) || inputs[c.input] === undefined) {
      problems.push(
        problem(formatPath(['inputs', c.input]), 'scoring.inputRequired', { id: c.id, component: c.label }),
      );
      continue;
    }
    const r = def.inputSchema(c.params).safeParse(inputs[c.input], { error: requiredMessage });
    if (r.success) parsed.set(c.id, r.data);
    else
      for (const p of zodProblems(r.error, ['inputs', c.input]))
        if (!problems.some((q) => q.path === p.path && q.message === p.message)) problems.push(p);
  }
  return { problems, parsed };
}

/**
 * One period's assessment. Throws ValidationError (every problem, with paths) for a bad scheme or bad
 * inputs; otherwise pure: score = clamp(base + Σ points), two decimals half up (domain.md rule 2).
 */
export function evaluateAssessment(
  schemeInput: AssessmentSchemeInput | AssessmentScheme,
  inputs: Record<string, unknown>,
): AssessmentResult {
  const scheme = parseAssessmentScheme(schemeInput);
  const { problems, parsed } = parseInputs(scheme, inputs);
  if (problems.length) throw new ValidationError(problems);
  const breakdown: BreakdownLine[] = [];
  const flags: AssessmentFlag[] = [];
  const notes: string[] = [...(scheme.notes ?? [])];
  // The buyer's own notes are shown as typed.
  const notesExplained: ScoringExplanation[] = (scheme.notes ?? []).map((text) =>
    explain('score.scheme-note', { text }),
  );
  let componentGrade: ComponentResult['grade'];
  let sum = new Decimal(0);
  for (const c of scheme.components) {
    const def = getRule(c.kind) as AnyRuleDefinition;
    const r = def.evaluate(c.params, parsed.get(c.id));
    sum = sum.plus(dec(r.points));
    breakdown.push({
      componentId: c.id,
      label: c.label,
      kind: c.kind,
      input: c.input,
      points: r.points,
      explanation: r.explanation,
      explained: r.explained,
      ...(r.details ? { details: r.details } : {}),
    });
    for (const f of r.flags ?? []) flags.push({ ...f, componentId: c.id });
    for (const n of r.notes ?? []) notes.push(`${c.id}: ${n}`);
    // A component's note names its metric, event or person already; no id prefix for readers.
    (r.notes ?? []).forEach((n, i) =>
      notesExplained.push(r.notesExplained?.[i] ?? explain('score.scheme-note', { text: n })),
    );
    if (r.grade) componentGrade = r.grade;
  }
  const base = dec(scheme.base);
  const unclamped = base.plus(sum);
  const lo = dec(scheme.clamp.min),
    hi = dec(scheme.clamp.max);
  const clampedValue = Decimal.min(hi, Decimal.max(lo, unclamped));
  const score = points2(clampedValue);
  const clamped = !clampedValue.eq(unclamped);
  if (clamped) {
    notes.push(`${toFixed2(unclamped)} is outside ${scheme.clamp.min}..${scheme.clamp.max}; clamped to ${score}`);
    notesExplained.push(
      explain('score.scheme.clamped', {
        unclamped: unclamped.toString(),
        min: scheme.clamp.min,
        max: scheme.clamp.max,
        score,
      }),
    );
  }
  let grade = componentGrade?.letter;
  let passes = componentGrade?.passes;
  if (scheme.grades) {
    const i = findBand(scheme.grades, dec(score));
    if (i >= 0) {
      grade = scheme.grades[i].grade;
      passes = scheme.grades[i].passes;
    }
  }
  for (const a of scheme.alerts ?? []) {
    const below = a.scoreBelow !== undefined && dec(score).lt(dec(a.scoreBelow));
    const inGrade = a.gradeIn !== undefined && grade !== undefined && a.gradeIn.includes(grade);
    if (below || inGrade)
      flags.push({ code: a.code, message: a.message, explained: explain('flag.scheme-alert', { message: a.message }) });
  }
  const terms = breakdown.map((b) => `${b.componentId} ${b.points}`).join(' + ');
  const explanation = `${points2(base)} + (${terms}) = ${toFixed2(unclamped)}${clamped ? ` → clamped to ${score}` : ''}${grade ? `; grade ${grade}${gradeBandNote(scheme, score)}` : ''}`;
  return {
    period: scheme.period,
    score,
    unclampedScore: points2(unclamped),
    base: points2(base),
    clamped,
    ...(grade !== undefined ? { grade, passes } : {}),
    breakdown,
    flags,
    notes,
    notesExplained,
    explanation,
    // Terms by the components' labels (the buyer's words), not their ids.
    explained: explain('score.scheme', {
      base: base.toString(),
      terms: breakdown.map((b) => `${b.label} ${b.points}`).join(' + '),
      unclamped: unclamped.toString(),
      clamped: clamped ? score : undefined,
      grade,
      gradeBand: gradeBandNote(scheme, score).replace(/^ \((.*)\)$/, '$1') || undefined,
    }),
  };
}

function gradeBandNote(scheme: AssessmentScheme, score: string): string {
  if (!scheme.grades) return '';
  const i = findBand(scheme.grades, dec(score));
  return i >= 0 ? ` (${describeInterval(scheme.grades[i])})` : '';
}

export type YearAggregate = {
  /** Mean of the period scores, two decimals half up. */
  score: string;
  count: number;
  /** Periods in a full year for the scheme's period (2 for half-years). */
  expected: number;
  explanation: string;
  notes: string[];
  explained: ScoringExplanation;
  notesExplained: ScoringExplanation[];
};

/**
 * Year score from the period scores (yearAggregation 'mean'): Σ scores ÷ count, two decimals half up.
 * Fewer periods than a full year (Huai'an's 2025 half) is allowed and noted; more is an error.
 */
export function aggregatePeriods(
  schemeInput: AssessmentSchemeInput | AssessmentScheme,
  periodScores: readonly string[],
): YearAggregate {
  const scheme = parseAssessmentScheme(schemeInput);
  const expected = periodsPerYear[scheme.period];
  const problems: Problem[] = [];
  if (periodScores.length === 0) problems.push(problem('periodScores', 'list.empty'));
  if (periodScores.length > expected)
    problems.push(
      problem('periodScores', 'scoring.tooManyPeriods', { expected, kind: scheme.period, count: periodScores.length }),
    );
  periodScores.forEach((s, i) => {
    const r = decimalInput.safeParse(s);
    if (!r.success) problems.push(...zodProblems(r.error, ['periodScores', i]));
    else if (dec(r.data).lt(dec(scheme.clamp.min)) || dec(r.data).gt(dec(scheme.clamp.max))) {
      problems.push(
        problem(formatPath(['periodScores', i]), 'scoring.outsideClamp', {
          value: s,
          min: scheme.clamp.min,
          max: scheme.clamp.max,
        }),
      );
    }
  });
  if (problems.length) throw new ValidationError(problems);
  const sum = periodScores.reduce((acc, s) => acc.plus(dec(s)), new Decimal(0));
  const score = points2(sum.div(periodScores.length));
  const notes =
    periodScores.length < expected
      ? [`partial year: mean of ${periodScores.length} of ${expected} ${scheme.period} periods`]
      : [];
  return {
    score,
    count: periodScores.length,
    expected,
    explanation: `mean of (${periodScores.join(', ')}) = ${sum.toString()} ÷ ${periodScores.length} = ${score}`,
    notes,
    explained: explain('score.year', {
      scores: periodScores.join(', '),
      sum: sum.toString(),
      count: periodScores.length,
      score,
    }),
    notesExplained:
      periodScores.length < expected
        ? [explain('score.year.partial', { count: periodScores.length, expected, period: scheme.period })]
        : [],
  };
}
