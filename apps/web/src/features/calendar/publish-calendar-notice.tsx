import { FormField } from '../../components/form-field';
import { useMessages } from '../../i18n/i18n';
import { nationalCalendarMessages } from './national-calendar-messages';

export type Notice = { title: string; number: string; date: string };

/** The State Council notice a published year comes from: its title, number and date. */
export function PublishCalendarNotice({
  notice,
  onChange,
  at,
}: {
  notice: Notice;
  onChange(notice: Notice): void;
  at(...keys: string[]): string | null;
}) {
  const t = useMessages(nationalCalendarMessages);
  return (
    <fieldset className="calendar-fieldset">
      <legend>{t.noticeLegend}</legend>
      <div className="form-grid">
        <FormField label={t.noticeTitle} hint={t.noticeTitleHint} error={at('notice.title')}>
          {(p) => (
            <input {...p} value={notice.title} onChange={(e) => onChange({ ...notice, title: e.target.value })} />
          )}
        </FormField>
        <FormField label={t.noticeNumber} hint={t.noticeNumberHint} error={at('notice.number')}>
          {(p) => (
            <input {...p} value={notice.number} onChange={(e) => onChange({ ...notice, number: e.target.value })} />
          )}
        </FormField>
        <FormField label={t.noticeDate} error={at('notice.date')}>
          {(p) => (
            <input
              {...p}
              type="date"
              value={notice.date}
              onChange={(e) => onChange({ ...notice, date: e.target.value })}
            />
          )}
        </FormField>
      </div>
    </fieldset>
  );
}
