import { format, useMessages } from '../../i18n/i18n';
import { reportMessages } from './report-messages';
import { workingDaysMessages } from './working-days-messages';

/**
 * A person's header cell in the attendance grid: the name, id and role, the row's problems and, unless read-only,
 * the row's quick actions (every working day, clear, remove), each named with the person.
 */
export function AttendanceRowHead({
  who,
  personId,
  role,
  problems,
  readOnly,
  onFill,
  onClear,
  onRemove,
}: {
  who: string;
  personId: string;
  role: string;
  problems: readonly string[];
  readOnly: boolean;
  onFill(): void;
  onClear(): void;
  onRemove(): void;
}) {
  const t = useMessages(reportMessages);
  const w = useMessages(workingDaysMessages);
  const actions = [
    { label: format(w.fillWorkingDays, { name: who }), text: w.workingDaysShort, run: onFill },
    { label: format(t.clearRow, { name: who }), text: t.clearShort, run: onClear },
    { label: format(t.removePerson, { name: who }), text: t.removeShort, run: onRemove },
  ];
  return (
    <th scope="row">
      {who} <span className="muted">{personId}</span>
      <div className="muted">{role}</div>
      {problems.map((p) => (
        <div key={p} className="field-error" role="alert">
          {p}
        </div>
      ))}
      {readOnly ? null : (
        <div className="row-actions">
          {actions.map((a) => (
            <button key={a.label} type="button" className="link-button" aria-label={a.label} onClick={() => a.run()}>
              {a.text}
            </button>
          ))}
        </div>
      )}
    </th>
  );
}
