import type { Case } from './case';

const BOTH: Case['expect'] = { otherTenant: 'NOT_FOUND', otherVendor: 'NOT_FOUND' };

/** Huai'an's free-work allowance (5 person-months over the term): read and logged only by its parties. */
export const CASES: Record<string, Case> = {
  allowanceRegister: {
    build: (ids) => ({
      query: 'query ($c: ID!) { allowanceRegister(contractId: $c) { contractId usage { used } work { id } } }',
      variables: { c: ids.contractId },
    }),
    expect: BOTH,
  },
  logAllowanceWork: {
    build: (ids) => ({
      query: 'mutation ($i: LogAllowanceWorkInput!) { logAllowanceWork(input: $i) { contractId } }',
      variables: {
        i: {
          contractId: ids.contractId,
          allowanceId: 'personalised-interfacing',
          workedOn: '2026-09-15',
          amount: '1',
          description: 'intruder',
        },
      },
    }),
    expect: BOTH,
  },
};
