import type { Case } from './case';

/** The read-only period close preview of Huai'an's contract (nothing to set up: the contract id is enough). */
export const CASES: Record<string, Case> = {
  previewPeriodClose: {
    build: (ids) => ({
      query:
        'query ($c: ID!) { previewPeriodClose(contractId: $c, period: "2026-H1", asOf: "2026-07-10") { period assessment { score } } }',
      variables: { c: ids.contractId },
    }),
    expect: { otherTenant: 'NOT_FOUND', otherVendor: 'NOT_FOUND', platformAdmin: 'NOT_FOUND' },
  },
};
