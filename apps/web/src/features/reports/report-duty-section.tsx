import { useGraphqlQuery } from '../../api/use-graphql';
import { FormField } from '../../components/form-field';
import { format, useLocale, useMessages } from '../../i18n/i18n';
import { formatDate } from '../../i18n/local-format';
import type { DutyRows } from './report-form-model';
import { reportMessages } from './report-messages';
import { dayKindText, workingDaysMessages } from './working-days-messages';
import { WORKING_DAYS } from './working-days-queries';

/**
 * Holiday duty (domain.md rule 16): who was on duty on each non-working day of the month, one line per day of the
 * contract calendar. Shown only when the contract asks for it (staffing.holidayDuty).
 */
export function ReportDutySection({
  contractId,
  month,
  minOnDuty,
  duty,
  onChange,
  problems,
}: {
  contractId: string;
  month: string;
  minOnDuty: number;
  duty: DutyRows;
  onChange(duty: DutyRows): void;
  problems: string[];
}) {
  const t = useMessages(reportMessages);
  const w = useMessages(workingDaysMessages);
  const { locale } = useLocale();
  const calendarQuery = useGraphqlQuery(WORKING_DAYS, { id: contractId, month });
  const days = calendarQuery.status === 'ready' ? calendarQuery.data.workingDays.days.filter((d) => !d.working) : [];
  return (
    <section aria-labelledby="report-duty" data-section="holiday-duty">
      <h3 id="report-duty">{t.holidayDuty}</h3>
      <p className="muted">{format(t.holidayDutyHint, { min: minOnDuty })}</p>
      {problems.length ? <p className="field-error">{problems.join('；')}</p> : null}
      {calendarQuery.status === 'ready' && days.length === 0 ? <p className="muted">{t.noOffDays}</p> : null}
      {days.map((d) => (
        <FormField
          key={d.date}
          label={format(t.dutyOn, {
            date: formatDate(d.date, locale),
            why: d.name ? `${d.name}，${dayKindText(w, d.kind)}` : dayKindText(w, d.kind),
          })}
        >
          {(p) => (
            <input
              {...p}
              data-duty={d.date}
              placeholder={t.dutyPlaceholder}
              value={duty[d.date] ?? ''}
              onChange={(e) => onChange({ ...duty, [d.date]: e.target.value })}
            />
          )}
        </FormField>
      ))}
    </section>
  );
}
