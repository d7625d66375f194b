import {
  dec,
  formatPath,
  prefixProblems,
  unsafeTextProblems,
  zodProblems,
  ValidationError,
  type Decimal,
  type Problem,
  problem,
} from '@ledger/kernel';
import type { z } from 'zod';
import { formatMoneyGrouped } from '../money';
import {
  contractConfigSchema,
  moneySectionSchema,
  staffingSchema,
  termSchema,
  type ParsedConfig,
} from './contract-config.schema';
import {
  validateAssessmentSection,
  validateCalendarSection,
  validateProcurementSection,
  validateSlaPolicySection,
  schemeGrades,
} from './external';
import { periodsInTerm, termYears } from './periods';
import { yearFees } from './year-fees';
import { paymentSchema } from '../payment/payment.schema';
import { validatePaymentTerms } from '../payment/validate-payment';
import { assessmentPeriodKind } from '../payment/milestones/per-period-share.rule';
import type { ValidationContext } from '../payment/rule-kit';

export type ValidationResult = { ok: true; config: ParsedConfig } | { ok: false; problems: Problem[] };

type Raw = Record<string, unknown>;
const asRecord = (v: unknown): Raw => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Raw) : {});

/**
 * Every problem of a configuration, each with its full path: structural ones from zod, and semantic ones
 * from this library and from the sla/scoring validators (re-rooted). Semantic checks of a section run
 * whenever that section (and what it depends on) is structurally sound, so one call reports problems
 * across all sections at once. Never throws: arbitrary JSON gives problems. This is the one check both
 * checkContractConfiguration and every save run, so what it accepts can be stored.
 */
export function validateContractConfig(input: unknown): ValidationResult {
  let problems: Problem[];
  let parsed: ParsedConfig | undefined;
  try {
    const full = contractConfigSchema.safeParse(input);
    problems = full.success ? [] : zodProblems(full.error);
    if (full.success) parsed = full.data;
    problems.push(...semanticProblems(asRecord(input)));
    // Any text in the document, whichever section's schema reads it: PostgreSQL could not store it.
    problems.push(...unsafeTextProblems(input));
  } catch (e) {
    // A bug in a validator must not turn bad input into a crash; report it at the root.
    return {
      ok: false,
      problems: [problem('(root)', 'validation.crashed', { detail: e instanceof Error ? e.message : String(e) })],
    };
  }
  problems = dedupe(problems);
  if (problems.length > 0 || !parsed) return { ok: false, problems };
  return { ok: true, config: parsed };
}

/** Parse, or throw a ValidationError carrying every problem: for engines that accept raw input. */
export function parseContractConfig(input: unknown): ParsedConfig {
  const r = validateContractConfig(input);
  if (!r.ok) throw new ConfigProblemsError(r.problems);
  return r.config;
}

export class ConfigProblemsError extends ValidationError {
  constructor(problems: readonly Problem[]) {
    super(
      problems,
      `the contract configuration has ${problems.length} problem(s): ${problems
        .slice(0, 3)
        .map((p) => `${p.path}: ${p.message}`)
        .join('; ')}`,
    );
  }
}

