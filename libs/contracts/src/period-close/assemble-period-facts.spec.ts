import { renderExplanation } from '../explain/explanation-texts';
import type { ValidationError } from '@ledger/kernel';
import { parseContractConfig } from '../config/validate-contract-config';
import { computeSchedule } from '../payment/compute-schedule';
import { getPreset } from '../presets';
import {
  assemblePeriodFacts,
  closablePeriods,
  closePeriodKind,
  type MonthAttendance,
  type PeriodSources,
} from './assemble-period-facts';

// domain.md worked example A, built from the Xuzhou preset (its amount is already 2,400,000.00).
const xuzhou = parseContractConfig({ ...getPreset('xuzhou-2026').config, version: 3 });
const person = (id: string, total: number) => {
  // attitude ≤ 30, ability ≤ 30, results ≤ 40; the parts add up to `total`.
  const attitude = Math.min(30, Math.floor(total * 0.3));
  const ability = Math.min(30, Math.floor(total * 0.3));
  return { personId: id, attitude, ability, results: total - attitude - ability };
};
const staff = (totals: number[]) => totals.map((t, i) => person(`p${i + 1}`, t));

/** H1: staff average 84 → 0; no incident; 41/45 = 91.11 % → +2; delays 12 → −2; 比较满意 +5; IT 一般 0 → 105 → 100.00. */
const H1: PeriodSources = {
  id: '2026-H1',
  values: {
    staffScores: staff([84, 84, 84, 84, 84, 84, 84, 84, 84]),
    securityIncidents: 0,
    satisfaction: { businessSatisfaction: '比较满意', itSatisfaction: '一般' },
    complaints: { valid: 0, invalid: 1 },
  },
  metrics: { achievementRate: '91.111111111111111111111111111111111111', specialDelayDays: '12' },
};
/** H2: staff average 72 → −5; one incident −5; 38/50 = 76 % → −2; delays 35 → −5; 一般 −3; 差 −2 → 78.00. */
const H2: PeriodSources = {
  id: '2026-H2',
  values: {
    staffScores: staff([72, 72, 72, 72, 72, 72, 72, 72, 72]),
    securityIncidents: 1,
    satisfaction: { businessSatisfaction: '一般', itSatisfaction: '差' },
  },
  metrics: { achievementRate: '76', specialDelayDays: '35' },
};
/** 12 accepted months, 9 planned each: nine full months and three with one person absent → 105 of 108. */
const months: MonthAttendance[] = Array.from({ length: 12 }, (_, i) => ({
  month: `2026-${String(i + 1).padStart(2, '0')}`,
  planned: '9',
  actual: i < 9 ? '9' : '8',
}));

