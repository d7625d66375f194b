import {
  dec,
  decimalInput,
  Decimal,
  nonNegativeDecimalInput,
  positiveDecimalInput,
  toFixed2,
  type Problem,
  problem,
  problemIssue,
  addProblem,
} from '@ledger/kernel';
import { z } from 'zod';
import { describeInterval, domainSchema, findBand, inInterval, pointsBandSchema, validateBands } from '../shared/bands';
import { explain, points2, signed } from '../shared/format';
import type { ScoringExplanation } from '../types';
import type { ComponentResult, RuleDefinition, ScoringFlag } from '../types';

export const staffAverageParamsSchema = z.object({
  /** Parts each person is scored on, each 0..max (Xuzhou: attitude 30, ability 30, results 40). */
  parts: z
    .array(
      z.object({
        id: z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'must be an identifier'),
        label: z.string().optional(),
        max: positiveDecimalInput,
      }),
    )
    .min(1),
  /** Bonus per special or urgent task, each within [min, max] (Xuzhou: 3..5); absent = no bonuses allowed. */
  taskBonus: z.object({ min: nonNegativeDecimalInput, max: nonNegativeDecimalInput }).optional(),
  /**
   * A person's total (parts + bonuses) is capped here; null = no cap. Default 100: the staff score is on
   * the same 百分制 scale, and bonuses make up for shortfalls but never lift a person above full marks.
   */
  personCap: positiveDecimalInput.nullable().default('100'),
  /** Ladder over the staff average (exact, not rounded) → points for the scheme. */
  adjustment: z.object({ domain: domainSchema, bands: z.array(pointsBandSchema).min(1) }),
  /** Flag every person whose total is strictly below this (Xuzhou: 70 → the buyer may request a replacement). */
  flagBelow: z
    .object({ threshold: nonNegativeDecimalInput, message: z.string().default('replacement may be requested') })
    .optional(),
});
export type StaffAverageParams = z.infer<typeof staffAverageParamsSchema>;

export type StaffPersonInput = { personId: string; name?: string; parts: Record<string, string>; bonuses: string[] };
export type StaffAverageInput = StaffPersonInput[];

