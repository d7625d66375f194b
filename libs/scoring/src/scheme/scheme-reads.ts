import { getRule, type RuleKind } from '../rules/registry';
import type { AnyRuleDefinition, PeriodInputField, RuleInputShape, TicketMetricId } from '../types';
import type { AssessmentScheme } from './assessment-scheme';

/**
 * What one component of a scheme reads each assessment period, from its kind's declaration (`RuleDefinition.reads`):
 * - `period-input`: the buyer's input `field`, entered at `path` (`staffScores`, `satisfaction.itSatisfaction`);
 * - `ticket-metric`: the metric `metric` the close derives from the tickets;
 * - `none`: nothing feeds it (a second per-event component not named securityIncidents, a banded component whose
 *   input names no ticket metric): the close reports it missing.
 */
export type ComponentRead = {
  componentId: string;
  label: string;
  kind: RuleKind;
  /** The key of the component's value in the period's assessment inputs. */
  input: string;
  source: 'period-input' | 'ticket-metric' | 'none';
  field: PeriodInputField | null;
  path: string | null;
  metric: TicketMetricId | null;
  shape: RuleInputShape;
};

/** Every component of the scheme with what it reads, in the scheme's order. Pure. */
export function schemeReads(scheme: AssessmentScheme): ComponentRead[] {
  return scheme.components.map((c): ComponentRead => {
    const def = getRule(c.kind) as AnyRuleDefinition;
    const base = { componentId: c.id, label: c.label, kind: c.kind, input: c.input, shape: def.inputShape(c.params) };
    const none: ComponentRead = { ...base, source: 'none', field: null, path: null, metric: null };
    const reads = def.reads;
    if (reads.source === 'ticket-metric') {
      const metric = reads.metrics.find((m) => m === c.input);
      return metric ? { ...base, source: 'ticket-metric', field: null, path: null, metric } : none;
    }
    if (reads.select === 'named-or-only') {
      const same = scheme.components.filter((x) => x.kind === c.kind);
      const named = same.filter((x) => x.input === reads.field);
      const feeds = named.length ? named.includes(c) : same.length === 1;
      if (!feeds) return none;
    }
    return {
      ...base,
      source: 'period-input',
      field: reads.field,
      path: reads.keyed ? `${reads.field}.${c.input}` : reads.field,
      metric: null,
    };
  });
}

/** The components that read the buyer's input `field` (several for keyed inputs such as satisfaction). */
export function componentsReading(scheme: AssessmentScheme, field: PeriodInputField): ComponentRead[] {
  return schemeReads(scheme).filter((r) => r.field === field);
}
