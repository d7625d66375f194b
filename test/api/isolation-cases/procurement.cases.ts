import { getPreset } from '../../../libs/contracts/src';
import type { Case, Setup } from './case';

/**
 * Procurement: every row is the buyer tenant's alone (RLS admits no vendor). Reads by id answer NOT_FOUND to
 * another tenant and to a vendor. Writes answer NOT_FOUND to another tenant's buyer admin (the package or
 * project is looked up under its own tenant and is not there) and FORBIDDEN to a vendor: a vendor may never
 * record procurement, which is decided from the role before any lookup.
 */
const P8 = getPreset('tianjin-2026-p8').config.procurement;
const FLAWS = { S1: 0, S2: 0, S3: 0, S4: 0, S5: 0, S6: 0 };
const OBJECTIVE = { O1: 1, O2: 1, O3: 1, O4: 1, O5: 1, O6: true };

/** A Huai'an project with one package (P8's scheme as JSON: Huai'an holds no procurement preset) and one bid. */
export const setup: Setup = async ({ asOwner }) => {
  const project = await asOwner(
    'mutation { createProcurementProject(input: { code: "HA-PROC-1", name: "淮安采购演示" }) { id } }',
  );
  const projectId = (project.data?.createProcurementProject as { id: string }).id;
  const pkg = await asOwner('mutation ($i: AddProcurementPackageInput!) { addProcurementPackage(input: $i) { id } }', {
    i: { projectId, number: 1, name: '淮安演示包', budget: '50000.00', scheme: P8 },
  });
  const packageId = (pkg.data?.addProcurementPackage as { id: string }).id;
  const bid = await asOwner('mutation ($i: RecordBidInput!) { recordBid(input: $i) { id } }', {
    i: { packageId, bidderName: '淮安投标人', price: '45000.00', smallOrMicro: false, objective: OBJECTIVE },
  });
  const bidId = (bid.data?.recordBid as { id: string }).id;
  await asOwner('mutation ($i: RecordEvaluatorSheetInput!) { recordEvaluatorSheet(input: $i) { id } }', {
    i: { packageId, evaluator: '评委甲', bidId, items: FLAWS },
  });
  return { procurementProjectId: projectId, procurementPackageId: packageId, procurementBidId: bidId };
};

export const CASES: Record<string, Case> = {
  procurementPackage: {
    build: (ids) => ({
      query: 'query ($id: ID!) { procurementPackage(id: $id) { id budget bids { price } } }',
      variables: { id: ids.extra.procurementPackageId },
    }),
    expect: { otherTenant: 'NOT_FOUND', otherVendor: 'NOT_FOUND' },
  },
  procurementPackages: {
    build: (ids) => ({
      query: 'query ($id: ID!) { procurementPackages(projectId: $id) { id name } }',
      variables: { id: ids.extra.procurementProjectId },
    }),
    expect: { otherTenant: 'NOT_FOUND', otherVendor: 'NOT_FOUND' },
  },
  packageRanking: {
    build: (ids) => ({
      query: 'query ($id: ID!) { packageRanking(packageId: $id) { ranking { bidId total } } }',
      variables: { id: ids.extra.procurementPackageId },
    }),
    expect: { otherTenant: 'NOT_FOUND', otherVendor: 'NOT_FOUND' },
  },
  addProcurementPackage: {
    build: (ids) => ({
      query: 'mutation ($i: AddProcurementPackageInput!) { addProcurementPackage(input: $i) { id } }',
      variables: {
        i: { projectId: ids.extra.procurementProjectId, number: 2, name: 'hijack', presetId: 'tianjin-2026-p8' },
      },
    }),
    // Vendor: FORBIDDEN from the role, before the project is looked up.
    expect: { otherTenant: 'NOT_FOUND', otherVendor: 'FORBIDDEN' },
  },
  recordBid: {
    build: (ids) => ({
      query: 'mutation ($i: RecordBidInput!) { recordBid(input: $i) { id } }',
      variables: {
        i: {
          packageId: ids.extra.procurementPackageId,
          bidderName: 'hijack',
          price: '1.00',
          smallOrMicro: false,
          objective: OBJECTIVE,
        },
      },
    }),
    expect: { otherTenant: 'NOT_FOUND', otherVendor: 'FORBIDDEN' },
  },
  recordEvaluatorSheet: {
    build: (ids) => ({
      query: 'mutation ($i: RecordEvaluatorSheetInput!) { recordEvaluatorSheet(input: $i) { id } }',
      variables: {
        i: {
          packageId: ids.extra.procurementPackageId,
          evaluator: 'hijack',
          bidId: ids.extra.procurementBidId,
          items: FLAWS,
        },
      },
    }),
    expect: { otherTenant: 'NOT_FOUND', otherVendor: 'FORBIDDEN' },
  },
};
