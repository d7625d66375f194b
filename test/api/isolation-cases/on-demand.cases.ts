import type { Case } from './case';

const BOTH: Case['expect'] = { otherTenant: 'NOT_FOUND', otherVendor: 'NOT_FOUND' };

/*
 * The first tenant's contract (Huai'an) has no on-demand obligation, so no call of it exists: the access check on the
 * contract comes first and refuses another tenant or vendor before any call is looked up (the call-level refusal is in
 * test/api/on-demand.e2e.spec.ts, on Tianjin P1).
 */
export const CASES: Record<string, Case> = {
  onDemandRegister: {
    build: (ids) => ({
      query: 'query ($c: ID!) { onDemandRegister(contractId: $c) { contractId obligations { obligationId } } }',
      variables: { c: ids.contractId },
    }),
    expect: BOTH,
  },
  recordOnDemandCall: {
    build: (ids) => ({
      query: 'mutation ($i: RecordOnDemandCallInput!) { recordOnDemandCall(input: $i) { id } }',
      variables: {
        i: {
          contractId: ids.contractId,
          obligationId: 'major-event-protection',
          calledOn: '2026-03-02',
          dueOn: '2026-03-04',
        },
      },
    }),
    expect: BOTH,
  },
  serveOnDemandCall: {
    build: (ids) => ({
      query: 'mutation ($i: ServeOnDemandCallInput!) { serveOnDemandCall(input: $i) { id } }',
      variables: {
        i: {
          contractId: ids.contractId,
          callId: '7f3c2a10-0000-4000-8000-000000000001',
          servedOn: '2026-03-04',
          evidence: 'x',
        },
      },
    }),
    expect: BOTH,
  },
};
