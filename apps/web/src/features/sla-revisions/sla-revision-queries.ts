import { gqlDocument, type ResultOf } from '../../api/graphql-client';

export const SLA_REVISIONS = gqlDocument(
  `query SlaRevisions($id: ID!) { slaRevisions(contractId: $id) { contractId currentVersion openOnOlderVersions
    revisions { id toVersion reason requestedByName requestedAt status moved kept changed finishedAt } } }`,
);
export type SlaRevisions = ResultOf<typeof SLA_REVISIONS>['slaRevisions'];

export const ADOPT_SLA_REVISION = gqlDocument(
  `mutation AdoptSlaRevision($input: AdoptSlaRevisionInput!) { adoptSlaRevision(input: $input) { id status } }`,
);
