import { dec, decimalInput, positiveDecimalInput, type Problem, problem } from '@ledger/kernel';
import { z } from 'zod';
import { explain, points2, signed } from '../shared/format';
import type { ScoringExplanation } from '../types';
import type { ComponentResult, RuleDefinition } from '../types';

export const perEventParamsSchema = z.object({
  /** What is counted, for explanations: '重大数据安全事件'. */
  event: z.string().min(1),
  /** Signed points per event: -5 for a deduction, +1 for a bonus (the sign is the rule's meaning). */
  pointsPerEvent: decimalInput.describe('signed: negative deducts, positive adds'),
  /** Largest absolute total this component may contribute (e.g. 15 → at most −15); absent = no cap. */
  cap: positiveDecimalInput.optional(),
});
export type PerEventParams = z.infer<typeof perEventParamsSchema>;

const eventSchema = z.object({
  id: z.string().optional(),
  date: z.string().optional(),
  description: z.string().optional(),
});
/** Either a count, or the list of events (so the breakdown can name them). */
export type PerEventInput = number | z.infer<typeof eventSchema>[];

export const perEventRule: RuleDefinition<PerEventParams, PerEventInput> = {
  kind: 'per-event',
  description: 'Fixed points per counted event, optionally capped in absolute value.',
  paramsSchema: perEventParamsSchema,
  // Security incidents: the component whose input is named so, or the only per-event one.
  reads: { source: 'period-input', field: 'securityIncidents', keyed: false, select: 'named-or-only' },
  inputShape() {
    return { value: 'count', unit: null, min: '0', max: null, parts: [], choices: [], bonus: null };
  },
  validate(params): Problem[] {
    const problems: Problem[] = [];
    if (dec(params.pointsPerEvent).isZero()) problems.push(problem('pointsPerEvent', 'number.nonZero'));
    return problems;
  },
  inputSchema() {
    return z.union([z.number().int().nonnegative(), z.array(eventSchema)], {
      error: 'must be a non-negative whole count or a list of events',
    });
  },
  evaluate(params, input): ComponentResult {
    const count = typeof input === 'number' ? input : input.length;
    const per = dec(params.pointsPerEvent);
    const raw = per.times(count);
    let total = raw;
    const notes: string[] = [];
    const notesExplained: ScoringExplanation[] = [];
    if (params.cap !== undefined && raw.abs().gt(dec(params.cap))) {
      total = dec(params.cap).times(raw.isNegative() ? -1 : 1);
      notes.push(`${params.event}: ${signed(raw)} capped at ${signed(total)}`);
      notesExplained.push(
        explain('score.per-event.capped', { event: params.event, raw: raw.toString(), total: total.toString() }),
      );
    }
    const ids = typeof input === 'number' ? [] : input.map((e, i) => e.id ?? e.description ?? `#${i + 1}`);
    return {
      points: points2(total),
      explanation:
        count === 0
          ? `${params.event}: none → 0`
          : `${params.event}: ${count} × ${signed(per)} = ${signed(raw)}${total.eq(raw) ? '' : ` (cap ${params.cap} → ${signed(total)})`}${ids.length ? ` [${ids.join(', ')}]` : ''}`,
      explained:
        count === 0
          ? explain('score.per-event.none', { event: params.event })
          : explain('score.per-event', {
              event: params.event,
              count,
              per: per.toString(),
              raw: raw.toString(),
              ...(total.eq(raw) ? {} : { cap: params.cap, total: total.toString() }),
              ids: ids.length ? ids.join(', ') : undefined,
            }),
      details: { count, raw: raw.toString() },
      ...(notes.length ? { notes, notesExplained } : {}),
    };
  },
};
