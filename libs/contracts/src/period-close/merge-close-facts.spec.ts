import { getPreset } from '../presets';
import { parseContractConfig } from '../config/validate-contract-config';
import { mergeConfirmedFacts, withCorrections } from './merge-close-facts';

describe('mergeConfirmedFacts: the payment facts of confirmed closes', () => {
  it('later closes replace earlier entries by id; periods a close confirmed are marked; years are confirmed', () => {
    const merged = mergeConfirmedFacts([
      {
        period: '2026-H1',
        facts: {
          periods: [{ id: '2026-H1', score: '76.00', assessedOn: '2026-07-10' }],
          quarters: [{ id: '2026-Q1', qualified: true }],
        },
      },
      {
        period: '2026-H2',
        facts: {
          periods: [
            { id: '2026-H1', score: '76.00', assessedOn: '2026-07-10' },
            { id: '2026-H2', score: '80.00', assessedOn: '2027-01-10', validComplaints: 2 },
          ],
          years: [{ year: 2026, score: '78.00', assessedOn: '2027-01-10' }],
          quarters: [{ id: '2026-Q3', qualified: false }],
          attendance: [{ actualPersonMonths: '105' }],
          acceptance: { passed: true, date: '2027-01-05' },
        },
      },
    ]);
    expect(merged).toEqual({
      periods: [
        { id: '2026-H1', score: '76.00', assessedOn: '2026-07-10', confirmed: true },
        { id: '2026-H2', score: '80.00', assessedOn: '2027-01-10', validComplaints: 2, confirmed: true },
      ],
      years: [{ year: 2026, score: '78.00', assessedOn: '2027-01-10', confirmed: true }],
      quarters: [
        { id: '2026-Q1', qualified: true },
        { id: '2026-Q3', qualified: false },
      ],
      attendance: [{ actualPersonMonths: '105' }],
      acceptance: { passed: true, date: '2027-01-05' },
    });
  });

  it('a period carried in a later close but never confirmed itself is not marked confirmed', () => {
    const merged = mergeConfirmedFacts([
      {
        period: '2026-H2',
        facts: {
          periods: [
            { id: '2026-H1', score: '90.00' },
            { id: '2026-H2', score: '80.00' },
          ],
        },
      },
    ]);
    expect(merged.periods).toEqual([
      { id: '2026-H1', score: '90.00' },
      { id: '2026-H2', score: '80.00', confirmed: true },
    ]);
  });

  it('nothing confirmed → empty facts', () => {
    expect(mergeConfirmedFacts([])).toEqual({ periods: [], years: [], quarters: [], attendance: [] });
  });
});

describe('withCorrections', () => {
  it('adds a manual-adjustment rule once, leaving the configuration otherwise unchanged', () => {
    const config = parseContractConfig(getPreset('tianjin-2026-p8').config);
    const withRule = withCorrections(config);
    expect(withRule.payment.deductions.map((d) => [d.id, d.kind])).toEqual([
      ...config.payment.deductions.map((d) => [d.id, d.kind]),
      ['corrections', 'manual-adjustment'],
    ]);
    expect(withCorrections(withRule)).toBe(withRule);
    expect(config.payment.deductions.some((d) => d.kind === 'manual-adjustment')).toBe(false);
  });

  it('leaves a contract without payment milestones alone (Beijing: nothing to correct, and a deduction needs a milestone)', () => {
    const config = parseContractConfig(getPreset('beijing-2020').config);
    expect(withCorrections(config)).toBe(config);
  });
});
