import type { Case, Setup } from './case';

/** A Huai'an monthly report of 2026-09, drafted and submitted by the vendor holding the contract. */
export const setup: Setup = async ({ ids, asVendor }) => {
  const saved = await asVendor('mutation ($i: SaveMonthlyReportInput!) { saveMonthlyReport(input: $i) { id } }', {
    i: {
      contractId: ids.contractId,
      month: '2026-09',
      report: { attendance: [{ personId: 'ISO-1', roleId: 'pm', daysPresent: 10 }] },
    },
  });
  const monthlyReportId = (saved.data?.saveMonthlyReport as { id: string } | undefined)?.id;
  if (!monthlyReportId) throw new Error(`reports isolation setup failed: ${JSON.stringify(saved.errors)}`);
  const submitted = await asVendor('mutation ($id: ID!) { submitMonthlyReport(reportId: $id) { status } }', {
    id: monthlyReportId,
  });
  if ((submitted.data?.submitMonthlyReport as { status: string } | undefined)?.status !== 'submitted')
    throw new Error(`reports isolation setup: submit failed ${JSON.stringify(submitted.errors)}`);
  return { monthlyReportId };
};

const BOTH: Case['expect'] = { otherTenant: 'NOT_FOUND', otherVendor: 'NOT_FOUND' };

export const CASES: Record<string, Case> = {
  monthlyReports: {
    build: (ids) => ({
      query: 'query ($c: ID!) { monthlyReports(contractId: $c) { id month } }',
      variables: { c: ids.contractId },
    }),
    expect: BOTH,
  },
  monthlyReport: {
    build: (ids) => ({
      query: 'query ($id: ID!) { monthlyReport(id: $id) { id report } }',
      variables: { id: ids.extra.monthlyReportId },
    }),
    expect: BOTH,
  },
  saveMonthlyReport: {
    build: (ids) => ({
      query: 'mutation ($i: SaveMonthlyReportInput!) { saveMonthlyReport(input: $i) { id } }',
      variables: { i: { contractId: ids.contractId, month: '2026-08', report: { attendance: [] } } },
    }),
    expect: BOTH,
  },
  submitMonthlyReport: {
    build: (ids) => ({
      query: 'mutation ($id: ID!) { submitMonthlyReport(reportId: $id) { id } }',
      variables: { id: ids.extra.monthlyReportId },
    }),
    expect: BOTH,
  },
  acceptMonthlyReport: {
    build: (ids) => ({
      query: 'mutation ($id: ID!) { acceptMonthlyReport(reportId: $id) { id } }',
      variables: { id: ids.extra.monthlyReportId },
    }),
    expect: BOTH,
  },
  returnMonthlyReport: {
    build: (ids) => ({
      query: 'mutation ($id: ID!) { returnMonthlyReport(reportId: $id, comment: "hijack") { id } }',
      variables: { id: ids.extra.monthlyReportId },
    }),
    expect: BOTH,
  },
};
