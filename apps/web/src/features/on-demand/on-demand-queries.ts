import { gqlDocument, type ResultOf } from '../../api/graphql-client';
import { EXPLANATION_FIELDS } from '../../components/explanation-text';

export const ON_DEMAND_REGISTER = gqlDocument(
  `query OnDemandRegister($id: ID!) { onDemandRegister(contractId: $id) { contractId asOf obligations { obligationId
    label occurrence from to capacity respondWithinDays called served late missed pending beyondCapacity status
    explained { ...ExplanationFields } calls { id obligationId calledOn dueOn subject status servedOn serviceEvidence } } } }`,
  [EXPLANATION_FIELDS],
);
export type OnDemandRegister = ResultOf<typeof ON_DEMAND_REGISTER>['onDemandRegister'];
export type OnDemandRow = OnDemandRegister['obligations'][number];
export type OnDemandCallView = OnDemandRow['calls'][number];

export const RECORD_ON_DEMAND_CALL = gqlDocument(
  `mutation RecordOnDemandCall($input: RecordOnDemandCallInput!) { recordOnDemandCall(input: $input) { id obligationId calledOn dueOn subject status servedOn serviceEvidence } }`,
);

export const SERVE_ON_DEMAND_CALL = gqlDocument(
  `mutation ServeOnDemandCall($input: ServeOnDemandCallInput!) { serveOnDemandCall(input: $input) { id obligationId calledOn dueOn subject status servedOn serviceEvidence } }`,
);
