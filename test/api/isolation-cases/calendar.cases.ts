import type { Case } from './case';

export const CASES: Record<string, Case> = {
  workingDays: {
    build: (ids) => ({
      query:
        'query ($c: ID!) { workingDays(contractId: $c, month: "2026-10") { calendarVersion days { date working } } }',
      variables: { c: ids.contractId },
    }),
    expect: { otherTenant: 'NOT_FOUND', otherVendor: 'NOT_FOUND' },
  },
};
