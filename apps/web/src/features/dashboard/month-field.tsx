import { FormField } from '../../components/form-field';
import { useMessages } from '../../i18n/i18n';
import { dashboardMessages } from './dashboard-messages';

/** YYYY-MM or '' (the API's default month). */
export function MonthField({ value, onChange }: { value: string; onChange(month: string): void }) {
  const t = useMessages(dashboardMessages);
  return (
    <FormField label={t.month} hint={t.monthHint}>
      {(p) => <input {...p} type="month" value={value} onChange={(e) => onChange(e.target.value)} />}
    </FormField>
  );
}
