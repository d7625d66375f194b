import { gqlDocument } from '../../api/graphql-client';

/** The configuration is the API's JSON scalar: read through the loose view types of `contract-config-types.ts`. */
export type ContractVersionRow = { version: number; changeNote: string | null; createdAt: string; createdBy: string | null; createdByName: string | null; configuration: unknown };
export type ContractDetail = {
  id: string;
  code: string;
  name: string;
  amount: string;
  termStart: string;
  termEnd: string;
  presetId: string | null;
  currentVersion: number;
  configuration: unknown;
  versions: ContractVersionRow[];
};

const CONTRACT_FIELDS = 'id code name amount termStart termEnd presetId currentVersion configuration versions { version changeNote createdAt createdBy createdByName configuration }';

export const CONTRACT_DETAIL = gqlDocument<{ contract: ContractDetail }, { id: string }>(`query ContractDetail($id: ID!) { contract(id: $id) { ${CONTRACT_FIELDS} } }`);

export type ConfigProblem = { path: string; code: string | null; params: Record<string, string> | null; message: string };

export const CHECK_CONFIGURATION = gqlDocument<{ checkContractConfiguration: { valid: boolean; problems: ConfigProblem[] } }, { configuration: unknown }>(
  'query CheckConfiguration($configuration: JSON!) { checkContractConfiguration(configuration: $configuration) { valid problems { path code params message } } }',
);

export const UPDATE_CONFIGURATION = gqlDocument<{ updateContractConfiguration: ContractDetail }, { input: { contractId: string; configuration: unknown; changeNote: string } }>(
  `mutation UpdateConfiguration($input: UpdateContractConfigurationInput!) { updateContractConfiguration(input: $input) { ${CONTRACT_FIELDS} } }`,
);
