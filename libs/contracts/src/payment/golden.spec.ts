import { renderExplanation } from '../explain/explanation-texts';
import { computeSchedule, toChineseCapital, splitAmount, validateContractConfig } from '../index';
import { huaianConfig, qinghaiConfig, tianjinP8Config, xuzhouConfig } from '../testing/golden-configs';

const line = (s: ReturnType<typeof computeSchedule>, id: string) => {
  const l = s.lines.find((x) => x.id === id);
  if (!l) throw new Error(`no line ${id}: ${s.lines.map((x) => x.id).join(', ')}`);
  return l;
};

describe('golden: domain.md worked examples', () => {
  it.each([
    ['xuzhou', xuzhouConfig],
    ['huaian', huaianConfig],
    ['qinghai', qinghaiConfig],
    ['tianjin P8', tianjinP8Config],
  ])('the %s fixture is a valid configuration', (_name, cfg) => {
    const r = validateContractConfig(cfg);
    expect(r.ok ? [] : r.problems).toEqual([]);
  });

  it('A. Xuzhou: year 89.00 → no score deduction; absence 2,400,000 × 3 ÷ 108 = 66,666.67', () => {
    const s = computeSchedule(
      xuzhouConfig,
      { years: [{ year: 2026, score: '89.00', assessedOn: '2027-01-15' }], attendance: [{ actualPersonMonths: 105 }] },
      { asOf: '2027-03-01' },
    );
    const l = line(s, 'settlement');
    expect(l.gross).toBe('2400000.00');
    expect(l.deductions.map((d) => [d.ruleId, d.amount])).toEqual([
      ['score', '0.00'],
      ['absence', '66666.67'],
    ]);
    expect(renderExplanation(l.deductions[0].formula, 'en')).toBe('2026 year score 89.00 ≥ 80: no deduction');
    expect(renderExplanation(l.deductions[1].formula, 'en')).toBe(
      'absence: 2,400,000.00 × 3 ÷ 108 = 66,666.67 (planned 108 person-months, actual 105)',
    );
    expect(l.deductions[1].basis).toMatchObject({
      plannedPersonMonths: '108',
      actualPersonMonths: '105',
      absentPersonMonths: '3',
    });
    expect(l.net).toBe('2333333.33');
    expect(l.dueDate).toBe('2027-02-14');
    expect(l.status).toBe('due');
    expect(s.configVersion).toBe(3);
    expect(s.vendorBalanceOwed).toBe('0.00');
    expect(toChineseCapital(l.deductions[1].amount)).toBe('陆万陆仟陆佰陆拾陆元陆角柒分');
  });

  describe("B. Huai'an 2026: year 78.00", () => {
    const facts = {
      years: [
        { year: 2025, score: '85.00', assessedOn: '2026-01-20' },
        { year: 2026, score: '78.00', assessedOn: '2027-01-20' },
      ],
      periods: [
        { id: '2026-H1', score: '76.00' },
        { id: '2026-H2', score: '80.00' },
      ],
      acceptance: { passed: true, date: '2027-01-10' },
      payments: [
        { lineId: 'pay.signing', amount: '696000.00', paidOn: '2025-12-05' },
        { lineId: 'pay.y2025', amount: '957000.00', paidOn: '2025-12-30' },
      ],
    };
    const s = computeSchedule(huaianConfig, facts, { asOf: '2027-02-01' });

    it('splits 1,740,000.00 into 40 % / to 95 % / the rest, exactly', () => {
      expect(s.lines.map((l) => [l.id, l.gross, l.year])).toEqual([
        ['pay.signing', '696000.00', 2025],
        ['pay.y2025', '957000.00', 2025],
        ['pay.final', '87000.00', 2026],
      ]);
      expect(s.totals.gross).toBe('1740000.00');
      expect(line(s, 'pay.signing').dueDate).toBe('2025-11-27');
    });

    it('2 points × 20,000.00 = 40,000.00, cap 20 % of the 2026 fee 1,160,000.00 = 232,000.00 not reached', () => {
      const final = line(s, 'pay.final');
      const d = final.deductions.find((x) => x.ruleId === 'score' && x.amount !== '0.00');
      expect(d?.amount).toBe('40000.00');
      expect(d?.basis).toMatchObject({ cap: '232000.00', capBase: '1160000.00', pointsBelow: '2' });
      expect(renderExplanation(d?.formula, 'en')).toBe(
        '2026 year score 78.00: 2 point(s) below 80 × 20,000.00 = 40,000.00, cap 20 % of the 2026 fee 1,160,000.00 = 232,000.00 not reached',
      );
    });

    it('the final 5 % (87,000.00) is withheld (score < 80); the 40,000.00 sits on it, secured by the withheld money', () => {
      const final = line(s, 'pay.final');
      expect(final.status).toBe('withheld');
      expect(final.net).toBe('47000.00');
      expect(final.reasons.some((r) => renderExplanation(r, 'en').includes('year 2026 score 78.00 < 80'))).toBe(true);
      expect(s.totals.withheld).toBe('47000.00');
      expect(s.vendorBalanceOwed).toBe('0.00');
      // the 2025 year score 85 ≥ 80 is explained on the last 2025 line
      expect(line(s, 'pay.y2025').deductions.map((x) => renderExplanation(x.formula, 'en'))).toEqual([
        '2025 year score 85.00 ≥ 80: no deduction',
      ]);
    });

    it('paid lines stay paid; totals add up', () => {
      expect(line(s, 'pay.signing').status).toBe('paid');
      expect(line(s, 'pay.y2025').status).toBe('paid');
      expect(s.totals).toMatchObject({
        gross: '1740000.00',
        deductions: '40000.00',
        net: '1700000.00',
        paid: '1653000.00',
        outstanding: '0.00',
      });
    });

    it('with 2026 at 80.00 the final line is due in full', () => {
      const ok = computeSchedule(
        huaianConfig,
        { ...facts, years: [{ year: 2026, score: '80.00', assessedOn: '2027-01-20' }] },
        { asOf: '2027-02-01' },
      );
      const final = line(ok, 'pay.final');
      expect(final.status).toBe('due');
      expect(final.net).toBe('87000.00');
    });
  });

  describe('C. Qinghai H1: grade B, 3 valid complaints', () => {
    const s = computeSchedule(
      qinghaiConfig,
      {
        periods: [
          {
            id: '2026-H1',
            score: '86.40',
            grade: 'B',
            assessedOn: '2026-07-10',
            validComplaints: 3,
            ledgerConfirmed: true,
          },
        ],
      },
      { asOf: '2026-12-01' },
    );
    const h1 = line(s, 'half.2026-H1');

    it('half-year payment 7,000.00 of the year fee 14,000.00; six half-years add up to 42,000.00', () => {
      expect(h1.gross).toBe('7000.00');
      expect(s.lines).toHaveLength(6);
      expect(s.totals.gross).toBe('42000.00');
    });

    it('−140.00 (B), −1,500.00 (3 × 500), −210.00 (3 %) → net 5,150.00', () => {
      expect(h1.deductions.map((d) => [d.kind, d.amount])).toEqual([
        ['grade-percent', '140.00'],
        ['per-complaint', '1500.00'],
        ['complaint-threshold-percent', '210.00'],
      ]);
      expect(h1.net).toBe('5150.00');
      expect(renderExplanation(h1.deductions[0].formula, 'en')).toBe(
        '2026-H1 grade B: 2 % of 7,000.00 = 140.00; paid 1 month(s) later',
      );
    });

    it('due 4 months after the assessment date (3 + 1 for grade B)', () => {
      expect(h1.dueDate).toBe('2026-11-10');
      expect(h1.status).toBe('due');
    });

    it('without the ledger confirmation the line waits; with it refused, it is withheld', () => {
      const pending = computeSchedule(
        qinghaiConfig,
        { periods: [{ id: '2026-H1', grade: 'A', assessedOn: '2026-07-10' }] },
        { asOf: '2026-12-01' },
      );
      expect(line(pending, 'half.2026-H1').status).toBe('scheduled');
      const refused = computeSchedule(
        qinghaiConfig,
        { periods: [{ id: '2026-H1', grade: 'A', assessedOn: '2026-07-10', ledgerConfirmed: false }] },
        { asOf: '2026-12-01' },
      );
      expect(line(refused, 'half.2026-H1').status).toBe('withheld');
    });
  });

  describe("F. Huai'an set-off: the 2025 deduction assessed after both 2025 lines were paid", () => {
    const facts = (score2026: string) => ({
      years: [
        { year: 2025, score: '76.00', assessedOn: '2026-01-15' },
        { year: 2026, score: score2026, assessedOn: '2026-12-20' },
      ],
      acceptance: { passed: true, date: '2026-12-25' },
      payments: [
        { lineId: 'pay.signing', amount: '696000.00', paidOn: '2025-12-05' },
        { lineId: 'pay.y2025', amount: '957000.00', paidOn: '2025-12-30' },
      ],
    });

    it('2026 ≥ 80 and accepted: 4 × 20,000.00 = 80,000.00 set off against the final 5 %, paid 7,000.00, nothing owed', () => {
      const s = computeSchedule(huaianConfig, facts('85.00'), { asOf: '2026-12-31' });
      const y2025 = line(s, 'pay.y2025');
      // The deduction stays the 2025 line's (its formula), and a set-off line moves it to what is still payable.
      expect(y2025.deductions.filter((d) => d.amount !== '0.00').map((d) => [d.kind, d.amount])).toEqual([
        ['per-point-below-threshold', '80000.00'],
        ['carried-forward', '-80000.00'],
      ]);
      expect(renderExplanation(y2025.deductions.find((d) => d.kind === 'carried-forward')!.formula, 'zh-CN')).toBe(
        '本款项已支付 957,000.00，扣款 80,000.00 中 80,000.00 从其后仍待支付的款项中扣除',
      );
      expect([y2025.net, y2025.status]).toEqual(['957000.00', 'paid']);
      const final = line(s, 'pay.final');
      const taken = final.deductions.filter((d) => d.amount !== '0.00');
      expect(taken.map((d) => [d.kind, d.amount])).toEqual([['carried-forward', '80000.00']]);
      // The set-off line names its source by the label people read; its basis keeps the line id.
      expect(renderExplanation(taken[0].formula, 'en')).toBe(`carried from ${y2025.label}: 80,000.00`);
      expect(taken[0].basis).toEqual({ from: 'pay.y2025' });
      expect([final.gross, final.net, final.status]).toEqual(['87000.00', '7000.00', 'due']);
      expect(s.vendorBalanceOwed).toBe('0.00');
      expect(s.notes).toEqual([]);
    });

    it('2026 below 80: the final line is withheld, takes no set-off, and the vendor owes 80,000.00', () => {
      const s = computeSchedule(huaianConfig, facts('78.00'), { asOf: '2026-12-31' });
      const final = line(s, 'pay.final');
      expect(final.status).toBe('withheld');
      expect(final.deductions.some((d) => d.kind === 'carried-forward')).toBe(false);
      expect(s.vendorBalanceOwed).toBe('80000.00');
      expect(s.notes.map((n) => renderExplanation(n, 'zh-CN')).join('')).toContain('80,000.00');
    });
  });

  describe('D. Tianjin P8: 33,124.00 in four quarters', () => {
    const s = computeSchedule(
      tianjinP8Config,
      {
        quarters: [
          { id: '2026-Q1', qualified: true },
          { id: '2026-Q2', qualified: true },
          { id: '2026-Q3', qualified: false },
          { id: '2026-Q4', qualified: true },
        ],
        acceptance: { passed: true, date: '2027-01-05' },
      },
      { asOf: '2027-01-10' },
    );

    it('four payments of 8,281.00 at the quarter ends; Q3 withheld', () => {
      expect(s.lines.map((l) => [l.id, l.gross, l.dueDate, l.status])).toEqual([
        ['quarterly.2026-Q1', '8281.00', '2026-03-31', 'due'],
        ['quarterly.2026-Q2', '8281.00', '2026-06-30', 'due'],
        ['quarterly.2026-Q3', '8281.00', '2026-09-30', 'withheld'],
        ['quarterly.2026-Q4', '8281.00', '2026-12-31', 'due'],
      ]);
      expect(s.totals.withheld).toBe('8281.00');
    });

    it('not accepted 3 months after the end: everything clawed back and a 15 % fine owed by the vendor', () => {
      const late = computeSchedule(
        tianjinP8Config,
        {
          quarters: [{ id: '2026-Q1', qualified: true }],
          payments: [
            { lineId: 'quarterly.2026-Q1', amount: '8281.00', paidOn: '2026-04-10' },
            { lineId: 'quarterly.2026-Q2', amount: '8281.00', paidOn: '2026-07-10' },
          ],
        },
        { asOf: '2027-04-01' },
      );
      expect(late.lines.every((l) => l.status === 'forfeited')).toBe(true);
      // 2 × 8,281.00 paid back + 15 % × 33,124.00 = 4,968.60
      expect(late.vendorBalanceOwed).toBe('21530.60');
      expect(late.totals.net).toBe('0.00');
    });
  });

  it('E. 100.00 in three equal parts → 33.33, 33.33, 33.34', () => {
    expect(splitAmount('100.00', 3).map((d) => d.toFixed(2))).toEqual(['33.33', '33.33', '33.34']);
  });
});
