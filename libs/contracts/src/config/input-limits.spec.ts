import { validateContractConfig, type ContractConfig } from '../index';
import { parseMoney } from '../money';
import { huaianConfig, qinghaiConfig, xuzhouConfig } from '../testing/golden-configs';

type Json = Record<string, unknown>;
const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
const problemsOf = (cfg: unknown) => {
  const r = validateContractConfig(cfg);
  return r.ok ? [] : r.problems;
};

/** Set `value` at a dotted path with [i] indices (creating nothing: the path must exist up to its parent). */
function setAt(target: Json, path: string, value: unknown): void {
  const segs = path.replace(/\[(\d+)\]/g, '.$1').split('.');
  let node: Json = target;
  for (const s of segs.slice(0, -1)) node = node[s] as Json;
  node[segs[segs.length - 1]] = value;
}

const withDeduction = (base: ContractConfig, deduction: Json): Json => {
  const cfg = clone(base) as unknown as Json;
  ((cfg.payment as Json).deductions as Json[]).push(deduction);
  return cfg;
};
const n = (cfg: ContractConfig) => (cfg.payment?.deductions ?? []).length;

describe('configuration signs: a deduction rule refuses a negative rate, cap, amount or percentage', () => {
  const staffConfig = (): Json => {
    const cfg = clone(xuzhouConfig) as unknown as Json;
    (cfg.assessment as Json).components = [
      {
        id: 'staff',
        label: '驻场人员考核',
        kind: 'staff-average',
        input: 'staff',
        params: {
          parts: [
            { id: 'attitude', max: 30 },
            { id: 'ability', max: 70 },
          ],
          taskBonus: { min: 3, max: 5 },
          personCap: 100,
          adjustment: {
            domain: { min: { value: 0, inclusive: true }, max: { value: 100, inclusive: true } },
            bands: [{ min: { value: 0, inclusive: true }, max: { value: 100, inclusive: true }, points: 0 }],
          },
          flagBelow: { threshold: 70 },
        },
      },
      {
        id: 'incidents',
        label: '重大事件',
        kind: 'per-event',
        input: 'incidents',
        params: { event: '重大数据安全事件', pointsPerEvent: -5, cap: 15 },
      },
    ];
    return cfg;
  };

  const cases: [string, () => Json, string, unknown][] = [
    [
      'per-point-below-threshold perPoint',
      () => clone(xuzhouConfig) as unknown as Json,
      'payment.deductions[0].params.perPoint',
      -10000,
    ],
    [
      'per-point-below-threshold perPoint (text)',
      () => clone(huaianConfig) as unknown as Json,
      'payment.deductions[0].params.perPoint',
      '-20000.00',
    ],
    [
      'per-point-below-threshold threshold',
      () => clone(xuzhouConfig) as unknown as Json,
      'payment.deductions[0].params.threshold',
      -80,
    ],
    [
      'per-point-below-threshold cap percent',
      () => clone(xuzhouConfig) as unknown as Json,
      'payment.deductions[0].params.cap.percent',
      -20,
    ],
    [
      'per-complaint amountEach',
      () => clone(qinghaiConfig) as unknown as Json,
      'payment.deductions[1].params.amountEach',
      -500,
    ],
    [
      'complaint-threshold-percent percent',
      () => clone(qinghaiConfig) as unknown as Json,
      'payment.deductions[2].params.percent',
      -3,
    ],
    [
      'grade-percent percent',
      () => clone(qinghaiConfig) as unknown as Json,
      'payment.deductions[0].params.grades[1].percent',
      -5,
    ],
    [
      'liquidated-damages percentPerDay',
      () => clone(huaianConfig) as unknown as Json,
      'payment.deductions[1].params.percentPerDay',
      -0.5,
    ],
    [
      'liquidated-damages capPercent',
      () => clone(huaianConfig) as unknown as Json,
      'payment.deductions[1].params.capPercent',
      -10,
    ],
    [
      'acceptance-clawback finePercent',
      () => withDeduction(huaianConfig, { id: 'clawback', kind: 'acceptance-clawback', params: { finePercent: 15 } }),
      `payment.deductions[${n(huaianConfig)}].params.finePercent`,
      -15,
    ],
    [
      'milestone percent',
      () => clone(huaianConfig) as unknown as Json,
      'payment.milestones[0].params.steps[0].cumulativePercent',
      -40,
    ],
    [
      'turnover cap',
      () => ({
        ...(clone(xuzhouConfig) as unknown as Json),
        staffing: { ...clone(xuzhouConfig.staffing), turnoverCaps: { core: 20 } },
      }),
      'staffing.turnoverCaps.core',
      -20,
    ],
    ['per-event cap', staffConfig, 'assessment.components[1].params.cap', -15],
    ['staff-average part max', staffConfig, 'assessment.components[0].params.parts[0].max', -30],
    ['staff-average task bonus min', staffConfig, 'assessment.components[0].params.taskBonus.min', -3],
    ['staff-average task bonus max', staffConfig, 'assessment.components[0].params.taskBonus.max', -1],
    ['staff-average person cap', staffConfig, 'assessment.components[0].params.personCap', -100],
    ['staff-average flag threshold', staffConfig, 'assessment.components[0].params.flagBelow.threshold', -70],
    ['contract amount', () => clone(xuzhouConfig) as unknown as Json, 'money.amount', '-1.00'],
  ];

  it.each(cases)('%s: the base configuration is valid', (_name, base) => {
    expect(problemsOf(base())).toEqual([]);
  });

  it.each(cases)('%s: a negative value is refused at its path', (_name, base, path, value) => {
    const cfg = base();
    setAt(cfg, path, value);
    expect(problemsOf(cfg).map((p) => p.path)).toContain(path);
  });

  it('per-event points stay signed: a bonus is a positive pointsPerEvent', () => {
    const cfg = staffConfig();
    setAt(cfg, 'assessment.components[1].params.pointsPerEvent', 1);
    expect(problemsOf(cfg)).toEqual([]);
  });
});

