import type { Case, Setup } from './case';

/** A CSV export of Huai'an's contract, requested by its buyer admin (it fails later for want of a stored schedule; the row is what matters). */
export const setup: Setup = async ({ ids, asOwner }) => {
  const r = await asOwner('mutation ($i: RequestExportInput!) { requestExport(input: $i) { id } }', {
    i: { contractId: ids.contractId, format: 'CSV' },
  });
  const exportId = (r.data?.requestExport as { id: string } | undefined)?.id;
  if (!exportId) throw new Error(`exports isolation setup failed: ${JSON.stringify(r.errors)}`);
  return { exportId };
};

const BOTH: Case['expect'] = { otherTenant: 'NOT_FOUND', otherVendor: 'NOT_FOUND' };

export const CASES: Record<string, Case> = {
  requestExport: {
    build: (ids) => ({
      query: 'mutation ($i: RequestExportInput!) { requestExport(input: $i) { id status } }',
      variables: { i: { contractId: ids.contractId, format: 'XLSX' } },
    }),
    expect: BOTH,
  },
  export: {
    build: (ids) => ({
      query: 'query ($id: ID!) { export(id: $id) { id status fileName downloadPath } }',
      variables: { id: ids.extra.exportId },
    }),
    expect: BOTH,
  },
};
