import { parseContractConfig } from '../config/validate-contract-config';
import { withCorrections } from '../period-close/merge-close-facts';
import { getPreset } from '../presets';
import { computeSchedule } from './compute-schedule';
import type { PaymentFactsInput } from './facts.schema';
import type { Schedule } from './schedule.types';

/*
 * facts.settled (domain rule 11): the lines a confirmed close accounted for keep the deductions it computed, whatever
 * configuration the schedule is recomputed on; rules that did not reach such a line then (an adjustment) apply live.
 * On example C (Qinghai, 2026-H1: grade B, 3 valid complaints).
 */

const H1 = 'half-year-payment.2026-H1';
const FACTS: PaymentFactsInput = {
  periods: [
    { id: '2026-H1', score: '86.40', grade: 'B', assessedOn: '2026-07-10', validComplaints: 3, ledgerConfirmed: true },
  ],
};
const AS_OF = '2026-12-01';

/** Version 1 (the preset) and version 2: a complaint costs 800.00, grade B 4 %. */
const v1 = parseContractConfig(getPreset('qinghai-hospital-3y').config);
const v2 = {
  ...v1,
  payment: {
    ...v1.payment,
    deductions: v1.payment.deductions.map((d) =>
      d.id === 'complaints'
        ? { ...d, label: '有效投诉每次扣除800元', params: { amountEach: '800.00' } }
        : d.id === 'grade'
          ? {
              ...d,
              params: {
                grades: [
                  { grade: 'B', percent: 4, delayMonths: 1 },
                  { grade: 'C', percent: 5, delayMonths: 2 },
                ],
              },
            }
          : d,
    ),
  },
} as typeof v1;

const lineOf = (s: Schedule, id: string) => s.lines.find((l) => l.id === id);
/** H1 as a close on version 1 confirmed it: its deductions, the non-zero ones with their close line keys. */
const settledH1 = (): NonNullable<PaymentFactsInput['settled']> => {
  const line = lineOf(computeSchedule(v1, FACTS, { asOf: AS_OF }), H1);
  return [
    {
      lineId: H1,
      deductions: (line?.deductions ?? []).map((d) =>
        d.amount === '0.00' ? d : { ...d, key: `close-c1/${H1}/${d.ruleId}` },
      ),
    },
  ];
};

describe('settled lines: a confirmed close is not recomputed on a later configuration', () => {
  it('version 2 alone recomputes H1 (the premise)', () => {
    expect(lineOf(computeSchedule(v2, FACTS, { asOf: AS_OF }), H1)?.deductions.map((d) => d.amount)).toEqual([
      '280.00',
      '2400.00',
      '210.00',
    ]);
  });

  it('H1 settled: the figures, formulas and labels of version 1, each naming its close line; totals follow', () => {
    const before = lineOf(computeSchedule(v1, FACTS, { asOf: AS_OF }), H1);
    const s = computeSchedule(v2, { ...FACTS, settled: settledH1() }, { asOf: AS_OF });
    const h1 = lineOf(s, H1);
    expect(h1?.deductions.map(({ closeLineKey: _key, ...d }) => d)).toEqual(before?.deductions);
    expect(h1?.deductions.map((d) => d.closeLineKey)).toEqual([
      `close-c1/${H1}/grade`,
      `close-c1/${H1}/complaints`,
      `close-c1/${H1}/complaints-3`,
    ]);
    expect([h1?.deductionTotal, h1?.net, h1?.dueDate]).toEqual(['1850.00', '5150.00', before?.dueDate]);
    expect(s.totals.deductions).toBe('1850.00');
  });

  it('an adjustment reaches a settled line live, under its own key', () => {
    const s = computeSchedule(
      withCorrections(v2),
      {
        ...FACTS,
        settled: settledH1(),
        adjustments: [{ id: 'a1', amount: '-100.00', reason: '多扣退回', lineId: H1, key: 'adjust-c1-a1' }],
      },
      { asOf: AS_OF },
    );
    const h1 = lineOf(s, H1);
    expect(h1?.deductions.map((d) => [d.ruleId, d.amount, d.closeLineKey])).toEqual([
      ['grade', '140.00', `close-c1/${H1}/grade`],
      ['complaints', '1500.00', `close-c1/${H1}/complaints`],
      ['complaints-3', '210.00', `close-c1/${H1}/complaints-3`],
      ['corrections', '-100.00', 'adjust-c1-a1'],
    ]);
    expect(h1?.net).toBe('5250.00');
  });
});