describe('configuration money: at most numeric(18,2)', () => {
  it.each([
    ['9999999999999999.99', true],
    ['10000000000000000', false],
    ['100000000000000000', false],
    ['1.234', false],
  ])('money.amount %s valid: %s', (amount, valid) => {
    const cfg = clone(xuzhouConfig) as unknown as Json;
    (cfg.money as Json).budget = undefined;
    (cfg.money as Json).amount = amount;
    const problems = problemsOf(cfg);
    if (valid) expect(problems.filter((p) => p.path === 'money.amount')).toEqual([]);
    else expect(problems.map((p) => p.path)).toContain('money.amount');
  });

  it('refuses an exact JSON number beyond 16 integer digits and an explicit year amount beyond it', () => {
    const cfg = clone(huaianConfig) as unknown as Json;
    (cfg.money as Json).amount = 1e16;
    (cfg.money as Json).annualSplit = {
      mode: 'explicit',
      years: [
        { year: 2025, amount: '1e17' },
        { year: 2026, amount: '99999999999999999' },
      ],
    };
    const paths = problemsOf(cfg).map((p) => p.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'money.amount',
        'money.annualSplit.years[0].amount',
        'money.annualSplit.years[1].amount',
      ]),
    );
  });

  it('parseMoney refuses text beyond numeric(18,2)', () => {
    expect(parseMoney('9999999999999999.99').toFixed(2)).toBe('9999999999999999.99');
    expect(() => parseMoney('10000000000000000')).toThrow('16 integer digits');
  });
});

describe('configuration text: no NUL, no lone surrogate, anywhere', () => {
  it.each([
    ['name', 'x\u0000y'],
    ['parties.buyer', '\uD800'],
    ['payment.milestones[0].label', '年度\uDC00结算'],
    ['staffing.roles[0].name', '\u0000'],
    ['assessment.components[0].label', 'a\uD83D'],
  ])('%s with an unstorable character → a problem at that path', (path, text) => {
    const cfg = clone(xuzhouConfig) as unknown as Json;
    setAt(cfg, path, text);
    const r = validateContractConfig(cfg);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.path)).toContain(path);
  });

  it('a well-formed pair (emoji) and Chinese text are fine', () => {
    const cfg = clone(xuzhouConfig) as unknown as Json;
    cfg.name = '徐州 😀 运维';
    expect(problemsOf(cfg)).toEqual([]);
  });

  it('a key with NUL is reported at the object holding it', () => {
    const cfg = clone(xuzhouConfig) as unknown as Json;
    (cfg.parties as Json)['bad\u0000key'] = 'x';
    expect(problemsOf(cfg).map((p) => p.path)).toContain('parties');
  });
});
