import fc from 'fast-check';
import { dec } from '@ledger/kernel';
import { computeSchedule, type ContractConfig, type Schedule } from '../index';
import { huaianConfig, qinghaiConfig, tianjinP8Config, xuzhouConfig } from '../testing/golden-configs';

const score = fc.integer({ min: 0, max: 10000 }).map((n) => (n / 100).toFixed(2));
const money = fc.bigInt({ min: 0n, max: 10n ** 11n }).map((f) => dec(f.toString()).dividedBy(100).toFixed(2));

function checkInvariants(s: Schedule): void {
  let gross = dec(0),
    deductions = dec(0),
    net = dec(0);
  for (const l of s.lines) {
    const sum = l.deductions.reduce((a, d) => a.plus(dec(d.amount)), dec(0));
    expect(sum.toFixed(2)).toBe(l.deductionTotal);
    expect(dec(l.gross).minus(sum).toFixed(2)).toBe(l.net);
    for (const d of l.deductions) expect(dec(d.amount).decimalPlaces()).toBeLessThanOrEqual(2);
    gross = gross.plus(l.gross);
    deductions = deductions.plus(l.deductionTotal);
    net = net.plus(l.net);
  }
  expect(gross.toFixed(2)).toBe(s.totals.gross);
  expect(deductions.toFixed(2)).toBe(s.totals.deductions);
  expect(net.toFixed(2)).toBe(s.totals.net);
  expect(dec(s.vendorBalanceOwed).isNegative()).toBe(false);
}

describe('payment engine properties', () => {
  it("Huai'an: per-point deduction never exceeds 20 % of the year fee; lines net = gross − deductions; nothing lost", () => {
    fc.assert(
      fc.property(score, fc.boolean(), fc.integer({ min: 0, max: 400 }), (s2026, accepted, daysLate) => {
        const s = computeSchedule(
          huaianConfig,
          {
            years: [{ year: 2026, score: s2026, assessedOn: '2027-01-20' }],
            acceptance: { passed: accepted, date: '2027-01-10' },
            lateDeliveries: [{ id: 'd', serviceValue: '50000.00', daysLate, on: '2026-05-01' }],
          },
          { asOf: '2027-02-01' },
        );
        checkInvariants(s);
        const all = s.lines.flatMap((l) => l.deductions);
        const ruleSum = all.filter((d) => d.kind !== 'carried-forward').reduce((a, d) => a.plus(d.amount), dec(0));
        // Rule 12: every rule deduction shows up either in the lines or in the vendor's balance.
        expect(dec(s.totals.deductions).plus(s.vendorBalanceOwed).toFixed(2)).toBe(ruleSum.toFixed(2));
        for (const d of all.filter((x) => x.ruleId === 'score')) expect(dec(d.amount).lte('232000.00')).toBe(true);
        for (const d of all.filter((x) => x.kind === 'liquidated-damages'))
          expect(dec(d.amount).lte('5000.00')).toBe(true);
        for (const l of s.lines) if (l.status !== 'forfeited') expect(dec(l.net).isNegative()).toBe(false);
        expect(s.totals.gross).toBe('1740000.00');
      }),
      { numRuns: 1000 },
    );
  });

  it('Xuzhou: the score deduction never exceeds 480,000.00 and absence never exceeds the amount', () => {
    fc.assert(
      fc.property(
        score,
        fc.integer({ min: 0, max: 1080 }).map((n) => (n / 10).toString()),
        (y, actual) => {
          const s = computeSchedule(
            xuzhouConfig,
            {
              years: [{ year: 2026, score: y, assessedOn: '2027-01-15' }],
              attendance: [{ actualPersonMonths: actual }],
            },
            { asOf: '2027-03-01' },
          );
          checkInvariants(s);
          const l = s.lines[0];
          const scoreD = l.deductions.find((d) => d.ruleId === 'score');
          expect(dec(scoreD?.amount ?? 0).lte('480000.00')).toBe(true);
          const absence = l.deductions.find((d) => d.ruleId === 'absence');
          expect(dec(absence?.amount ?? 0).lte('2400000.00')).toBe(true);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('Qinghai: any grade and complaint count keeps the invariants; six half-years add up to 42,000.00', () => {
    fc.assert(
      fc.property(fc.constantFrom('A', 'B', 'C'), fc.integer({ min: 0, max: 40 }), (grade, complaints) => {
        const s = computeSchedule(
          qinghaiConfig,
          {
            periods: [
              { id: '2026-H1', grade, assessedOn: '2026-07-10', validComplaints: complaints, ledgerConfirmed: true },
            ],
          },
          { asOf: '2026-12-31' },
        );
        checkInvariants(s);
        expect(s.totals.gross).toBe('42000.00');
      }),
      { numRuns: 1000 },
    );
  });

  it('quarterly instalments of any amount add up exactly to it', () => {
    fc.assert(
      fc.property(money, (amount) => {
        const cfg: ContractConfig = { ...tianjinP8Config, money: { amount, budget: amount } };
        const s = computeSchedule(cfg, {}, { asOf: '2026-01-01' });
        expect(s.lines).toHaveLength(4);
        expect(s.totals.gross).toBe(dec(amount).toFixed(2));
        checkInvariants(s);
      }),
      { numRuns: 1000 },
    );
  });

  it('cumulative targets of any amount add up exactly to it; by-month year fees add up to it', () => {
    fc.assert(
      fc.property(money, fc.integer({ min: 1, max: 94 }), (amount, first) => {
        const cfg = JSON.parse(JSON.stringify(huaianConfig)) as ContractConfig;
        cfg.money = { amount, annualSplit: { mode: 'by-months' } };
        const m = cfg.payment?.milestones?.[0];
        if (m?.kind === 'cumulative-target') m.params.steps[0].cumulativePercent = first;
        const s = computeSchedule(cfg, {}, { asOf: '2025-12-01' });
        expect(s.totals.gross).toBe(dec(amount).toFixed(2));
        s.lines.forEach((l) => expect(dec(l.gross).isNegative()).toBe(false));
        checkInvariants(s);
      }),
      { numRuns: 1000 },
    );
  });
});
