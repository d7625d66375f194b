import { JOB_ID_PATTERN, JOB_NAMES, QUEUE_NAMES, jobIds, jobNamesOf, parseJobPayload } from './job-definitions';

const T = '11111111-1111-4111-8111-111111111111';
const C = '22222222-2222-4222-8222-222222222222';

describe('job definitions', () => {
  it('every queue has its job names and every job name one queue', () => {
    expect([...QUEUE_NAMES].sort()).toEqual(['export', 'import', 'period-close', 'schedule', 'sla']);
    expect(QUEUE_NAMES.flatMap((q) => jobNamesOf(q)).sort()).toEqual([...JOB_NAMES].sort());
  });

  it('ids are deterministic and safe for BullMQ (no ":")', () => {
    const close = jobIds.closePeriod({ tenantId: T, contractId: C, period: '2026-H1', configVersion: 3, revision: 2 });
    expect(close).toBe(`close-${T}-${C}-2026-H1-v3-r2`);
    expect(jobIds.closePeriod({ tenantId: T, contractId: C, period: '2026-H1', configVersion: 3, revision: 2 })).toBe(
      close,
    );
    for (const id of [
      close,
      jobIds.ticketSla({ tenantId: T, ticketId: C, eventCount: 4 }),
      jobIds.schedule({ tenantId: T, contractId: C, trigger: 'confirm-x' }),
      jobIds.export({ tenantId: T, exportId: C }),
    ]) {
      expect(id).toMatch(JOB_ID_PATTERN);
      expect(id).not.toContain(':');
    }
  });

  it('payloads carry ids only: extra fields and bad ids are refused', () => {
    expect(parseJobPayload('close-period', { tenantId: T, closeId: C })).toEqual({ tenantId: T, closeId: C });
    expect(() => parseJobPayload('close-period', { tenantId: T, closeId: C, score: '100' })).toThrow();
    expect(() => parseJobPayload('close-period', { tenantId: 'acme', closeId: C })).toThrow();
  });
});
