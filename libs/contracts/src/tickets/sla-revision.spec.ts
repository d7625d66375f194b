import type { TargetResult } from '@ledger/sla';
import { parseContractConfig } from '../config/validate-contract-config';
import { getPreset } from '../presets';
import { revisionMove, slaFiguresDiffer } from './sla-revision';

const xuzhou = parseContractConfig(getPreset('xuzhou-2026').config);

describe('moving open tickets onto a revised configuration (issue 16 point 2)', () => {
  it.each([
    ['an open ticket of a known severity moves', { severity: 'L2', state: 'in-progress' }, { move: true }],
    [
      'a closed ticket keeps its version (its result is history)',
      { severity: 'L2', state: 'closed' },
      { move: false, reason: 'final' },
    ],
    ['withdrawn and unsolvable too', { severity: 'L2', state: 'unsolvable' }, { move: false, reason: 'final' }],
    [
      'a severity the new policy does not know keeps it',
      { severity: 'P1', state: 'received' },
      { move: false, reason: 'severity-unknown' },
    ],
  ])('%s', (_, ticket, expected) => {
    expect(revisionMove(ticket, xuzhou)).toEqual(expected);
  });

  it('a result differs when a deadline, a status, the minutes used, the provisional mark or the targets differ', () => {
    const t = (over: Partial<TargetResult> = {}) =>
      ({
        targetId: 'onsite-L4',
        deadline: '2026-11-18T10:09:00+08:00',
        status: 'running',
        elapsedMinutes: 30,
        provisional: false,
        ...over,
      }) as TargetResult;
    expect(slaFiguresDiffer([t()], [t()])).toBe(false);
    expect(slaFiguresDiffer([t()], [t({ deadline: '2026-11-18T11:09:00+08:00' })])).toBe(true);
    expect(slaFiguresDiffer([t()], [t({ status: 'breached' })])).toBe(true);
    expect(slaFiguresDiffer([t()], [t({ elapsedMinutes: 31 })])).toBe(true);
    expect(slaFiguresDiffer([t()], [t({ provisional: true })])).toBe(true);
    expect(slaFiguresDiffer([t()], [t(), t({ targetId: 'feedback' })])).toBe(true);
  });
});
