import { FormField } from '../../components/form-field';
import { format, useMessages } from '../../i18n/i18n';
import type { FactsDraft, SetFact } from './what-if-facts';
import { whatIfMessages } from './what-if-messages';

/** Assumed quarter qualification, one row per quarter. */
export function FactQuarterRows({ legend, value, set }: { legend: string; value: FactsDraft; set: SetFact }) {
  const t = useMessages(whatIfMessages);
  return (
    <>
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
    </>
  );
}

/** The assumed acceptance, or none. */
export function FactAcceptance({ value, set }: { value: FactsDraft; set: SetFact }) {
  const t = useMessages(whatIfMessages);
  return (
    <>
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
    </>
  );
}
