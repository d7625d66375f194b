import { FormField } from '../../components/form-field';
import { format, useMessages } from '../../i18n/i18n';
import { whatIfMessages } from './what-if-messages';

/** The assumed facts as typed (strings: scores are decimals the API parses, never JS numbers). */
export type FactsDraft = {
  periods: { id: string; score: string; assessedOn: string }[];
  years: { year: string; score: string; assessedOn: string }[];
  quarters: { id: string; qualified: boolean }[];
  acceptance: { passed: boolean; date: string } | null;
};

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
  const t = useMessages(whatIfMessages);
  const set = <K extends keyof FactsDraft>(key: K, v: FactsDraft[K]) => onChange({ ...value, [key]: v });
  return (
    <fieldset className="panel" data-facts={legend}>
      <legend>{legend}</legend>
      <h3>{t.periods}</h3>
      <div className="facts-rows">
        {value.periods.map((p, i) => (
          <div
            className="facts-row"
            role="group"
            aria-label={`${legend} ${t.periods} ${format(t.rowN, { n: i + 1 })}`}
            key={i}
          >
            <FormField label={t.periodId}>
              {(f) => (
                <input
                  {...f}
                  value={p.id}
                  placeholder="2026-H1"
                  onChange={(e) =>
                    set(
                      'periods',
                      value.periods.map((x, j) => (j === i ? { ...x, id: e.target.value } : x)),
                    )
                  }
                />
              )}
            </FormField>
            <FormField label={t.periodScore}>
              {(f) => (
                <input
                  {...f}
                  inputMode="decimal"
                  value={p.score}
                  onChange={(e) =>
                    set(
                      'periods',
                      value.periods.map((x, j) => (j === i ? { ...x, score: e.target.value } : x)),
                    )
                  }
                />
              )}
            </FormField>
            <FormField label={t.assessedOn}>
              {(f) => (
                <input
                  {...f}
                  type="date"
                  value={p.assessedOn}
                  onChange={(e) =>
                    set(
                      'periods',
                      value.periods.map((x, j) => (j === i ? { ...x, assessedOn: e.target.value } : x)),
                    )
                  }
                />
              )}
            </FormField>
            <button
              type="button"
              className="secondary"
              onClick={() =>
                set(
                  'periods',
                  value.periods.filter((_, j) => j !== i),
                )
              }
            >
              {format(t.removeRow, { n: i + 1 })}
            </button>
          </div>
        ))}
        <button
          type="button"
          className="secondary"
          onClick={() => set('periods', [...value.periods, { id: '', score: '', assessedOn: '' }])}
        >
          {t.addRow}（{t.periods}）
        </button>
      </div>
      <h3>{t.years}</h3>
      <div className="facts-rows">
        {value.years.map((y, i) => (
          <div
            className="facts-row"
            role="group"
            aria-label={`${legend} ${t.years} ${format(t.rowN, { n: i + 1 })}`}
            key={i}
          >
            <FormField label={t.year}>
              {(f) => (
                <input
                  {...f}
                  inputMode="numeric"
                  value={y.year}
                  onChange={(e) =>
                    set(
                      'years',
                      value.years.map((x, j) => (j === i ? { ...x, year: e.target.value } : x)),
                    )
                  }
                />
              )}
            </FormField>
            <FormField label={t.yearScore}>
              {(f) => (
                <input
                  {...f}
                  inputMode="decimal"
                  value={y.score}
                  onChange={(e) =>
                    set(
                      'years',
                      value.years.map((x, j) => (j === i ? { ...x, score: e.target.value } : x)),
                    )
                  }
                />
              )}
            </FormField>
            <FormField label={t.assessedOn}>
              {(f) => (
                <input
                  {...f}
                  type="date"
                  value={y.assessedOn}
                  onChange={(e) =>
                    set(
                      'years',
                      value.years.map((x, j) => (j === i ? { ...x, assessedOn: e.target.value } : x)),
                    )
                  }
                />
              )}
            </FormField>
            <button
              type="button"
              className="secondary"
              onClick={() =>
                set(
                  'years',
                  value.years.filter((_, j) => j !== i),
                )
              }
            >
              {format(t.removeRow, { n: i + 1 })}
            </button>
          </div>
        ))}
        <button
          type="button"
          className="secondary"
          onClick={() => set('years', [...value.years, { year: '', score: '', assessedOn: '' }])}
        >
          {t.addRow}（{t.years}）
        </button>
      </div>
      <h3>{t.quarters}</h3>
      <div className="facts-rows">
        {value.quarters.map((q, i) => (
          <div
            className="facts-row"
            role="group"
            aria-label={`${legend} ${t.quarters} ${format(t.rowN, { n: i + 1 })}`}
            key={i}
          >
            <FormField label={t.quarterId}>
              {(f) => (
                <input
                  {...f}
                  value={q.id}
                  placeholder="2026-Q3"
                  onChange={(e) =>
                    set(
                      'quarters',
                      value.quarters.map((x, j) => (j === i ? { ...x, id: e.target.value } : x)),
                    )
                  }
                />
              )}
            </FormField>
            <FormField label={t.qualified}>
              {(f) => (
                <input
                  {...f}
                  type="checkbox"
                  checked={q.qualified}
                  onChange={(e) =>
                    set(
                      'quarters',
                      value.quarters.map((x, j) => (j === i ? { ...x, qualified: e.target.checked } : x)),
                    )
                  }
                />
              )}
            </FormField>
            <button
              type="button"
              className="secondary"
              onClick={() =>
                set(
                  'quarters',
                  value.quarters.filter((_, j) => j !== i),
                )
              }
            >
              {format(t.removeRow, { n: i + 1 })}
            </button>
          </div>
        ))}
        <button
          type="button"
          className="secondary"
          onClick={() => set('quarters', [...value.quarters, { id: '', qualified: true }])}
        >
          {t.addRow}（{t.quarters}）
        </button>
      </div>
      <h3>{t.acceptance}</h3>
      <div className="facts-row">
        <FormField label={t.acceptancePassed}>
          {(f) => (
            <input
              {...f}
              type="checkbox"
              checked={value.acceptance?.passed ?? false}
              onChange={(e) => set('acceptance', { passed: e.target.checked, date: value.acceptance?.date ?? '' })}
            />
          )}
        </FormField>
        <FormField label={t.acceptanceDate}>
          {(f) => (
            <input
              {...f}
              type="date"
              value={value.acceptance?.date ?? ''}
              onChange={(e) => set('acceptance', { passed: value.acceptance?.passed ?? false, date: e.target.value })}
            />
          )}
        </FormField>
      </div>
    </fieldset>
  );
}