function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const k = `${p.path}\u0000${p.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function sectionParse<S extends z.ZodType>(schema: S, value: unknown): z.output<S> | undefined {
  const r = schema.safeParse(value);
  return r.success ? r.data : undefined;
}

function semanticProblems(raw: Raw): Problem[] {
  const problems: Problem[] = [];
  const term = sectionParse(termSchema, raw.term);
  const money = sectionParse(moneySectionSchema, raw.money);
  const staffing = sectionParse(staffingSchema, raw.staffing ?? {});

  let termOk = false;
  if (term) {
    termOk = term.end >= term.start;
    if (!termOk)
      problems.push(problem('term.end', 'contract.termEndsBeforeStart', { end: term.end, start: term.start }));
    if (term.signed && term.signed > term.end)
      problems.push(problem('term.signed', 'contract.signedAfterEnd', { signed: term.signed, end: term.end }));
  }

  let fees: Map<number, Decimal> | null = null;
  if (money) {
    if (money.budget !== undefined && dec(money.amount).gt(dec(money.budget))) {
      problems.push(
        problem('money.amount', 'contract.amountOverBudget', {
          amount: formatMoneyGrouped(money.amount),
          budget: formatMoneyGrouped(money.budget),
        }),
      );
    }
    if (term && termOk) {
      const years = termYears(term.start, term.end);
      if (money.annualSplit?.mode === 'explicit') {
        const split = money.annualSplit;
        let sum = dec(0);
        const seen = new Map<number, number>();
        split.years.forEach((y, i) => {
          sum = sum.plus(dec(y.amount));
          const prior = seen.get(y.year);
          if (prior !== undefined)
            problems.push(
              problem(`money.annualSplit.years[${i}].year`, 'year.listedTwice', {
                year: y.year,
                other: `years[${prior}]`,
              }),
            );
          else seen.set(y.year, i);
          if (!years.includes(y.year))
            problems.push(
              problem(`money.annualSplit.years[${i}].year`, 'year.outsideTermSpan', {
                year: y.year,
                start: term.start,
                end: term.end,
              }),
            );
        });
        years.forEach((y) => {
          if (!seen.has(y)) problems.push(problem('money.annualSplit.years', 'year.notCovered', { year: y }));
        });
        if (!sum.eq(dec(money.amount))) {
          problems.push(
            problem('money.annualSplit.years', 'contract.yearFeesMismatch', {
              sum: formatMoneyGrouped(sum),
              amount: formatMoneyGrouped(money.amount),
            }),
          );
        } else if (problems.every((p) => !p.path.startsWith('money.annualSplit'))) {
          fees = yearFees(money.amount, term, split);
        }
      } else {
        fees = yearFees(money.amount, term, money.annualSplit);
      }
    }
  }

  if (staffing) problems.push(...prefixProblems('staffing', staffingProblems(staffing)));

  const rawSla = asRecord(raw.sla);
  if (raw.calendar !== undefined) problems.push(...prefixProblems('calendar', validateCalendarSection(raw.calendar)));
  if (raw.sla !== undefined && rawSla.policy !== undefined)
    problems.push(...prefixProblems('sla.policy', validateSlaPolicySection(rawSla.policy)));
  if (raw.assessment !== undefined)
    problems.push(...prefixProblems('assessment', validateAssessmentSection(raw.assessment)));
  if (raw.procurement !== undefined)
    problems.push(...prefixProblems('procurement', validateProcurementSection(raw.procurement)));

  // The acceptance timing's major failures are tickets of named severities: each must be one of the SLA policy's.
  const majorFailureSeverities = asRecord(raw.acceptance).majorFailureSeverities;
  if (Array.isArray(majorFailureSeverities)) {
    const known = (
      Array.isArray(asRecord(rawSla.policy).severities) ? (asRecord(rawSla.policy).severities as unknown[]) : []
    )
      .map((x) => asRecord(x).id)
      .filter((x): x is string => typeof x === 'string');
    majorFailureSeverities.forEach((sid, i) => {
      if (typeof sid === 'string' && !known.includes(sid))
        problems.push(problem(`acceptance.majorFailureSeverities[${i}]`, 'unknown.severity', { value: sid, known }));
    });
  }
  problems.push(...uniqueIds(raw.obligations, 'obligations'));
  // An on-demand capacity (rule 14) is committed per calendar period or over the term; calls are its occurrences.
  if (Array.isArray(raw.obligations))
    raw.obligations.forEach((o, i) => {
      const { basis, period, afterTerm, respondWithinDays, everyRequest } = asRecord(o);
      if (basis === 'on-demand' && (period === 'event' || period === 'day' || period === 'week'))
        problems.push(
          problem(`obligations[${i}].period`, 'obligation.onDemandPeriod', {
            value: String(period),
            values: ['month', 'quarter', 'half-year', 'year', 'term'],
          }),
        );
      // After the term there are no periods: a post-term obligation is an on-demand one over its whole window.
      if (afterTerm !== undefined && (basis !== 'on-demand' || period !== 'term'))
        problems.push(problem(`obligations[${i}].afterTerm`, 'obligation.afterTermOnDemand'));
      if (everyRequest !== undefined && basis !== 'on-demand')
        problems.push(problem(`obligations[${i}].everyRequest`, 'obligation.respondOnDemand'));
      if (respondWithinDays !== undefined && basis !== 'on-demand')
        problems.push(problem(`obligations[${i}].respondWithinDays`, 'obligation.respondOnDemand'));
    });
  const taxonomy = asRecord(raw.taxonomy);
  problems.push(
    ...duplicatesIn(taxonomy.categories, 'taxonomy.categories'),
    ...duplicatesIn(taxonomy.businessAreas, 'taxonomy.businessAreas'),
  );
  // A KPI counts tickets of categories the contract knows: one the buyer cannot choose would count nothing.
  const known = Array.isArray(taxonomy.categories) ? taxonomy.categories.map(String) : null;
  const kpis = asRecord(raw.sla).kpis;
  if (known && Array.isArray(kpis))
    kpis.forEach((k, i) => {
      const { categories } = asRecord(k);
      if (Array.isArray(categories))
        categories.forEach((c, j) => {
          if (typeof c === 'string' && !known.includes(c))
            problems.push(problem(`sla.kpis[${i}].categories[${j}]`, 'unknown.category', { value: c, known }));
        });
    });

  const payment = sectionParse(paymentSchema, raw.payment ?? {});
  if (payment && money && term && termOk && fees) {
    const periodKind = assessmentPeriodKind(raw.assessment);
    const ctx: ValidationContext = {
      amount: money.amount,
      term,
      yearFees: fees,
      termYears: termYears(term.start, term.end),
      assessmentPeriodKind: raw.assessment === undefined ? null : periodKind,
      assessmentPeriodIds: new Set(
        raw.assessment === undefined
          ? []
          : periodKind
            ? [
                ...periodsInTerm(periodKind, term.start, term.end).map((p) => p.id),
                ...termYears(term.start, term.end).map(String),
              ]
            : (['month', 'quarter', 'half-year', 'year'] as const).flatMap((k) =>
                periodsInTerm(k, term.start, term.end).map((p) => p.id),
              ),
      ),
      grades: raw.assessment === undefined ? null : schemeGrades(raw.assessment),
      milestoneIds: new Set(payment.milestones.map((m) => m.id)),
    };
    problems.push(
      ...prefixProblems('payment', validatePaymentTerms(payment, ctx, raw.assessment !== undefined, raw.assessment)),
    );
  }
  return problems;
}

function staffingProblems(s: z.output<typeof staffingSchema>): Problem[] {
  const problems: Problem[] = [...uniqueIds(s.roles, 'roles')];
  const roleIds = new Set(s.roles.map((r) => r.id));
  s.minimums.forEach((m, i) => {
    (m.roles ?? []).forEach((r, j) => {
      if (!roleIds.has(r))
        problems.push(
          problem(formatPath(['minimums', i, 'roles', j]), 'unknown.role', { value: r, known: [...roleIds] }),
        );
    });
    if (s.roles.length === 0) return;
    const available = s.roles
      .filter(
        (r) =>
          (!m.placement || r.placement === m.placement) &&
          (!m.coverage || r.coverage === m.coverage) &&
          (!m.roles || m.roles.includes(r.id)),
      )
      .reduce((a, r) => a + r.headcount, 0);
    if (available < m.min) {
      problems.push(
        problem(formatPath(['minimums', i, 'min']), 'staffing.minimumExceedsPlan', { min: m.min, available }),
      );
    }
  });
  problems.push(...uniqueIds(s.allowances, 'allowances'));
  return problems;
}

function uniqueIds(list: unknown, path: string): Problem[] {
  if (!Array.isArray(list)) return [];
  const problems: Problem[] = [];
  const seen = new Map<string, number>();
  list.forEach((item, i) => {
    const id = asRecord(item).id;
    if (typeof id !== 'string') return;
    const prior = seen.get(id);
    if (prior !== undefined)
      problems.push(problem(`${path}[${i}].id`, 'list.duplicateId', { value: id, other: `${path}[${prior}]` }));
    else seen.set(id, i);
  });
  return problems;
}

function duplicatesIn(list: unknown, path: string): Problem[] {
  if (!Array.isArray(list)) return [];
  const problems: Problem[] = [];
  const seen = new Map<unknown, number>();
  list.forEach((v, i) => {
    const prior = seen.get(v);
    if (prior !== undefined)
      problems.push(problem(`${path}[${i}]`, 'list.duplicate', { value: String(v), other: `[${prior}]` }));
    else seen.set(v, i);
  });
  return problems;
}
