import type { Case, Setup } from './case';

/** A Huai'an ticket, submitted by Huai'an's buyer admin, made effective and received by the vendor holding the contract. */
export const setup: Setup = async ({ ids, asOwner, asVendor, postAsOwner }) => {
  const created = await asOwner('mutation ($i: CreateTicketInput!) { createTicket(input: $i) { id } }', {
    i: {
      contractId: ids.contractId,
      number: 'ISO-T-1',
      category: '软件错误',
      severity: 'L2',
      at: '2026-03-02T09:00:00+08:00',
    },
  });
  const ticketId = (created.data?.createTicket as { id: string } | undefined)?.id;
  if (!ticketId) throw new Error(`tickets isolation setup failed: ${JSON.stringify(created.errors)}`);
  await asOwner('mutation ($i: TransitionTicketInput!) { transitionTicket(input: $i) { id } }', {
    i: { ticketId, action: 'confirm', at: '2026-03-02T09:10:00+08:00' },
  });
  const received = await asVendor('mutation ($i: TransitionTicketInput!) { transitionTicket(input: $i) { state } }', {
    i: { ticketId, action: 'receive', at: '2026-03-02T09:20:00+08:00' },
  });
  if ((received.data?.transitionTicket as { state: string } | undefined)?.state !== 'received')
    throw new Error(`tickets isolation setup: receive failed ${JSON.stringify(received.errors)}`);
  // A ticket import of Huai'an's, made through its upload route (the import job's outcome does not matter here).
  const csv = Buffer.from('编号,类别,级别,提交时间\nISO-I-1,软件错误,L2,2026-03-03T09:00:00+08:00\n', 'utf8');
  const uploaded = await postAsOwner(`/imports/tickets?contractId=${ids.contractId}`, 'text/csv', csv);
  const ticketImportId = uploaded.body.id;
  if (uploaded.status !== 202 || typeof ticketImportId !== 'string')
    throw new Error(`tickets isolation setup: upload failed ${JSON.stringify(uploaded)}`);
  // The owner sees it, so another tenant's NOT_FOUND below is a wall, not a missing row.
  const seen = await asOwner('query ($id: ID!) { ticketImport(id: $id) { id } }', { id: ticketImportId });
  if (!seen.data?.ticketImport)
    throw new Error(`tickets isolation setup: the owner cannot read its import ${JSON.stringify(seen.errors)}`);
  return { ticketId, ticketImportId };
};

export const CASES: Record<string, Case> = {
  tickets: {
    build: (ids) => ({
      query: 'query ($c: ID!) { tickets(contractId: $c) { id number } }',
      variables: { c: ids.contractId },
    }),
    expect: { otherTenant: 'NOT_FOUND', otherVendor: 'NOT_FOUND' },
  },
  ticketSearch: {
    build: (ids) => ({
      query: 'query ($c: ID!) { ticketSearch(contractId: $c, first: 5) { totalCount nodes { id number } } }',
      variables: { c: ids.contractId },
    }),
    expect: { otherTenant: 'NOT_FOUND', otherVendor: 'NOT_FOUND' },
  },
  ticket: {
    build: (ids) => ({
      query: 'query ($id: ID!) { ticket(id: $id) { id number events { kind } } }',
      variables: { id: ids.extra.ticketId },
    }),
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
    build: (ids) => ({
      query: 'query ($id: ID!) { ticketImport(id: $id) { id status } }',
      variables: { id: ids.extra.ticketImportId },
    }),
    expect: { otherTenant: 'NOT_FOUND', otherVendor: 'NOT_FOUND' },
  },
};
