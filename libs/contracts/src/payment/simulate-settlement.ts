import { dec, prefixProblems, problem, ValidationError, type Problem } from '@ledger/kernel';
import { aggregatePeriods, evaluateAssessment, type AssessmentResult, type YearAggregate } from '@ledger/scoring';
import { parseContractConfig } from '../config/validate-contract-config';
import { periodIdSchema } from '../config/common.schema';
import type { ParsedConfig } from '../config/contract-config.schema';
import { periodsInTerm, termYears } from '../config/periods';
import { computeParsed, parseFacts, parseFactsAndAsOf } from './compute-schedule';
import type { PaymentFacts } from './facts.schema';
import type { LineStatus, Schedule } from './schedule.types';

/** Assessment inputs to score first: one period's inputs in the scheme's input language. */
export type AssumedAssessment = { period: string; inputs: Record<string, unknown>; assessedOn?: string };

export type AssumedFacts = {
  /** Facts as in computeSchedule (scores/grades may also come from `assessments`). */
  facts?: unknown;
  /** Period inputs scored with the configuration's assessment scheme before the schedule is computed. */
  assessments?: AssumedAssessment[];
};

export type SimulationOptions = { asOf: string; baseline?: AssumedFacts };

export type LineDiff = {
  id: string;
  gross: { before: string | null; after: string | null };
  deductions: { before: string | null; after: string | null };
  net: { before: string | null; after: string | null; delta: string };
  status: { before: LineStatus | null; after: LineStatus | null };
  dueDate: { before: string | null; after: string | null };
};

export type SettlementDiff = {
  lines: LineDiff[];
  totals: {
    net: { before: string; after: string; delta: string };
    deductions: { before: string; after: string; delta: string };
  };
  vendorBalanceOwed: { before: string; after: string; delta: string };
};

export type Simulation = {
  schedule: Schedule;
  /** The assessments scored for the simulation, by period, and year aggregates derived from them. */
  assessments: { period: string; result: AssessmentResult }[];
  years: { year: number; aggregate: YearAggregate }[];
  baseline?: Schedule;
  diff?: SettlementDiff;
};

/**
 * What-if: the same engine over assumed inputs (e.g. H2 scored 75). Assessment inputs are scored first
 * with the configuration's scheme (scoring's evaluateAssessment); a year whose periods in the term all have
 * scores gets its year score from aggregatePeriods unless the facts already state it. Stores nothing.
 * With a baseline, returns the per-line difference.
 */
export function simulateSettlement(
  configInput: unknown,
  assumed: AssumedFacts,
  options: SimulationOptions,
): Simulation {
  const config = parseContractConfig(configInput);
  // Problems of the facts and the date are reported together; the baseline's facts are checked when it runs.
  const asOf = parseFactsAndAsOf(assumed.facts ?? {}, options.asOf).asOf;
  const run = (a: AssumedFacts) => {
    const { facts, assessments, years } = scoreAssumptions(config, parseFacts(a.facts ?? {}), a.assessments ?? []);
    return { schedule: computeParsed(config, facts, asOf), assessments, years };
  };
  const main = run(assumed);
  if (!options.baseline) return main;
  const base = run(options.baseline);
  return { ...main, baseline: base.schedule, diff: diffSchedules(base.schedule, main.schedule) };
}

