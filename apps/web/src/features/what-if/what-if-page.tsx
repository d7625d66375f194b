import { type FormEvent, useState } from 'react';
import { gqlDocument, type ResultOf, type VariablesOf } from '../../api/graphql-client';
import { useGraphqlMutation, useGraphqlQuery } from '../../api/use-graphql';
import { DataTable } from '../../components/data-table';
import { FormField } from '../../components/form-field';
import { Money } from '../../components/money';
import { Page } from '../../components/page';
import { ErrorState, QueryView } from '../../components/query-state';
import { useLocale, useMessages } from '../../i18n/i18n';
import { formatDate } from '../../i18n/local-format';
import { closeMessages, lineStatusKey } from '../close/close-messages';
import { SCHEDULE_SUMMARY_FIELDS } from '../close/close-queries';
import { ScheduleTable } from '../close/close-result';
import { type FactsDraft, FactsEditor, factsInput } from './what-if-facts';
import { whatIfMessages } from './what-if-messages';
import '../../components/panels.css';

/** What the page reads of a configuration (a JSON scalar): the term and the scheme's period kind. */
type Configuration = { term?: { start?: string; end?: string }; assessment?: { period?: string } | null };
type Source = { key: string; label: string; presetId?: string; configuration: Configuration };
type Change = { before: string | null; after: string | null; delta?: string };
/** The simulation's `diff`, a JSON scalar: the engine's before/after per line and in total. */
export type SimulationDiff = {
  lines: { id: string; net: Change; deductions: Change; status: Change; dueDate: Change }[];
  totals: { net: Change; deductions: Change };
  vendorBalanceOwed: Change;
};

const SOURCES = gqlDocument(
  'query WhatIfSources { presets { id title configuration } contracts { id code name configuration } }',
);
export const SIMULATE = gqlDocument(
  `query Simulate($input: SimulateSettlementInput!) { simulateSettlement(input: $input) { schedule { asOf ...ScheduleSummaryFields } baseline { asOf
    ...ScheduleSummaryFields } diff } }`,
  [SCHEDULE_SUMMARY_FIELDS],
);
type Simulation = ResultOf<typeof SIMULATE>['simulateSettlement'];
type Schedule = Simulation['schedule'];
type SimulateInput = VariablesOf<typeof SIMULATE>['input'];

/** domain.md example B (Huai'an 2026, "what if H2 scores 75?"): the page opens on it so a run shows lines at once. */
const HUAIAN_ASSUMED: FactsDraft = {
  periods: [
    { id: '2026-H1', score: '76.00', assessedOn: '' },
    { id: '2026-H2', score: '75.00', assessedOn: '' },
  ],
  years: [{ year: '2026', score: '75.50', assessedOn: '2027-01-15' }],
  quarters: [],
  acceptance: { passed: true, date: '2027-01-10' },
};
const HUAIAN_BASELINE: FactsDraft = {
  ...HUAIAN_ASSUMED,
  periods: [HUAIAN_ASSUMED.periods[0], { id: '2026-H2', score: '80.00', assessedOn: '' }],
  years: [{ year: '2026', score: '78.00', assessedOn: '2027-01-15' }],
};

/** Empty rows shaped by the configuration: its scheme's periods and years of the term, or quarters without a scheme. */
export function draftFor(config: Configuration): FactsDraft {
  const first = Number((config.term?.start ?? '').slice(0, 4));
  const last = Number((config.term?.end ?? '').slice(0, 4));
  const draft: FactsDraft = { periods: [], years: [], quarters: [], acceptance: null };
  if (!first || !last) return draft;
  const kind = config.assessment?.period;
  for (let y = first; y <= last; y++) {
    if (kind === 'half-year')
      draft.periods.push({ id: `${y}-H1`, score: '', assessedOn: '' }, { id: `${y}-H2`, score: '', assessedOn: '' });
    if (kind === 'quarter')
      for (const q of [1, 2, 3, 4]) draft.periods.push({ id: `${y}-Q${q}`, score: '', assessedOn: '' });
    if (kind) draft.years.push({ year: String(y), score: '', assessedOn: '' });
    else for (const q of [1, 2, 3, 4]) draft.quarters.push({ id: `${y}-Q${q}`, qualified: true });
  }
  return draft;
}

function DiffTable({ diff, labels }: { diff: SimulationDiff; labels: ReadonlyMap<string, string> }) {
  const t = useMessages(whatIfMessages);
  const closeT = useMessages(closeMessages);
  const { locale } = useLocale();
  const changed = (c: Change, show: (v: string) => string) =>
    c.before === c.after
      ? c.after !== null
        ? show(c.after)
        : '—'
      : `${c.before !== null ? show(c.before) : '—'} → ${c.after !== null ? show(c.after) : '—'}`;
  const status = (s: string) => {
    const key = lineStatusKey(s);
    return key ? closeT[key] : s;
  };
  const date = (d: string) => formatDate(d, locale);
  return (
    <>
      <DataTable
        columns={[
          t.line,
          <>
            {t.net}（{t.before}）
          </>,
          <>
            {t.net}（{t.after}）
          </>,
          t.delta,
          t.deductions,
          t.status,
          t.dueDate,
        ]}
        caption={t.diff}
        testId="what-if-diff"
      >
        {diff.lines.map((l) => (
          <tr key={l.id} data-line-id={l.id}>
            <th scope="row">{labels.get(l.id) ?? l.id}</th>
            <td>
              <Money value={l.net.before} />
            </td>
            <td>
              <Money value={l.net.after} />
            </td>
            <td data-field="delta">
              <Money value={l.net.delta} />
            </td>
            <td>
              <Money value={l.deductions.before} /> → <Money value={l.deductions.after} />
            </td>
            <td>{changed(l.status, status)}</td>
            <td>{changed(l.dueDate, date)}</td>
          </tr>
        ))}
        <tr data-line-id="total">
          <th scope="row">{t.total}</th>
          <td>
            <Money value={diff.totals.net.before} />
          </td>
          <td>
            <Money value={diff.totals.net.after} />
          </td>
          <td data-field="delta">
            <Money value={diff.totals.net.delta} />
          </td>
          <td>
            <Money value={diff.totals.deductions.before} /> → <Money value={diff.totals.deductions.after} />
          </td>
          <td />
          <td />
        </tr>
      </DataTable>
      {diff.lines.length ? null : <p>{t.noDiff}</p>}
    </>
  );
}

