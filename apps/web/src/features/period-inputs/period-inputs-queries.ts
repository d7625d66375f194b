import { gqlDocument, type ResultOf, type VariablesOf } from '../../api/graphql-client';

// staffScores, satisfaction, securityIncidents and itemScores are JSON scalars (unknown): the page reads them by the scheme.
const FIELDS = gqlDocument(
  `fragment PeriodInputsFields on PeriodInputs { period staffScores satisfaction securityIncidents itemScores complaints { valid invalid } quarterQualified
    acceptance { passed date clawbackInterest { annualRatePercent from to source } } ledgerConfirmed locked missing updatedAt }`,
);
export type PeriodInputsData = ResultOf<typeof FIELDS>;

export const PERIOD_INPUTS = gqlDocument(
  'query PeriodInputs($contractId: ID!, $period: String!) { periodInputs(contractId: $contractId, period: $period) { ...PeriodInputsFields } }',
  [FIELDS],
);

export const PERIOD_INPUTS_CONTRACT = gqlDocument(
  'query PeriodInputsContract($id: ID!) { contract(id: $id) { id name } }',
);

export const SET_PERIOD_INPUTS = gqlDocument(
  'mutation SetPeriodInputs($input: SetPeriodInputsInput!) { setPeriodInputs(input: $input) { ...PeriodInputsFields } }',
  [FIELDS],
);
export type SetPeriodInputsInput = VariablesOf<typeof SET_PERIOD_INPUTS>['input'];

/** The periods a close can target (inputs are entered by them), from the API: the web computes no periods. */
export const CLOSABLE_PERIODS = gqlDocument(
  'query ClosablePeriods($contractId: ID!) { closablePeriods(contractId: $contractId) { id kind start end } }',
);
export type TermPeriod = ResultOf<typeof CLOSABLE_PERIODS>['closablePeriods'][number];

/** What the buyer enters for a period: the scheme's components as their rule kinds declare what they read. */
export const PERIOD_INPUT_SPEC = gqlDocument(
  `query PeriodInputSpec($contractId: ID!, $period: String!) { periodInputSpec(contractId: $contractId, period: $period) {
    period { id kind } closeKind assessed quarterQualified
    components { componentId label kind input source field path metric value unit min max parts { id label max } choices bonus { min max } } } }`,
);
export type PeriodInputSpec = ResultOf<typeof PERIOD_INPUT_SPEC>['periodInputSpec'];
export type ComponentInput = PeriodInputSpec['components'][number];

/** The buyer inputs of a period's spec, by the field each is entered in (the ticket metrics are not entered). */
export type SchemeInputs = {
  staff: ComponentInput | null;
  choices: ComponentInput[];
  perEvent: ComponentInput | null;
  items: ComponentInput | null;
};

export function schemeInputs(spec: PeriodInputSpec): SchemeInputs {
  const reading = (field: string) => spec.components.filter((c) => c.source === 'period-input' && c.field === field);
  return {
    staff: reading('staffScores')[0] ?? null,
    choices: reading('satisfaction'),
    perEvent: reading('securityIncidents')[0] ?? null,
    items: reading('itemScores')[0] ?? null,
  };
}