describe('assemblePeriodFacts (worked example A, Xuzhou)', () => {
  const h2 = assemblePeriodFacts({
    config: xuzhou,
    period: '2026-H2',
    asOf: '2027-01-15',
    periods: [H1, H2],
    attendance: months,
  });

  it.each([
    ['2026-H1', '100.00', '105.00', ['0.00', '0.00', '2.00', '-2.00', '5.00', '0.00']],
    ['2026-H2', '78.00', '78.00', ['-5.00', '-5.00', '-2.00', '-5.00', '-3.00', '-2.00']],
  ])('%s scores %s (unclamped %s), component by component', (period, score, unclamped, points) => {
    const a = h2.assessments.find((x) => x.period === period);
    expect(a?.missing).toEqual([]);
    expect(a?.result?.score).toBe(score);
    expect(a?.result?.unclampedScore).toBe(unclamped);
    expect(a?.result?.breakdown.map((b) => b.points)).toEqual(points);
  });

  it('feeds each component from its `input` name: stored buyer inputs by kind, ticket metrics by name', () => {
    expect(h2.assessment.used.map((u) => [u.componentId, u.input, u.source])).toEqual([
      ['staff', 'staff', 'staffScores'],
      ['securityIncidents', 'securityIncidents', 'securityIncidents'],
      ['achievementRate', 'achievementRate', 'derived'],
      ['specialDelay', 'specialDelayDays', 'derived'],
      ['businessSatisfaction', 'businessSatisfaction', 'satisfaction'],
      ['itSatisfaction', 'itSatisfaction', 'satisfaction'],
    ]);
  });

  it('H2 completes 2026: year 89.00 (mean), facts carry the scores dated asOf and the term attendance', () => {
    expect(h2.year?.year).toBe(2026);
    expect(h2.year?.aggregate.score).toBe('89.00');
    expect(h2.missing).toEqual([]);
    expect(h2.facts).toEqual({
      periods: [
        { id: '2026-H1', score: '100.00', assessedOn: '2027-01-15', validComplaints: 0 },
        { id: '2026-H2', score: '78.00', assessedOn: '2027-01-15' },
      ],
      years: [{ year: 2026, score: '89.00', assessedOn: '2027-01-15' }],
      quarters: [],
      attendance: [{ actualPersonMonths: '105' }],
    });
  });

  it('the schedule from the assembled facts: no score deduction at 89.00, absence 2,400,000 × 3 ÷ 108 = 66,666.67', () => {
    const s = computeSchedule(xuzhou, h2.facts, { asOf: '2027-02-01' });
    expect(s.configVersion).toBe(3);
    const line = s.lines[0];
    expect(line.deductions.map((d) => [d.ruleId, d.amount])).toEqual([
      ['year-score', '0.00'],
      ['absence', '66666.67'],
    ]);
    expect(line.net).toBe('2333333.33');
  });

  it('before the period ends the close is provisional: scores are given, but the period and year are not dated', () => {
    const early = assemblePeriodFacts({
      config: xuzhou,
      period: '2026-H2',
      asOf: '2026-11-24',
      periods: [H1, H2],
      attendance: months.slice(0, 9),
    });
    expect(early.facts.periods).toEqual([
      { id: '2026-H1', score: '100.00', assessedOn: '2026-11-24', validComplaints: 0 },
      { id: '2026-H2', score: '78.00' },
    ]);
    expect(early.facts.years).toEqual([{ year: 2026, score: '89.00' }]);
    expect(early.notes.join(' ')).toMatch(/provisional: 2026-11-24 is before 2026-H2 ends \(2026-12-31\)/);
    expect(computeSchedule(xuzhou, early.facts, { asOf: '2026-11-24' }).lines[0]).toMatchObject({
      status: 'scheduled',
      dueDate: null,
    });
  });

  it('staff below 70 are flagged with the period', () => {
    const low = assemblePeriodFacts({
      config: xuzhou,
      period: '2026-H1',
      asOf: '2026-07-10',
      periods: [{ ...H1, values: { ...H1.values, staffScores: staff([95, 65]) } }],
    });
    expect(low.flags.map((f) => [f.period, f.code, f.subject])).toEqual([['2026-H1', 'STAFF_BELOW_THRESHOLD', 'p2']]);
  });
});

