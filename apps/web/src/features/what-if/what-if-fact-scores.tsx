import { useMessages } from '../../i18n/i18n';
import { FactInput, FactRows } from './what-if-fact-rows';
import type { FactsDraft, SetFact } from './what-if-facts';
import { whatIfMessages } from './what-if-messages';

/** Assumed period scores, one row per period. */
export function FactPeriodRows({ legend, value, set }: { legend: string; value: FactsDraft; set: SetFact }) {
  const t = useMessages(whatIfMessages);
  return (
    <FactRows
      legend={legend}
      title={t.periods}
      rows={value.periods}
      blank={{ id: '', score: '', assessedOn: '' }}
      onChange={(rows) => set('periods', rows)}
    >
      {(p, patch) => (
        <>
          <FactInput label={t.periodId} value={p.id} placeholder="2026-H1" onChange={(id) => patch({ id })} />
          <FactInput label={t.periodScore} inputMode="decimal" value={p.score} onChange={(score) => patch({ score })} />
          <FactInput
            label={t.assessedOn}
            type="date"
            value={p.assessedOn}
            onChange={(assessedOn) => patch({ assessedOn })}
          />
        </>
      )}
    </FactRows>
  );
}

/** Assumed year scores, one row per year. */
export function FactYearRows({ legend, value, set }: { legend: string; value: FactsDraft; set: SetFact }) {
  const t = useMessages(whatIfMessages);
  return (
    <FactRows
      legend={legend}
      title={t.years}
      rows={value.years}
      blank={{ year: '', score: '', assessedOn: '' }}
      onChange={(rows) => set('years', rows)}
    >
      {(y, patch) => (
        <>
          <FactInput label={t.year} inputMode="numeric" value={y.year} onChange={(year) => patch({ year })} />
          <FactInput label={t.yearScore} inputMode="decimal" value={y.score} onChange={(score) => patch({ score })} />
          <FactInput
            label={t.assessedOn}
            type="date"
            value={y.assessedOn}
            onChange={(assessedOn) => patch({ assessedOn })}
          />
        </>
      )}
    </FactRows>
  );
}
