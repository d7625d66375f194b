import type { Case } from './case';

const BOTH: Case['expect'] = { otherTenant: 'NOT_FOUND', otherVendor: 'NOT_FOUND' };

/*
 * The first tenant's contract (Huai'an): the access check on the contract comes first and refuses another tenant or
 * vendor before anything is counted or moved (the moves themselves are in test/api/sla-revisions.e2e.spec.ts).
 */
export const CASES: Record<string, Case> = {
  slaRevisions: {
    build: (ids) => ({
      query: 'query ($c: ID!) { slaRevisions(contractId: $c) { currentVersion revisions { id } } }',
      variables: { c: ids.contractId },
    }),
    expect: BOTH,
  },
  adoptSlaRevision: {
    build: (ids) => ({
      query: 'mutation ($i: AdoptSlaRevisionInput!) { adoptSlaRevision(input: $i) { id } }',
      variables: { i: { contractId: ids.contractId, reason: '补充协议' } },
    }),
    expect: BOTH,
  },
};
