import { dec, ValidationError, type Problem } from '@ledger/kernel';
import fc from 'fast-check';
import { plannedAchievementRate, specialAttentionDelay, type TicketRecord } from '../derived-metrics';
import {
  achievementRateComponent,
  delayComponent,
  huaianScheme,
  qinghaiItems,
  qinghaiScheme,
  xuzhouScheme,
} from '../fixtures/seed-schemes';
import { SCORING_EXPLANATION_CODES } from '../explanation-codes';
import {
  aggregatePeriods,
  assessmentSchemeSchema,
  checkAssessmentInputs,
  evaluateAssessment,
  parseAssessmentScheme,
  validateAssessmentScheme,
} from './assessment-scheme';

const problemsOf = (f: () => unknown): Problem[] => {
  try {
    f();
  } catch (e) {
    if (e instanceof ValidationError) return [...e.problems];
    throw e;
  }
  throw new Error('expected a ValidationError');
};

/** Nine on-site staff whose totals average `avg` (parts within 30/30/40). */
const staffAveraging = (avg: number) =>
  Array.from({ length: 9 }, (_, i) => {
    const total = avg + (i - 4); // avg−4 … avg+4, mean avg
    return { personId: `xz-${i + 1}`, attitude: 25, ability: 25, results: total - 50 };
  });

