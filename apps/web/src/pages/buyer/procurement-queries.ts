import { gqlDocument } from '../../api/graphql-client';
import { EXPLANATION_FIELDS, type ExplanationView } from '../shared/explanation-text';

/** Procurement shapes as the page reads them: money and scores stay the API's strings. */
export type SchemeItem = { id: string; label: string; kind: string; params: Record<string, unknown> };
export type ProcurementScheme = { name?: string; totalPoints?: number; price?: { weight?: number | string; smallMicroDeduction?: string }; groupTotals?: { objective?: number; subjective?: number }; items: SchemeItem[]; minValidBids?: number };
export type Project = { id: string; code: string; name: string; status: string };
export type Bid = { id: string; bidderName: string; price: string; smallOrMicro: boolean; preferenceBasis: string | null; disqualified: boolean; disqualificationReason: string | null; objective: Record<string, unknown> };
export type Sheet = { id: string; bidId: string; evaluator: string; items: Record<string, unknown> };
export type Package = { id: string; number: number; name: string; budget: string; presetId: string | null; scheme: ProcurementScheme; bids: Bid[]; sheets: Sheet[] };
export type Ranking = {
  budget: string;
  basePrice: { bidId: string; evaluatedPrice: string } | null;
  bidders: {
    bidId: string;
    bidderName: string;
    valid: boolean;
    invalidReasons: string[];
    price: string;
    evaluatedPrice: string;
    priceScore: string | null;
    /** The engine's explanations as code + params, rendered in the console's language (explanationText). */
    priceExplained: ExplanationView | null;
    objective: { itemId: string; label: string; points: string; explained: ExplanationView }[];
    subjective: { itemId: string; label: string; mean: string; perEvaluator: { evaluator: string; points: string; explained: ExplanationView }[] }[];
    objectiveTotal: string | null;
    subjectiveTotal: string | null;
    evaluatorTotals: { evaluator: string; total: string }[];
    total: string | null;
    rank: number | null;
  }[];
  ranking: { rank: number; bidId: string; bidderName: string; total: string; price: string; decidedBy: string }[];
  flags: { code: string; message: string }[];
  notes: string[];
};

export const PROJECTS = gqlDocument<{ procurementProjects: Project[]; presets: { id: string; title: string }[] }>(
  'query ProcurementProjects { procurementProjects { id code name status } presets { id title } }',
);
const PACKAGE = 'id number name budget presetId scheme bids { id bidderName price smallOrMicro preferenceBasis disqualified disqualificationReason objective } sheets { id bidId evaluator items }';
export const PACKAGES = gqlDocument<{ procurementPackages: Package[] }, { projectId: string }>(`query ProcurementPackages($projectId: ID!) { procurementPackages(projectId: $projectId) { ${PACKAGE} } }`);
export const RANKING = gqlDocument<{ packageRanking: Ranking }, { packageId: string }>(
  `query PackageRanking($packageId: ID!) { packageRanking(packageId: $packageId) {
    budget basePrice { bidId evaluatedPrice }
    bidders { bidId bidderName valid invalidReasons price evaluatedPrice priceScore priceExplained { ${EXPLANATION_FIELDS} }
      objective { itemId label points explained { ${EXPLANATION_FIELDS} } }
      subjective { itemId label mean perEvaluator { evaluator points explained { ${EXPLANATION_FIELDS} } } }
      objectiveTotal subjectiveTotal evaluatorTotals { evaluator total } total rank }
    ranking { rank bidId bidderName total price decidedBy } flags { code message } notes } }`,
);
export const CREATE_PROJECT = gqlDocument<{ createProcurementProject: Project }, { input: { code: string; name: string } }>(
  'mutation CreateProject($input: CreateProcurementProjectInput!) { createProcurementProject(input: $input) { id code name status } }',
);
export const ADD_PACKAGE = gqlDocument<{ addProcurementPackage: { id: string } }, { input: { projectId: string; number: number; name: string; presetId: string } }>(
  'mutation AddPackage($input: AddProcurementPackageInput!) { addProcurementPackage(input: $input) { id } }',
);
export const RECORD_BID = gqlDocument<{ recordBid: { id: string } }, { input: Record<string, unknown> }>('mutation RecordBid($input: RecordBidInput!) { recordBid(input: $input) { id } }');
export const RECORD_SHEET = gqlDocument<{ recordEvaluatorSheet: { id: string } }, { input: Record<string, unknown> }>(
  'mutation RecordSheet($input: RecordEvaluatorSheetInput!) { recordEvaluatorSheet(input: $input) { id } }',
);

/** Flaw-ladder items are the panel's subjective judgement; the other kinds are answered once per bid. */
export const isSubjective = (item: SchemeItem) => item.kind === 'flaw-ladder';
