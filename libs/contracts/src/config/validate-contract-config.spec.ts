import type { Problem } from '@ledger/kernel';
import fc from 'fast-check';
import { contractConfigJsonSchema, getPreset, validateContractConfig, type ContractConfig } from '../index';
import { huaianConfig, qinghaiConfig, xuzhouConfig } from '../testing/golden-configs';

const incl = (value: number) => ({ value, inclusive: true });
const excl = (value: number) => ({ value, inclusive: false });

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
/** Each problem as [path, code, parameters]: what the console renders in the reader's language. */
const coded = (problems: readonly Problem[]) => problems.map((p) => [p.path, p.code, p.params]);
const problemsOf = (cfg: unknown) => {
  const r = validateContractConfig(cfg);
  return r.ok ? [] : r.problems;
};

describe('validateContractConfig', () => {
  it('names an acceptance major-failure severity the SLA policy does not define, at its path (rule 17)', () => {
    const cfg = clone(getPreset('tianjin-2026-p7').config) as { acceptance: Record<string, unknown> };
    expect(validateContractConfig(cfg).ok).toBe(true);
    const severities = ['general', 'major', 'major-emergency'];
    cfg.acceptance = { ...cfg.acceptance, majorFailureSeverities: ['major', 'catastrophic'] };
    expect(coded(problemsOf(cfg))).toEqual([
      [
        'acceptance.majorFailureSeverities[1]',
        'unknown.severity',
        { value: 'catastrophic', known: severities.join(', ') },
      ],
    ]);
  });

  it('accepts a valid configuration and normalises decimals to strings', () => {
    const r = validateContractConfig(huaianConfig);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.config.money.amount).toBe('1740000');
      expect(r.config.money.currency).toBe('CNY');
    }
  });

  it('reports every problem at once, with full paths, across sections (structural and semantic)', () => {
    const cfg = clone(huaianConfig) as Record<string, unknown> & ContractConfig;
    cfg.term = { start: '2026-12-31', end: '2026-01-01' }; // end before start
    cfg.money = {
      amount: '1740000.00',
      budget: '1500000.00',
      annualSplit: {
        mode: 'explicit',
        years: [
          { year: 2025, amount: '580000.00' },
          { year: 2026, amount: '1000000.00' },
        ],
      },
    };
    cfg.staffing = {
      roles: [
        { id: 'pm', name: 'PM', headcount: 1, placement: 'on-site' },
        { id: 'pm', name: 'Other', headcount: 1, placement: 'moon' as 'on-site' },
      ],
    };
    cfg.assessment = {
      period: 'half-year',
      components: [
        {
          id: 'rate',
          label: 'rate',
          kind: 'banded',
          input: 'rate',
          params: {
            metric: 'rate',
            domain: { min: incl(0), max: incl(100) },
            bands: [
              { min: incl(80), points: 0 },
              { min: incl(70), max: incl(90), points: -2 },
              { max: excl(70), points: -5 },
            ],
          },
        },
      ],
    };
    const out = problemsOf(cfg).map((p) => `${p.path}: ${p.message}`);
    expect(out).toEqual(
      expect.arrayContaining([
        'term.end: the term ends (2026-01-01) before it starts (2026-12-31)',
        'money.amount: the amount 1,740,000.00 exceeds the budget 1,500,000.00',
        expect.stringMatching(/^staffing\.roles\[1\]\.placement: /),
        expect.stringMatching(/^assessment\.components\[0\]\.params\.bands\[1\]: overlaps band \[0\]/),
      ]),
    );
    expect(out.length).toBeGreaterThanOrEqual(4);
  });

  it('reports payment problems with their paths: percents over 100 %, unknown period, grade, cap base, target', () => {
    const cfg = clone(qinghaiConfig) as ContractConfig;
    cfg.payment = {
      milestones: [
        {
          id: 'a',
          label: 'A',
          kind: 'percent',
          params: { percent: 60, due: { kind: 'date', date: '2026-03-01' } },
          conditions: [{ kind: 'score-at-least', min: 80, period: '2030-H1' }],
        },
        {
          id: 'b',
          label: 'B',
          kind: 'percent',
          params: { percent: 50, due: { kind: 'date', date: '2026-06-01' } },
          conditions: [{ kind: 'grade-in', grades: ['A', 'S'] }],
        },
      ],
      deductions: [
        {
          id: 'score',
          kind: 'per-point-below-threshold',
          target: ['nope'],
          params: { threshold: 80, perPoint: 100, cap: { percent: 20, of: { yearFee: 2031 } } },
        },
        { id: 'grade', kind: 'grade-percent', params: { grades: [{ grade: 'Z', percent: 2 }] } },
      ],
    };
    expect(coded(problemsOf(cfg))).toEqual(
      expect.arrayContaining([
        [
          'payment.milestones[0].conditions[0].period',
          'unknown.assessmentPeriod',
          { value: '2030-H1', known: '2026-H1, 2026-H2, 2027-H1, 2027-H2, 2028-H1, 2028-H2, 2026, 2027, 2028' },
        ],
        ['payment.milestones[1].conditions[0].grades[1]', 'unknown.grade', { value: 'S', known: 'A, B, C' }],
        ['payment.deductions[0].target[0]', 'unknown.milestone', { value: 'nope', known: 'a, b' }],
        [
          'payment.deductions[0].params.cap.of.yearFee',
          'year.outsideTerm',
          { year: '2031', years: '2026, 2027, 2028' },
        ],
        ['payment.deductions[1].params.grades[0].grade', 'unknown.grade', { value: 'Z', known: 'A, B, C' }],
      ]),
    );
  });

  it('reports milestone percentages over 100 % when everything else is sound', () => {
    const cfg = clone(xuzhouConfig) as ContractConfig;
    cfg.payment = {
      milestones: [
        { id: 'a', label: 'A', kind: 'percent', params: { percent: 60, due: { kind: 'date', date: '2026-03-01' } } },
        { id: 'b', label: 'B', kind: 'percent', params: { percent: 50, due: { kind: 'date', date: '2026-06-01' } } },
      ],
    };
    expect(problemsOf(cfg)).toEqual([
      {
        path: 'payment.milestones',
        code: 'payment.overAmount',
        params: { total: '2,640,000.00', percent: '110', amount: '2,400,000.00' },
        message: 'the milestones pay 2,640,000.00 (110 % of the amount 2,400,000.00), more than 100 %',
      },
    ]);
  });

  it('reports a year split that does not add up to the amount, and years outside the term', () => {
    const cfg = clone(huaianConfig) as ContractConfig;
    cfg.money = {
      amount: '1740000.00',
      annualSplit: {
        mode: 'explicit',
        years: [
          { year: 2025, amount: '580000.00' },
          { year: 2027, amount: '1000000.00' },
        ],
      },
    };
    const out = problemsOf(cfg).map((p) => `${p.path}: ${p.message}`);
    expect(out).toEqual(
      expect.arrayContaining([
        'money.annualSplit.years[1].year: year 2027 is outside the term 2025-07-01..2026-12-31',
        'money.annualSplit.years: the term covers 2026 but the split gives it no fee',
        'money.annualSplit.years: the year fees add up to 1,580,000.00, not the amount 1,740,000.00',
      ]),
    );
  });

  it('reports cumulative targets that do not increase, duplicate ids and impossible team minimums', () => {
    const cfg = clone(huaianConfig) as ContractConfig;
    cfg.staffing = {
      roles: [{ id: 'pm', name: 'PM', headcount: 1, placement: 'on-site' }],
      minimums: [{ min: 5 }, { min: 1, roles: ['ghost'] }],
    };
    cfg.obligations = [
      { id: 'report', kind: 'monthly-report', period: 'month', due: { kind: 'by-day-of-next-period', day: 5 } },
      { id: 'report', kind: 'inspection', period: 'year', count: 52 },
    ];
    cfg.payment = {
      milestones: [
        {
          id: 'pay',
          label: 'P',
          kind: 'cumulative-target',
          params: {
            steps: [
              { id: 's', cumulativePercent: 40, due: { kind: 'date', date: '2025-12-01' } },
              { id: 's', cumulativePercent: 30, due: { kind: 'date', date: '2026-12-01' } },
            ],
          },
        },
      ],
    };
    expect(coded(problemsOf(cfg))).toEqual(
      expect.arrayContaining([
        ['staffing.minimums[0].min', 'staffing.minimumExceedsPlan', { min: '5', available: '1' }],
        ['staffing.minimums[1].roles[0]', 'unknown.role', { value: 'ghost', known: 'pm' }],
        ['obligations[1].id', 'list.duplicateId', { value: 'report', other: 'obligations[0]' }],
        ['payment.milestones[0].params.steps[1].id', 'list.duplicateId', { value: 's', other: 'steps[0]' }],
        [
          'payment.milestones[0].params.steps[1].cumulativePercent',
          'payment.cumulativeNotIncreasing',
          { value: '30', previous: 'steps[0]', previousValue: '40' },
        ],
      ]),
    );
  });

  it('reports period deductions whose targets plan no period lines', () => {
    const cfg = clone(xuzhouConfig) as ContractConfig;
    cfg.payment?.deductions?.push({
      id: 'complaints',
      kind: 'per-complaint',
      target: ['settlement'],
      params: { amountEach: 500 },
    });
    expect(problemsOf(cfg)).toEqual([
      {
        path: 'payment.deductions[2].target',
        code: 'payment.deductionNeedsPeriodLines',
        params: { kind: 'per-complaint' },
        message:
          'a per-complaint deduction reduces period payments, but the milestones it targets plan none (use per-period-share or quarterly-instalments)',
      },
    ]);
  });

  it('accepts the optional fields the seeds need: local placement, holiday duty, KPIs, acceptance timing, before-event obligations', () => {
    const cfg = clone(xuzhouConfig) as ContractConfig;
    cfg.staffing = {
      roles: [{ id: 'local', name: '本地支持', headcount: 2, placement: 'local' }],
      holidayDuty: { minOnDuty: 1, where: '市内' },
      allowances: [
        { id: 'free', description: '≤10 working days per request', amount: 10, unit: 'working-days', per: 'request' },
      ],
    };
    cfg.sla = {
      policy: { severities: [{ id: 'L1', name: 'L1', rank: 1 }], targets: [] },
      kpis: [{ id: 'resolution', name: '解决率', metric: 'resolution-rate', minPercent: 98 }],
    };
    cfg.acceptance = { applyFromDaysBeforeEnd: 7, monthsWithoutMajorFailure: 3 };
    cfg.obligations = [
      {
        id: 'change-plan',
        kind: 'change-plan',
        period: 'event',
        due: { kind: 'before-event', event: 'major change', workingDaysBefore: 3 },
      },
      { id: 'year-plan', kind: 'year-plan', period: 'year', due: { kind: 'at-period-start' } },
      { id: 'training', kind: 'training', period: 'event', minParticipants: 2 },
    ];
    cfg.sources = [{ path: 'money.amount', seed: '000', line: 12, derivation: 'budget less discount' }];
    expect(problemsOf(cfg)).toEqual([]);
  });

  it('reports sla and calendar problems re-rooted under their sections', () => {
    const cfg = clone(xuzhouConfig) as Record<string, unknown>;
    cfg.sla = {
      policy: {
        severities: [
          { id: 'L1', name: 'L1', rank: 1 },
          { id: 'L1', name: 'dup', rank: 1 },
        ],
        targets: [],
      },
      process: { settlementPatchesNotBefore: '25:00' },
    };
    cfg.calendar = { workingHours: [{ start: '12:00', end: '08:00' }] };
    const out = problemsOf(cfg).map((p) => p.path);
    expect(out).toEqual(
      expect.arrayContaining([
        'sla.policy.severities[1].id',
        'sla.policy.severities[1].rank',
        'sla.process.settlementPatchesNotBefore',
        'calendar.workingHours[0]',
      ]),
    );
  });

  it.each([
    null,
    42,
    'x',
    [],
    {},
    { schemaVersion: 1 },
    { payment: { milestones: 'x' } },
    { term: { start: 'x' }, money: null },
  ])('never throws on %j and returns problems', (input) => {
    const r = validateContractConfig(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.length).toBeGreaterThan(0);
  });

  it('property: never throws on arbitrary JSON, always answers with problems that have paths', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const r = validateContractConfig(v);
        expect(r.ok).toBe(false);
        if (!r.ok)
          r.problems.forEach((p) => {
            expect(typeof p.path).toBe('string');
            expect(p.message).not.toMatch(/validation failed unexpectedly/);
          });
      }),
      { numRuns: 1000 },
    );
  });

  it('property: never throws on mutations of a valid configuration', () => {
    const base = clone(huaianConfig) as unknown as Record<string, unknown>;
    const keys = Object.keys(base);
    fc.assert(
      fc.property(fc.constantFrom(...keys), fc.jsonValue(), (key, value) => {
        const r = validateContractConfig({ ...base, [key]: value });
        if (!r.ok) r.problems.forEach((p) => expect(p.message).not.toMatch(/validation failed unexpectedly/));
      }),
      { numRuns: 1000 },
    );
  });

  it('exports a JSON Schema of the language', () => {
    const schema = contractConfigJsonSchema() as { properties: Record<string, unknown>; required: string[] };
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining([
        'schemaVersion',
        'parties',
        'money',
        'term',
        'staffing',
        'calendar',
        'sla',
        'taxonomy',
        'obligations',
        'assessment',
        'payment',
        'procurement',
        'notes',
        'sources',
      ]),
    );
    expect(schema.required).toEqual(expect.arrayContaining(['schemaVersion', 'parties', 'money', 'term']));
  });
});
