/**
 * One isolation case per id-taking operation. Each feature keeps its cases in a file of this folder named
 * `<feature>.cases.ts` exporting `CASES`; the suite loads every such file.
 */
export type Ids = {
  /** Huai'an's (the first tenant's) seeded contract, its tenant and the vendor organisation holding it. */
  contractId: string;
  vendorOrgId: string;
  tenantId: string;
  /** Ids of rows a feature created for the first tenant in its `setup` (e.g. a ticket). */
  extra: Record<string, string>;
};
export type Caller = 'otherTenant' | 'otherVendor';
export type Expectation = 'NOT_FOUND' | 'FORBIDDEN' | { exempt: string };
export type GqlCall = (query: string, variables?: Record<string, unknown>) => Promise<{ data?: Record<string, unknown> | null; errors?: unknown[] }>;
export type Case = {
  build(ids: Ids): { query: string; variables?: Record<string, unknown> };
  expect: Record<Caller, Expectation>;
};
/** Optional per-file setup, run as the first tenant's buyer admin (`asOwner`) and vendor (`asVendor`); returns ids for `Ids.extra`. */
export type Setup = (ctx: { ids: Omit<Ids, 'extra'>; asOwner: GqlCall; asVendor: GqlCall }) => Promise<Record<string, string>>;
