import { gqlDocument } from '../../api/graphql-client';
import { EXPLANATION_FIELDS, type ExplanationView } from './explanation-text';

/** The fields of `ContractDashboardModel` the overview and the contract page show (money and scores as strings). */
export type SlaCounts = { compliancePercent: string | null; met: number; breached: number; notRecorded: number; running: number; atRisk: number; overdue: number };
export type SeverityTiles = SlaCounts & { severity: string; targets: (SlaCounts & { targetId: string; name: string })[] };
export type ContractDashboard = {
  contractId: string;
  contractCode: string;
  contractName: string;
  asOf: string;
  openBreaches: number;
  sla: SlaCounts & { month: string; severities: SeverityTiles[] };
  lastConfirmedClose: { period: string; score: string | null; grade: string | null; confirmedAt: string } | null;
  nextPayment: { label: string; dueDate: string | null; net: string; outstanding: string; status: string } | null;
  notifications: { total: number; warning: number; critical: number };
  obligations: ObligationsDue;
};
/** The obligations checklist of the dashboard month, counted by status (a separate resolver of the API). */
export type ObligationsDue = {
  month: string;
  asOf: string;
  reportStatus: string | null;
  due: number;
  met: number;
  late: number;
  missing: number;
  pending: number;
  nextDueDate: string | null;
  problem: string | null;
  problemExplanation?: ExplanationView | null;
  /** Computed on a provisional calendar year (domain rule 18); the note says which, as code + params. */
  provisional?: boolean;
  calendarNoteExplanation?: ExplanationView | null;
};

const COUNTS = 'compliancePercent met breached notRecorded running atRisk overdue';
const DASHBOARD_FIELDS = `contractId contractCode contractName asOf openBreaches
  sla { month ${COUNTS} severities { severity ${COUNTS} targets { targetId name ${COUNTS} } } }
  lastConfirmedClose { period score grade confirmedAt }
  nextPayment { label dueDate net outstanding status }
  notifications { total warning critical }
  obligations { month asOf reportStatus due met late missing pending nextDueDate problem problemExplanation { ${EXPLANATION_FIELDS} } provisional calendarNoteExplanation { ${EXPLANATION_FIELDS} } }`;

/** What the contract lists filter on (the API's ContractFilterInput); an absent part does not filter. */
export type ContractFilter = { text?: string; termStates?: string[]; tenantIds?: string[]; openBreaches?: boolean };
export type ContractListRow = { id: string; code: string; name: string; tenantName: string | null; amount: string; termStart: string; termEnd: string };
export type ContractListPage = { totalCount: number; hasNextPage: boolean; endCursor: string | null; nodes: ContractListRow[]; dashboards: ContractDashboard[]; agencies?: { id: string; name: string }[] };
/** Where a term stands today, as the API's filter names it. */
export const TERM_STATES = ['upcoming', 'active', 'ended'] as const;
/** Contracts per page of the lists (the API allows up to 200). */
export const CONTRACTS_PAGE_SIZE = 20;

/**
 * A page of the contract lists (contractSearch: which contracts, in which order) with each one's tiles (the same
 * figures as contractDashboards, for this page only); the agencies to filter by when `agencies` is true.
 */
export const CONTRACT_SEARCH = gqlDocument<
  { contractSearch: ContractListPage },
  { filter: ContractFilter; first: number; after?: string; month: string | null; agencies: boolean }
>(
  `query ContractSearch($filter: ContractFilterInput, $first: Int, $after: String, $month: String, $agencies: Boolean!) {
    contractSearch(filter: $filter, first: $first, after: $after) {
      totalCount hasNextPage endCursor
      nodes { id code name tenantName amount termStart termEnd }
      dashboards(month: $month) { ${DASHBOARD_FIELDS} }
      agencies @include(if: $agencies) { id name } } }`,
);

export const CONTRACT_DASHBOARD = gqlDocument<{ contractDashboard: ContractDashboard; contract: { id: string; amount: string; termStart: string; termEnd: string; configuration: unknown } }, { id: string; month: string | null }>(
  `query ContractDashboard($id: ID!, $month: String) { contractDashboard(contractId: $id, month: $month) { ${DASHBOARD_FIELDS} } contract(id: $id) { id amount termStart termEnd configuration } }`,
);
