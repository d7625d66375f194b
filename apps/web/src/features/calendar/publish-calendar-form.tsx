import { useState } from 'react';
import { type GqlProblem, GraphqlRequestError } from '../../api/graphql-client';
import { useGraphqlMutation } from '../../api/use-graphql';
import { FormField } from '../../components/form-field';
import { ErrorState, problemsOf, useProblemText } from '../../components/query-state';
import { format, useMessages } from '../../i18n/i18n';
import {
  type DayList,
  type FileFormat,
  placeProblems,
  type PublishMode,
  withRowReference,
} from './national-calendar-format';
import { nationalCalendarMessages } from './national-calendar-messages';
import {
  type CalendarYear,
  type PublicationResult,
  PUBLISH_NATIONAL_CALENDAR,
  PUBLISH_NATIONAL_CALENDAR_FILE,
  type PublishNationalCalendarFileInput,
  type PublishNationalCalendarInput,
} from './national-calendar-queries';
import { type LoadedFile, PublishCalendarFile } from './publish-calendar-file';
import { type Notice, PublishCalendarNotice } from './publish-calendar-notice';
import { DayRows, ModeChoice } from './publish-calendar-rows';
import { PublishCalendarYear } from './publish-calendar-year';
import { type Row, useDayRows } from './use-day-rows';

/**
 * Publishes a year of the national calendar: the notice, a reason when it corrects a published year, and the days
 * entered row by row or read from an uploaded holiday-cn / chinese-days file (read here, sent as text). Every problem
 * of a refusal is shown at its field or row; a file's problems are listed with their location in the file.
 */
export function PublishCalendarForm({
  years,
  onAttempt,
  onPublished,
}: {
  years: readonly CalendarYear[];
  onAttempt(): void;
  onPublished(result: PublicationResult): void;
}) {
  const t = useMessages(nationalCalendarMessages);
  const problemText = useProblemText();
  const firstProvisional = years.find((y) => y.status !== 'published')?.year;
  const [year, setYear] = useState(firstProvisional !== undefined ? String(firstProvisional) : '');
  const [notice, setNotice] = useState<Notice>({ title: '', number: '', date: '' });
  const [reason, setReason] = useState('');
  const [mode, setMode] = useState<PublishMode>('days');
  const [fileFormat, setFileFormat] = useState<FileFormat>('holiday-cn');
  const [file, setFile] = useState<LoadedFile | null>(null);
  // The problems of the last attempt (found here before sending, or the API's refusal), and an error without any.
  const [problems, setProblems] = useState<readonly GqlProblem[]>([]);
  const [failure, setFailure] = useState<GraphqlRequestError | null>(null);
  const [sent, setSent] = useState<PublishMode>('days');
  // The rows after a removed one move up: the problems of the last attempt no longer point at the right ones.
  const { rows, setRow, addRow, removeRow } = useDayRows(() => setProblems([]));
  const [publishDays, daysState] = useGraphqlMutation(PUBLISH_NATIONAL_CALENDAR);
  const [publishFile, fileState] = useGraphqlMutation(PUBLISH_NATIONAL_CALENDAR_FILE);
  const placed = placeProblems(problems, sent, fileFormat);
  const listName = (list: DayList) => (list === 'holidays' ? t.holidaysHeading : t.makeUpHeading);
  const dayLists = [
    { list: 'holidays', heading: t.holidaysHeading, empty: t.noHolidayRows, add: t.addHoliday },
    { list: 'makeUpWorkdays', heading: t.makeUpHeading, empty: t.noMakeUpRows, add: t.addMakeUp },
  ] as const;
  const textOf = (p: GqlProblem) =>
    problemText(withRowReference(p, (r) => format(t.rowRef, { list: listName(r.list), n: r.n })));
  const at = (...keys: string[]) =>
    keys
      .flatMap((k) => placed.fields.get(k) ?? [])
      .map(textOf)
      .join('；') || null;
  const yearNeeded = mode === 'days' || fileFormat === 'chinese-days';
  const correcting = yearNeeded && years.some((y) => y.status === 'published' && String(y.year) === year.trim());

  const chooseFile = async (chosen: File | undefined) => {
    setFile(null);
    if (!chosen) return;
    try {
      setFile({ name: chosen.name, size: chosen.size, content: await chosen.text() });
    } catch {
      setSent('file');
      setProblems([{ path: 'input.content', code: 'value.invalid', message: '' }]);
    }
  };

  const submit = async () => {
    onAttempt();
    setSent(mode);
    const found: GqlProblem[] = [];
    const y = year.trim();
    if (yearNeeded && !/^\d{4}$/.test(y))
      found.push({ path: 'input.year', code: y ? 'number.integer' : 'value.required', message: '' });
    if (mode === 'file' && !file) found.push({ path: 'input.content', code: 'value.required', message: '' });
    setProblems(found);
    setFailure(null);
    if (found.length) return;
    const withReason = reason.trim() ? { reason } : {};
    try {
      if (mode === 'days') {
        const day = (r: Row) => ({ date: r.date, name: r.name });
        const input: PublishNationalCalendarInput = {
          year: Number(y),
          notice,
          holidays: rows.holidays.map(day),
          makeUpWorkdays: rows.makeUpWorkdays.map(day),
          ...withReason,
        };
        onPublished((await publishDays({ input })).publishNationalCalendar);
      } else if (file) {
        const input: PublishNationalCalendarFileInput = {
          format: fileFormat,
          content: file.content,
          notice,
          ...(yearNeeded ? { year: Number(y) } : {}),
          ...withReason,
        };
        onPublished((await publishFile({ input })).publishNationalCalendarFile);
      }
    } catch (e) {
      // Each problem at its field, row or file location; an error without problems (no rights, no network) as it is.
      const refused = e instanceof GraphqlRequestError ? e : null;
      setProblems(problemsOf(refused));
      setFailure(refused && !problemsOf(refused).length ? refused : null);
    }
  };

  const running = daysState.running || fileState.running;
  return (
    <form
      className="publish-calendar"
      aria-label={t.publishHeading}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <p className="muted">{t.publishIntro}</p>
      <PublishCalendarYear needed={yearNeeded} year={year} onChange={setYear} error={at('year')} />
      <PublishCalendarNotice notice={notice} onChange={setNotice} at={at} />
      {correcting ? (
        <p className="notice" role="note">
          {format(t.correctionNote, { year: year.trim() })}
        </p>
      ) : null}
      <FormField label={t.reason} hint={t.reasonHint} error={at('reason')}>
        {(p) => <textarea {...p} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />}
      </FormField>
      <ModeChoice mode={mode} onChange={setMode} />
      {mode === 'days' ? (
        dayLists.map((l) => (
          <DayRows
            key={l.list}
            {...l}
            rows={rows[l.list]}
            listError={at(l.list)}
            rowError={at}
            onChange={setRow}
            onAdd={addRow}
            onRemove={removeRow}
          />
        ))
      ) : (
        <PublishCalendarFile
          fileFormat={fileFormat}
          setFileFormat={setFileFormat}
          file={file}
          onChoose={chooseFile}
          fileProblems={placed.file}
          at={at}
          textOf={textOf}
        />
      )}
      {placed.other.length ? (
        <div className="field-error" role="alert">
          <strong>{t.otherProblems}</strong>
          <ul>
            {placed.other.map((p, i) => (
              <li key={i}>{textOf(p)}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {failure ? <ErrorState error={failure} /> : null}
      <button type="submit" disabled={running}>
        {running ? t.publishing : t.publish}
      </button>
    </form>
  );
}
