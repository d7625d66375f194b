import { useState } from 'react';
import { useGraphqlQuery } from '../../api/use-graphql';
import { FormField } from '../../components/form-field';
import { useErrorReason } from '../../components/query-state';
import { format, useLocale, useMessages } from '../../i18n/i18n';
// The one dictionary of engine strings (dependency-free, imported by relative path like components/explanation-text.ts).
// eslint-disable-next-line @nx/enforce-module-boundaries -- the web bundle has no @ledger aliases; the module is dependency-free
import { describeCalendarVersion } from '../../../../../libs/contracts/src/explain/explanation-texts';
import { AttendanceGrid, type AttendanceRow, workingDatesOf } from './attendance-grid';
import { reportMessages } from './report-messages';
import type { ContractConfigView, MonthlyReport, PersonShare } from './report-queries';
import { workingDaysMessages } from './working-days-messages';
import { WORKING_DAYS } from './working-days-queries';

type Role = NonNullable<NonNullable<ContractConfigView['staffing']>['roles']>[number];

/** The report's attendance: the grid on the contract's working-day calendar, and a person to add. */
export function ReportAttendanceSection({
  contractId,
  month,
  rows,
  onRowsChange,
  previous,
  roles,
  shares,
  problemsAt,
}: {
  contractId: string;
  month: string;
  rows: AttendanceRow[];
  onRowsChange(rows: AttendanceRow[]): void;
  previous: MonthlyReport | null;
  roles: Role[];
  shares: Map<string, PersonShare>;
  problemsAt(path: string): string[];
}) {
  const t = useMessages(reportMessages);
  const w = useMessages(workingDaysMessages);
  const { locale } = useLocale();
  const errorReason = useErrorReason();
  const calendarQuery = useGraphqlQuery(WORKING_DAYS, { id: contractId, month });
  const calendar =
    calendarQuery.status === 'ready' ? new Map(calendarQuery.data.workingDays.days.map((d) => [d.date, d])) : null;
  const [newPerson, setNewPerson] = useState({ personId: '', name: '', roleId: '' });
  const roleName = (id: string) => roles.find((r) => r.id === id)?.name ?? id;
  const at = problemsAt;
  return (
    <>
      <h3>{t.attendance}</h3>
      {rows.length === 0 ? (
        <p>
          {t.rosterEmpty}{' '}
          {previous ? (
            <button
              type="button"
              onClick={() =>
                onRowsChange(
                  previous.report.attendance.map((a) => ({
                    personId: a.personId,
                    name: a.name ?? '',
                    roleId: a.roleId,
                    dates: [],
                    daysPresent: '',
                  })),
                )
              }
            >
              {format(t.copyPrevious, { month: previous.month })}
            </button>
          ) : null}
        </p>
      ) : (
        <>
          {calendarQuery.status === 'ready' ? (
            <p className="muted" data-field="calendar-note">
              {format(w.calendarNote, {
                count: calendarQuery.data.workingDays.workingDayCount,
                version: describeCalendarVersion(calendarQuery.data.workingDays.calendarVersion, locale),
              })}
            </p>
          ) : calendarQuery.status === 'error' ? (
            <p className="muted" role="status">
              {format(w.calendarUnavailable, { message: calendarQuery.error.errors.map(errorReason).join('；') })}
            </p>
          ) : null}
          <button
            type="button"
            onClick={() =>
              onRowsChange(rows.map((r) => ({ ...r, dates: workingDatesOf(month, calendar), daysPresent: '' })))
            }
          >
            {w.fillAllWorkingDays}
          </button>
          <AttendanceGrid
            month={month}
            calendar={calendar}
            rows={rows}
            roleName={roleName}
            shares={shares}
            problemsOf={(i) => at(`attendance[${i}]`)}
            onChange={(i, row) => onRowsChange(rows.map((r, j) => (j === i ? row : r)))}
            onRemove={(i) => onRowsChange(rows.filter((_, j) => j !== i))}
          />
        </>
      )}
      {at('attendance').length && !rows.length ? <p className="field-error">{at('attendance').join('；')}</p> : null}
      <fieldset className="inline-form">
        <legend>{t.addPerson}</legend>
        <FormField label={t.personId}>
          {(p) => (
            <input
              {...p}
              value={newPerson.personId}
              onChange={(e) => setNewPerson({ ...newPerson, personId: e.target.value })}
            />
          )}
        </FormField>
        <FormField label={t.name}>
          {(p) => (
            <input
              {...p}
              value={newPerson.name}
              onChange={(e) => setNewPerson({ ...newPerson, name: e.target.value })}
            />
          )}
        </FormField>
        <FormField label={t.role}>
          {(p) => (
            <select
              {...p}
              value={newPerson.roleId}
              onChange={(e) => setNewPerson({ ...newPerson, roleId: e.target.value })}
            >
              <option value="">—</option>
              {roles.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name ?? r.id} ({r.countsForAttendance === false ? t.notCounted : t.counted})
                </option>
              ))}
            </select>
          )}
        </FormField>
        <button
          type="button"
          disabled={
            !newPerson.personId.trim() ||
            !newPerson.roleId ||
            rows.some((r) => r.personId === newPerson.personId.trim())
          }
          onClick={() => {
            onRowsChange([
              ...rows,
              {
                personId: newPerson.personId.trim(),
                name: newPerson.name.trim(),
                roleId: newPerson.roleId,
                dates: [],
                daysPresent: '',
              },
            ]);
            setNewPerson({ personId: '', name: '', roleId: '' });
          }}
        >
          {t.addPerson}
        </button>
      </fieldset>
    </>
  );
}
