import { renderExplanation } from '../explain/explanation-texts';
import { computeSchedule, type ContractConfig } from '../index';
import { huaianConfig, qinghaiConfig, xuzhouConfig } from '../testing/golden-configs';

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

const xuzhouAt = (score: string, extra: Partial<ContractConfig> = {}) =>
  computeSchedule(
    { ...xuzhouConfig, ...extra },
    { years: [{ year: 2026, score, assessedOn: '2027-01-15' }] },
    { asOf: '2027-03-01' },
  ).lines[0];
const scoreDeduction = (l: ReturnType<typeof xuzhouAt>) => l.deductions.find((d) => d.ruleId === 'score');

describe('boundaries', () => {
  it.each([
    ['79.99', '100.00'], // 0.01 point × 10,000 — proportional (rule 4)
    ['80.00', '0.00'],
    ['80.01', '0.00'],
    ['78.50', '15000.00'],
  ])('Xuzhou year score %s → score deduction %s', (score, amount) => {
    expect(scoreDeduction(xuzhouAt(score))?.amount).toBe(amount);
  });

  it.each([
    ['ceil', '78.50', '20000.00'],
    ['floor', '78.50', '10000.00'],
    ['ceil', '79.99', '10000.00'],
    ['floor', '79.99', '0.00'],
  ])('whole points (%s) at %s → %s', (points, score, amount) => {
    const cfg = clone(xuzhouConfig);
    const d = cfg.payment?.deductions?.[0];
    if (d?.kind === 'per-point-below-threshold') d.params.points = points as 'ceil' | 'floor';
    const line = computeSchedule(
      cfg,
      { years: [{ year: 2026, score, assessedOn: '2027-01-15' }] },
      { asOf: '2027-03-01' },
    ).lines[0];
    expect(line.deductions.find((x) => x.ruleId === 'score')?.amount).toBe(amount);
  });

  it('the Xuzhou cap (20 % of 2,400,000.00 = 480,000.00) is reached exactly at 32 points below and holds beyond', () => {
    const at48 = scoreDeduction(xuzhouAt('48.00'));
    expect(at48?.amount).toBe('320000.00');
    const exact = scoreDeduction(xuzhouAt('32.00'));
    expect(exact?.amount).toBe('480000.00');
    expect(renderExplanation(exact?.formula, 'en')).toContain('reached exactly');
    const beyond = scoreDeduction(xuzhouAt('10.00'));
    expect(beyond?.amount).toBe('480000.00');
    expect(renderExplanation(beyond?.formula, 'en')).toContain(
      'capped at 20 % of the contract amount 2,400,000.00 = 480,000.00',
    );
    expect(beyond?.basis.uncapped).toBe('700000.00');
  });

  it("Huai'an cap: 20 % of the 2026 fee 1,160,000.00 = 232,000.00 reached at 68.40 and not beyond", () => {
    const run = (score: string) =>
      computeSchedule(
        huaianConfig,
        { years: [{ year: 2026, score, assessedOn: '2027-01-20' }] },
        { asOf: '2027-02-01' },
      ).lines.find((l) => l.id === 'pay.final');
    expect(run('68.40')?.deductions.find((d) => d.ruleId === 'score')?.amount).toBe('232000.00');
    expect(run('0.00')?.deductions.find((d) => d.ruleId === 'score')?.amount).toBe('232000.00');
  });

  it('what a line cannot absorb is offset against earlier lines still unpaid (rule 12: "still payable")', () => {
    const s = computeSchedule(
      huaianConfig,
      { years: [{ year: 2026, score: '0.00', assessedOn: '2027-01-20' }] },
      { asOf: '2027-02-01' },
    );
    const byId = Object.fromEntries(s.lines.map((l) => [l.id, l]));
    expect(byId['pay.final'].net).toBe('0.00');
    expect(byId['pay.y2025'].deductions.map((d) => [d.kind, d.amount, renderExplanation(d.formula, 'en')])).toEqual([
      ['carried-forward', '145000.00', `carried from ${byId['pay.final'].label}: 145,000.00`],
    ]);
    expect(byId['pay.y2025'].net).toBe('812000.00');
    expect(s.vendorBalanceOwed).toBe('0.00');
    expect(s.totals.deductions).toBe('232000.00');
  });

  it('deductions beyond what remains payable become a balance owed by the vendor (rule 12)', () => {
    const s = computeSchedule(
      huaianConfig,
      {
        years: [{ year: 2026, score: '0.00', assessedOn: '2027-01-20' }],
        acceptance: { passed: true, date: '2027-01-10' },
        payments: [
          { lineId: 'pay.signing', amount: '696000.00', paidOn: '2025-12-05' },
          { lineId: 'pay.y2025', amount: '957000.00', paidOn: '2025-12-30' },
        ],
      },
      { asOf: '2027-02-01' },
    );
    const final = s.lines.find((l) => l.id === 'pay.final');
    expect(final?.deductions.map((d) => [d.kind, d.amount])).toEqual([
      ['per-point-below-threshold', '232000.00'],
      ['carried-forward', '-145000.00'],
    ]);
    expect(final?.net).toBe('0.00');
    expect(s.vendorBalanceOwed).toBe('145000.00');
    expect(s.notes.map((n) => renderExplanation(n, 'en')).join(' ')).toContain('owed by the vendor');
  });

  it('liquidated damages: 0.5 %/day of the late service, capped at 10 % (20 days reach it exactly)', () => {
    const run = (daysLate: number) =>
      computeSchedule(
        huaianConfig,
        { lateDeliveries: [{ id: 'd1', serviceValue: '100000.00', daysLate, on: '2026-03-01' }] },
        { asOf: '2026-04-01' },
      )
        .lines.flatMap((l) => l.deductions)
        .find((d) => d.kind === 'liquidated-damages');
    expect(run(12)?.amount).toBe('6000.00');
    expect(renderExplanation(run(12)?.formula, 'en')).toBe(
      'late delivery d1: 12 day(s) × 0.5 % × 100,000.00 = 6,000.00, cap 10 % = 10,000.00 not reached',
    );
    expect(run(20)?.amount).toBe('10000.00');
    expect(renderExplanation(run(20)?.formula, 'en')).toContain('reached exactly');
    expect(run(45)?.amount).toBe('10000.00');
    expect(run(45)?.basis.uncapped).toBe('22500.00');
  });

  it('late delivery lands on the first line due on or after it', () => {
    const s = computeSchedule(
      huaianConfig,
      { lateDeliveries: [{ id: 'd1', serviceValue: '1000.00', daysLate: 1, on: '2025-12-15' }] },
      { asOf: '2026-01-01' },
    );
    expect(s.lines.find((l) => l.deductions.some((d) => d.kind === 'liquidated-damages'))?.id).toBe('pay.y2025');
  });

  it('manual adjustment with its reason; a negative one gives back', () => {
    const cfg = clone(xuzhouConfig);
    cfg.payment?.deductions?.push({ id: 'manual', kind: 'manual-adjustment', params: {} });
    const s = computeSchedule(
      cfg,
      {
        adjustments: [
          { id: 'adj1', amount: '1234.56', reason: '2026-H1 closed: correction of ticket T-17' },
          { id: 'adj2', amount: '-200.00', reason: 'refund of adj0' },
        ],
      },
      { asOf: '2026-12-01' },
    );
    const l = s.lines[0];
    expect(l.deductions.map((d) => [d.amount, renderExplanation(d.formula, 'en')])).toEqual([
      ['1234.56', 'manual adjustment adj1: 2026-H1 closed: correction of ticket T-17: 1,234.56'],
      ['-200.00', 'manual adjustment adj2: refund of adj0: gives back 200.00'],
    ]);
    expect(l.net).toBe('2398965.44');
  });

  it('exclusive group: only the larger of two alternatives counts', () => {
    const cfg = clone(xuzhouConfig);
    const ds = cfg.payment?.deductions ?? [];
    ds.forEach((d) => (d.exclusiveGroup = 'people'));
    const l = computeSchedule(
      cfg,
      { years: [{ year: 2026, score: '79.00', assessedOn: '2027-01-15' }], attendance: [{ actualPersonMonths: 105 }] },
      { asOf: '2027-03-01' },
    ).lines[0];
    expect(l.deductions.map((d) => [d.ruleId, d.amount])).toEqual([
      ['score', '0.00'],
      ['absence', '66666.67'],
    ]);
    expect(renderExplanation(l.deductions[0].formula, 'en')).toContain('superseded');
    expect(l.net).toBe('2333333.33');
  });

  it('a line whose due date depends on an event not yet happened is scheduled with the reason', () => {
    const l = computeSchedule(xuzhouConfig, {}, { asOf: '2027-03-01' }).lines[0];
    expect(l.dueDate).toBeNull();
    expect(l.status).toBe('scheduled');
    expect(l.reasons.map((r) => renderExplanation(r, 'en'))).toContain(
      'due date unknown: the 2026 year assessment has not happened yet',
    );
  });

  it('rejects invalid facts with paths', () => {
    expect(() =>
      computeSchedule(xuzhouConfig, { years: [{ year: 2026, score: 'high' }] }, { asOf: '2027-01-01' }),
    ).toThrow(expect.objectContaining({ problems: [expect.objectContaining({ path: 'facts.years[0].score' })] }));
  });

  it('Qinghai: two consecutive monthly C grades forfeit the current half-year payment, with an alert', () => {
    const cfg = clone(qinghaiConfig);
    cfg.payment?.deductions?.push({ id: 'two-c', kind: 'consecutive-grade-forfeit', params: { grade: 'C' } });
    const run = (grades: [string, string][]) =>
      computeSchedule(cfg, { periods: grades.map(([id, grade]) => ({ id, grade })) }, { asOf: '2026-12-31' })
        .lines.filter((l) => l.status === 'forfeited')
        .map((l) => l.id);
    expect(
      run([
        ['2026-04', 'C'],
        ['2026-05', 'C'],
      ]),
    ).toEqual(['half.2026-H1']);
    expect(
      run([
        ['2026-06', 'C'],
        ['2026-07', 'C'],
      ]),
    ).toEqual(['half.2026-H2']);
    expect(
      run([
        ['2026-04', 'C'],
        ['2026-05', 'B'],
        ['2026-06', 'C'],
      ]),
    ).toEqual([]);
    expect(
      run([
        ['2026-04', 'C'],
        ['2026-06', 'C'],
      ]),
    ).toEqual([]);
    const s = computeSchedule(
      cfg,
      {
        periods: [
          { id: '2026-04', grade: 'C' },
          { id: '2026-05', grade: 'C' },
        ],
      },
      { asOf: '2026-12-31' },
    );
    expect(
      renderExplanation(s.lines[0].deductions.find((d) => d.kind === 'consecutive-grade-forfeit')?.formula, 'en'),
    ).toBe(
      'ALERT: 2026-04, 2026-05 graded C (2 consecutive months): the buyer may terminate; the 2026-H1 payment 7,000.00 is not paid',
    );
    expect(s.lines[0].net).toBe('0.00');
  });
});