/** `due` tickets due in the period, `late` of them completed after their date; special ones carry `delays`. */
function tickets(from: string, due: number, late: number, delays: number[]): TicketRecord[] {
  const out: TicketRecord[] = [];
  for (let i = 0; i < due; i++) {
    const expected = `${from.slice(0, 7)}-${String(10 + (i % 15)).padStart(2, '0')}`;
    const isLate = i < late;
    out.push({
      id: `T${i + 1}`,
      expectedCloseDate: expected,
      completedDate: isLate ? addDays(expected, 1) : expected,
      specialAttention: false,
    });
  }
  delays.forEach((d, k) => {
    // Special tickets are among the late ones: replace ticket k with a special one delayed d days.
    out[k] = { ...out[k], specialAttention: true, completedDate: addDays(out[k].expectedCloseDate, d) };
  });
  return out;
}
function addDays(date: string, days: number): string {
  const t =
    Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

describe('worked example A (Xuzhou 2026, seed 000)', () => {
  const h1Period = { from: '2026-01-01', to: '2026-06-30' };
  const h2Period = { from: '2026-07-01', to: '2026-12-31' };
  const h1Tickets = tickets('2026-03-01', 45, 4, [5, 7]);
  const h2Tickets = tickets('2026-09-01', 50, 12, [20, 15]);
  const rate1 = plannedAchievementRate({ tickets: h1Tickets, period: h1Period, asOf: '2026-07-10' });
  const delay1 = specialAttentionDelay({ tickets: h1Tickets, period: h1Period, asOf: '2026-07-10' });
  const rate2 = plannedAchievementRate({ tickets: h2Tickets, period: h2Period, asOf: '2027-01-10' });
  const delay2 = specialAttentionDelay({ tickets: h2Tickets, period: h2Period, asOf: '2027-01-10' });

  it('derived metrics: 41/45 = 91.11 %, 12 days; 38/50 = 76 %, 35 days', () => {
    expect([rate1.numerator, rate1.denominator, rate1.display, delay1.days]).toEqual([41, 45, '91.11', '12']);
    expect([rate2.numerator, rate2.denominator, rate2.display, delay2.days]).toEqual([38, 50, '76.00', '35']);
  });

  const h1 = evaluateAssessment(xuzhouScheme, {
    staff: staffAveraging(84),
    securityIncidents: 0,
    achievementRate: rate1.rate,
    specialDelayDays: delay1.days,
    businessSatisfaction: '比较满意',
    itSatisfaction: '一般',
  });
  const h2 = evaluateAssessment(xuzhouScheme, {
    staff: staffAveraging(72),
    securityIncidents: [{ id: 'SEC-2026-07' }],
    achievementRate: rate2.rate,
    specialDelayDays: delay2.days,
    businessSatisfaction: '一般',
    itSatisfaction: '差',
  });

  it('H1: 0, 0, +2, −2, +5, 0 → 105 clamped to 100.00', () => {
    expect(h1.breakdown.map((b) => [b.componentId, b.points])).toEqual([
      ['staff', '0.00'],
      ['securityIncidents', '0.00'],
      ['achievementRate', '2.00'],
      ['specialDelay', '-2.00'],
      ['businessSatisfaction', '5.00'],
      ['itSatisfaction', '0.00'],
    ]);
    expect(h1.unclampedScore).toBe('105.00');
    expect(h1.score).toBe('100.00');
    expect(h1.clamped).toBe(true);
    expect(h1.notes).toContain('105.00 is outside 0..100; clamped to 100.00');
    expect(h1.breakdown[2].explanation).toBe('计划内达成率 91.11 % in band [90, ∞) (达成率≥90%) → +2');
    expect(h1.flags).toEqual([]);
  });

  it('H2: −5, −5, −2, −5, −3, −2 → 78.00, people below 70 flagged, score below 80 alerted', () => {
    expect(h2.breakdown.map((b) => b.points)).toEqual(['-5.00', '-5.00', '-2.00', '-5.00', '-3.00', '-2.00']);
    expect(h2.score).toBe('78.00');
    expect(h2.clamped).toBe(false);
    expect(h2.flags.filter((f) => f.code === 'STAFF_BELOW_THRESHOLD').map((f) => f.subject)).toEqual(['xz-1', 'xz-2']);
    expect(h2.flags.some((f) => f.code === 'SCORE_BELOW_80')).toBe(true);
    expect(h2.explanation).toBe(
      '100.00 + (staff -5.00 + securityIncidents -5.00 + achievementRate -2.00 + specialDelay -5.00 + businessSatisfaction -3.00 + itSatisfaction -2.00) = 78.00',
    );
    // Explanations are data: codes and exact parameters, terms by the components' labels (no ids).
    expect(h2.explained.code).toBe('score.scheme');
    expect(h2.explained.params.unclamped).toBe('78');
    expect(h2.explained.params.terms).not.toMatch(/staff|securityIncidents|achievementRate/);
    expect(h2.flags.find((f) => f.code === 'STAFF_BELOW_THRESHOLD')?.explained).toMatchObject({
      code: 'STAFF_BELOW_THRESHOLD',
      params: { threshold: '70' },
    });
    expect(h2.flags.find((f) => f.code === 'SCORE_BELOW_80')?.explained?.code).toBe('flag.scheme-alert');
    expect(h2.breakdown[0].explained).toMatchObject({
      code: 'score.staff-average',
      params: { people: '9', band: '[70, 80)', points: '-5' },
    });
    expect(h1.notesExplained).toContainEqual({
      code: 'score.scheme.clamped',
      params: { unclamped: '105', min: '0', max: '100', score: '100.00' },
    });
  });

  it('every code it returns is listed (the explain dictionary has a text for each listed code)', () => {
    const codes = [h1, h2]
      .flatMap((r) => [
        r.explained,
        ...r.notesExplained,
        ...r.breakdown.map((b) => b.explained),
        ...r.flags.map((f) => f.explained),
      ])
      .map((e) => e?.code);
    for (const c of codes) expect(SCORING_EXPLANATION_CODES).toContain(c);
  });

  it('year: mean of 100.00 and 78.00 = 89.00', () => {
    expect(aggregatePeriods(xuzhouScheme, [h1.score, h2.score])).toEqual({
      score: '89.00',
      count: 2,
      expected: 2,
      explanation: 'mean of (100.00, 78.00) = 178 ÷ 2 = 89.00',
      notes: [],
      explained: { code: 'score.year', params: { scores: '100.00, 78.00', sum: '178', count: '2', score: '89.00' } },
      notesExplained: [],
    });
  });
});

describe("worked example B (Huai'an 2026, seed 001)", () => {
  it('H1 76.00, H2 80.00 → year 78.00', () => {
    const h1 = evaluateAssessment(huaianScheme, {
      achievementRate: '55',
      specialDelayDays: 45,
      businessSatisfaction: '不满意',
      itSatisfaction: '很差',
    });
    const h2 = evaluateAssessment(huaianScheme, {
      achievementRate: '59.99',
      specialDelayDays: '60',
      businessSatisfaction: '不满意',
      itSatisfaction: '一般',
    });
    expect([h1.score, h2.score]).toEqual(['76.00', '80.00']);
    expect(aggregatePeriods(huaianScheme, [h1.score, h2.score]).score).toBe('78.00');
  });

  it('an undefined achievement rate (no tickets due) scores 0 with a note', () => {
    const rate = plannedAchievementRate({
      tickets: [],
      period: { from: '2026-01-01', to: '2026-06-30' },
      asOf: '2026-07-05',
    });
    const r = evaluateAssessment(huaianScheme, {
      achievementRate: rate.rate,
      specialDelayDays: 0,
      businessSatisfaction: '比较满意',
      itSatisfaction: '好',
    });
    expect(r.breakdown[0].points).toBe('0.00');
    expect(r.notes).toContain(
      'achievementRate: 计划内达成率 is undefined for this period (e.g. no tickets due), so this component scores 0',
    );
    expect(r.score).toBe('100.00');
  });

  it('a partial year (2025: one half) is the mean of what exists, with a note', () => {
    expect(aggregatePeriods(huaianScheme, ['83.50'])).toMatchObject({
      score: '83.50',
      count: 1,
      expected: 2,
      notes: ['partial year: mean of 1 of 2 half-year periods'],
    });
  });

  it('rounds the year mean half up', () => {
    expect(aggregatePeriods(huaianScheme, ['80.01', '80.00']).score).toBe('80.01'); // 80.005
    expect(aggregatePeriods(huaianScheme, ['79.99', '80.00']).score).toBe('80.00'); // 79.995
  });

  it('rejects too many periods and bad scores, all at once', () => {
    expect(problemsOf(() => aggregatePeriods(huaianScheme, ['80', 'x', '101']))).toMatchObject([
      { path: 'periodScores', message: 'a year has 2 half-year period(s); got 3' },
      { path: 'periodScores[1]', message: '"x" is not a decimal number' },
      { path: 'periodScores[2]', message: "101 is outside the scheme's clamp 0..100" },
    ]);
  });
});

describe('worked example C (Qinghai, seed 002): the score is the item average', () => {
  const items = Object.fromEntries(
    qinghaiItems.map(([id], i) => [id, [90, 85, 88, 80, 92, 86, 84, 87, 83, '89.4', 86][i]]),
  );
  it('86.40 → grade B, not passed, alert raised', () => {
    const r = evaluateAssessment(qinghaiScheme, { items });
    expect(r.score).toBe('86.40');
    expect(r.grade).toBe('B');
    expect(r.passes).toBe(false);
    expect(r.flags.map((f) => f.code)).toEqual(['GRADE_NOT_PASSED']);
  });
  it('an A passes without alert', () => {
    const r = evaluateAssessment(qinghaiScheme, { items: Object.fromEntries(qinghaiItems.map(([id]) => [id, 95])) });
    expect([r.score, r.grade, r.passes, r.flags]).toEqual(['95.00', 'A', true, []]);
  });
  it('an item average must be the only component, with base 0 and no scheme-level grades', () => {
    const s = qinghaiScheme as unknown as { components: unknown[] };
    const bad = {
      ...qinghaiScheme,
      base: 100,
      components: [...s.components, achievementRateComponent],
      grades: [{ grade: 'A', passes: true }],
    };
    expect(validateAssessmentScheme(bad)).toMatchObject([
      {
        path: 'components[0]',
        message: 'an item-average-grade component must be the only component: the scheme score is the item average',
      },
      { path: 'base', message: 'must be 0 when the score is an item average (item-average-grade)' },
      {
        path: 'grades',
        message: 'the grade comes from the item-average-grade component; remove the scheme-level grades',
      },
    ]);
  });
});

describe('validateAssessmentScheme', () => {
  it('the fixtures are valid', () => {
    expect(validateAssessmentScheme(xuzhouScheme)).toEqual([]);
    expect(validateAssessmentScheme(huaianScheme)).toEqual([]);
    expect(validateAssessmentScheme(qinghaiScheme)).toEqual([]);
  });

  it('reports every problem, re-rooted under components[i].params', () => {
    const overlapping = {
      ...achievementRateComponent,
      params: {
        ...achievementRateComponent.params,
        bands: [
          { min: { value: 90, inclusive: true }, points: 2 },
          { min: { value: 80, inclusive: true }, max: { value: 90, inclusive: true }, points: 0 }, // overlaps at 90
          { min: { value: 70, inclusive: true }, max: { value: 79, inclusive: false }, points: -2 }, // gap [79, 80)
          { max: { value: 70, inclusive: false }, points: -5 },
        ],
      },
    };
    const scheme = {
      period: 'half-year',
      clamp: { min: 100, max: 0 },
      components: [
        overlapping,
        { ...delayComponent, id: 'achievementRate' },
        { id: 'x', label: 'X', kind: 'bonus-points', input: 'x', params: {} },
        {
          id: 'y',
          label: 'Y',
          kind: 'choice-table',
          input: 'y',
          params: { question: 'q', choices: [{ value: '好', points: 'five' }] },
        },
      ],
      grades: [{ min: { value: 80, inclusive: true }, grade: 'P', passes: true }],
    };
    expect(validateAssessmentScheme(scheme)).toMatchObject([
      {
        path: 'components[0].params.bands[1]',
        message: 'overlaps band [0]: [80, 90] and [90, ∞) both contain [90, 90]',
      },
      {
        path: 'components[0].params.bands[1]',
        message: 'gap after band [2]: values in [79, 80) are covered by no band',
      },
      {
        path: 'components[2].kind',
        message: 'unknown kind; known kinds: banded, choice-table, per-event, staff-average, item-average-grade',
      },
      { path: 'components[3].params.choices[0].points', message: '"five" is not a decimal number' },
      { path: 'components[1].id', message: 'duplicate component id "achievementRate" (also components[0])' },
    ]);
  });

  it('checks the clamp and the grade bands once the structure is sound', () => {
    const scheme = {
      ...huaianScheme,
      clamp: { min: 0, max: 100 },
      grades: [
        { min: { value: 80, inclusive: true }, grade: 'P', passes: true },
        { max: { value: 70, inclusive: false }, grade: 'F', passes: false },
      ],
    };
    expect(validateAssessmentScheme(scheme)).toMatchObject([
      { path: 'grades[0]', message: 'gap after band [1]: values in [70, 80) are covered by no band' },
    ]);
    expect(validateAssessmentScheme({ ...huaianScheme, clamp: { min: 100, max: 0 } })).toMatchObject([
      { path: 'clamp', message: 'min 100 is above max 0' },
    ]);
  });

  it('composes: embedded in a larger schema, paths carry the outer prefix', async () => {
    const { z } = await import('zod');
    const contract = z.object({ assessment: assessmentSchemeSchema });
    const r = contract.safeParse({
      assessment: {
        ...huaianScheme,
        components: [
          { ...delayComponent, params: { ...delayComponent.params, bands: delayComponent.params.bands.slice(1) } },
        ],
      },
    });
    expect(r.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      [
        'assessment.components.0.params.bands.0',
        'gap before band [0]: values in [0, 0] of the domain are covered by no band',
      ],
    ]);
  });

  it('applies defaults (base 100, clamp 0..100, mean)', () => {
    const s = parseAssessmentScheme({ period: 'quarter', components: [achievementRateComponent] });
    expect([s.base, s.clamp, s.yearAggregation]).toEqual(['100', { min: '0', max: '100' }, { kind: 'mean' }]);
  });
});

