import { ValidationError } from '@ledger/kernel';
import { getPreset, simulateSettlement } from '../index';
import { huaianConfig, qinghaiConfig } from '../testing/golden-configs';

describe('simulateSettlement (what-if)', () => {
  it('Huai\'an: "what if H2 2026 scores 75?" — year 75.50 → 4.5 points × 20,000 = 90,000.00, against a baseline of H2 80', () => {
    const common = { acceptance: { passed: true, date: '2027-01-10' } };
    const sim = simulateSettlement(
      huaianConfig,
      {
        facts: {
          ...common,
          periods: [
            { id: '2026-H1', score: '76.00' },
            { id: '2026-H2', score: '75.00', assessedOn: '2027-01-15' },
          ],
        },
      },
      {
        asOf: '2027-02-01',
        baseline: {
          facts: {
            ...common,
            periods: [
              { id: '2026-H1', score: '76.00' },
              { id: '2026-H2', score: '80.00', assessedOn: '2027-01-15' },
            ],
          },
        },
      },
    );
    expect(sim.years.find((y) => y.year === 2026)?.aggregate.score).toBe('75.50');
    const final = sim.schedule.lines.find((l) => l.id === 'pay.final');
    expect(final?.deductions.find((d) => d.ruleId === 'score')?.amount).toBe('90000.00');
    expect(final?.status).toBe('withheld');
    // 90,000.00 exceeds the 87,000.00 line: 3,000.00 is offset against the earlier unpaid line (rule 12).
    expect(final?.net).toBe('0.00');
    expect(
      sim.diff?.lines.map((l) => [l.id, l.deductions.before, l.deductions.after, l.net.delta, l.status.after]),
    ).toEqual([
      ['pay.y2025', '0.00', '3000.00', '-3000.00', 'due'],
      ['pay.final', '40000.00', '87000.00', '-47000.00', 'withheld'],
    ]);
    expect(sim.diff?.totals.deductions.delta).toBe('50000.00');
  });

  it('Qinghai: assessment inputs are scored first (86.40 → B), then paid net 5,150.00; diff against grade A', () => {
    const facts = { periods: [{ id: '2026-H1', validComplaints: 3, ledgerConfirmed: true }] };
    const sim = simulateSettlement(
      qinghaiConfig,
      {
        facts,
        assessments: [
          { period: '2026-H1', inputs: { items: { inspection: '86', hotline: '86.8' } }, assessedOn: '2026-07-10' },
        ],
      },
      {
        asOf: '2026-12-01',
        baseline: {
          facts,
          assessments: [
            { period: '2026-H1', inputs: { items: { inspection: '95', hotline: '92' } }, assessedOn: '2026-07-10' },
          ],
        },
      },
    );
    expect(sim.assessments[0].result).toMatchObject({ score: '86.40', grade: 'B' });
    const h1 = sim.schedule.lines.find((l) => l.id === 'half.2026-H1');
    expect(h1?.net).toBe('5150.00');
    expect(h1?.dueDate).toBe('2026-11-10');
    expect(sim.diff?.lines.map((l) => [l.id, l.net.delta, l.dueDate.before, l.dueDate.after])).toEqual([
      ['half.2026-H1', '-140.00', '2026-10-10', '2026-11-10'],
    ]);
  });

  it('reports bad assessment inputs with paths and stores nothing', () => {
    expect(() =>
      simulateSettlement(qinghaiConfig, { assessments: [{ period: '2026-H1', inputs: {} }] }, { asOf: '2026-12-01' }),
    ).toThrow(
      expect.objectContaining({
        problems: [expect.objectContaining({ path: expect.stringMatching(/^assessments\[0\]\.inputs/) })],
      }),
    );
  });

  it('reports a bad asOf as a typed validation error with its path, not a crash', () => {
    let caught: unknown;
    try {
      simulateSettlement(getPreset('tianjin-2026-p8').config, {}, { asOf: '2026-13-40' });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(ValidationError);
    expect((caught as ValidationError).problems.map((p) => p.path)).toEqual(['asOf']);
  });
});
