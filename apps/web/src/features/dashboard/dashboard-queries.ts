import { gqlDocument, type ResultOf, type VariablesOf } from '../../api/graphql-client';
import { EXPLANATION_FIELDS } from '../../components/explanation-text';

/**
 * The fields of `ContractDashboard` the overview and the contract page show (money and scores as strings). The
 * obligations are the checklist of the dashboard month counted by status; `provisional`: computed on a provisional
 * calendar year (domain rule 18), the note says which, as code + params.
 */
const DASHBOARD_FIELDS = gqlDocument(
  `fragment DashboardFields on ContractDashboard { contractId contractCode contractName asOf openBreaches
  sla { month compliancePercent met breached notRecorded running atRisk overdue
    severities { severity severityName compliancePercent met breached notRecorded running atRisk overdue
      targets { targetId name compliancePercent met breached notRecorded running atRisk overdue } } }
  lastConfirmedClose { period score grade confirmedAt }
  nextPayment { label dueDate net outstanding status }
  notifications { total warning critical }
  obligations { month asOf reportStatus due met late missing pending nextDueDate problem problemExplanation { ...ExplanationFields } provisional
    calendarNoteExplanation { ...ExplanationFields } } }`,
  [EXPLANATION_FIELDS],
);
export type ContractDashboard = ResultOf<typeof DASHBOARD_FIELDS>;
export type SeverityTiles = ContractDashboard['sla']['severities'][number];
export type ObligationsDue = ContractDashboard['obligations'];

/**
 * A page of the contract lists (contractSearch: which contracts, in which order) with each one's tiles (the same
 * figures as contractDashboards, for this page only); the agencies to filter by when `agencies` is true.
 */
export const CONTRACT_SEARCH = gqlDocument(
  `query ContractSearch($filter: ContractFilterInput, $first: Int, $after: String, $month: String, $agencies: Boolean!) {
    contractSearch(filter: $filter, first: $first, after: $after) {
      totalCount hasNextPage endCursor
      nodes { id code name tenantName amount termStart termEnd }
      dashboards(month: $month) { ...DashboardFields }
      agencies @include(if: $agencies) { id name } } }`,
  [DASHBOARD_FIELDS],
);
export type ContractListPage = ResultOf<typeof CONTRACT_SEARCH>['contractSearch'];
/** What the contract lists filter on (the API's ContractFilterInput); an absent part does not filter. */
export type ContractFilter = NonNullable<VariablesOf<typeof CONTRACT_SEARCH>['filter']>;

export const CONTRACT_DASHBOARD = gqlDocument(
  `query ContractDashboard($id: ID!, $month: String) { contractDashboard(contractId: $id, month: $month) { ...DashboardFields } contract(id: $id) { id
    amount termStart termEnd } }`,
  [DASHBOARD_FIELDS],
);

/** Where a term stands today, as the API's filter names it. */
export const TERM_STATES = ['upcoming', 'active', 'ended'] as const;
/** Contracts per page of the lists (the API allows up to 200). */
export const CONTRACTS_PAGE_SIZE = 20;
