import { FormField } from '../../components/form-field';
import { useMessages } from '../../i18n/i18n';
import { FactInput, FactRows } from './what-if-fact-rows';
import type { FactsDraft, SetFact } from './what-if-facts';
import { whatIfMessages } from './what-if-messages';

/** Assumed quarter qualification, one row per quarter. */
export function FactQuarterRows({ legend, value, set }: { legend: string; value: FactsDraft; set: SetFact }) {
  const t = useMessages(whatIfMessages);
  return (
    <FactRows
      legend={legend}
      title={t.quarters}
      rows={value.quarters}
      blank={{ id: '', qualified: true }}
      onChange={(rows) => set('quarters', rows)}
    >
      {(q, patch) => (
        <>
          <FactInput label={t.quarterId} value={q.id} placeholder="2026-Q3" onChange={(id) => patch({ id })} />
          <FormField label={t.qualified}>
            {(f) => (
              <input
                {...f}
                type="checkbox"
                checked={q.qualified}
                onChange={(e) => patch({ qualified: e.target.checked })}
              />
            )}
          </FormField>
        </>
      )}
    </FactRows>
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
