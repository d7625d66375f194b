import { schemeReads, type ComponentRead } from '@ledger/scoring';
import type { ParsedConfig } from '../config/contract-config.schema';
import { periodIdSchema, type PeriodKind } from '../config/common.schema';
import { kindOfPeriodId, periodsInTerm, type Period } from '../config/periods';
import { closablePeriods, closePeriodKind } from './assemble-period-facts';

/**
 * What the buyer enters for one period of a contract, derived from the configuration (nothing else decides it):
 * - `components`: every component of the assessment scheme with what it reads (its kind's declaration), its unit,
 *   range, parts and choices — only when the period is one the scheme assesses (of the scheme's kind), else none;
 * - `quarterQualified`: the period is a quarter, so its qualification (按季度付款，服务合格) can be entered;
 * - complaints, acceptance and the ledger confirmation can be entered for any period of the term.
 * Undefined for an id that names no period of the term.
 */
export type PeriodInputSpec = {
  period: Period;
  /** The kind of period the contract is closed (and assessed) by. */
  closeKind: PeriodKind;
  /** Whether the scheme assesses this period: its components' inputs are read for it. */
  assessed: boolean;
  components: ComponentRead[];
  quarterQualified: boolean;
};

/** The period `id` of the term, clipped to it; undefined when the id names none (a malformed id, outside the term). */
export function termPeriod(config: ParsedConfig, id: string): Period | undefined {
  if (!periodIdSchema.safeParse(id).success) return undefined;
  return periodsInTerm(kindOfPeriodId(id), config.term.start, config.term.end).find((p) => p.id === id);
}

/** The period inputs of `id` (see PeriodInputSpec); undefined when the id names no period of the term. Pure. */
export function periodInputSpec(config: ParsedConfig, id: string): PeriodInputSpec | undefined {
  const period = termPeriod(config, id);
  if (!period) return undefined;
  const scheme = config.assessment;
  const assessed = scheme !== undefined && period.kind === scheme.period;
  return {
    period,
    closeKind: closePeriodKind(config),
    assessed,
    components: assessed ? schemeReads(scheme) : [],
    quarterQualified: period.kind === 'quarter',
  };
}

/** The period inputs of every period a close can target, oldest first (the periods the form offers). */
export function closablePeriodInputSpecs(config: ParsedConfig): PeriodInputSpec[] {
  return closablePeriods(config).flatMap((p) => periodInputSpec(config, p.id) ?? []);
}
