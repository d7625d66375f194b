import { Decimal, problem, ValidationError, type Problem } from '@ledger/kernel';
import { explain, type Explanation } from '../explain/explanation';
import {
  aggregatePeriods,
  evaluateAssessment,
  schemeReads,
  type AssessmentResult,
  type AssessmentScheme,
  type YearAggregate,
} from '@ledger/scoring';
import type { ParsedConfig } from '../config/contract-config.schema';
import type { PeriodKind } from '../config/common.schema';
import { kindOfPeriodId, periodsInTerm, termYears, type Period } from '../config/periods';
import type { PaymentFactsInput } from '../payment/facts.schema';

/*
 * Period close, the pure part: a period's stored buyer inputs and its derived ticket metrics → the assessment
 * inputs of the contract's scheme (each component reads `inputs[component.input]`), the assessments, the year
 * aggregate and the payment facts. Nothing is guessed: an input that is not there is reported as missing and the
 * assessment that needs it is not computed.
 */

/** The buyer's stored inputs of one period (the `period_inputs` kinds), values as entered. */
export type PeriodInputValues = {
  staffScores?: unknown;
  satisfaction?: Record<string, unknown> | null;
  securityIncidents?: unknown;
  itemScores?: unknown;
  complaints?: { valid: number; invalid?: number } | null;
  quarterQualified?: boolean | null;
  acceptance?: {
    passed: boolean;
    date?: string | null;
    clawbackInterest?: { annualRatePercent: string; from: string; to: string; source: string } | null;
  } | null;
  /** The buyer confirmed the period's maintenance ledger (台账): a payment condition (Qinghai). */
  ledgerConfirmed?: boolean | null;
};

/**
 * One period's sources: its buyer inputs and the metrics derived from the ticket ledger, keyed by the scheme input
 * they feed (`achievementRate`: the exact rate as a decimal string, or null when nothing was due — rule 5;
 * `specialDelayDays`: the aggregate delay in days).
 */
export type PeriodSources = { id: string; values: PeriodInputValues; metrics?: Record<string, string | null> };

/** Person-months of one month with an accepted monthly report (rule 9), exact decimal strings. */
export type MonthAttendance = { month: string; planned: string; actual: string };

export type AssemblePeriodFactsInput = {
  config: ParsedConfig;
  /** The period being closed, of the scheme's kind (`2026-H2`). */
  period: string;
  /** The date the close is previewed at; computed assessments are dated to it. */
  asOf: string;
  /** Sources of any periods of the term (scheme periods, quarters); the target need not be listed. */
  periods: readonly PeriodSources[];
  /** Months with an accepted monthly report. */
  attendance?: readonly MonthAttendance[];
};

export type InputSource = 'staffScores' | 'securityIncidents' | 'itemScores' | 'satisfaction' | 'derived';
export type InputUse = {
  period: string;
  componentId: string;
  kind: string;
  input: string;
  source: InputSource;
  value: unknown;
};
/** `message` is the English account; `explained` the code a reader sees (absent on closes stored before codes). */
export type MissingInput = { period: string; input: string; message: string; explained?: Explanation };
export type PeriodAssessment = {
  period: string;
  inputs: Record<string, unknown>;
  used: InputUse[];
  missing: MissingInput[];
  result: AssessmentResult | null;
};
export type AssembledFlag = {
  period: string;
  code: string;
  message: string;
  subject?: string;
  componentId?: string;
  explained?: Explanation;
};

export type AssembledPeriodFacts = {
  period: string;
  /** The target period's assessment (result null when an input is missing or invalid). */
  assessment: PeriodAssessment;
  /** Every scheme period of the term up to and including the target, oldest first. */
  assessments: PeriodAssessment[];
  /** The target's year, when the target is its last scheme period in the term and every period of it is scored. */
  year: { year: number; aggregate: YearAggregate } | null;
  /** Payment facts for computeSchedule. */
  facts: PaymentFactsInput;
  /** What the target (and, when it completes a year, the year) lacks; also attendance the schedule needs. */
  missing: MissingInput[];
  flags: AssembledFlag[];
  notes: string[];
  /** `notes` as codes, one for one (what a reader sees). */
  notesExplained: Explanation[];
};