export const staffAverageRule: RuleDefinition<StaffAverageParams, StaffAverageInput> = {
  kind: 'staff-average',
  description: 'Each person scored on capped parts plus task bonuses; the staff average picks a band of points.',
  paramsSchema: staffAverageParamsSchema,
  reads: { source: 'period-input', field: 'staffScores', keyed: false, select: 'all' },
  inputShape(params) {
    return {
      value: 'people',
      unit: null,
      min: '0',
      max: params.personCap,
      parts: params.parts.map((p) => ({ id: p.id, label: p.label ?? p.id, max: p.max })),
      choices: [],
      bonus: params.taskBonus ? { min: params.taskBonus.min, max: params.taskBonus.max } : null,
    };
  },
  validate(params): Problem[] {
    const problems: Problem[] = [];
    params.parts.forEach((p, i) => {
      const first = params.parts.findIndex((o) => o.id === p.id);
      if (first !== i)
        problems.push(problem(`parts[${i}].id`, 'scoring.duplicatePart', { value: p.id, other: `parts[${first}]` }));
      if (['personId', 'name', 'bonuses'].includes(p.id))
        problems.push(problem(`parts[${i}].id`, 'scoring.reservedPartId', { value: p.id }));
    });
    if (params.taskBonus) {
      if (dec(params.taskBonus.min).gt(dec(params.taskBonus.max)))
        problems.push(problem('taskBonus', 'number.minAboveMax'));
    }
    problems.push(
      ...validateBands(params.adjustment.bands, params.adjustment.domain).map((p) => ({
        ...p,
        path: `adjustment.${p.path}`,
      })),
    );
    // Every possible average (0 .. the cap, or unbounded) must fall in the ladder's domain.
    const dom = params.adjustment.domain;
    if (!inInterval(dom, new Decimal(0))) problems.push(problem('adjustment.domain', 'scoring.domainIncludesZero'));
    if (params.personCap === null ? dom.max !== undefined : !inInterval(dom, dec(params.personCap))) {
      problems.push(problem('adjustment.domain', 'scoring.domainReachesCap', { cap: params.personCap ?? '∞' }));
    }
    return problems;
  },
  inputSchema(params) {
    const shape: Record<string, z.ZodType<string>> = {};
    for (const part of params.parts) {
      shape[part.id] = decimalInput.refine(
        (v) => dec(v).gte(0) && dec(v).lte(dec(part.max)),
        problemIssue('number.range', { min: 0, max: part.max }),
      );
    }
    const bonus = params.taskBonus;
    const bonusSchema = decimalInput.refine(
      (v) => (bonus ? dec(v).gte(dec(bonus.min)) && dec(v).lte(dec(bonus.max)) : false),
      {
        ...(bonus
          ? problemIssue('scoring.taskBonusRange', { min: bonus.min, max: bonus.max })
          : problemIssue('scoring.noTaskBonus')),
      },
    );
    const person = z
      .strictObject({
        personId: z.string().min(1),
        name: z.string().optional(),
        bonuses: z.array(bonusSchema).optional(),
        ...shape,
      })
      .transform((p): StaffPersonInput => {
        const rec = p as Record<string, unknown>;
        const parts: Record<string, string> = {};
        for (const part of params.parts) parts[part.id] = rec[part.id] as string;
        return {
          personId: p.personId,
          ...(p.name !== undefined ? { name: p.name } : {}),
          parts,
          bonuses: p.bonuses ?? [],
        };
      });
    return z.array(person).superRefine((staff, ctx) => {
      staff.forEach((s, i) => {
        const first = staff.findIndex((o) => o.personId === s.personId);
        if (first !== i)
          addProblem(ctx, 'scoring.duplicatePerson', { value: s.personId, other: `[${first}]` }, [i, 'personId']);
      });
    });
  },
  evaluate(params, staff): ComponentResult {
    if (staff.length === 0) {
      return {
        points: '0.00',
        explanation: 'staff average: nobody was scored → 0',
        explained: explain('score.staff-average.empty'),
        details: { average: null, people: [] },
        notes: ['no staff were scored this period, so this component scores 0'],
        notesExplained: [explain('score.staff-average.empty-note')],
      };
    }
    const flags: ScoringFlag[] = [];
    const notes: string[] = [];
    const notesExplained: ScoringExplanation[] = [];
    const people = staff.map((s) => {
      const parts = params.parts.reduce((acc, p) => acc.plus(dec(s.parts[p.id])), new Decimal(0));
      const bonus = s.bonuses.reduce((acc, b) => acc.plus(dec(b)), new Decimal(0));
      const raw = parts.plus(bonus);
      const total = params.personCap !== null && raw.gt(dec(params.personCap)) ? dec(params.personCap) : raw;
      const who = s.name ? `${s.name} (${s.personId})` : s.personId;
      if (!total.eq(raw)) {
        notes.push(`${who}: ${raw.toString()} capped at ${params.personCap}`);
        notesExplained.push(
          explain('score.staff-average.person-capped', { who, raw: raw.toString(), cap: params.personCap }),
        );
      }
      if (params.flagBelow && total.lt(dec(params.flagBelow.threshold))) {
        flags.push({
          code: 'STAFF_BELOW_THRESHOLD',
          subject: s.personId,
          message: `${who} scored ${toFixed2(total)} < ${params.flagBelow.threshold}: ${params.flagBelow.message}`,
          explained: explain('STAFF_BELOW_THRESHOLD', {
            who,
            total: total.toString(),
            threshold: params.flagBelow.threshold,
            message: params.flagBelow.message,
          }),
        });
      }
      return { personId: s.personId, parts: parts.toString(), bonus: bonus.toString(), total: total.toString() };
    });
    const sum = people.reduce((acc, p) => acc.plus(dec(p.total)), new Decimal(0));
    const average = sum.div(people.length);
    const i = findBand(params.adjustment.bands, average);
    if (i < 0)
      throw new Error(`staff-average: average ${average.toString()} is in no band; the parameters were not validated`);
    const band = params.adjustment.bands[i];
    return {
      points: points2(band.points),
      explanation: `staff average ${toFixed2(average)} over ${people.length} people in band ${describeInterval(band)}${band.label ? ` (${band.label})` : ''} → ${signed(band.points)}`,
      explained: explain('score.staff-average', {
        average: average.toString(),
        people: people.length,
        band: describeInterval(band),
        label: band.label,
        points: band.points,
      }),
      details: { average: average.toString(), band: i, people },
      ...(flags.length ? { flags } : {}),
      ...(notes.length ? { notes, notesExplained } : {}),
    };
  },
};
