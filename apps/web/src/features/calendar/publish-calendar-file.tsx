import type { GqlProblem } from '../../api/graphql-client';
import { FormField } from '../../components/form-field';
import { format, useMessages } from '../../i18n/i18n';
import { FILE_FORMATS, type FileFormat, type PlacedProblems } from './national-calendar-format';
import { nationalCalendarMessages } from './national-calendar-messages';

export type LoadedFile = { name: string; size: number; content: string };

/** The uploaded-file mode: the file's format, the file (read in the browser), and its problems by location. */
export function PublishCalendarFile({
  fileFormat,
  setFileFormat,
  file,
  onChoose,
  fileProblems,
  at,
  textOf,
}: {
  fileFormat: FileFormat;
  setFileFormat(format: FileFormat): void;
  file: LoadedFile | null;
  onChoose(chosen: File | undefined): Promise<void>;
  fileProblems: PlacedProblems['file'];
  at(...keys: string[]): string | null;
  textOf(p: GqlProblem): string;
}) {
  const t = useMessages(nationalCalendarMessages);
  return (
    <fieldset className="calendar-fieldset">
      <legend>{t.modeFile}</legend>
      <div className="form-grid">
        <FormField label={t.fileFormat} hint={t.fileFormatHint} error={at('format')}>
          {(p) => (
            <select
              {...p}
              value={fileFormat}
              onChange={(e) => setFileFormat(FILE_FORMATS.find((f) => f === e.target.value) ?? 'holiday-cn')}
            >
              {FILE_FORMATS.map((f) => (
                <option key={f} value={f} translate="no">
                  {f}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField
          label={t.file}
          hint={file ? format(t.fileRead, { name: file.name, size: file.size }) : undefined}
          error={at('content') ?? (fileProblems.length ? format(t.fileProblems, { n: fileProblems.length }) : null)}
        >
          {(p) => (
            <input
              {...p}
              type="file"
              accept=".json,application/json"
              onChange={(e) => void onChoose(e.target.files?.[0])}
            />
          )}
        </FormField>
      </div>
      {fileProblems.length ? (
        <div className="calendar-file-problems" data-testid="file-problems">
          <h3>{t.fileProblemsHeading}</h3>
          <ul>
            {fileProblems.map((f, i) => (
              <li key={i} data-location={f.location}>
                {f.location ? (
                  <>
                    {t.location} <code translate="no">{f.location}</code>
                  </>
                ) : (
                  t.wholeFile
                )}
                {t.colon}
                {textOf(f.problem)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </fieldset>
  );
}