type Component = AssessmentScheme['components'][number];

/** Where a component's input comes from: the stored period input its kind declares, or a metric derived from tickets. */
export function inputSourceOf(scheme: AssessmentScheme, c: Component): InputSource | null {
  const read = schemeReads(scheme).find((r) => r.componentId === c.id);
  if (!read || read.source === 'none') return null;
  return read.source === 'ticket-metric' ? 'derived' : read.field;
}

const present = (v: unknown): boolean => v !== undefined && v !== null;

/** The scheme inputs of one period: `inputs[component.input]` for every component, and what is missing. */
export function assessmentInputs(
  scheme: AssessmentScheme,
  source: PeriodSources,
): { inputs: Record<string, unknown>; used: InputUse[]; missing: MissingInput[] } {
  const inputs: Record<string, unknown> = {};
  const used: InputUse[] = [];
  const missing: MissingInput[] = [];
  for (const c of scheme.components) {
    const from = inputSourceOf(scheme, c);
    const miss = (input: string, message: string, explained: Explanation) =>
      missing.push({ period: source.id, input, message, explained });
    const label = c.label ?? c.id;
    let value: unknown;
    if (from === null) {
      miss(
        c.input,
        `no period input or derived metric feeds component ${c.id} (${c.kind})`,
        explain('missing.no-source', { component: c.id, kind: c.kind, label }),
      );
      continue;
    } else if (from === 'derived') {
      const metrics = source.metrics ?? {};
      if (!(c.input in metrics) || metrics[c.input] === undefined) {
        miss(
          c.input,
          `no metric derived from the ticket ledger feeds ${c.id} (input ${c.input})`,
          explain('missing.no-metric', { component: c.id, input: c.input, label }),
        );
        continue;
      }
      value = metrics[c.input];
    } else if (from === 'satisfaction') {
      value = source.values.satisfaction?.[c.input];
      if (!present(value)) {
        miss(
          `satisfaction.${c.input}`,
          `the buyer has not entered ${c.label ?? c.input} for ${source.id}`,
          explain('missing.satisfaction', { label: c.label ?? c.input, period: source.id }),
        );
        continue;
      }
    } else {
      value = source.values[from];
      if (!present(value)) {
        miss(
          from,
          `the buyer has not entered ${from} for ${source.id} (component ${c.id})`,
          explain('missing.input', { what: from, period: source.id, component: c.id }),
        );
        continue;
      }
    }
    inputs[c.input] = value;
    used.push({ period: source.id, componentId: c.id, kind: c.kind, input: c.input, source: from, value });
  }
  return { inputs, used, missing };
}

function assess(scheme: AssessmentScheme, source: PeriodSources): PeriodAssessment {
  const { inputs, used, missing } = assessmentInputs(scheme, source);
  if (missing.length) return { period: source.id, inputs, used, missing, result: null };
  try {
    return { period: source.id, inputs, used, missing, result: evaluateAssessment(scheme, inputs) };
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e;
    // Stored values checked against an older configuration may not fit the current one: reported, not repaired.
    const invalid = e.problems.map((p: Problem) => ({
      period: source.id,
      input: p.path.replace(/^inputs\./, ''),
      message: `invalid under the current configuration: ${p.message}`,
      explained: explain('missing.invalid', { message: p.message }),
    }));
    return { period: source.id, inputs, used, missing: invalid, result: null };
  }
}

const bounds = (config: ParsedConfig, id: string): Period | undefined => {
  try {
    return periodsInTerm(kindOfPeriodId(id), config.term.start, config.term.end).find((p) => p.id === id);
  } catch {
    return undefined;
  }
};

/**
 * The kind of period a contract is closed by: its assessment scheme's period; without a scheme, quarters when its
 * payment terms read quarter qualification (Tianjin: 按季度付款，服务合格), otherwise years.
 */
export function closePeriodKind(config: ParsedConfig): PeriodKind {
  if (config.assessment) return config.assessment.period;
  const quarterly = config.payment.milestones.some(
    (m) => m.kind === 'quarterly-instalments' || (m.conditions ?? []).some((c) => c.kind === 'quarter-qualified'),
  );
  return quarterly ? 'quarter' : 'year';
}

