import { gqlDocument, type ResultOf } from '../../api/graphql-client';
import { EXPLANATION_FIELDS } from '../../components/explanation-text';

export const TICKET_KPIS = gqlDocument(
  `query TicketKpis($contractId: ID!, $period: String!) { ticketKpis(contractId: $contractId, period: $period) {
    contractId period asOf kpis { kpiId name metric minPercent periodId periodStart periodEnd counted achieved open
    rate meets short shortMore explained { ...ExplanationFields } } } }`,
  [EXPLANATION_FIELDS],
);
export type TicketKpis = ResultOf<typeof TICKET_KPIS>['ticketKpis'];
