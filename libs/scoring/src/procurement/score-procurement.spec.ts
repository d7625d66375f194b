import { dec, renderProblem, ValidationError, type Problem } from '@ledger/kernel';
import fc from 'fast-check';
import { tianjinP1Scheme } from '../fixtures/tianjin-p1';
import { procurementSchemeSchema } from './procurement-scheme';
import {
  checkProcurementInputs,
  scoreProcurement,
  validateProcurementScheme,
  type ProcurementInput,
} from './score-procurement';

const problemsOf = (f: () => unknown): Problem[] => {
  try {
    f();
  } catch (e) {
    if (e instanceof ValidationError) return [...e.problems];
    throw e;
  }
  throw new Error('expected a ValidationError');
};

type Entry = { flaws: number; provided?: boolean; meetsRequirements?: boolean; missingTopics?: string[] };
const sheet = (
  evaluatorId: string,
  bidderId: string,
  flaws: [number, number, number, number, number, number],
  extra: Record<string, Partial<Entry>> = {},
) => ({
  evaluatorId,
  bidderId,
  items: Object.fromEntries(
    ['S1', 'S2', 'S3', 'S4', 'S5', 'S6'].map((id, i) => [id, { flaws: flaws[i], ...(extra[id] ?? {}) }]),
  ),
});

/*
 * Hand computation (budget 690,707; weight 10; small/micro −20 %):
 *   A 600,000           eval 600,000  price 480,000/600,000×10 = 8.00
 *   B 600,000 小微       eval 480,000  = base → 10.00
 *   C 700,000 小微       over budget on the offered price → invalid (its 560,000 evaluated price is NOT the base)
 *   D 640,000           eval 640,000  7.50
 *   E 550,000           eval 550,000  8.727272… → 8.73
 * Objective: A 6 (3 of 4 contracts, one dated 2019) + 2 + 2 + 2 + 10 = 22; B 10 + 4 + 2 + 4 + 10 = 30;
 *            D 6 + 4 + 2 + 2 + 10 = 24; E 0.
 * Subjective (E1 / E2; L12 = 12/9/6/3, L9 = 9/6/3):
 *   A: E1 12+9+9+6+9+9 = 54; E2 9+9+6+6+9+6 = 45 → mean 49.5 → total 8 + 22 + 49.5 = 79.50
 *   D: E1 54; E2 as A but S5 one flaw more: 42 → mean 48 → total 7.5 + 24 + 48 = 79.50 (tie with A)
 *   B: E1 12+12+0 (mandatory topic missing)+9+9+9 = 51; E2 12+6+3 (1 flaw + 1 missing expected topic)+0 (3 flaws)+9+9 = 39
 *      → mean 45 → total 10 + 30 + 45 = 85.00
 *   E: E1 S1 3 flaws → 3, others ≥ ladder length → 0; E2 S1 not provided → 0 → mean 1.5 → 8.7272… + 1.5 = 10.23
 * Ranking: B 85.00; A 79.50 and D 79.50 tie on score → lower price first: A (600,000) then D (640,000); E.
 */
const input: ProcurementInput = {
  budget: '690707',
  bids: [
    {
      bidderId: 'A',
      price: '600000',
      smallOrMicro: false,
      objective: {
        O1: [
          { ref: 'HT-1', date: '2020-01-01' },
          { ref: 'HT-2', date: '2023-05-01' },
          { ref: 'HT-3', date: '2024-02-01' },
          { ref: 'HT-0', date: '2019-12-31' },
        ],
        O2: 1,
        O3a: 1,
        O3b: 2,
        O4: true,
      },
    },
    {
      bidderId: 'B',
      price: '600000',
      smallOrMicro: true,
      preferenceBasis: 'small-micro',
      objective: { O1: 5, O2: 2, O3a: 1, O3b: 4, O4: true },
    },
    { bidderId: 'C', price: '700000', smallOrMicro: true },
    { bidderId: 'D', price: '640000', smallOrMicro: false, objective: { O1: 3, O2: 2, O3a: 1, O3b: 2, O4: true } },
    { bidderId: 'E', price: '550000', smallOrMicro: false, objective: { O1: 0, O2: 0, O3a: 0, O3b: 0, O4: false } },
  ],
  sheets: [
    { evaluatorId: 'E1', bidderId: 'A', items: { S1: 0, S2: 1, S3: 0, S4: 1, S5: 0, S6: 0 } }, // shorthand: flaw counts
    sheet('E2', 'A', [1, 1, 1, 1, 0, 1]),
    sheet('E1', 'B', [0, 0, 0, 0, 0, 0], { S3: { missingTopics: ['视频平台管理与维护'] } }),
    sheet('E2', 'B', [0, 2, 1, 3, 0, 0], { S3: { missingTopics: ['实施方案'] } }),
    sheet('E1', 'D', [0, 1, 0, 1, 0, 0]),
    sheet('E2', 'D', [1, 1, 1, 1, 1, 1]),
    sheet('E1', 'E', [3, 4, 3, 3, 5, 3]),
    sheet('E2', 'E', [0, 4, 3, 3, 3, 3], { S1: { provided: false } }),
  ],
};

