import type { Case, Setup } from './case';

/** A Huai'an ticket, submitted and received (its SLA results are stored by the ticket-sla job; warnings may follow). */
export const setup: Setup = async ({ ids, asOwner, asVendor }) => {
  const created = await asOwner('mutation ($i: CreateTicketInput!) { createTicket(input: $i) { id } }', {
    i: {
      contractId: ids.contractId,
      number: 'ISO-N-1',
      category: '软件错误',
      severity: 'L2',
      at: '2026-03-03T09:00:00+08:00',
    },
  });
  const slaTicketId = (created.data?.createTicket as { id: string } | undefined)?.id;
  if (!slaTicketId) throw new Error(`notifications isolation setup failed: ${JSON.stringify(created.errors)}`);
  await asOwner('mutation ($i: TransitionTicketInput!) { transitionTicket(input: $i) { id } }', {
    i: { ticketId: slaTicketId, action: 'confirm', at: '2026-03-03T09:10:00+08:00' },
  });
  const received = await asVendor('mutation ($i: TransitionTicketInput!) { transitionTicket(input: $i) { state } }', {
    i: { ticketId: slaTicketId, action: 'receive', at: '2026-03-03T09:20:00+08:00' },
  });
  if ((received.data?.transitionTicket as { state: string } | undefined)?.state !== 'received')
    throw new Error(`notifications isolation setup: receive failed ${JSON.stringify(received.errors)}`);
  return { slaTicketId };
};

const BOTH: Case['expect'] = { otherTenant: 'NOT_FOUND', otherVendor: 'NOT_FOUND' };

export const CASES: Record<string, Case> = {
  notifications: {
    build: (ids) => ({
      query: 'query ($c: ID) { notifications(contractId: $c) { id message details } }',
      variables: { c: ids.contractId },
    }),
    expect: BOTH,
  },
  ticketSlaHistory: {
    build: (ids) => ({
      query: 'query ($id: ID!) { ticketSlaHistory(ticketId: $id) { id status targets } }',
      variables: { id: ids.extra.slaTicketId },
    }),
    expect: BOTH,
  },
};
