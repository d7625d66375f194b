import type { Case } from './case';

const BOTH: Case['expect'] = { otherTenant: 'NOT_FOUND', otherVendor: 'NOT_FOUND' };

/** The buyer's period inputs of Huai'an's contract (nothing to set up: the contract id is enough). */
export const CASES: Record<string, Case> = {
  periodInputSpec: {
    build: (ids) => ({
      query: 'query ($c: ID!) { periodInputSpec(contractId: $c, period: "2026-H1") { assessed } }',
      variables: { c: ids.contractId },
    }),
    expect: BOTH,
  },
  closablePeriods: {
    build: (ids) => ({
      query: 'query ($c: ID!) { closablePeriods(contractId: $c) { id } }',
      variables: { c: ids.contractId },
    }),
    expect: BOTH,
  },
  periodInputs: {
    build: (ids) => ({
      query: 'query ($c: ID!) { periodInputs(contractId: $c, period: "2026-H1") { period satisfaction } }',
      variables: { c: ids.contractId },
    }),
    expect: BOTH,
  },
  setPeriodInputs: {
    build: (ids) => ({
      query: 'mutation ($i: SetPeriodInputsInput!) { setPeriodInputs(input: $i) { period } }',
      variables: {
        i: { contractId: ids.contractId, period: '2026-H1', satisfaction: { businessSatisfaction: '非常满意' } },
      },
    }),
    expect: BOTH,
  },
};
