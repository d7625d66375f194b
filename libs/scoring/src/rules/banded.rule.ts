import { addProblem, dec, decimalInput, toFixed2, type Problem } from '@ledger/kernel';
import { z } from 'zod';
import {
  checkInDomain,
  describeInterval,
  domainSchema,
  findBand,
  pointsBandSchema,
  validateBands,
} from '../shared/bands';
import { explain, points2, signed } from '../shared/format';
import type { ScoringExplanation } from '../types';
import type { ComponentResult, RuleDefinition } from '../types';

export const bandedParamsSchema = z.object({
  /** What is measured, for explanations: '计划内达成率', '特别关注类问题延期时间'. */
  metric: z.string().min(1),
  /** Unit shown after the value: '%', 'days', '天'. */
  unit: z.string().optional(),
  /** Values the metric can take; the bands must cover all of it (0..100 for a percentage, 0..∞ for days). */
  domain: domainSchema,
  bands: z.array(pointsBandSchema).min(1),
});
export type BandedParams = z.infer<typeof bandedParamsSchema>;

/** A metric value, or null when the metric is undefined for the period (no tickets due: rule 5). */
export type BandedInput = string | null;

export const bandedRule: RuleDefinition<BandedParams, BandedInput> = {
  kind: 'banded',
  description: 'Points from the band of an ordered ladder that contains a numeric metric.',
  paramsSchema: bandedParamsSchema,
  // A ticket metric named by the component's input (presets: achievementRate, specialDelayDays).
  reads: { source: 'ticket-metric', metrics: ['achievementRate', 'specialDelayDays'] },
  inputShape(params) {
    return {
      value: 'metric',
      unit: params.unit ?? null,
      min: params.domain.min?.value ?? null,
      max: params.domain.max?.value ?? null,
      parts: [],
      choices: [],
      bonus: null,
    };
  },
  validate(params): Problem[] {
    return validateBands(params.bands, params.domain);
  },
  inputSchema(params) {
    return decimalInput.nullable().superRefine((v, ctx) => {
      if (v === null) return;
      const outside = checkInDomain(params.domain, dec(v));
      if (outside) addProblem(ctx, outside.code, outside.params);
    });
  },
  evaluate(params, input): ComponentResult {
    const unit = params.unit ? ` ${params.unit}` : '';
    if (input === null) {
      return {
        points: '0.00',
        explanation: `${params.metric}: undefined for this period → 0`,
        explained: explain('score.banded.undefined', { metric: params.metric }),
        details: { value: null, band: null },
        notes: [`${params.metric} is undefined for this period (e.g. no tickets due), so this component scores 0`],
        notesExplained: [explain('score.banded.undefined-note', { metric: params.metric })],
      };
    }
    const x = dec(input);
    const i = findBand(params.bands, x);
    if (i < 0) throw new Error(`banded: ${x.toString()} is in no band; the parameters were not validated`);
    const band = params.bands[i];
    // Whole or 1–2 dp values as entered (12 天, 10.5 天); longer ones (41/45 → 91.111…) at two decimals.
    const shown = x.decimalPlaces() <= 2 ? x.toString() : toFixed2(x);
    const notes: string[] = [];
    const notesExplained: ScoringExplanation[] = [];
    // The band is decided on the exact value; say so when the 2-dp figure would read as another band.
    const shownBand = findBand(params.bands, dec(shown));
    if (shownBand !== i) {
      notes.push(
        `${params.metric} is ${x.toString()}${unit} exactly; it shows as ${shown} but falls in band ${describeInterval(band)}`,
      );
      notesExplained.push(
        explain('score.banded.shown-elsewhere', {
          metric: params.metric,
          value: x.toString(),
          unit: params.unit,
          shown,
          band: describeInterval(band),
        }),
      );
    }
    return {
      points: points2(band.points),
      explanation: `${params.metric} ${shown}${unit} in band ${describeInterval(band)}${band.label ? ` (${band.label})` : ''} → ${signed(band.points)}`,
      explained: explain('score.banded', {
        metric: params.metric,
        shown,
        unit: params.unit,
        band: describeInterval(band),
        label: band.label,
        points: band.points,
      }),
      details: { value: x.toString(), band: i },
      ...(notes.length ? { notes, notesExplained } : {}),
    };
  },
};