function ScheduleSummary({ schedule, caption }: { schedule: Schedule; caption: string }) {
  const t = useMessages(whatIfMessages);
  return (
    <>
      <ScheduleTable lines={schedule.lines} caption={caption} />
      <p>
        <span>{t.total}: </span>
        <Money value={schedule.totals.gross} /> − <Money value={schedule.totals.deductions} /> ={' '}
        <Money value={schedule.totals.net} /> · {t.vendorOwed} <Money value={schedule.vendorBalanceOwed} />
      </p>
    </>
  );
}

/** What-if: the payment engine over assumed facts on a preset or one of the tenant's contracts, against a baseline. */
export function WhatIfPage() {
  const t = useMessages(whatIfMessages);
  const sources = useGraphqlQuery(SOURCES, {});
  const [sourceKey, setSourceKey] = useState('preset:huaian-2025-2026');
  const [asOf, setAsOf] = useState('2027-01-31');
  const [assumed, setAssumed] = useState<FactsDraft>(HUAIAN_ASSUMED);
  const [useBaseline, setUseBaseline] = useState(true);
  const [baseline, setBaseline] = useState<FactsDraft>(HUAIAN_BASELINE);
  const [simulate, state] = useGraphqlMutation(SIMULATE);
  const [result, setResult] = useState<(Omit<Simulation, 'diff'> & { diff: SimulationDiff | null }) | null>(null);

  return (
    <Page title={t.title}>
      <p className="muted">{t.intro}</p>
      <QueryView query={sources}>
        {({ presets, contracts }) => {
          const list: Source[] = [
            ...contracts.map((c) => ({
              key: `contract:${c.id}`,
              label: `${c.code} ${c.name}`,
              configuration: c.configuration as Configuration,
            })),
            ...presets.map((p) => ({
              key: `preset:${p.id}`,
              label: p.title,
              presetId: p.id,
              configuration: p.configuration as Configuration,
            })),
          ];
          const source = list.find((s) => s.key === sourceKey);
          const onSource = (key: string) => {
            setSourceKey(key);
            const next = list.find((s) => s.key === key);
            if (next) {
              setAssumed(draftFor(next.configuration));
              setBaseline(draftFor(next.configuration));
            }
            setResult(null);
          };
          const onRun = async (e: FormEvent) => {
            e.preventDefault();
            if (!source) return;
            const input: SimulateInput = {
              asOf,
              ...(source.presetId ? { presetId: source.presetId } : { configuration: source.configuration }),
              facts: factsInput(assumed),
              ...(useBaseline ? { baseline: { facts: factsInput(baseline) } } : {}),
            };
            try {
              const simulation = (await simulate({ input })).simulateSettlement;
              setResult({ ...simulation, diff: simulation.diff as SimulationDiff | null });
            } catch {
              setResult(null); // the API's message is shown from the mutation's state
            }
          };
          return (
            <form onSubmit={onRun} aria-label={t.title}>
              <div className="panel inline-form">
                <FormField label={t.source}>
                  {(p) => (
                    <select {...p} value={sourceKey} onChange={(e) => onSource(e.target.value)}>
                      <optgroup label={t.contractGroup}>
                        {list
                          .filter((s) => !s.presetId)
                          .map((s) => (
                            <option key={s.key} value={s.key}>
                              {s.label}
                            </option>
                          ))}
                      </optgroup>
                      <optgroup label={t.presetGroup}>
                        {list
                          .filter((s) => s.presetId)
                          .map((s) => (
                            <option key={s.key} value={s.key}>
                              {s.label}
                            </option>
                          ))}
                      </optgroup>
                    </select>
                  )}
                </FormField>
                <FormField label={t.asOf}>
                  {(p) => <input {...p} type="date" value={asOf} required onChange={(e) => setAsOf(e.target.value)} />}
                </FormField>
                <FormField label={t.useBaseline}>
                  {(p) => (
                    <input
                      {...p}
                      type="checkbox"
                      checked={useBaseline}
                      onChange={(e) => setUseBaseline(e.target.checked)}
                    />
                  )}
                </FormField>
              </div>
              <FactsEditor legend={t.assumed} value={assumed} onChange={setAssumed} />
              {useBaseline ? <FactsEditor legend={t.baseline} value={baseline} onChange={setBaseline} /> : null}
              <button type="submit" disabled={state.running}>
                {t.run}
              </button>
              {state.error ? <ErrorState error={state.error} /> : null}
            </form>
          );
        }}
      </QueryView>
      {result ? (
        <section aria-labelledby="what-if-result" data-testid="what-if-result">
          <h2 id="what-if-result">{t.result}</h2>
          <ScheduleSummary schedule={result.schedule} caption={t.resultSchedule} />
          {result.diff ? (
            <DiffTable
              diff={result.diff}
              labels={
                new Map([...(result.baseline?.lines ?? []), ...result.schedule.lines].map((l) => [l.id, l.label]))
              }
            />
          ) : null}
          {result.baseline ? <ScheduleSummary schedule={result.baseline} caption={t.baselineSchedule} /> : null}
        </section>
      ) : null}
    </Page>
  );
}
