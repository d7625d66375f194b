import type { Case, Setup } from './case';

/** A Huai'an staff member, put on the roster by the vendor holding the contract. */
export const setup: Setup = async ({ ids, asVendor }) => {
  const added = await asVendor('mutation ($i: AddStaffMemberInput!) { addStaffMember(input: $i) { id } }', {
    i: { contractId: ids.contractId, personId: 'ISO-PM', name: '隔离测试', roleId: 'pm', fromDate: '2025-07-01' },
  });
  const staffMemberId = (added.data?.addStaffMember as { id: string } | undefined)?.id;
  if (!staffMemberId) throw new Error(`staffing isolation setup failed: ${JSON.stringify(added.errors)}`);
  return { staffMemberId };
};

const BOTH: Case['expect'] = { otherTenant: 'NOT_FOUND', otherVendor: 'NOT_FOUND' };

export const CASES: Record<string, Case> = {
  staffRoster: {
    build: (ids) => ({
      query: 'query ($c: ID!) { staffRoster(contractId: $c) { members { id name } } }',
      variables: { c: ids.contractId },
    }),
    expect: BOTH,
  },
  addStaffMember: {
    build: (ids) => ({
      query: 'mutation ($i: AddStaffMemberInput!) { addStaffMember(input: $i) { id } }',
      variables: {
        i: { contractId: ids.contractId, personId: 'INTRUDER', name: 'x', roleId: 'ops', fromDate: '2026-01-05' },
      },
    }),
    expect: BOTH,
  },
  recordReplacement: {
    build: (ids) => ({
      query: 'mutation ($i: RecordReplacementInput!) { recordReplacement(input: $i) { id } }',
      variables: {
        i: {
          contractId: ids.contractId,
          oldMemberId: ids.extra.staffMemberId,
          newPersonId: 'INTRUDER',
          newName: 'x',
          appliedOn: '2026-03-02',
          changeOn: '2026-04-01',
        },
      },
    }),
    expect: BOTH,
  },
};
