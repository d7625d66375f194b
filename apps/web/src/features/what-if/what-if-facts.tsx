import { FactAcceptance, FactQuarterRows } from './what-if-fact-checks';
import { FactPeriodRows, FactYearRows } from './what-if-fact-scores';

/** The assumed facts as typed (strings: scores are decimals the API parses, never JS numbers). */
export type FactsDraft = {
  periods: { id: string; score: string; assessedOn: string }[];
  years: { year: string; score: string; assessedOn: string }[];
  quarters: { id: string; qualified: boolean }[];
  acceptance: { passed: boolean; date: string } | null;
};

/** Sets one kind of fact of the draft. */
export type SetFact = <K extends keyof FactsDraft>(key: K, v: FactsDraft[K]) => void;

/** The `facts` JSON of simulateSettlement: empty rows and fields left out (a missing fact stays pending). */
export function factsInput(d: FactsDraft): Record<string, unknown> {
  const opt = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== ''));
  return {
    periods: d.periods.filter((p) => p.id).map((p) => opt({ id: p.id, score: p.score, assessedOn: p.assessedOn })),
    years: d.years
      .filter((y) => y.year)
      .map((y) => opt({ year: Number(y.year), score: y.score, assessedOn: y.assessedOn })),
    quarters: d.quarters.filter((q) => q.id),
    ...(d.acceptance ? { acceptance: opt({ passed: d.acceptance.passed, date: d.acceptance.date }) } : {}),
  };
}

/** Editable rows of assumed period scores, year scores, quarter qualification and acceptance; every control labelled. */
export function FactsEditor({
  legend,
  value,
  onChange,
}: {
  legend: string;
  value: FactsDraft;
  onChange(next: FactsDraft): void;
}) {
  const set: SetFact = (key, v) => onChange({ ...value, [key]: v });
  return (
    <fieldset className="panel" data-facts={legend}>
      <legend>{legend}</legend>
      <FactPeriodRows legend={legend} value={value} set={set} />
      <FactYearRows legend={legend} value={value} set={set} />
      <FactQuarterRows legend={legend} value={value} set={set} />
      <FactAcceptance value={value} set={set} />
    </fieldset>
  );
}