describe('assemblePeriodFacts: missing inputs are reported, never guessed', () => {
  it.each([
    [
      'nothing entered',
      { id: '2026-H2', values: {} },
      [
        'staffScores',
        'securityIncidents',
        'achievementRate',
        'specialDelayDays',
        'satisfaction.businessSatisfaction',
        'satisfaction.itSatisfaction',
      ],
    ],
    [
      'one satisfaction answer lacking',
      { ...H2, values: { ...H2.values, satisfaction: { businessSatisfaction: '一般' } } },
      ['satisfaction.itSatisfaction'],
    ],
    ['no ticket metrics', { ...H2, metrics: {} }, ['achievementRate', 'specialDelayDays']],
  ] as [string, PeriodSources, string[]][])('%s', (_name, source, inputs) => {
    const r = assemblePeriodFacts({
      config: xuzhou,
      period: '2026-H2',
      asOf: '2027-01-15',
      periods: [H1, source],
      attendance: months,
    });
    expect(r.assessment.result).toBeNull();
    expect(r.missing.map((m) => m.input)).toEqual(inputs);
    expect(r.year).toBeNull();
    expect(r.facts.years).toEqual([]);
    expect(r.facts.periods).toEqual([{ id: '2026-H1', score: '100.00', assessedOn: '2027-01-15', validComplaints: 0 }]);
  });

  it('an undefined achievement rate (nothing due, rule 5) is an input: 0 points with a note, not missing', () => {
    const r = assemblePeriodFacts({
      config: xuzhou,
      period: '2026-H1',
      asOf: '2026-07-10',
      periods: [{ ...H1, metrics: { achievementRate: null, specialDelayDays: '0' } }],
    });
    expect(r.missing).toEqual([
      {
        period: 'term',
        input: 'attendance',
        message: expect.stringContaining('2026-01, 2026-02'),
        explained: {
          code: 'missing.attendance',
          params: { deduction: 'absence', months: expect.stringContaining('2026-01, 2026-02') },
        },
      },
    ]);
    // The reader's text comes from the code; the English account is the same words.
    expect(renderExplanation(r.missing[0].explained, 'en')).toBe(r.missing[0].message);
    expect(renderExplanation(r.missing[0].explained, 'zh-CN')).toMatch(
      /^2026-01, 2026-02, .* 没有已通过的月报；实际人月不做推测$/,
    );
    expect(r.assessment.result?.breakdown.find((b) => b.componentId === 'achievementRate')?.points).toBe('0.00');
    expect(r.year).toBeNull();
  });

  it('the year needs the earlier period too; attendance needs every month of the term', () => {
    const r = assemblePeriodFacts({
      config: xuzhou,
      period: '2026-H2',
      asOf: '2027-01-15',
      periods: [H2],
      attendance: months.slice(0, 11),
    });
    expect(r.assessment.result?.score).toBe('78.00');
    expect(r.missing.map((m) => [m.period, m.input])).toEqual([
      ['2026-H1', 'staffScores'],
      ['2026-H1', 'securityIncidents'],
      ['2026-H1', 'achievementRate'],
      ['2026-H1', 'specialDelayDays'],
      ['2026-H1', 'satisfaction.businessSatisfaction'],
      ['2026-H1', 'satisfaction.itSatisfaction'],
      ['term', 'attendance'],
    ]);
    expect(r.facts.attendance).toEqual([]);
    expect(r.notes.join(' ')).toMatch(/2026-H1 cannot be assessed/);
  });

  it('a period that is not one of the scheme periods of the term is refused with its path', () => {
    const problems = (period: string) => {
      try {
        assemblePeriodFacts({ config: xuzhou, period, asOf: '2027-01-15', periods: [] });
        return [];
      } catch (e) {
        return (e as ValidationError).problems;
      }
    };
    expect(problems('2026-Q3')).toEqual([
      {
        path: 'period',
        code: 'period.notOfKind',
        params: { value: '2026-Q3', kind: 'half-year', known: '2026-H1, 2026-H2' },
        message: expect.stringContaining('not a half-year period of the term'),
      },
    ]);
    expect(problems('2027-H1')).toEqual([
      expect.objectContaining({ path: 'period', message: expect.stringContaining('2026-H1, 2026-H2') }),
    ]);
  });
});

describe('assemblePeriodFacts: quarters, complaints and acceptance from any period of the term up to the target', () => {
  it.each([
    ['2026-H1', [], undefined],
    [
      '2026-H2',
      [
        { id: '2026-Q3', qualified: false },
        { id: '2026-Q4', qualified: true },
      ],
      { passed: false },
    ],
  ])('closing %s', (period, quarters, acceptance) => {
    const r = assemblePeriodFacts({
      config: xuzhou,
      period,
      asOf: '2027-01-15',
      periods: [
        H1,
        H2,
        { id: '2026-Q3', values: { quarterQualified: false } },
        { id: '2026-Q4', values: { quarterQualified: true, acceptance: { passed: false, date: null } } },
        { id: '2027-Q1', values: { quarterQualified: true } }, // outside the term: ignored
      ],
    });
    expect(r.facts.quarters).toEqual(quarters);
    expect(r.facts.acceptance).toEqual(acceptance);
  });
});

