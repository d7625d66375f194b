import { getPreset } from '../../../libs/contracts/src';
import type { Case } from './case';

const SHARED_DIRECTORY = 'vendor organisations are a shared supplier directory, not tenant data';
const PUBLIC_REFERENCE =
  'presets and simulations are public reference operations over the seed contracts, not tenant data';

/** Tenants, vendor organisations, users, contracts and the public reference operations. */
export const CASES: Record<string, Case> = {
  contract: {
    build: (ids) => ({
      query: 'query ($id: ID!) { contract(id: $id) { id code amount } }',
      variables: { id: ids.contractId },
    }),
    expect: { otherTenant: 'NOT_FOUND', otherVendor: 'NOT_FOUND', platformAdmin: 'NOT_FOUND' },
  },
  contractSearch: {
    // The agency filter names the first tenant: to anyone who does not read it, NOT_FOUND (not an empty page).
    build: (ids) => ({
      query: 'query ($t: ID!) { contractSearch(filter: { tenantIds: [$t] }) { totalCount nodes { id code amount } } }',
      variables: { t: ids.tenantId },
    }),
    expect: { otherTenant: 'NOT_FOUND', otherVendor: 'NOT_FOUND' },
  },
  updateContractConfiguration: {
    build: (ids) => ({
      query: 'mutation ($i: UpdateContractConfigurationInput!) { updateContractConfiguration(input: $i) { id } }',
      variables: {
        i: { contractId: ids.contractId, configuration: getPreset('huaian-2025-2026').config, changeNote: 'hijack' },
      },
    }),
    expect: { otherTenant: 'NOT_FOUND', otherVendor: 'NOT_FOUND', platformAdmin: 'NOT_FOUND' },
  },
  vendorOrganization: {
    build: (ids) => ({
      query: 'query ($id: ID!) { vendorOrganization(id: $id) { id name } }',
      variables: { id: ids.vendorOrgId },
    }),
    expect: { otherTenant: { exempt: SHARED_DIRECTORY }, otherVendor: 'NOT_FOUND' },
  },
  createContract: {
    build: (ids) => ({
      query: 'mutation ($i: CreateContractInput!) { createContract(input: $i) { id } }',
      variables: { i: { code: 'ISO-1', name: 'x', vendorOrgId: ids.vendorOrgId, presetId: 'beijing-2020' } },
    }),
    // A buyer may contract any supplier of the directory; a vendor may not create contracts at all.
    expect: { otherTenant: { exempt: SHARED_DIRECTORY }, otherVendor: 'FORBIDDEN' },
  },
  createUser: {
    build: (ids) => ({
      query: 'mutation ($i: CreateUserInput!) { createUser(input: $i) { id } }',
      variables: {
        i: {
          email: 'intruder@demo.local',
          password: 'long-enough-password',
          displayName: 'x',
          role: 'buyer-admin',
          tenantId: ids.tenantId,
        },
      },
    }),
    // A buyer admin adds users to its own tenant only: another tenant's id is NOT_FOUND; vendors never add users.
    expect: { otherTenant: 'NOT_FOUND', otherVendor: 'FORBIDDEN' },
  },
  preset: {
    build: () => ({ query: '{ preset(id: "huaian-2025-2026") { id } }' }),
    expect: { otherTenant: { exempt: PUBLIC_REFERENCE }, otherVendor: { exempt: PUBLIC_REFERENCE } },
  },
  simulateSettlement: {
    build: () => ({
      query:
        '{ simulateSettlement(input: { presetId: "tianjin-2026-p8", asOf: "2026-12-31" }) { schedule { vendorBalanceOwed } } }',
    }),
    expect: { otherTenant: { exempt: PUBLIC_REFERENCE }, otherVendor: { exempt: PUBLIC_REFERENCE } },
  },
};
