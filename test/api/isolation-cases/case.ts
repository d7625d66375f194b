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
/** Callers a case may add: the platform admin (who may see no tenant data). */
export type ExtraCaller = 'platformAdmin';
export type Expectation = 'NOT_FOUND' | 'FORBIDDEN' | { exempt: string };
export type GqlCall = (
  query: string,
  variables?: Record<string, unknown>,
) => Promise<{ data?: Record<string, unknown> | null; errors?: unknown[] }>;
export type Case = {
  build(ids: Ids): { query: string; variables?: Record<string, unknown> };
  expect: Record<Caller, Expectation> & Partial<Record<ExtraCaller, Expectation>>;
};

/**
 * One case per list query (a query field returning a list), exported as `LIST_CASES` from a cases file. Each list is
 * called by the first tenant's buyer admin (its rows: every id in that answer) and then by every other role; none
 * may see any of those rows. Defaults: the other tenant's roles and the platform admin see `none-of-first-tenant`;
 * the vendor that holds nothing sees an `empty` list. `own-organisation`: exactly its own vendor organisation.
 */
export type ListCaller =
  'otherTenantAdmin' | 'otherTenantStaff' | 'otherTenantFinance' | 'platformAdmin' | 'emptyVendor';
export type ListExpectation = 'none-of-first-tenant' | 'empty' | 'own-organisation' | { exempt: string };
export type ListCase = {
  build(ids: Ids): { query: string; variables?: Record<string, unknown> };
  expect?: Partial<Record<ListCaller, ListExpectation>>;
  /** Why the rows carry no row ids (derived from the contract's configuration): the first tenant's list has none to watch. */
  derived?: string;
};
/** Optional per-file setup, run as the first tenant's buyer admin (`asOwner`) and vendor (`asVendor`); returns ids for `Ids.extra`. */
/** An HTTP POST outside GraphQL (the ticket upload route) as the first tenant's buyer admin. */
export type HttpPost = (
  path: string,
  contentType: string,
  body: Buffer,
) => Promise<{ status: number; body: Record<string, unknown> }>;
export type Setup = (ctx: {
  ids: Omit<Ids, 'extra'>;
  asOwner: GqlCall;
  asVendor: GqlCall;
  postAsOwner: HttpPost;
}) => Promise<Record<string, string>>;