describe('scoreProcurement: a Tianjin P1-like package, computed by hand', () => {
  const r = scoreProcurement(tianjinP1Scheme, input);
  const bidder = (id: string) => {
    const b = r.bidders.find((x) => x.bidderId === id);
    if (!b) throw new Error(id);
    return b;
  };

  it('the scheme adds up to 10 + 30 + 60', () => expect(validateProcurementScheme(tianjinP1Scheme)).toEqual([]));

  it('base price: the lowest evaluated price among valid bids (the small/micro B at 480,000)', () => {
    expect(r.basePrice).toEqual({ bidderId: 'B', evaluatedPrice: '480000.00' });
  });

  it('the over-budget bid is invalid on its offered price, even though its evaluated price would be within budget', () => {
    const c = bidder('C');
    expect(c.valid).toBe(false);
    expect(c.invalidReasons).toEqual(['报价 700000 超过采购预算 690707: 响应无效 (over budget)']);
    expect(c.evaluatedPrice).toBe('560000.00');
    expect(c.total).toBeUndefined();
    expect(r.ranking.map((l) => l.bidderId)).not.toContain('C');
  });

  it('price scores', () => {
    expect(
      ['A', 'B', 'D', 'E'].map((id) =>
        dec(bidder(id).priceScore ?? 'NaN')
          .toDecimalPlaces(2)
          .toFixed(2),
      ),
    ).toEqual(['8.00', '10.00', '7.50', '8.73']);
    expect(bidder('B').priceExplanation).toBe(
      '价格得分 = 评标基准价 480000.00 ÷ 600000.00 × (1 − 20 %) = 480000.00 (小微企业) × 10 = 10.00',
    );
  });

  it('objective items: capped counts (with the date cut-off) and all-or-nothing', () => {
    expect(bidder('A').objective.map((o) => [o.itemId, o.points])).toEqual([
      ['O1', '6'],
      ['O2', '2'],
      ['O3a', '2'],
      ['O3b', '2'],
      ['O4', '10'],
    ]);
    expect(bidder('A').objective[0].explanation).toBe(
      '3 业绩 × 2 = 6 → +6 (not counted: HT-0 dated 2019-12-31 < 2020-01-01)',
    );
    expect(bidder('B').objective.map((o) => o.points)).toEqual(['10', '4', '2', '4', '10']);
    expect(bidder('E').objectiveTotal).toBe('0');
  });

  it('subjective items: flaw ladders, mandatory topics, evaluator mean', () => {
    const b = bidder('B');
    const s3 = b.subjective.find((s) => s.itemId === 'S3');
    expect(s3?.perEvaluator.map((p) => [p.evaluatorId, p.points, p.explanation])).toEqual([
      ['E1', '0', '缺失必备内容 视频平台管理与维护 → 不予认定加分 → 0'],
      ['E2', '3', '1 + 1 缺项 (实施方案) = 2 处瑕疵 → 3'],
    ]);
    expect(s3?.mean).toBe('1.5');
    expect(b.subjective.find((s) => s.itemId === 'S4')?.perEvaluator[1].explanation).toBe('3 处瑕疵 ≥ 3 → 0');
    expect(b.subjectiveTotal).toBe('45');
    expect(b.evaluatorTotals).toEqual([
      { evaluatorId: 'E1', total: '91.00' },
      { evaluatorId: 'E2', total: '79.00' },
    ]);
    expect(bidder('E').subjective[0].perEvaluator[1].explanation).toBe('未提供方案 (no plan) → 0');
  });

  it('every line explanation is also a code with its figures as decimal strings (explanations are data)', () => {
    expect(bidder('A').objective[0].explained).toEqual({
      code: 'procurement.count',
      params: {
        count: '3',
        unit: '业绩',
        unitPoints: '2',
        raw: '6',
        points: '6',
        early: 'HT-0 (2019-12-31)',
        notBefore: '2020-01-01',
      },
    });
    expect(bidder('B').objective[0].explained).toEqual({
      code: 'procurement.count',
      params: { count: '5', unit: '业绩', unitPoints: '2', raw: '10', points: '10' },
    });
    expect(bidder('E').objective[4].explained).toEqual({
      code: 'procurement.all-or-nothing.not-met',
      params: { condition: expect.any(String) },
    });
    const s3 = bidder('B').subjective.find((s) => s.itemId === 'S3');
    expect(s3?.perEvaluator.map((p) => p.explained)).toEqual([
      { code: 'procurement.flaws.missing-mandatory', params: { topics: '视频平台管理与维护' } },
      { code: 'procurement.flaws', params: { found: '1', missing: '1', topics: '实施方案', flaws: '2', points: '3' } },
    ]);
    expect(bidder('B').subjective.find((s) => s.itemId === 'S4')?.perEvaluator[1].explained).toEqual({
      code: 'procurement.flaws.too-many',
      params: { flaws: '3', limit: '3' },
    });
    expect(bidder('E').subjective[0].perEvaluator[1].explained).toEqual({
      code: 'procurement.flaws.no-plan',
      params: {},
    });
    expect(bidder('B').priceExplained).toEqual({
      code: 'procurement.price.small-micro',
      params: {
        base: '480000.00',
        evaluated: '480000.00',
        weight: '10',
        score: '10',
        price: '600000.00',
        deduction: '20',
        preference: 'small-micro',
      },
    });
    expect(bidder('E').priceExplained).toEqual({
      code: 'procurement.price',
      params: { base: '480000.00', evaluated: '550000.00', weight: '10', score: bidder('E').priceScore },
    });
    expect(bidder('C').priceExplained).toBeUndefined();
  });

  it('totals', () => {
    expect(['A', 'B', 'D', 'E'].map((id) => bidder(id).total)).toEqual(['79.50', '85.00', '79.50', '10.23']);
    expect(bidder('E').totalExact?.startsWith('10.2272727')).toBe(true);
  });

  it('ranking: score first; equal scores → lower price first (L3277)', () => {
    expect(r.ranking).toEqual([
      { rank: 1, bidderId: 'B', total: '85.00', price: '600000.00', decidedBy: 'score' },
      { rank: 2, bidderId: 'A', total: '79.50', price: '600000.00', decidedBy: 'price' },
      { rank: 3, bidderId: 'D', total: '79.50', price: '640000.00', decidedBy: 'price' },
      { rank: 4, bidderId: 'E', total: '10.23', price: '550000.00', decidedBy: 'score' },
    ]);
    expect(bidder('A').rank).toBe(2);
    expect(r.flags).toEqual([]);
    expect(r.notes).toEqual(['1 bid(s) invalid and excluded from the base price and the ranking']);
  });

  it('equal score and price → technical score decides; all equal → shared rank and a flag', () => {
    const twin = {
      ...input,
      bids: [input.bids[0], { ...input.bids[0], bidderId: 'A2' }, input.bids[1]],
      sheets: [
        ...input.sheets.filter((s) => s.bidderId !== 'D' && s.bidderId !== 'E'),
        ...input.sheets.filter((s) => s.bidderId === 'A').map((s) => ({ ...s, bidderId: 'A2' })),
      ],
    };
    const t = scoreProcurement(tianjinP1Scheme, twin);
    expect(t.ranking.map((l) => [l.rank, l.bidderId, l.decidedBy])).toEqual([
      [1, 'B', 'score'],
      [2, 'A', 'unresolved'],
      [2, 'A2', 'unresolved'],
    ]);
    expect(t.flags.map((f) => f.code)).toEqual(['TIE_UNRESOLVED']);
  });

  it('equal score and equal offered price, different evaluated price → the technical score decides', () => {
    // Bp: small/micro at A's offered price (price score 10) with 2 objective points fewer → also 79.50.
    const bp = {
      bidderId: 'Bp',
      price: '600000',
      smallOrMicro: true,
      objective: { O1: 3, O2: 1, O3a: 1, O3b: 0, O4: true },
    };
    const t = scoreProcurement(tianjinP1Scheme, {
      ...input,
      bids: [input.bids[0], bp, input.bids[3]],
      sheets: [
        ...input.sheets.filter((x) => x.bidderId === 'A' || x.bidderId === 'D'),
        ...input.sheets.filter((x) => x.bidderId === 'A').map((x) => ({ ...x, bidderId: 'Bp' })),
      ],
    });
    expect(t.ranking.map((l) => [l.rank, l.bidderId, l.total, l.decidedBy])).toEqual([
      [1, 'A', '79.50', 'technical'],
      [2, 'Bp', '79.50', 'technical'],
      [3, 'D', '79.50', 'price'],
    ]);
    expect(t.notes).toContain(
      'a tie on score and price was broken by the technical score (objective + subjective) as the measure of 技术指标优劣 (L3277); the panel should confirm',
    );
  });
});

