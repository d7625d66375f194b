import { gqlDocument, type ResultOf } from '../../api/graphql-client';
import { EXPLANATION_FIELDS } from '../../components/explanation-text';

// The API's period-close shapes as the close page reads them: scores, money and figures stay strings. Explanations
// come as code + params (rendered in the console's language); the text fields stay for other clients.
const MISSING_FIELDS = gqlDocument('fragment MissingFields on MissingInput { period input message }');
const FLAG_FIELDS = gqlDocument(
  'fragment CloseFlagFields on PeriodCloseFlag { period code message messageExplanation { ...ExplanationFields } subject componentId }',
  [EXPLANATION_FIELDS],
);

/** The schedule part of a close or a simulation: its lines with their deductions, the totals, what the vendor owes. */
export const SCHEDULE_SUMMARY_FIELDS = gqlDocument(
  `fragment ScheduleSummaryFields on Schedule { vendorBalanceOwed totals { gross deductions net }
    lines { id label gross deductionTotal net status dueDate reasons
      deductions { ruleId label amount formula formulaExplanation { ...ExplanationFields } } } }`,
  [EXPLANATION_FIELDS],
);

const RESULT_FIELDS = gqlDocument(
  `fragment CloseResultFields on PeriodClosePreview { period asOf configVersion calendarVersion provisionalYears
  assessment { period score unclampedScore base grade passes explanation explained { ...ExplanationFields } notes noteExplanations { ...ExplanationFields }
    breakdown { componentId label input kind points explanation explained { ...ExplanationFields } }
    flags { ...CloseFlagFields } missing { ...MissingFields } }
  year { year score explanation explained { ...ExplanationFields } }
  metrics { period id label value display numerator denominator explanation explained { ...ExplanationFields } notes noteExplanations { ...ExplanationFields } }
  flags { ...CloseFlagFields } missing { ...MissingFields } notes noteExplanations { ...ExplanationFields }
  schedule { ...ScheduleSummaryFields } }`,
  [EXPLANATION_FIELDS, FLAG_FIELDS, MISSING_FIELDS, SCHEDULE_SUMMARY_FIELDS],
);

const CLOSE_FIELDS = gqlDocument(
  `fragment PeriodCloseFields on PeriodClose { id period revision status score grade asOf configVersion requestedAt computedAt confirmedAt reopenReason
    job { id status attempts lastError } reopenCode reopenChanges inputsChanged confirmReason confirmedMissing { ...MissingFields } }`,
  [MISSING_FIELDS],
);

export type Missing = ResultOf<typeof MISSING_FIELDS>;
export type CloseFlag = ResultOf<typeof FLAG_FIELDS>;
/** `provisionalYears`: the provisional calendar years the period lies in; the close cannot be confirmed (rule 18). */
export type CloseResult = ResultOf<typeof RESULT_FIELDS>;
export type Assessment = CloseResult['assessment'];
export type ScheduleLine = CloseResult['schedule']['lines'][number];
export type PeriodClose = ResultOf<typeof CLOSE_FIELDS>;

export const CLOSE_PAGE = gqlDocument(
  'query ClosePage($id: ID!) { contract(id: $id) { id code name termStart termEnd } periodCloses(contractId: $id) { ...PeriodCloseFields } }',
  [CLOSE_FIELDS],
);

export const PERIOD_CLOSE = gqlDocument(
  `query PeriodClose($id: ID!) { periodClose(id: $id) { ...PeriodCloseFields result { ...CloseResultFields }
    lines { id kind ruleId label amount basis formula formulaExplanation { ...ExplanationFields } paymentLineId reason } } }`,
  [CLOSE_FIELDS, RESULT_FIELDS, EXPLANATION_FIELDS],
);
export type PeriodCloseDetail = ResultOf<typeof PERIOD_CLOSE>['periodClose'];
export type CloseLine = PeriodCloseDetail['lines'][number];

export const PREVIEW_CLOSE = gqlDocument(
  `query PreviewClose($contractId: ID!, $period: String!, $asOf: String) { previewPeriodClose(contractId: $contractId, period: $period, asOf: $asOf) {
    ...CloseResultFields } }`,
  [RESULT_FIELDS],
);

export const CLOSE_PERIOD = gqlDocument(
  'mutation ClosePeriod($input: ClosePeriodInput!) { closePeriod(input: $input) { ...PeriodCloseFields } }',
  [CLOSE_FIELDS],
);

export const CONFIRM_CLOSE = gqlDocument(
  'mutation ConfirmClose($closeId: ID!, $reason: String) { confirmPeriodClose(closeId: $closeId, reason: $reason) { ...PeriodCloseFields } }',
  [CLOSE_FIELDS],
);

export const REOPEN_CLOSE = gqlDocument(
  'mutation ReopenClose($input: ReopenPeriodCloseInput!) { reopenPeriodClose(input: $input) { ...PeriodCloseFields } }',
  [CLOSE_FIELDS],
);
