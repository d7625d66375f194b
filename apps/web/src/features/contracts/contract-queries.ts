import { gqlDocument, type ResultOf } from '../../api/graphql-client';

/** The configuration is the API's JSON scalar (unknown): read through the loose view types of `contract-config-types.ts`. */
const CONTRACT_FIELDS = gqlDocument(
  `fragment ContractDetailFields on Contract { id code name amount termStart termEnd presetId currentVersion configuration versions { version changeNote
    createdAt createdBy createdByName configuration } }`,
);
export type ContractDetail = ResultOf<typeof CONTRACT_FIELDS>;
export type ContractVersionRow = ContractDetail['versions'][number];

export const CONTRACT_DETAIL = gqlDocument(
  'query ContractDetail($id: ID!) { contract(id: $id) { ...ContractDetailFields } }',
  [CONTRACT_FIELDS],
);

export const CHECK_CONFIGURATION = gqlDocument(
  `query CheckConfiguration($configuration: JSON!) { checkContractConfiguration(configuration: $configuration) { valid problems { path code params message
    } } }`,
);

type ApiProblem = ResultOf<typeof CHECK_CONFIGURATION>['checkContractConfiguration']['problems'][number];
/** A problem of the check; `params` is a JSON scalar, the problem's parameters by name as strings (kernel `Coded`). */
export type ConfigProblem = Omit<ApiProblem, 'params'> & { params: Record<string, string> | null };
export const configProblem = (p: ApiProblem): ConfigProblem => ({
  ...p,
  params: p.params as Record<string, string> | null,
});

export const UPDATE_CONFIGURATION = gqlDocument(
  'mutation UpdateConfiguration($input: UpdateContractConfigurationInput!) { updateContractConfiguration(input: $input) { ...ContractDetailFields } }',
  [CONTRACT_FIELDS],
);