describe('scoreProcurement: input problems', () => {
  it('reports every problem with its path', () => {
    const bad = {
      budget: '690707',
      bids: [
        { bidderId: 'A', price: '600000', smallOrMicro: false, objective: { O1: -1, O2: 1, O3a: 1, O3b: 2, O9: 1 } },
        {
          bidderId: 'A',
          price: '500000',
          smallOrMicro: false,
          objective: { O1: [{ ref: 'x' }], O2: 0, O3a: 0, O3b: 0, O4: 'yes' },
        },
      ],
      sheets: [
        {
          evaluatorId: 'E1',
          bidderId: 'A',
          items: {
            S1: { flaws: 1.5 },
            S2: { flaws: 0 },
            S3: { flaws: 0, missingTopics: ['不存在'] },
            S4: { flaws: 0 },
            S5: { flaws: 0 },
            S6: { flaws: 0 },
          },
        },
        { evaluatorId: 'E2', bidderId: 'Z', items: {} },
      ],
    };
    const problems = problemsOf(() => scoreProcurement(tianjinP1Scheme, bad as unknown as ProcurementInput));
    // Every problem is a code with its parameters, the procurement ones included (before: 取值无效 or no code at all).
    expect(problems.map((p) => [p.path, p.code, p.params])).toEqual([
      ['bids[1].bidderId', 'procurement.duplicateBidder', { value: 'A', other: 'bids[0]' }],
      ['bids[0].objective.O9', 'procurement.notObjectiveItem', { known: 'O1, O2, O3a, O3b, O4' }],
      ['bids[0].objective.O1', 'number.min', { min: '0' }],
      ['bids[0].objective.O4', 'procurement.answerRequired', { label: '投标人承诺评价' }],
      ['bids[1].objective.O1[0].date', 'procurement.evidenceDateRequired', { unit: '业绩', notBefore: '2020-01-01' }],
      ['bids[1].objective.O4', 'value.expectedBoolean', { expected: 'true or false' }],
      ['sheets[0].items.S1.flaws', 'number.integer', {}],
      [
        'sheets[0].items.S3.missingTopics[0]',
        'unknown.topic',
        {
          value: '不存在',
          known: '运维计划, 实施方案, 审核规则管理和维护, 视频平台管理与维护, 审核人工复核, 数据运行监测',
        },
      ],
      ['sheets[1].bidderId', 'procurement.noBid', { value: 'Z' }],
      ['sheets', 'procurement.sheetMissing', { evaluator: 'E2', bidder: 'A' }],
      ['sheets', 'procurement.sheetMissing', { evaluator: 'E2', bidder: 'A' }],
    ]);
    expect(problems[0].message).toBe('duplicate bidder "A" (also bids[0])');
    expect(renderProblem('zh-CN', problems[4].code, problems[4].params)).toBe(
      '必填：只有 2020-01-01 及以后的业绩才计分',
    );
  });

  it('structural problems of the envelope are reported first', () => {
    expect(checkProcurementInputs(tianjinP1Scheme, { budget: 'lots', bids: [], sheets: {} })).toMatchObject([
      { path: 'budget', message: '"lots" is not a decimal number' },
      { path: 'bids', message: 'Too small: expected array to have >=1 items' },
      { path: 'sheets', message: 'Invalid input: expected array, received object' },
    ]);
  });
});

