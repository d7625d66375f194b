import type { Case } from './case';

const BOTH: Case['expect'] = { otherTenant: 'NOT_FOUND', otherVendor: 'NOT_FOUND' };

export const CASES: Record<string, Case> = {
  contractDashboard: {
    build: (ids) => ({
      query:
        'query ($c: ID!) { contractDashboard(contractId: $c) { contractId sla { met running } lastConfirmedClose { period } nextPayment { lineId } obligations { due met } } }',
      variables: { c: ids.contractId },
    }),
    expect: BOTH,
  },
};
