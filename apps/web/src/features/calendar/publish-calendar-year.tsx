import { FormField } from '../../components/form-field';
import { useMessages } from '../../i18n/i18n';
import { nationalCalendarMessages } from './national-calendar-messages';

/** The year to publish: typed, unless the uploaded file's format carries it (then it is read from the file). */
export function PublishCalendarYear({
  needed,
  year,
  onChange,
  error,
}: {
  needed: boolean;
  year: string;
  onChange(year: string): void;
  error: string | null;
}) {
  const t = useMessages(nationalCalendarMessages);
  return (
    <div className="form-grid">
      {needed ? (
        <FormField label={t.year} error={error}>
          {(p) => (
            <input
              {...p}
              inputMode="numeric"
              value={year}
              onChange={(e) => onChange(e.target.value)}
              data-field="year"
            />
          )}
        </FormField>
      ) : (
        <p className="muted">{t.yearFromFile}</p>
      )}
    </div>
  );
}