describe('procurementSchemeSchema', () => {
  it('reports items that do not add up, bad ladders, duplicate ids and unknown kinds', () => {
    const s = tianjinP1Scheme as unknown as { items: Record<string, unknown>[] };
    const bad = {
      ...tianjinP1Scheme,
      price: { weight: 10, smallMicroDeduction: '1.2' },
      items: [
        ...s.items.slice(0, 5),
        { id: 'S1', label: 'x', kind: 'flaw-ladder', params: { ladder: [12, 12, 0] } },
        { id: 'S1', label: 'y', kind: 'flaw-ladder', params: { ladder: [48], expectedTopics: ['a', 'a'] } },
      ],
    };
    // The items' own checks and the scheme's keep their codes through the zod refinements that carry them.
    expect(validateProcurementScheme(bad).map((p) => [p.path, p.code, p.params])).toEqual([
      ['items[5].params.ladder[1]', 'procurement.ladderNotDecreasing', { previous: 'ladder[0]', previousValue: '12' }],
      ['items[5].params.ladder[2]', 'procurement.ladderPositive', { count: '3' }],
      ['items[6].params.expectedTopics[1]', 'list.duplicate', { value: 'a', other: 'expectedTopics[0]' }],
      ['price.smallMicroDeduction', 'procurement.deductionFraction', {}],
      ['items[6].id', 'scoring.duplicateItem', { value: 'S1', other: 'items[5]' }],
    ]);
    expect(validateProcurementScheme(bad)[0].message).toBe('must be below ladder[0] (12): each flaw costs points');
    const bad2 = {
      ...bad,
      items: [
        ...s.items.slice(0, 5),
        { id: 'O1', label: 'y', kind: 'flaw-ladder', params: { ladder: [48] } },
        { id: 'Z', label: 'z', kind: 'lottery', params: {} },
      ],
    };
    expect(validateProcurementScheme(bad2)).toMatchObject([
      { path: 'items[6].kind', message: 'unknown kind; known kinds: capped-count, all-or-nothing, flaw-ladder' },
    ]);
    const bad3 = {
      ...bad,
      items: [...s.items.slice(0, 5), { id: 'O1', label: 'y', kind: 'flaw-ladder', params: { ladder: [50] } }],
    };
    expect(validateProcurementScheme(bad3).map((p) => [p.path, p.code, p.params])).toEqual([
      ['price.smallMicroDeduction', 'procurement.deductionFraction', {}],
      ['items[5].id', 'scoring.duplicateItem', { value: 'O1', other: 'items[0]' }],
      [
        'items',
        'procurement.totalMismatch',
        { price: '10', objective: '30', subjective: '50', total: '90', totalPoints: '100' },
      ],
      ['groupTotals.subjective', 'procurement.subjectiveTotalMismatch', { sum: '50', expected: '60' }],
    ]);
    expect(validateProcurementScheme(bad3)[2].message).toBe(
      "price 10 + objective 30 + subjective 50 = 90, not the scheme's 100",
    );
  });

  it('defaults: weight 10, 20 % deduction, min 3 valid bids, rank on shown scores, tie on offered price', () => {
    const s = procurementSchemeSchema.parse({
      totalPoints: 20,
      items: [{ id: 'O4', label: 'c', kind: 'all-or-nothing', params: { points: 10, condition: 'c' } }],
    });
    expect([s.price, s.minValidBids, s.ranking]).toEqual([
      { weight: '10', smallMicroDeduction: '0.20' },
      3,
      { scoreBasis: 'rounded', tiePrice: 'bid' },
    ]);
  });
});