describe('evaluateAssessment: input problems', () => {
  it('reports every problem with its path', () => {
    const inputs = {
      staff: [
        { personId: 'a', attitude: 30, ability: 30, results: 40 },
        { personId: 'b', attitude: 30, ability: 30, results: 40 },
        { personId: 'c', attitude: 30, ability: 30, results: 40 },
        { personId: 'd', attitude: 31, ability: 'good', bonuses: [6] },
      ],
      securityIncidents: -1,
      achievementRate: '100.5',
      businessSatisfaction: '满意',
      itSatisfaction: '好',
    };
    expect(problemsOf(() => evaluateAssessment(xuzhouScheme, inputs))).toMatchObject([
      { path: 'inputs.staff[3].bonuses[0]', message: 'a task bonus must be between 3 and 5' },
      { path: 'inputs.staff[3].attitude', message: 'must be between 0 and 30' },
      { path: 'inputs.staff[3].ability', message: '"good" is not a decimal number' },
      { path: 'inputs.staff[3].results', message: 'required' },
      { path: 'inputs.securityIncidents', message: 'Too small: expected number to be >=0' },
      { path: 'inputs.achievementRate', message: "100.5 is outside the metric's domain [0, 100]" },
      { path: 'inputs.specialDelayDays', message: 'required by component "specialDelay" (特别关注类问题延期时间)' },
      { path: 'inputs.businessSatisfaction', message: 'must be one of: 非常满意, 比较满意, 一般, 不满意, 非常不满意' },
    ]);
    expect(checkAssessmentInputs(parseAssessmentScheme(xuzhouScheme), inputs)).toHaveLength(8);
  });

  it('inputs that are not an object are one problem', () => {
    expect(problemsOf(() => evaluateAssessment(huaianScheme, null as never))).toMatchObject([
      { path: 'inputs', message: "must be an object keyed by each component's input" },
    ]);
  });

  it('an invalid scheme is refused before inputs are read', () => {
    const e = (() => {
      try {
        evaluateAssessment({ period: 'week' } as never, {});
      } catch (x) {
        return x;
      }
    })();
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as ValidationError).message).toBe('invalid assessment scheme');
  });
});

