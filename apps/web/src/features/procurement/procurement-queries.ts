import { gqlDocument, type ResultOf } from '../../api/graphql-client';
import { EXPLANATION_FIELDS } from '../../components/explanation-text';

/** Procurement shapes as the page reads them: money and scores stay the API's strings. */
export const PROJECTS = gqlDocument(
  'query ProcurementProjects { procurementProjects { id code name status } presets { id title } }',
);

const PACKAGE_FIELDS = gqlDocument(
  `fragment PackageFields on ProcurementPackage { id number name budget presetId scheme bids { id bidderName price smallOrMicro preferenceBasis
    disqualified disqualificationReason objective } sheets { id bidId evaluator items } }`,
);
export const PACKAGES = gqlDocument(
  'query ProcurementPackages($projectId: ID!) { procurementPackages(projectId: $projectId) { ...PackageFields } }',
  [PACKAGE_FIELDS],
);

// The package's JSON scalars, typed by what the API stores in them: the scoring scheme (libs/scoring), a bid's
// objective answers and a sheet's items, each by item id.
export type SchemeItem = { id: string; label: string; kind: string; params: Record<string, unknown> };
export type ProcurementScheme = {
  name?: string;
  totalPoints?: number;
  price?: { weight?: number | string; smallMicroDeduction?: string };
  groupTotals?: { objective?: number; subjective?: number };
  items: SchemeItem[];
  minValidBids?: number;
};
type ApiPackage = ResultOf<typeof PACKAGE_FIELDS>;
export type Bid = Omit<ApiPackage['bids'][number], 'objective'> & { objective: Record<string, unknown> };
export type Sheet = Omit<ApiPackage['sheets'][number], 'items'> & { items: Record<string, unknown> };
export type Package = Omit<ApiPackage, 'scheme' | 'bids' | 'sheets'> & {
  scheme: ProcurementScheme;
  bids: Bid[];
  sheets: Sheet[];
};

export const packageOf = (p: ApiPackage): Package => ({
  ...p,
  scheme: p.scheme as ProcurementScheme,
  bids: p.bids.map((b) => ({ ...b, objective: b.objective as Record<string, unknown> })),
  sheets: p.sheets.map((s) => ({ ...s, items: s.items as Record<string, unknown> })),
});

export const RANKING = gqlDocument(
  `query PackageRanking($packageId: ID!) { packageRanking(packageId: $packageId) {
    budget basePrice { bidId evaluatedPrice }
    bidders { bidId bidderName valid invalidReasons price evaluatedPrice priceScore priceExplained { ...ExplanationFields }
      objective { itemId label points explained { ...ExplanationFields } }
      subjective { itemId label mean perEvaluator { evaluator points explained { ...ExplanationFields } } }
      objectiveTotal subjectiveTotal evaluatorTotals { evaluator total } total rank }
    ranking { rank bidId bidderName total price decidedBy } flags { code message } notes } }`,
  [EXPLANATION_FIELDS],
);
/** The engine's explanations come as code + params, rendered in the console's language (explanationText). */
export type Ranking = ResultOf<typeof RANKING>['packageRanking'];

export const CREATE_PROJECT = gqlDocument(
  'mutation CreateProject($input: CreateProcurementProjectInput!) { createProcurementProject(input: $input) { id code name status } }',
);
export const ADD_PACKAGE = gqlDocument(
  'mutation AddPackage($input: AddProcurementPackageInput!) { addProcurementPackage(input: $input) { id } }',
);
export const RECORD_BID = gqlDocument(
  'mutation RecordBid($input: RecordBidInput!) { recordBid(input: $input) { id } }',
);
export const RECORD_SHEET = gqlDocument(
  'mutation RecordSheet($input: RecordEvaluatorSheetInput!) { recordEvaluatorSheet(input: $input) { id } }',
);

/** Flaw-ladder items are the panel's subjective judgement; the other kinds are answered once per bid. */
export const isSubjective = (item: SchemeItem) => item.kind === 'flaw-ladder';
