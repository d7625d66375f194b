import { type FormEvent, useState } from 'react';
import { useGraphqlMutation, useGraphqlQuery } from '../../api/use-graphql';
import { FormField } from '../../components/form-field';
import { Page } from '../../components/page';
import { ErrorState, QueryView } from '../../components/query-state';
import { useMessages } from '../../i18n/i18n';
import { type FactsDraft, FactsEditor, factsInput } from './what-if-facts';
import { whatIfMessages } from './what-if-messages';
import { HUAIAN_ASSUMED, HUAIAN_BASELINE, draftFor } from './what-if-drafts';
import { Configuration, SIMULATE, SOURCES, SimulateInput, Simulation, SimulationDiff, Source } from './what-if-queries';
import { DiffTable, ScheduleSummary } from './what-if-results';
import '../../components/panels.css';

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
