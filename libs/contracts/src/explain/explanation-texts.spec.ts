import { EXPLANATION_CODE_LISTS } from './explanation-codes';
import { EXPLANATION_TEXTS, renderExplanation, renderBasis } from './explanation-texts';
import { explain } from './explanation';
import { aggregatePeriods, evaluateAssessment, scoreProcurement, type ProcurementSchemeInput } from '@ledger/scoring';
import { getPreset } from '../presets';
import { achievementScheme } from '../testing/golden-configs';

describe('explanation dictionaries', () => {
  const all = Object.entries(EXPLANATION_CODE_LISTS).flatMap(([lib, codes]) =>
    codes.map((code) => [lib, code] as const),
  );

  it.each(all)('%s %s has a zh-CN and an English text', (_lib, code) => {
    const texts = EXPLANATION_TEXTS[code];
    expect(texts).toBeDefined();
    expect(texts['zh-CN'].trim()).not.toBe('');
    expect(texts.en.trim()).not.toBe('');
  });

  it('every sub-text has both languages and the zh-CN texts are not English sentences', () => {
    for (const [code, texts] of Object.entries(EXPLANATION_TEXTS)) {
      expect(typeof texts['zh-CN']).toBe('string');
      expect(typeof texts.en).toBe('string');
      // A zh-CN text may name units and abbreviations, never an English word of three letters or more.
      const words = texts['zh-CN'].replace(/\{[^}]*\}/g, '').match(/[A-Za-z]{3,}/g) ?? [];
      expect([code, words]).toEqual([code, []]);
    }
  });

  it('renders parameters: money grouped, scores at two decimals, optional parts, sub-texts', () => {
    expect(
      renderExplanation(
        explain('payment.deduction.per-point', {
          scope: 'year',
          ref: '2026',
          score: '78.00',
          points: '2',
          threshold: '80',
          rounding: 'proportional',
          gap: '2',
          perPoint: '20000.00',
          raw: '40000.00',
          capState: 'not-reached',
          capWhat: 'year-fee',
          capYear: '2026',
          capPercent: '20',
          capBase: '1160000.00',
          cap: '232000.00',
        }),
        'zh-CN',
      ),
    ).toBe(
      '2026 年度得分 78.00：低于 80 共 2 分 × 20,000.00 = 40,000.00，上限 2026 年度费用 1,160,000.00 的 20 % = 232,000.00，未达到',
    );
    expect(
      renderExplanation(
        explain('score.staff-average', { average: '75.3333333333', people: '9', band: '[70, 80)', points: '-5' }),
        'en',
      ),
    ).toBe('staff average 75.33 over 9 people in band [70, 80) → -5');
    expect(
      renderExplanation(
        explain('score.staff-average', { average: '75.3333333333', people: '9', band: '[70, 80)', points: '-5' }),
        'zh-CN',
      ),
    ).toBe('人员平均分 75.33（共 9 人），落在区间 [70, 80) → -5');
  });

  it('a stored English sentence (rows written before codes) renders as stored in both languages', () => {
    expect(renderExplanation('2026 year score 89.00 ≥ 80: no deduction', 'zh-CN')).toBe(
      '2026 year score 89.00 ≥ 80: no deduction',
    );
    expect(renderExplanation(null, 'en')).toBe('');
  });

  it('names basis keys in words', () => {
    expect(renderBasis({ score: '76.00', points: 'proportional' }, 'zh-CN')).toBe('得分 76.00；扣分方式 按比例');
  });

  it('renders a real assessment (breakdown, notes, year) in Chinese with its exact figures', () => {
    const r = evaluateAssessment(achievementScheme, { achievementRate: '59.99' });
    const texts = [
      r.explained,
      ...r.notesExplained,
      ...r.breakdown.map((b) => b.explained),
      ...r.flags.map((f) => f.explained),
    ].map((e) => renderExplanation(e, 'zh-CN'));
    for (const text of texts) expect([text, text.match(/[A-Za-z]{4,}/g)]).toEqual([text, null]);
    expect(renderExplanation(r.explained, 'zh-CN')).toBe('100.00 + (计划内达成率 -10.00) = 90.00');
    const year = aggregatePeriods(achievementScheme, ['83.50']);
    expect(renderExplanation(year.notesExplained[0], 'zh-CN')).toBe('不完整年度：1 / 2 个半年期间的平均');
    expect(renderExplanation(year.explained, 'en')).toBe(year.explanation);
  });

  it('renders procurement lines (items, evaluators, price) in Chinese with the engine figures, and in English', () => {
    const scheme = getPreset('tianjin-2026-p8').config.procurement as ProcurementSchemeInput;
    const sheet = (bidderId: string, flaws: number[]) => ({
      evaluatorId: '评委甲',
      bidderId,
      items: Object.fromEntries(flaws.map((f, i) => [`S${i + 1}`, { flaws: f }])),
    });
    const r = scoreProcurement(scheme, {
      budget: '33124',
      bids: [
        {
          bidderId: 'A',
          price: '30000',
          smallOrMicro: true,
          preferenceBasis: 'prison-enterprise',
          objective: {
            O1: [
              { ref: 'HT-1', date: '2023-01-01' },
              { ref: 'HT-2', qualifies: false },
            ],
            O2: 2,
            O3: 1,
            O4: 1,
            O5: 3,
            O6: true,
          },
        },
        {
          bidderId: 'B',
          price: '28000',
          smallOrMicro: false,
          objective: { O1: 5, O2: 1, O3: 1, O4: 0, O5: 5, O6: false },
        },
      ],
      sheets: [
        sheet('A', [0, 1, 1, 0, 2, 3]),
        {
          evaluatorId: '评委甲',
          bidderId: 'B',
          items: { S1: 0, S2: 0, S3: 0, S4: 0, S5: { flaws: 0, provided: false }, S6: 0 },
        },
      ],
    });
    const lines = r.bidders.flatMap((b) => [
      b.priceExplained,
      ...b.objective.map((o) => o.explained),
      ...b.subjective.flatMap((s) => s.perEvaluator.map((p) => p.explained)),
    ]);
    for (const text of lines.map((e) => renderExplanation(e, 'zh-CN')))
      expect([text, text.match(/[A-Za-z]{3,}/g)]).toEqual([text, null]);
    const [a, b] = r.bidders;
    expect(renderExplanation(a.priceExplained, 'zh-CN')).toBe(
      '价格得分 = 评标基准价 24,000.00 ÷ 评审价 24,000.00（报价 30,000.00 × (1 − 20 %)，监狱企业，视同小微企业）× 10 = 10.00',
    );
    expect(renderExplanation(b.priceExplained, 'en')).toBe(
      'price score = base price 24,000.00 ÷ evaluated price 28,000.00 × 10 = 8.57',
    );
    expect(renderExplanation(a.objective[0].explained, 'zh-CN')).toBe(
      '业绩 1 个 × 2 分 = 2 → +2（不计：HT-2 未获认可）',
    );
    expect(renderExplanation(b.objective[0].explained, 'zh-CN')).toBe('业绩 5 个 × 2 分 = 10，上限 6 → +6');
    expect(renderExplanation(b.objective[0].explained, 'en')).toBe('track record: 5 × 2 = 10, capped at 6 → +6');
    expect(renderExplanation(b.objective[5].explained, 'zh-CN')).toMatch(/：未全部满足 → 0$/);
    expect(renderExplanation(a.objective[5].explained, 'en')).toBe('every stated commitment met → 12');
    expect(renderExplanation(a.subjective[1].perEvaluator[0].explained, 'zh-CN')).toBe('1 处瑕疵 → 6');
    expect(renderExplanation(a.subjective[5].perEvaluator[0].explained, 'en')).toBe('3 flaw(s) ≥ 3 → 0');
    expect(renderExplanation(b.subjective[4].perEvaluator[0].explained, 'zh-CN')).toBe('未提供方案 → 0');
  });
});
