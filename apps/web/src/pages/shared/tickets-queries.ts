import { gqlDocument } from '../../api/graphql-client';
import type { SlaExplanationData } from './ticket-sla-format';

export type TicketSlaTarget = {
  targetId: string;
  name: string;
  metric: string;
  clock: string;
  status: string;
  start: string;
  stop: string | null;
  deadline: string;
  elapsedMinutes: number;
  targetMinutes: number;
  pausedMinutes: number;
  breachMinutes: number;
  percentUsed: string;
  explanation: SlaExplanationData;
  /** Computed on a provisional calendar year (domain rule 18): the deadline may change when the year is published. */
  provisional: boolean;
};
export type TicketEvent = { seq: number; kind: string; at: string; actorSide: string; note: string | null; data: unknown; recordedAt: string };
export type TicketRow = {
  id: string;
  number: string;
  title: string | null;
  state: string;
  severity: string;
  category: string;
  businessArea: string | null;
  specialAttention: boolean;
  expectedCloseDate: string | null;
  extendedTo: string | null;
  configVersion: number;
  stableUntil: string | null;
  /** stableUntil lies in a provisional calendar year: 暂定. */
  stableUntilProvisional: boolean;
  availableActions: string[];
  sla: { status: string; evaluatedAt: string; calendarVersion: string; configVersion: number; targets: TicketSlaTarget[]; provisional: boolean } | null;
  slaNote: string | null;
  events: TicketEvent[];
  pauses: { from: string; to: string; reason: string; approvedBy: string }[];
};

const TICKET_FIELDS = `id number title state severity category businessArea specialAttention expectedCloseDate extendedTo configVersion stableUntil stableUntilProvisional availableActions
  sla { status evaluatedAt calendarVersion configVersion provisional targets { targetId name metric clock status start stop deadline elapsedMinutes targetMinutes pausedMinutes breachMinutes percentUsed provisional explanation { code params { name value } } } }
  slaNote events { seq kind at actorSide note data recordedAt } pauses { from to reason approvedBy }`;


/** What the board filters on (the API's TicketFilterInput); an absent part does not filter. */
export type TicketFilter = { states?: string[]; severities?: string[]; specialAttention?: boolean; overdue?: boolean; text?: string };
export type TicketPage = { totalCount: number; hasNextPage: boolean; endCursor: string | null; nodes: TicketRow[] };
/** Tickets per page of the board (the API allows up to 200). */
export const BOARD_PAGE_SIZE = 100;

export const TICKETS_SEARCH = gqlDocument<
  { ticketSearch: TicketPage; contract: { id: string; name: string; configuration: unknown } },
  { contractId: string; filter: TicketFilter; first: number; after?: string }
>(
  `query TicketsSearch($contractId: ID!, $filter: TicketFilterInput, $first: Int, $after: String) {
    ticketSearch(contractId: $contractId, filter: $filter, first: $first, after: $after) { totalCount hasNextPage endCursor nodes { ${TICKET_FIELDS} } }
    contract(id: $contractId) { id name configuration } }`,
);

export type TransitionInput = {
  ticketId: string;
  action: string;
  at?: string;
  reason?: string;
  note?: string;
  solvable?: boolean;
  plannedTestDate?: string;
  affectsSettlement?: boolean;
  date?: string;
  from?: string;
  to?: string;
  checklist?: unknown;
};

export const TRANSITION_TICKET = gqlDocument<{ transitionTicket: TicketRow }, { input: TransitionInput }>(
  `mutation TransitionTicket($input: TransitionTicketInput!) { transitionTicket(input: $input) { ${TICKET_FIELDS} } }`,
);

export type CreateTicketInput = {
  contractId: string;
  category: string;
  severity: string;
  businessArea?: string;
  title?: string;
  number?: string;
  specialAttention?: boolean;
  expectedCloseDate?: string;
  at?: string;
};

export const CREATE_TICKET = gqlDocument<{ createTicket: TicketRow }, { input: CreateTicketInput }>(
  `mutation CreateTicket($input: CreateTicketInput!) { createTicket(input: $input) { ${TICKET_FIELDS} } }`,
);

/** The machine's states in lifecycle order (libs/contracts TICKET_STATES); the board's columns follow it. */
export const TICKET_STATES = ['submitted', 'pending-review', 'effective', 'received', 'feedback', 'in-progress', 'internal-test', 'business-test-signed', 'deployed', 'stable', 'closed', 'unsolvable', 'withdrawn'] as const;
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
