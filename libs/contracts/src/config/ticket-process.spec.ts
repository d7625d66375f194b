import { checkPatchDeployment } from './ticket-process';
import { validateContractConfig } from './validate-contract-config';
import { xuzhouConfig } from '../testing/golden-configs';

describe('ticket process: settlement patches after 20:00', () => {
  const r = validateContractConfig({
    ...xuzhouConfig,
    sla: { policy: { severities: [{ id: 'L1', name: 'L1', rank: 1 }], targets: [] }, process: { feedbackWithinWorkingDays: 1, closureAfterStableWorkingDays: 1, settlementPatchesNotBefore: '20:00' } },
  });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  it.each([
    [true, '19:59', 1],
    [true, '20:00', 0],
    [true, '23:30', 0],
    [false, '10:00', 0],
    [true, '9:00', 1],
  ])('affectsSettlement=%s at %s → %i problem(s)', (affectsSettlement, localTime, n) => {
    expect(checkPatchDeployment(r.config, { affectsSettlement, localTime })).toHaveLength(n);
  });
});
