import { checkPatchDeployment } from './ticket-process';
import { validateContractConfig } from './validate-contract-config';
import { xuzhouConfig } from '../testing/golden-configs';

describe('ticket process: settlement patches after 20:00', () => {
  const r = validateContractConfig({
    ...xuzhouConfig,
    sla: {
      policy: { severities: [{ id: 'L1', name: 'L1', rank: 1 }], targets: [] },
      process: { feedbackWithinWorkingDays: 1, closureAfterStableWorkingDays: 1, settlementPatchesNotBefore: '20:00' },
    },
  });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  it.each([
    [true, '19:59', 1],
    [true, '20:00', 0],
    [true, '23:30', 0],
    [true, '00:30', 0], // after 20:00 of the evening before
    [true, '08:29', 0],
    [true, '08:30', 1], // the working day has begun
    [true, '12:00', 1],
    [false, '10:00', 0],
    [true, '9:00', 1],
  ])('affectsSettlement=%s at %s → %i problem(s)', (affectsSettlement, localTime, n) => {
    expect(checkPatchDeployment(r.config, { affectsSettlement, localTime })).toHaveLength(n);
  });
});

describe('ticket process: a patch window configured within one day', () => {
  const r = validateContractConfig({
    ...xuzhouConfig,
    sla: {
      policy: { severities: [{ id: 'L1', name: 'L1', rank: 1 }], targets: [] },
      process: { settlementPatchesNotBefore: '20:00', settlementPatchesNotAfter: '23:00' },
    },
  });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  it.each([
    ['19:59', 1],
    ['20:00', 0],
    ['22:59', 0],
    ['23:00', 1],
    ['00:30', 1],
  ])('at %s → %i problem(s)', (localTime, n) => {
    expect(checkPatchDeployment(r.config, { affectsSettlement: true, localTime })).toHaveLength(n);
  });
});
