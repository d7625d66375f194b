import { gqlDocument, type ResultOf, type VariablesOf } from '../../api/graphql-client';

/**
 * A ticket as the board and the detail read it. `provisional` (a target, the SLA) and `stableUntilProvisional`: computed
 * on a provisional calendar year (domain rule 18), the deadline or 稳定期 may move when the year is published (暂定).
 */
const TICKET_FIELDS = gqlDocument(
  `fragment TicketFields on Ticket { id number title state severity category businessArea specialAttention expectedCloseDate extendedTo configVersion
    stableUntil stableUntilProvisional availableActions
  sla { status evaluatedAt calendarVersion configVersion provisional targets { targetId name metric clock status start stop deadline elapsedMinutes
    targetMinutes pausedMinutes breachMinutes percentUsed provisional explanation { code params { name value } } } }
  slaNote events { seq kind at actorSide note data recordedAt } pauses { from to reason approvedBy } }`,
);
export type TicketRow = ResultOf<typeof TICKET_FIELDS>;
export type TicketSlaTarget = NonNullable<TicketRow['sla']>['targets'][number];

/** Tickets per page of the board (the API allows up to 200). */
export const BOARD_PAGE_SIZE = 100;

export const TICKETS_SEARCH = gqlDocument(
  `query TicketsSearch($contractId: ID!, $filter: TicketFilterInput, $first: Int, $after: String) {
    ticketSearch(contractId: $contractId, filter: $filter, first: $first, after: $after) { totalCount hasNextPage endCursor nodes { ...TicketFields } }
    contract(id: $contractId) { id name configuration } }`,
  [TICKET_FIELDS],
);
/** What the board filters on (the API's TicketFilterInput); an absent part does not filter. */
export type TicketFilter = NonNullable<VariablesOf<typeof TICKETS_SEARCH>['filter']>;

export const TRANSITION_TICKET = gqlDocument(
  'mutation TransitionTicket($input: TransitionTicketInput!) { transitionTicket(input: $input) { ...TicketFields } }',
  [TICKET_FIELDS],
);
export type TransitionInput = VariablesOf<typeof TRANSITION_TICKET>['input'];

export const CREATE_TICKET = gqlDocument(
  'mutation CreateTicket($input: CreateTicketInput!) { createTicket(input: $input) { ...TicketFields } }',
  [TICKET_FIELDS],
);
export type CreateTicketInput = VariablesOf<typeof CREATE_TICKET>['input'];

/** The machine's states in lifecycle order (libs/contracts TICKET_STATES); the board's columns follow it. */
export const TICKET_STATES = [
  'submitted',
  'pending-review',
  'effective',
  'received',
  'feedback',
  'in-progress',
  'internal-test',
  'business-test-signed',
  'deployed',
  'stable',
  'closed',
  'unsolvable',
  'withdrawn',
] as const;
export const FINAL_STATES: readonly string[] = ['closed', 'unsolvable', 'withdrawn'];

/** Running, at risk (a running clock at ≥ 75 % of its target, the API's warning threshold), breached, not recorded (the ticket ended without a stop event) or met. */
export type SlaBadge = 'running' | 'at-risk' | 'breached' | 'not_recorded' | 'met' | 'none';

export function atRisk(target: TicketSlaTarget): boolean {
  // percentUsed is a percentage with two decimals (not money): its whole part decides the 75 % threshold.
  const whole = /^\d+/.exec(target.percentUsed)?.[0];
  return target.status === 'running' && whole !== undefined && Number(whole) >= 75;
}

export function slaBadge(ticket: Pick<TicketRow, 'sla'>): SlaBadge {
  if (!ticket.sla) return 'none';
  if (ticket.sla.status === 'breached') return 'breached';
  if (ticket.sla.status === 'running') return ticket.sla.targets.some(atRisk) ? 'at-risk' : 'running';
  return ticket.sla.status === 'not_recorded' ? 'not_recorded' : 'met';
}
