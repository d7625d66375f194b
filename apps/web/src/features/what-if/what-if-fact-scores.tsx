import { FormField } from '../../components/form-field';
import { format, useMessages } from '../../i18n/i18n';
import type { FactsDraft, SetFact } from './what-if-facts';
import { whatIfMessages } from './what-if-messages';

/** Assumed period scores, one row per period. */
export function FactPeriodRows({ legend, value, set }: { legend: string; value: FactsDraft; set: SetFact }) {
  const t = useMessages(whatIfMessages);
  return (
    <>
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
    </>
  );
}

/** Assumed year scores, one row per year. */
export function FactYearRows({ legend, value, set }: { legend: string; value: FactsDraft; set: SetFact }) {
  const t = useMessages(whatIfMessages);
  return (
    <>
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
    </>
  );
}
