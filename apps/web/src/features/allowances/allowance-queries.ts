import { gqlDocument, type ResultOf } from '../../api/graphql-client';
import { EXPLANATION_FIELDS } from '../../components/explanation-text';

export const ALLOWANCE_REGISTER = gqlDocument(
  `query AllowanceRegister($id: ID!) { allowanceRegister(contractId: $id) { contractId asOf
    usage { allowanceId description unit per free scope amount used remaining percent level beyond
      explained { ...ExplanationFields } }
    work { id allowanceId ticketId ticketNumber workedOn amount description beyond } } }`,
  [EXPLANATION_FIELDS],
);
export type AllowanceRegister = ResultOf<typeof ALLOWANCE_REGISTER>['allowanceRegister'];

export const LOG_ALLOWANCE_WORK = gqlDocument(
  `mutation LogAllowanceWork($input: LogAllowanceWorkInput!) { logAllowanceWork(input: $input) { contractId } }`,
);

/** Tickets to pick the request from: the first 20 matching what was typed (number or title). */
export const ALLOWANCE_TICKETS = gqlDocument(
  `query AllowanceTickets($id: ID!, $text: String) { ticketSearch(contractId: $id, first: 20, filter: { text: $text }) {
    nodes { id number title } } }`,
);
