import { gqlDocument } from '../../api/graphql-client';
import { EXPLANATION_FIELDS, type ExplanationView } from '../shared/explanation-text';

/** The API's period-close shapes as the close page reads them: scores, money and figures stay strings. */
export type Missing = { period: string; input: string; message: string };
export type CloseFlag = { period: string; code: string; message: string; messageExplanation?: ExplanationView; subject: string | null; componentId: string | null };
export type BreakdownLine = { componentId: string; label: string; input: string; kind: string; points: string; explanation: string; explained?: ExplanationView };
export type Assessment = {
  period: string;
  score: string | null;
  unclampedScore: string | null;
  grade: string | null;
  passes: boolean | null;
  explanation: string | null;
  explained?: ExplanationView | null;
  notes: string[];
  noteExplanations?: ExplanationView[];
  breakdown: BreakdownLine[];
  flags: CloseFlag[];
  missing: Missing[];
};
export type Metric = { period: string; id: string; label: string; value: string | null; display: string | null; numerator: string | null; denominator: string | null; explanation: string; notes: string[]; explained?: ExplanationView; noteExplanations?: ExplanationView[] };
export type Deduction = { ruleId: string; label: string | null; amount: string; formula: string; formulaExplanation?: ExplanationView };
export type ScheduleLine = { id: string; label: string; gross: string; deductionTotal: string; net: string; status: string; dueDate: string | null; reasons: string[]; deductions: Deduction[] };
export type CloseResult = {
  period: string;
  asOf: string;
  configVersion: number;
  calendarVersion: string;
  /** Provisional calendar years the period lies in: the close cannot be confirmed (rule 18). */
  provisionalYears: number[];
  assessment: Assessment;
  year: { year: number; score: string; explanation: string; explained?: ExplanationView } | null;
  metrics: Metric[];
  flags: CloseFlag[];
  missing: Missing[];
  notes: string[];
  noteExplanations?: ExplanationView[];
  schedule: { lines: ScheduleLine[]; totals: { gross: string; deductions: string; net: string }; vendorBalanceOwed: string };
};
export type CloseLine = { id: string; kind: string; ruleId: string | null; label: string | null; amount: string; basis: Record<string, unknown>; formula: string; formulaExplanation?: ExplanationView; paymentLineId: string | null; reason: string | null };
export type PeriodClose = {
  id: string;
  period: string;
  revision: number;
  status: string;
  score: string | null;
  grade: string | null;
  asOf: string;
  configVersion: number;
  requestedAt: string;
  computedAt: string | null;
  confirmedAt: string | null;
  reopenReason: string | null;
  reopenCode: string | null;
  reopenChanges: string[];
  inputsChanged: string[];
  confirmReason: string | null;
  confirmedMissing: Missing[];
  job: { id: string; status: string; attempts: number; lastError: string | null } | null;
};
export type PeriodCloseDetail = PeriodClose & { result: CloseResult | null; lines: CloseLine[] };

// Explanations come as code + params (rendered in the console's language); the text fields stay for other clients.
const EX = EXPLANATION_FIELDS;
const FLAG = `period code message messageExplanation { ${EX} } subject componentId`;
const ASSESSMENT = `period score unclampedScore grade passes explanation explained { ${EX} } notes noteExplanations { ${EX} }
  breakdown { componentId label input kind points explanation explained { ${EX} } }
  flags { ${FLAG} } missing { period input message }`;
const RESULT = `period asOf configVersion calendarVersion provisionalYears assessment { ${ASSESSMENT} }
  year { year score explanation explained { ${EX} } }
  metrics { period id label value display numerator denominator explanation explained { ${EX} } notes noteExplanations { ${EX} } }
  flags { ${FLAG} } missing { period input message } notes noteExplanations { ${EX} }
  schedule { lines { id label gross deductionTotal net status dueDate reasons deductions { ruleId label amount formula formulaExplanation { ${EX} } } } totals { gross deductions net } vendorBalanceOwed }`;
const CLOSE = 'id period revision status score grade asOf configVersion requestedAt computedAt confirmedAt reopenReason job { id status attempts lastError } ' +
  'reopenCode reopenChanges inputsChanged confirmReason confirmedMissing { period input message }';
const DETAIL = `${CLOSE} result { ${RESULT} } lines { id kind ruleId label amount basis formula formulaExplanation { ${EXPLANATION_FIELDS} } paymentLineId reason }`;

export type ContractHead = { id: string; code: string; name: string; termStart: string; termEnd: string; configuration: { assessment?: { period?: string } | null; payment?: unknown } };

export const CLOSE_PAGE = gqlDocument<{ contract: ContractHead; periodCloses: PeriodClose[] }, { id: string }>(
  `query ClosePage($id: ID!) { contract(id: $id) { id code name termStart termEnd configuration } periodCloses(contractId: $id) { ${CLOSE} } }`,
);

export const PERIOD_CLOSE = gqlDocument<{ periodClose: PeriodCloseDetail }, { id: string }>(`query PeriodClose($id: ID!) { periodClose(id: $id) { ${DETAIL} } }`);

export const PREVIEW_CLOSE = gqlDocument<{ previewPeriodClose: CloseResult }, { contractId: string; period: string; asOf: string | null }>(
  `query PreviewClose($contractId: ID!, $period: String!, $asOf: String) { previewPeriodClose(contractId: $contractId, period: $period, asOf: $asOf) { ${RESULT} } }`,
);

export const CLOSE_PERIOD = gqlDocument<{ closePeriod: PeriodClose }, { input: { contractId: string; period: string; asOf: string | null } }>(
  `mutation ClosePeriod($input: ClosePeriodInput!) { closePeriod(input: $input) { ${CLOSE} } }`,
);

export const CONFIRM_CLOSE = gqlDocument<{ confirmPeriodClose: PeriodClose }, { closeId: string; reason: string | null }>(
  `mutation ConfirmClose($closeId: ID!, $reason: String) { confirmPeriodClose(closeId: $closeId, reason: $reason) { ${CLOSE} } }`,
);

export const REOPEN_CLOSE = gqlDocument<{ reopenPeriodClose: PeriodClose }, { input: { closeId: string; reason: string; asOf: string | null } }>(
  `mutation ReopenClose($input: ReopenPeriodCloseInput!) { reopenPeriodClose(input: $input) { ${CLOSE} } }`,
);

/** Period ids the contract closes by, from its term and scheme (the API validates the choice again). */
export function closablePeriods(contract: ContractHead): string[] {
  const first = Number(contract.termStart.slice(0, 4));
  const last = Number(contract.termEnd.slice(0, 4));
  const kind = contract.configuration.assessment?.period;
  const out: string[] = [];
  for (let y = first; y <= last; y++) {
    if (kind === 'half-year') out.push(`${y}-H1`, `${y}-H2`);
    else if (kind === 'quarter' || !kind) out.push(`${y}-Q1`, `${y}-Q2`, `${y}-Q3`, `${y}-Q4`);
    if (kind === 'year' || !kind) out.push(String(y));
  }
  return out;
}
