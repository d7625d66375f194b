import { renderExplanation } from '../explain/explanation-texts';
// The worked examples run on the presets themselves (libs/contracts/src/presets, written by the presets
// owner): the data and the engine must agree to the fen.
import { dec } from '@ledger/kernel';
import { computeSchedule, getPreset, PRESET_IDS, validateContractConfig } from '../index';

describe('payment engine on the presets', () => {
  it.each(PRESET_IDS)('%s: valid, schedules with no facts, lines add up to at most the amount', (id) => {
    const { config } = getPreset(id);
    const r = validateContractConfig(config);
    expect(r.ok ? [] : r.problems).toEqual([]);
    const s = computeSchedule(config, {}, { asOf: '2026-06-30' });
    expect(dec(s.totals.gross).lte(dec(String(config.money.amount)))).toBe(true);
    if (s.lines.length === 0)
      expect(s.notes.map((n) => renderExplanation(n, 'en'))).toContain(
        'the configuration states no payment milestones: there is nothing to schedule',
      );
  });

  it('A on the Xuzhou preset: 89.00 → no score deduction; absence 66,666.67', () => {
    const s = computeSchedule(
      getPreset('xuzhou-2026').config,
      { years: [{ year: 2026, score: '89.00', assessedOn: '2027-01-15' }], attendance: [{ actualPersonMonths: 105 }] },
      { asOf: '2027-02-01' },
    );
    expect(s.lines).toHaveLength(1);
    expect(s.lines[0].deductions.map((d) => d.amount)).toEqual(['0.00', '66666.67']);
    expect(s.lines[0].net).toBe('2333333.33');
  });

  it("B on the Huai'an preset: 40,000.00 on the withheld final 87,000.00", () => {
    const s = computeSchedule(
      getPreset('huaian-2025-2026').config,
      {
        years: [{ year: 2026, score: '78.00', assessedOn: '2027-01-20' }],
        acceptance: { passed: true, date: '2027-01-10' },
      },
      { asOf: '2027-02-01' },
    );
    const last = s.lines[s.lines.length - 1];
    expect(s.lines.map((l) => l.gross)).toEqual(['696000.00', '957000.00', '87000.00']);
    expect(last.deductions.filter((d) => d.amount !== '0.00').map((d) => d.amount)).toEqual(['40000.00']);
    expect(last.status).toBe('withheld');
  });

  it('C on the Qinghai preset: 7,000.00 − 140.00 − 1,500.00 − 210.00 = 5,150.00, due 4 months after the assessment', () => {
    const s = computeSchedule(
      getPreset('qinghai-hospital-3y').config,
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
    const h1 = s.lines.find((l) => l.period === '2026-H1');
    expect(h1?.gross).toBe('7000.00');
    expect(h1?.net).toBe('5150.00');
    expect(h1?.dueDate).toBe('2026-11-10');
  });

  it('Qinghai 002:428: each payment waits for the VAT invoice for the amount payable (another amount keeps it waiting)', () => {
    const facts = (invoices: { number: string; amount: string; receivedOn: string }[]) =>
      computeSchedule(
        getPreset('qinghai-hospital-3y').config,
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
          invoices: invoices.map((i) => ({ lineId: 'half-year-payment.2026-H1', ...i })),
        },
        { asOf: '2026-12-01' },
      ).lines.find((l) => l.period === '2026-H1');
    const none = facts([]);
    expect(none?.id).toBe('half-year-payment.2026-H1');
    expect(none?.status).toBe('scheduled');
    expect(none?.reasons.map((r) => renderExplanation(r))).toContain('条件待定：等待乙方按应付金额提供增值税普通发票');
    const wrong = facts([{ number: '04401234', amount: '7000.00', receivedOn: '2026-11-12' }]);
    expect(wrong?.status).toBe('scheduled');
    expect(wrong?.reasons.map((r) => renderExplanation(r))).toContain(
      '条件待定：发票 04401234 金额 7,000.00 与应付金额 5,150.00 不符，请乙方按应付金额重开',
    );
    const right = facts([
      { number: '04401234', amount: '7000.00', receivedOn: '2026-11-12' },
      { number: '04401299', amount: '5150.00', receivedOn: '2026-11-20' },
    ]);
    expect(right?.status).toBe('due');
    expect(right?.reasons.map((r) => renderExplanation(r, 'en'))).toContain(
      'condition met: VAT invoice 04401299 received (5,150.00, 2026-11-20)',
    );
  });

  it('D on the Tianjin P8 preset: four payments of 8,281.00; Q3 not qualified → withheld', () => {
    const s = computeSchedule(
      getPreset('tianjin-2026-p8').config,
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
    expect(s.lines.map((l) => l.gross)).toEqual(['8281.00', '8281.00', '8281.00', '8281.00']);
    expect(s.lines.map((l) => l.status)).toEqual(['due', 'due', 'withheld', 'due']);
  });
});