describe('property: the score always lies within the clamp', () => {
  const business = ['非常满意', '比较满意', '一般', '不满意', '非常不满意'];
  const it_ = ['好', '一般', '差', '很差', '非常差'];
  const scheme = parseAssessmentScheme(xuzhouScheme);
  const person = fc.record({
    attitude: fc.integer({ min: 0, max: 30 }),
    ability: fc.integer({ min: 0, max: 30 }),
    results: fc.integer({ min: 0, max: 40 }),
    bonuses: fc.array(fc.integer({ min: 3, max: 5 }), { maxLength: 3 }),
  });
  it('holds for random Xuzhou inputs', () => {
    fc.assert(
      fc.property(
        fc.array(person, { maxLength: 12 }),
        fc.nat({ max: 10 }),
        fc.option(fc.integer({ min: 0, max: 10000 }), { nil: null }),
        fc.integer({ min: 0, max: 40000 }),
        fc.constantFrom(...business),
        fc.constantFrom(...it_),
        (staff, incidents, rateBp, delayHundredths, b, i) => {
          const r = evaluateAssessment(scheme, {
            staff: staff.map((p, k) => ({ personId: `p${k}`, ...p })),
            securityIncidents: incidents,
            achievementRate: rateBp === null ? null : dec(rateBp).div(100).toString(),
            specialDelayDays: dec(delayHundredths).div(100).toString(),
            businessSatisfaction: b,
            itSatisfaction: i,
          });
          const s = dec(r.score);
          expect(s.gte(0) && s.lte(100)).toBe(true);
          const u = dec(r.unclampedScore);
          expect(s.eq(u.gt(100) ? 100 : u.lt(0) ? 0 : u)).toBe(true);
          expect(r.score).toMatch(/^\d+\.\d{2}$/);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
