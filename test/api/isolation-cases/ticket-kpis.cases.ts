import type { Case } from './case';

/*
 * The KPIs of the first tenant's contract (Huai'an: no KPI, so none computed): the access check on the contract comes
 * first and refuses another tenant or vendor before any ticket is read (Tianjin P1's figures are in
 * test/api/ticket-kpis.e2e.spec.ts).
 */
export const CASES: Record<string, Case> = {
  ticketKpis: {
    build: (ids) => ({
      query: 'query ($c: ID!) { ticketKpis(contractId: $c, period: "2026-H1") { period kpis { kpiId } } }',
      variables: { c: ids.contractId },
    }),
    expect: { otherTenant: 'NOT_FOUND', otherVendor: 'NOT_FOUND' },
  },
};
