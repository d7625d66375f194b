import type { Dispatch, SetStateAction } from 'react';
import { FormField } from '../../components/form-field';
import { format, useMessages } from '../../i18n/i18n';
import type { Person } from './period-inputs-model';
import { periodInputsMessages } from './period-inputs-messages';
import type { SchemeInputs } from './period-inputs-queries';

/** The staff scores of the period: one row per person, a field per scheme part and the bonuses. */
export function PeriodStaffFieldset({
  staff,
  people,
  setPeople,
  problemAt,
}: {
  staff: NonNullable<SchemeInputs['staff']>;
  people: Person[];
  setPeople: Dispatch<SetStateAction<Person[]>>;
  problemAt(path: string): string | null;
}) {
  const t = useMessages(periodInputsMessages);
  const setPart = (i: number, part: string, value: string) =>
    setPeople((ps) => ps.map((p, j) => (j === i ? { ...p, parts: { ...p.parts, [part]: value } } : p)));
  const setPerson = (i: number, change: Partial<Person>) =>
    setPeople((ps) => ps.map((p, j) => (j === i ? { ...p, ...change } : p)));
  return (
    <fieldset>
      <legend>{t.staffHeading}</legend>
      {problemAt('input.staffScores') && !people.length ? (
        <p className="field-error">{problemAt('input.staffScores')}</p>
      ) : null}
      {people.map((person, i) => (
        <fieldset key={i} className="person">
          <legend>{format(t.person, { n: i + 1 })}</legend>
          <div className="form-grid">
            <FormField label={t.personId} error={problemAt(`input.staffScores[${i}].personId`)}>
              {(p) => (
                <input {...p} value={person.personId} onChange={(e) => setPerson(i, { personId: e.target.value })} />
              )}
            </FormField>
            <FormField label={t.personName}>
              {(p) => <input {...p} value={person.name} onChange={(e) => setPerson(i, { name: e.target.value })} />}
            </FormField>
            {staff.parts.map((part) => (
              <FormField
                key={part.id}
                label={format(t.partLabel, { label: part.label, max: part.max })}
                error={problemAt(`input.staffScores[${i}].${part.id}`)}
              >
                {(p) => (
                  <input
                    {...p}
                    inputMode="decimal"
                    value={person.parts[part.id] ?? ''}
                    onChange={(e) => setPart(i, part.id, e.target.value)}
                  />
                )}
              </FormField>
            ))}
            {staff.bonus ? (
              <FormField label={format(t.bonuses, staff.bonus)} error={problemAt(`input.staffScores[${i}].bonuses`)}>
                {(p) => (
                  <input {...p} value={person.bonuses} onChange={(e) => setPerson(i, { bonuses: e.target.value })} />
                )}
              </FormField>
            ) : null}
          </div>
          <button type="button" className="secondary" onClick={() => setPeople((ps) => ps.filter((_, j) => j !== i))}>
            {format(t.removePerson, { n: i + 1 })}
          </button>
        </fieldset>
      ))}
      <button
        type="button"
        className="secondary"
        onClick={() => setPeople((ps) => [...ps, { personId: '', name: '', parts: {}, bonuses: '' }])}
      >
        {t.addPerson}
      </button>
    </fieldset>
  );
}