describe('property: price scores', () => {
  const scheme = procurementSchemeSchema.parse({
    totalPoints: 20,
    items: [{ id: 'O4', label: 'c', kind: 'all-or-nothing', params: { points: 10, condition: 'c' } }],
    minValidBids: 1,
  });
  const bid = fc.record({ cents: fc.integer({ min: 1, max: 200_000_000 }), smallOrMicro: fc.boolean() });
  it('never exceed the weight, and the lowest valid evaluated price gets exactly the full weight', () => {
    fc.assert(
      fc.property(
        fc.array(bid, { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1, max: 200_000_000 }),
        (bids, budgetCents) => {
          const r = scoreProcurement(scheme, {
            budget: dec(budgetCents).div(100).toString(),
            bids: bids.map((b, i) => ({
              bidderId: `b${i}`,
              price: dec(b.cents).div(100).toString(),
              smallOrMicro: b.smallOrMicro,
              objective: { O4: true },
            })),
            sheets: [],
          });
          const valid = r.bidders.filter((b) => b.valid);
          expect(valid.length).toBe(bids.filter((b) => b.cents <= budgetCents).length);
          for (const b of valid) expect(dec(b.priceScore ?? '11').lte(10)).toBe(true);
          if (valid.length) {
            const min = valid.reduce(
              (m, b) => (dec(b.evaluatedPrice).lt(m) ? dec(b.evaluatedPrice) : m),
              dec(valid[0].evaluatedPrice),
            );
            for (const b of valid) expect(dec(b.priceScore ?? '0').eq(10)).toBe(dec(b.evaluatedPrice).eq(min));
            expect(r.basePrice?.evaluatedPrice).toBe(min.toFixed(2));
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});
