import { explain, type ScheduleLine } from '@ledger/contracts';
import { deductionLines, linesOfClose } from './close-period.job';
import type { PeriodCloseComputation } from './period-close.computation';

const line = (id: string, period: string | undefined, year: number, deductions: [string, string][]): ScheduleLine => ({
  id,
  milestoneId: id.split('.')[0],
  label: id,
  basis: explain('legacy.text', { text: '' }),
  year,
  ...(period ? { period } : {}),
  gross: '100.00',
  deductions: deductions.map(([ruleId, amount]) => ({
    ruleId,
    kind: ruleId,
    basis: {},
    formula: explain('legacy.text', { text: `${ruleId} ${amount}` }),
    amount,
  })),
  deductionTotal: '0.00',
  net: '100.00',
  paid: '0.00',
  dueDate: null,
  status: 'scheduled',
  reasons: [],
});

const computation = (lines: ScheduleLine[], year: number | null = null) =>
  ({ schedule: { lines }, year: year === null ? null : { year } }) as unknown as PeriodCloseComputation;

describe('the deduction lines a close stores', () => {
  it('keeps every deduction of a rule on a line under its own key (a clawback and its fine), skipping zero amounts', () => {
    const c = computation([
      line('quarterly.2026-Q4', '2026-Q4', 2026, [
        ['acceptance-clawback', '172676.75'],
        ['acceptance-clawback', '103606.05'],
        ['late', '0.00'],
      ]),
    ]);
    expect(deductionLines({ id: 'c1', period: '2026-Q4' }, c).map((l) => [l.lineKey, l.amount])).toEqual([
      ['close-c1/quarterly.2026-Q4/acceptance-clawback', '172676.75'],
      ['close-c1/quarterly.2026-Q4/acceptance-clawback#2', '103606.05'],
    ]);
  });

  it('accounts for lines of periods within the close, and year lines only when the close completes the year', () => {
    const lines = [
      line('h.2026-H1', '2026-H1', 2026, []),
      line('q.2026-Q2', '2026-Q2', 2026, []),
      line('q.2026-Q3', '2026-Q3', 2026, []),
      line('settlement', undefined, 2026, []),
    ];
    expect(linesOfClose({ period: '2026-H1' }, computation(lines), lines).map((l) => l.id)).toEqual([
      'h.2026-H1',
      'q.2026-Q2',
    ]);
    expect(linesOfClose({ period: '2026-H2' }, computation(lines, 2026), lines).map((l) => l.id)).toEqual([
      'q.2026-Q3',
      'settlement',
    ]);
    expect(linesOfClose({ period: '2026' }, computation(lines), lines).map((l) => l.id)).toEqual([
      'h.2026-H1',
      'q.2026-Q2',
      'q.2026-Q3',
      'settlement',
    ]);
  });
});