function scoreAssumptions(config: ParsedConfig, facts: PaymentFacts, assumed: AssumedAssessment[]) {
  const scheme = config.assessment;
  const assessments: { period: string; result: AssessmentResult }[] = [];
  const years: { year: number; aggregate: YearAggregate }[] = [];
  if (assumed.length === 0 && scheme === undefined) return { facts, assessments, years };
  const problems: Problem[] = [];
  if (scheme === undefined) problems.push(problem('assessments', 'unknown.noAssessmentScheme'));
  assumed.forEach((a, i) => {
    if (!periodIdSchema.safeParse(a.period).success)
      problems.push(problem(`assessments[${i}].period`, 'period.format'));
  });
  if (problems.length) throw new ValidationError(problems);

  const periods = facts.periods.map((p) => ({ ...p }));
  assumed.forEach((a, i) => {
    let result: AssessmentResult;
    try {
      result = evaluateAssessment(scheme as NonNullable<typeof scheme>, a.inputs);
    } catch (e) {
      if (e instanceof ValidationError) throw new ValidationError(prefixProblems(`assessments[${i}]`, e.problems));
      throw e;
    }
    assessments.push({ period: a.period, result });
    const existing = periods.find((p) => p.id === a.period);
    const patch = {
      score: result.score,
      ...(result.grade !== undefined ? { grade: result.grade } : {}),
      ...(a.assessedOn ? { assessedOn: a.assessedOn } : {}),
    };
    if (existing) Object.assign(existing, patch);
    else periods.push({ id: a.period, ...patch });
  });

  // Year scores come from the year's period scores once every period of the year in the term has one (a
  // partial year such as Huai'an's 2025 half counts its own periods): for years the facts leave open, and
  // for years whose periods the simulation re-scored.
  const yearsOut = facts.years.map((y) => ({ ...y }));
  const inTerm = scheme ? periodsInTerm(scheme.period, config.term.start, config.term.end) : [];
  const touched = new Set(assumed.map((a) => Number(a.period.slice(0, 4))));
  for (const year of termYears(config.term.start, config.term.end)) {
    if (!scheme || (!touched.has(year) && yearsOut.some((y) => y.year === year && y.score !== undefined))) continue;
    const ids = inTerm.filter((p) => p.year === year).map((p) => p.id);
    const scored = ids.map((id) => periods.find((p) => p.id === id)?.score);
    if (ids.length === 0 || scored.some((x) => x === undefined)) continue;
    const scores = scored as string[];
    const aggregate = aggregatePeriods(scheme, scores);
    years.push({ year, aggregate });
    const y = yearsOut.find((x) => x.year === year);
    const lastAssessed = periods
      .filter((p) => p.id.startsWith(`${year}-`) && p.assessedOn)
      .map((p) => p.assessedOn as string)
      .sort()
      .pop();
    if (!y) yearsOut.push({ year, score: aggregate.score, ...(lastAssessed ? { assessedOn: lastAssessed } : {}) });
    else y.score = aggregate.score;
  }
  return { facts: { ...facts, periods, years: yearsOut }, assessments, years };
}

const delta = (before: string | null, after: string | null): string =>
  dec(after ?? 0)
    .minus(dec(before ?? 0))
    .toFixed(2);

export function diffSchedules(before: Schedule, after: Schedule): SettlementDiff {
  const ids = [...new Set([...before.lines.map((l) => l.id), ...after.lines.map((l) => l.id)])];
  const lines: LineDiff[] = [];
  for (const id of ids) {
    const b = before.lines.find((l) => l.id === id);
    const a = after.lines.find((l) => l.id === id);
    const changed =
      !b ||
      !a ||
      b.net !== a.net ||
      b.status !== a.status ||
      b.dueDate !== a.dueDate ||
      b.deductionTotal !== a.deductionTotal ||
      b.gross !== a.gross;
    if (!changed) continue;
    lines.push({
      id,
      gross: { before: b?.gross ?? null, after: a?.gross ?? null },
      deductions: { before: b?.deductionTotal ?? null, after: a?.deductionTotal ?? null },
      net: { before: b?.net ?? null, after: a?.net ?? null, delta: delta(b?.net ?? null, a?.net ?? null) },
      status: { before: b?.status ?? null, after: a?.status ?? null },
      dueDate: { before: b?.dueDate ?? null, after: a?.dueDate ?? null },
    });
  }
  return {
    lines,
    totals: {
      net: { before: before.totals.net, after: after.totals.net, delta: delta(before.totals.net, after.totals.net) },
      deductions: {
        before: before.totals.deductions,
        after: after.totals.deductions,
        delta: delta(before.totals.deductions, after.totals.deductions),
      },
    },
    vendorBalanceOwed: {
      before: before.vendorBalanceOwed,
      after: after.vendorBalanceOwed,
      delta: delta(before.vendorBalanceOwed, after.vendorBalanceOwed),
    },
  };
}
