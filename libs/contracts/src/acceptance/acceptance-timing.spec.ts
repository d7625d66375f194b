import { renderExplanation } from '../explain/explanation-texts';
import { getPreset } from '../presets';
import { computeSchedule } from '../payment/compute-schedule';
import { acceptanceTiming, type AcceptanceTimingInput } from './acceptance-timing';

/** Tianjin P7 (term to 2026-12-31): apply a week before the end, or 3 months after a major failure's repair; 3 months' grace. */
const P7: Omit<AcceptanceTimingInput, 'failures' | 'today'> = {
  acceptance: { applyFromDaysBeforeEnd: 7, monthsWithoutMajorFailure: 3 },
  termEnd: '2026-12-31',
  graceMonths: 3,
};

describe('acceptance timing (domain rule 17)', () => {
  it('K. a major failure repaired 2026-12-15 → earliest application 2027-03-15, clawback deadline 2027-03-31, 16 days → warning', () => {
    const t = acceptanceTiming({
      ...P7,
      failures: [
        { ticketNumber: 'TJ7-0012', reportedOn: '2026-06-02', repairedOn: '2026-06-03' },
        { ticketNumber: 'TJ7-0031', reportedOn: '2026-12-14', repairedOn: '2026-12-15' },
      ],
      today: '2027-01-05',
    });
    expect(t).toMatchObject({
      earliestApplication: '2027-03-15',
      clawbackDeadline: '2027-03-31',
      marginDays: 16,
      warning: true,
      decisive: { ticketNumber: 'TJ7-0031' },
    });
    expect(t.explanations.map((e) => renderExplanation(e, 'zh-CN'))).toEqual([
      '重大故障（联系单 TJ7-0031）于 2026-12-15 修复：连续 3 个月无重大故障后、即 2027-03-15 起方可申请验收',
      '预警：须在 2027-03-31 前通过验收（服务期满后 3 个月），距最早申请日仅 16 天，逾期采购人可收回已付合同款并处罚款',
    ]);
  });

  it('K. not accepted by then: the fine is 15 % × 1,250,533.00 = 187,579.95 (the acceptance-clawback deduction)', () => {
    const s = computeSchedule(getPreset('tianjin-2026-p7').config, {}, { asOf: '2027-04-01' });
    const fine = s.lines.flatMap((l) => l.deductions).filter((d) => d.kind === 'acceptance-clawback');
    expect(fine.map((d) => d.basis)).toContainEqual(expect.objectContaining({ deadline: '2027-03-31' }));
    expect(s.vendorBalanceOwed).toBe('187579.95');
  });

  it.each([
    // [failures, today, earliest, margin, warning]
    ['none', [], '2027-01-05', '2026-12-24', 97, false],
    [
      'repaired early in the term: the week before the end still governs',
      [['A', '2026-03-01', '2026-03-02']],
      '2027-01-05',
      '2026-12-24',
      97,
      false,
    ],
    [
      'repaired 2026-09-24: three months later is the usual date',
      [['A', '2026-09-20', '2026-09-24']],
      '2026-10-01',
      '2026-12-24',
      97,
      false,
    ],
    ['repaired 2026-11-30', [['A', '2026-11-29', '2026-11-30']], '2026-12-01', '2027-02-28', 31, false],
    [
      'repaired 2026-12-31 (last day): 2027-03-31, no margin',
      [['A', '2026-12-30', '2026-12-31']],
      '2027-01-02',
      '2027-03-31',
      0,
      true,
    ],
    [
      'a failure after the term does not count',
      [['A', '2027-01-10', '2027-01-11']],
      '2027-01-20',
      '2026-12-24',
      97,
      false,
    ],
  ] as const)('%s', (_name, failures, today, earliest, margin, warning) => {
    const t = acceptanceTiming({
      ...P7,
      failures: failures.map(([n, r, f]) => ({ ticketNumber: n, reportedOn: r, repairedOn: f })),
      today,
    });
    expect([t.earliestApplication, t.marginDays, t.warning]).toEqual([earliest, margin, warning]);
  });

  it('a failure not yet repaired leaves no date: warned, with the ticket named', () => {
    const t = acceptanceTiming({
      ...P7,
      failures: [{ ticketNumber: 'TJ7-0040', reportedOn: '2026-12-20', repairedOn: null }],
      today: '2026-12-22',
    });
    expect([t.earliestApplication, t.marginDays, t.warning]).toEqual([null, null, true]);
    expect(t.explanations.map((e) => renderExplanation(e, 'en'))).toEqual([
      'major failure (ticket TJ7-0040, reported 2026-12-20) not yet repaired: acceptance cannot be applied for yet',
      'warning: acceptance must pass by 2027-03-31 (3 month(s) after the term) and cannot be applied for yet; later, the buyer may claw back what was paid and fine the vendor',
    ]);
  });

  it('a repair dated after today is not a repair yet', () => {
    const t = acceptanceTiming({
      ...P7,
      failures: [{ ticketNumber: 'X', reportedOn: '2026-12-01', repairedOn: '2026-12-10' }],
      today: '2026-12-05',
    });
    expect(t.earliestApplication).toBeNull();
  });
});
