import type { Case, ListCase, ListCaller, ListExpectation, Setup } from './case';

/** The list queries (issue 11): every one called by every role; the id-taking ones also have their `CASES` elsewhere. */
export const CASES: Record<string, Case> = {};

/** A stored payment schedule of Huai'an's contract, so that `paymentSchedules` has a first-tenant row to watch. */
export const setup: Setup = async ({ ids, asOwner }) => {
  const r = await asOwner('mutation ($c: ID!) { recomputeSchedule(contractId: $c) { id } }', { c: ids.contractId });
  const job = r.data?.recomputeSchedule as { id: string } | undefined;
  if (!job) throw new Error(`lists isolation setup failed: ${JSON.stringify(r.errors)}`);
  return { scheduleJobId: job.id };
};

const SHARED_DIRECTORY = 'vendor organisations are a shared supplier directory, not tenant data';
const PUBLIC_REFERENCE = 'presets are public reference data, not tenant data';
const PLATFORM_TENANTS = 'the platform admin manages tenants: their codes and names, none of their data';
const PLATFORM_USERS = 'the platform admin manages every user account (sign-in, disabling), none of their tenant data';

const everyone = (e: ListExpectation): Record<ListCaller, ListExpectation> => ({
  otherTenantAdmin: e,
  otherTenantStaff: e,
  otherTenantFinance: e,
  platformAdmin: e,
  emptyVendor: e,
});

export const LIST_CASES: Record<string, ListCase> = {
  closablePeriods: {
    build: (ids) => ({
      query: 'query ($c: ID!) { closablePeriods(contractId: $c) { id kind } }',
      variables: { c: ids.contractId },
    }),
    // Others are refused the first tenant's contract (NOT_FOUND, checked below and in CASES).
    derived: "the periods are derived from the contract's term and scheme, not rows of the tenant",
  },
  contracts: { build: () => ({ query: '{ contracts { id tenantId code amount } }' }) },
  contractDashboards: { build: () => ({ query: '{ contractDashboards { contractId tenantId } }' }) },
  monthlyReports: {
    build: (ids) => ({
      query: 'query ($c: ID!) { monthlyReports(contractId: $c) { id contractId } }',
      variables: { c: ids.contractId },
    }),
  },
  notifications: { build: () => ({ query: '{ notifications(limit: 500) { id tenantId contractId ticketId } }' }) },
  paymentSchedules: { build: () => ({ query: '{ paymentSchedules { contractId } }' }) },
  periodCloses: {
    build: (ids) => ({
      query: 'query ($c: ID!) { periodCloses(contractId: $c) { id contractId score } }',
      variables: { c: ids.contractId },
    }),
  },
  presets: { build: () => ({ query: '{ presets { id } }' }), expect: everyone({ exempt: PUBLIC_REFERENCE }) },
  procurementPackages: {
    build: (ids) => ({
      query: 'query ($p: ID!) { procurementPackages(projectId: $p) { id name } }',
      variables: { p: ids.extra.procurementProjectId },
    }),
  },
  procurementProjects: { build: () => ({ query: '{ procurementProjects { id tenantId code } }' }) },
  tenants: {
    build: () => ({ query: '{ tenants { id code name } }' }),
    expect: { platformAdmin: { exempt: PLATFORM_TENANTS } },
  },
  ticketSlaHistory: {
    build: (ids) => ({
      query: 'query ($t: ID!) { ticketSlaHistory(ticketId: $t) { id ticketId contractId } }',
      variables: { t: ids.extra.ticketId },
    }),
  },
  tickets: {
    build: (ids) => ({
      query: 'query ($c: ID!) { tickets(contractId: $c) { id tenantId contractId } }',
      variables: { c: ids.contractId },
    }),
  },
  users: {
    build: () => ({ query: '{ users { id tenantId email } }' }),
    expect: { platformAdmin: { exempt: PLATFORM_USERS } },
  },
  vendorOrganizations: {
    build: () => ({ query: '{ vendorOrganizations { id name } }' }),
    // A vendor sees its own organisation only (finding 6b); the buyers and the platform admin read the directory.
    expect: { ...everyone({ exempt: SHARED_DIRECTORY }), emptyVendor: 'own-organisation' },
  },
};
