import { useId } from 'react';
import { FormField } from '../../components/form-field';
import { format, useMessages } from '../../i18n/i18n';
import { type DayList, type PublishMode } from './national-calendar-format';
import { nationalCalendarMessages } from './national-calendar-messages';
import type { Row } from './use-day-rows';

export function ModeChoice({ mode, onChange }: { mode: PublishMode; onChange(mode: PublishMode): void }) {
  const t = useMessages(nationalCalendarMessages);
  const name = useId();
  return (
    <fieldset className="calendar-fieldset calendar-mode">
      <legend>{t.sourceLegend}</legend>
      {(['days', 'file'] as const).map((m) => (
        <label key={m}>
          <input type="radio" name={name} value={m} checked={mode === m} onChange={() => onChange(m)} />{' '}
          {m === 'days' ? t.modeDays : t.modeFile}
        </label>
      ))}
    </fieldset>
  );
}

export function DayRows({
  list,
  heading,
  empty,
  add,
  rows,
  listError,
  rowError,
  onChange,
  onAdd,
  onRemove,
}: {
  list: DayList;
  heading: string;
  empty: string;
  add: string;
  rows: readonly Row[];
  listError: string | null;
  rowError(...keys: string[]): string | null;
  onChange(list: DayList, key: number, change: Partial<Row>): void;
  onAdd(list: DayList): void;
  onRemove(list: DayList, key: number): void;
}) {
  const t = useMessages(nationalCalendarMessages);
  return (
    <fieldset className="calendar-fieldset" data-list={list}>
      <legend>{heading}</legend>
      {listError ? (
        <p className="field-error" role="alert">
          {listError}
        </p>
      ) : null}
      {rows.length ? null : <p className="muted">{empty}</p>}
      {rows.map((r, i) => (
        <div key={r.key} className="calendar-row" data-row={i}>
          <FormField label={t.dayDate} error={rowError(`${list}[${i}].date`, `${list}[${i}]`)}>
            {(p) => (
              <input
                {...p}
                type="date"
                value={r.date}
                onChange={(e) => onChange(list, r.key, { date: e.target.value })}
                data-field="date"
              />
            )}
          </FormField>
          <FormField label={t.dayName} error={rowError(`${list}[${i}].name`)}>
            {(p) => (
              <input
                {...p}
                value={r.name}
                onChange={(e) => onChange(list, r.key, { name: e.target.value })}
                data-field="name"
              />
            )}
          </FormField>
          <button type="button" className="secondary" onClick={() => onRemove(list, r.key)}>
            {format(t.removeRow, { list: heading, n: i + 1 })}
          </button>
        </div>
      ))}
      <button type="button" className="secondary" onClick={() => onAdd(list)}>
        {add}
      </button>
    </fieldset>
  );
}