describe("assemblePeriodFacts: Huai'an (worked example B) and acceptance", () => {
  const huaian = parseContractConfig(getPreset('huaian-2025-2026').config);
  const src = (id: string, rate: string, business: string, it: string): PeriodSources => ({
    id,
    values: { satisfaction: { businessSatisfaction: business, itSatisfaction: it } },
    metrics: { achievementRate: rate, specialDelayDays: '0' },
  });
  it('H1 76.00 and H2 80.00 → year 78.00 → 2 × 20,000 = 40,000.00 on the balance, which is withheld (score < 80)', () => {
    // H1 76.00 = 100 − 10 (rate 50 % < 60 %) + 0 (delay 0) − 10 (非常不满意) − 4 (很差);
    // H2 80.00 = 100 − 10 (rate 50 %) + 0 (delay 0) − 10 (非常不满意) + 0 (一般). 2025-H2 has no inputs: not assessed.
    const h1 = src('2026-H1', '50', '非常不满意', '很差');
    const h2 = {
      ...src('2026-H2', '50', '非常不满意', '一般'),
      values: {
        satisfaction: { businessSatisfaction: '非常不满意', itSatisfaction: '一般' },
        acceptance: { passed: true, date: '2026-12-20' },
      },
    };
    const r = assemblePeriodFacts({ config: huaian, period: '2026-H2', asOf: '2026-12-31', periods: [h1, h2] });
    expect(r.assessments.map((a) => [a.period, a.result?.score ?? null])).toEqual([
      ['2025-H2', null],
      ['2026-H1', '76.00'],
      ['2026-H2', '80.00'],
    ]);
    expect(r.year?.aggregate.score).toBe('78.00');
    expect(r.missing).toEqual([]);
    expect(r.facts.acceptance).toEqual({ passed: true, date: '2026-12-20' });
    const s = computeSchedule(huaian, r.facts, { asOf: '2026-12-31' });
    const balance = s.lines.find((l) => l.id === 'contract-payments.balance');
    expect(balance?.deductions.find((d) => d.ruleId === 'year-score')?.amount).toBe('40000.00');
    expect(balance?.status).toBe('withheld');
  });
});

describe('closing a contract without an assessment scheme', () => {
  it('Tianjin P8 closes by quarter: the facts carry quarter qualification, nothing is scored', () => {
    const config = parseContractConfig(getPreset('tianjin-2026-p8').config);
    expect(closePeriodKind(config)).toBe('quarter');
    expect(closablePeriods(config).map((p) => p.id)).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    const a = assemblePeriodFacts({
      config,
      period: '2026-Q3',
      asOf: '2026-10-10',
      periods: [
        { id: '2026-Q3', values: { quarterQualified: false } },
        { id: '2026-Q1', values: { quarterQualified: true } },
      ],
    });
    expect(a.assessment).toMatchObject({ period: '2026-Q3', result: null, missing: [] });
    expect(a.facts.quarters).toEqual([
      { id: '2026-Q3', qualified: false },
      { id: '2026-Q1', qualified: true },
    ]);
    expect(a.year).toBeNull();
    expect(a.notes[0]).toContain('no assessment scheme');
    let problems: readonly { message: string }[] = [];
    try {
      assemblePeriodFacts({ config, period: '2026-H2', asOf: '2026-10-10', periods: [] });
    } catch (e) {
      problems = (e as ValidationError).problems;
    }
    expect(problems.map((p) => p.message)).toEqual([
      '2026-H2 is not a quarter period of the term (2026-Q1, 2026-Q2, 2026-Q3, 2026-Q4)',
    ]);
  });

  it('Beijing (no scheme, no quarterly terms) closes by year', () => {
    const config = parseContractConfig(getPreset('beijing-2020').config);
    expect(closePeriodKind(config)).toBe('year');
  });
});
