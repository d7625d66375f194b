import type { Dispatch, SetStateAction } from 'react';
import { FormField } from '../../components/form-field';
import { format, useMessages } from '../../i18n/i18n';
import { periodInputsMessages } from './period-inputs-messages';
import type { SchemeInputs } from './period-inputs-queries';

type Answers = Record<string, string>;

/** The scheme's scored inputs of the period: satisfaction answers, incidents per event and item scores. */
export function PeriodScoreFieldsets({
  scheme,
  satisfaction,
  setSatisfaction,
  incidents,
  setIncidents,
  items,
  setItems,
  problemAt,
}: {
  scheme: SchemeInputs;
  satisfaction: Answers;
  setSatisfaction: Dispatch<SetStateAction<Answers>>;
  incidents: string;
  setIncidents(value: string): void;
  items: Answers;
  setItems: Dispatch<SetStateAction<Answers>>;
  problemAt(path: string): string | null;
}) {
  const t = useMessages(periodInputsMessages);
  return (
    <>
      {scheme.choices.length ? (
        <fieldset>
          <legend>{t.satisfactionHeading}</legend>
          <div className="form-grid">
            {scheme.choices.map((c) => (
              <FormField key={c.input} label={c.label} error={problemAt(`input.satisfaction.${c.input}`)}>
                {(p) => (
                  <select
                    {...p}
                    value={satisfaction[c.input] ?? ''}
                    onChange={(e) => setSatisfaction((s) => ({ ...s, [c.input]: e.target.value }))}
                  >
                    <option value="">{t.notAnswered}</option>
                    {c.choices.map((v) => (
                      <option key={v} value={v}>
                        {v}
                      </option>
                    ))}
                  </select>
                )}
              </FormField>
            ))}
          </div>
          {problemAt('input.satisfaction') ? <p className="field-error">{problemAt('input.satisfaction')}</p> : null}
        </fieldset>
      ) : null}

      {scheme.perEvent ? (
        <fieldset>
          <legend>{t.incidentsHeading}</legend>
          <FormField
            label={format(t.incidents, { label: scheme.perEvent.label })}
            error={problemAt('input.securityIncidents')}
          >
            {(p) => <input {...p} value={incidents} onChange={(e) => setIncidents(e.target.value)} />}
          </FormField>
        </fieldset>
      ) : null}

      {scheme.items ? (
        <fieldset>
          <legend>{format(t.itemsHeading, { max: scheme.items.max ?? '' })}</legend>
          <div className="form-grid">
            {scheme.items.parts.map((item) => (
              <FormField key={item.id} label={item.label} error={problemAt(`input.itemScores.${item.id}`)}>
                {(p) => (
                  <input
                    {...p}
                    inputMode="decimal"
                    value={items[item.id] ?? ''}
                    onChange={(e) => setItems((s) => ({ ...s, [item.id]: e.target.value }))}
                  />
                )}
              </FormField>
            ))}
          </div>
        </fieldset>
      ) : null}
    </>
  );
}
