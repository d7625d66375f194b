import type { Case, Setup } from './case';

/** A Huai'an ticket, submitted by Huai'an's buyer admin, made effective and received by the vendor holding the contract. */
export const setup: Setup = async ({ ids, asOwner, asVendor }) => {
  const created = await asOwner('mutation ($i: CreateTicketInput!) { createTicket(input: $i) { id } }', {
    i: { contractId: ids.contractId, number: 'ISO-T-1', category: '软件错误', severity: 'L2', at: '2026-03-02T09:00:00+08:00' },
  });
  const ticketId = (created.data?.createTicket as { id: string } | undefined)?.id;
  if (!ticketId) throw new Error(`tickets isolation setup failed: ${JSON.stringify(created.errors)}`);
  await asOwner('mutation ($i: TransitionTicketInput!) { transitionTicket(input: $i) { id } }', { i: { ticketId, action: 'confirm', at: '2026-03-02T09:10:00+08:00' } });
  const received = await asVendor('mutation ($i: TransitionTicketInput!) { transitionTicket(input: $i) { state } }', { i: { ticketId, action: 'receive', at: '2026-03-02T09:20:00+08:00' } });
  if ((received.data?.transitionTicket as { state: string } | undefined)?.state !== 'received') throw new Error(`tickets isolation setup: receive failed ${JSON.stringify(received.errors)}`);
  return { ticketId };
};

export const CASES: Record<string, Case> = {
  tickets: {
    build: (ids) => ({ query: 'query ($c: ID!) { tickets(contractId: $c) { id number } }', variables: { c: ids.contractId } }),
    expect: { otherTenant: 'NOT_FOUND', otherVendor: 'NOT_FOUND' },
  },
  ticket: {
    build: (ids) => ({ query: 'query ($id: ID!) { ticket(id: $id) { id number events { kind } } }', variables: { id: ids.extra.ticketId } }),
    expect: { otherTenant: 'NOT_FOUND', otherVendor: 'NOT_FOUND' },
  },
  createTicket: {
    build: (ids) => ({
      query: 'mutation ($i: CreateTicketInput!) { createTicket(input: $i) { id } }',
      variables: { i: { contractId: ids.contractId, number: 'ISO-T-X', category: '软件错误', severity: 'L2' } },
    }),
    expect: { otherTenant: 'NOT_FOUND', otherVendor: 'NOT_FOUND' },
  },
  transitionTicket: {
    build: (ids) => ({
      query: 'mutation ($i: TransitionTicketInput!) { transitionTicket(input: $i) { id state } }',
      variables: { i: { ticketId: ids.extra.ticketId, action: 'feedback', solvable: true } },
    }),
    expect: { otherTenant: 'NOT_FOUND', otherVendor: 'NOT_FOUND' },
  },
  ticketImport: {
    // An import exists only through the REST upload (POST /imports/tickets), which a setup (GraphQL calls) cannot make.
    // test/api/ticket-import.e2e.spec.ts uploads one for Huai'an and checks both: another tenant's buyer and a vendor get
    // NOT_FOUND from ticketImport(id), and another tenant's buyer uploading to Huai'an's contract gets 404.
    build: (ids) => ({ query: 'query ($id: ID!) { ticketImport(id: $id) { id status } }', variables: { id: ids.contractId } }),
    expect: {
      otherTenant: { exempt: 'no import can be made in a GraphQL setup; cross-tenant reads and uploads are tested in ticket-import.e2e.spec.ts' },
      otherVendor: { exempt: 'no import can be made in a GraphQL setup; vendor reads are tested in ticket-import.e2e.spec.ts' },
    },
  },
};
