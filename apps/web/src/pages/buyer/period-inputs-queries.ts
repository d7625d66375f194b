import { gqlDocument, type ResultOf, type VariablesOf } from '../../api/graphql-client';

// staffScores, satisfaction, securityIncidents and itemScores are JSON scalars (unknown): the page reads them by the scheme.
const FIELDS = gqlDocument(
  `fragment PeriodInputsFields on PeriodInputs { period staffScores satisfaction securityIncidents itemScores complaints { valid invalid } quarterQualified
    acceptance { passed date } ledgerConfirmed locked missing updatedAt }`,
);
export type PeriodInputsData = ResultOf<typeof FIELDS>;

export const PERIOD_INPUTS = gqlDocument(
  'query PeriodInputs($contractId: ID!, $period: String!) { periodInputs(contractId: $contractId, period: $period) { ...PeriodInputsFields } }',
  [FIELDS],
);

export const PERIOD_INPUTS_CONTRACT = gqlDocument(
  'query PeriodInputsContract($id: ID!) { contract(id: $id) { id name termStart termEnd configuration } }',
);

export const SET_PERIOD_INPUTS = gqlDocument(
  'mutation SetPeriodInputs($input: SetPeriodInputsInput!) { setPeriodInputs(input: $input) { ...PeriodInputsFields } }',
  [FIELDS],
);
export type SetPeriodInputsInput = VariablesOf<typeof SET_PERIOD_INPUTS>['input'];

/** The assessment scheme's buyer inputs, read from the configuration (libs/scoring component kinds). */
export type SchemeInputs = {
  periodKind: string | null;
  staff: { parts: { id: string; label: string; max: string }[]; bonus: { min: string; max: string } | null } | null;
  choices: { input: string; label: string; choices: string[] }[];
  perEvent: { input: string; label: string } | null;
  items: { id: string; label: string }[] | null;
  itemMax: string | null;
};

type RawComponent = { id: string; label?: string; kind: string; input?: string; params?: Record<string, unknown> };

export function schemeInputs(configuration: unknown): SchemeInputs {
  const assessment = (configuration as { assessment?: { period?: string; components?: RawComponent[] } } | null)
    ?.assessment;
  const components = assessment?.components ?? [];
  const staff = components.find((c) => c.kind === 'staff-average');
  const perEvent = components.filter((c) => c.kind === 'per-event');
  const items = components.find((c) => c.kind === 'item-average-grade');
  const staffParams = staff?.params as
    | {
        parts?: { id: string; label?: string; max: number | string }[];
        taskBonus?: { min: number | string; max: number | string };
      }
    | undefined;
  return {
    periodKind: assessment?.period ?? null,
    staff: staff
      ? {
          parts: (staffParams?.parts ?? []).map((p) => ({ id: p.id, label: p.label ?? p.id, max: String(p.max) })),
          bonus: staffParams?.taskBonus
            ? { min: String(staffParams.taskBonus.min), max: String(staffParams.taskBonus.max) }
            : null,
        }
      : null,
    choices: components
      .filter((c) => c.kind === 'choice-table')
      .map((c) => ({
        input: c.input ?? c.id,
        label: c.label ?? c.id,
        choices: ((c.params?.choices as { value: string }[] | undefined) ?? []).map((x) => x.value),
      })),
    // The API reads the per-event component whose input is securityIncidents, or the only one.
    perEvent: (() => {
      const c =
        perEvent.find((x) => x.input === 'securityIncidents') ?? (perEvent.length === 1 ? perEvent[0] : undefined);
      return c ? { input: c.input ?? c.id, label: c.label ?? c.id } : null;
    })(),
    items: items
      ? ((items.params?.items as { id: string; label?: string }[] | undefined) ?? []).map((x) => ({
          id: x.id,
          label: x.label ?? x.id,
        }))
      : null,
    itemMax: items?.params?.itemMax !== undefined ? String(items.params.itemMax) : null,
  };
}

/** The period ids of a term for a period kind: 2026-H1, 2026-Q3, 2026-05, 2026 (what `periodInputs` accepts). */
export function periodsOf(kind: string, termStart: string, termEnd: string): string[] {
  const [y0, m0] = [Number(termStart.slice(0, 4)), Number(termStart.slice(5, 7))];
  const [y1, m1] = [Number(termEnd.slice(0, 4)), Number(termEnd.slice(5, 7))];
  const out: string[] = [];
  for (let y = y0, m = m0; y < y1 || (y === y1 && m <= m1); m === 12 ? ((y += 1), (m = 1)) : (m += 1)) {
    const id =
      kind === 'half-year'
        ? `${y}-H${m <= 6 ? 1 : 2}`
        : kind === 'quarter'
          ? `${y}-Q${Math.ceil(m / 3)}`
          : kind === 'month'
            ? `${y}-${String(m).padStart(2, '0')}`
            : `${y}`;
    if (out[out.length - 1] !== id) out.push(id);
  }
  return out;
}