/** The periods of the term a close can target, oldest first. */
export function closablePeriods(config: ParsedConfig): Period[] {
  return periodsInTerm(closePeriodKind(config), config.term.start, config.term.end);
}

/**
 * Assembles a period close: assessment inputs per scheme period (from `PeriodSources`), the assessments, the year
 * aggregate, flags and the payment facts (`periods` with score, grade, assessedOn = asOf once the period has ended, valid complaints;
 * `years`; `quarters` from quarter qualification; `acceptance` from the latest period up to the target that has it;
 * `attendance` when every month the absence deduction needs has an accepted report). Throws ValidationError for a
 * period that is not one of the scheme's periods in the term.
 */
export function assemblePeriodFacts(input: AssemblePeriodFactsInput): AssembledPeriodFacts {
  const { config, period, asOf } = input;
  const scheme = config.assessment;
  const notes: string[] = [];
  const notesExplained: Explanation[] = [];
  const kind = closePeriodKind(config);
  const schemePeriods = closablePeriods(config);
  const target = schemePeriods.find((p) => p.id === period);
  if (!target)
    throw new ValidationError([
      problem('period', 'period.notOfKind', { value: period, kind, known: schemePeriods.map((p) => p.id) }),
    ]);
  const sourceOf = (id: string): PeriodSources => input.periods.find((p) => p.id === id) ?? { id, values: {} };

  const upTo = schemePeriods.filter((p) => p.start <= target.start);
  // Without a scheme a close records facts only (quarter qualification, acceptance, complaints): nothing is scored.
  const assessments = scheme
    ? upTo.map((p) => assess(scheme, sourceOf(p.id)))
    : upTo.map((p): PeriodAssessment => ({ period: p.id, inputs: {}, used: [], missing: [], result: null }));
  const assessment = assessments[assessments.length - 1];
  const note = (english: string, e: Explanation) => {
    notes.push(english);
    notesExplained.push(e);
  };
  if (!scheme)
    note(
      `the contract has no assessment scheme: closing ${period} records its facts (quarter qualification, acceptance, complaints) and scores nothing`,
      explain('close.note.no-scheme', { period }),
    );
  const scoreOf = (id: string) => assessments.find((a) => a.period === id)?.result ?? null;

  // Years whose scheme periods in the term all end by the target and are all scored.
  const yearsOut: NonNullable<PaymentFactsInput['years']> = [];
  let year: AssembledPeriodFacts['year'] = null;
  const missing: MissingInput[] = [...assessment.missing];
  for (const y of scheme ? termYears(config.term.start, config.term.end) : []) {
    if (!scheme) break;
    const ids = schemePeriods.filter((p) => p.year === y);
    if (ids.length === 0 || ids[ids.length - 1].start > target.start) continue;
    const completes = ids[ids.length - 1].id === target.id;
    const results = ids.map((p) => scoreOf(p.id));
    if (results.some((r) => r === null)) {
      const lacking = ids.filter((p) => scoreOf(p.id) === null).map((p) => p.id);
      if (completes) {
        for (const a of assessments)
          if (a.period !== target.id && lacking.includes(a.period)) missing.push(...a.missing);
        note(
          `the ${y} year score needs every ${scheme.period} period scored; not computed: ${lacking.join(', ')} cannot be assessed`,
          explain('close.note.year-incomplete', { year: y, period: scheme.period, lacking: lacking.join('、') }),
        );
      }
      continue;
    }
    const aggregate = aggregatePeriods(
      scheme,
      (results as AssessmentResult[]).map((r) => r.score),
    );
    yearsOut.push({
      year: y,
      score: aggregate.score,
      ...(asOf >= ids[ids.length - 1].end ? { assessedOn: asOf } : {}),
    });
    if (completes) year = { year: y, aggregate };
  }

  const periodsOut: NonNullable<PaymentFactsInput['periods']> = [];
  for (const p of upTo) {
    const a = scoreOf(p.id);
    const complaints = sourceOf(p.id).values.complaints;
    const ledger = sourceOf(p.id).values.ledgerConfirmed;
    if (!a && !present(complaints) && !present(ledger)) continue;
    periodsOut.push({
      id: p.id,
      ...(a
        ? {
            score: a.score,
            ...(a.grade !== undefined ? { grade: a.grade } : {}),
            ...(asOf >= p.end ? { assessedOn: asOf } : {}),
          }
        : {}),
      ...(present(complaints) ? { validComplaints: (complaints as { valid: number }).valid } : {}),
      ...(present(ledger) ? { ledgerConfirmed: ledger as boolean } : {}),
    });
  }
  if (assessments.some((a) => a.result))
    note(
      `computed assessments are dated ${asOf}, the date of this close (nothing is stored)`,
      explain('close.note.dated', { asOf }),
    );
  if (asOf < target.end)
    note(
      `provisional: ${asOf} is before ${period} ends (${target.end}); its assessment is not dated, so payments due at the assessment have no due date yet`,
      explain('close.note.provisional', { asOf, period, end: target.end }),
    );

  // Quarters and acceptance from any stored period of the term up to the target's end.
  const known = input.periods
    .map((s) => ({ s, b: bounds(config, s.id) }))
    .filter((x): x is { s: PeriodSources; b: Period } => x.b !== undefined && x.b.end <= target.end);
  const quarters = known
    .filter((x) => x.b.kind === 'quarter' && present(x.s.values.quarterQualified))
    .map((x) => ({ id: x.s.id, qualified: x.s.values.quarterQualified as boolean }));
  const accepted = known
    .filter((x) => present(x.s.values.acceptance))
    .sort((a, b) => (a.b.end === b.b.end ? a.b.start.localeCompare(b.b.start) : a.b.end.localeCompare(b.b.end)))
    .pop();
  const acceptance = accepted?.s.values.acceptance ?? undefined;

  // Attendance for the absence deduction: only from complete months, never extrapolated.
  const attendance: NonNullable<PaymentFactsInput['attendance']> = [];
  const months = new Map((input.attendance ?? []).map((m) => [m.month, m]));
  const termMonthIds = periodsInTerm('month', config.term.start, config.term.end);
  for (const d of config.payment.deductions.filter((x) => x.kind === 'absence-pro-rata')) {
    const per = (d.params as { per?: 'term' | 'year' }).per ?? 'term';
    const groups =
      per === 'term'
        ? [{ year: undefined as number | undefined, ids: termMonthIds }]
        : termYears(config.term.start, config.term.end).map((y) => ({
            year: y as number | undefined,
            ids: termMonthIds.filter((m) => m.year === y),
          }));
    for (const g of groups) {
      const lacking = g.ids.filter((m) => !months.has(m.id)).map((m) => m.id);
      if (lacking.length) {
        missing.push({
          period: g.year === undefined ? 'term' : String(g.year),
          input: 'attendance',
          message: `${d.id}: no accepted monthly report for ${lacking.join(', ')}; actual person-months are not guessed`,
          explained: explain('missing.attendance', { deduction: d.id, months: lacking.join(', ') }),
        });
        continue;
      }
      const actual = g.ids.reduce((s, m) => s.plus((months.get(m.id) as MonthAttendance).actual), new Decimal(0));
      if (!attendance.some((a) => a.year === g.year))
        attendance.push({ ...(g.year !== undefined ? { year: g.year } : {}), actualPersonMonths: actual.toString() });
    }
  }

  const flags: AssembledFlag[] = assessments.flatMap((a) =>
    (a.result?.flags ?? []).map((f) => ({ period: a.period, ...f })),
  );
  const facts: PaymentFactsInput = {
    periods: periodsOut,
    years: yearsOut,
    quarters,
    attendance,
    ...(acceptance
      ? {
          acceptance: {
            passed: acceptance.passed,
            ...(acceptance.date ? { date: acceptance.date } : {}),
            ...(acceptance.clawbackInterest ? { clawbackInterest: acceptance.clawbackInterest } : {}),
          },
        }
      : {}),
  };
  return { period, assessment, assessments, year, facts, missing, flags, notes, notesExplained };
}
