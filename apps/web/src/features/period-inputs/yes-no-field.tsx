import { FormField } from '../../components/form-field';
import { useMessages } from '../../i18n/i18n';
import { periodInputsMessages } from './period-inputs-messages';
import { YesNo } from './period-inputs-model';

export function YesNoField({
  label,
  value,
  onChange,
  error,
}: {
  label: string;
  value: YesNo;
  onChange(v: YesNo): void;
  error?: string | null;
}) {
  const t = useMessages(periodInputsMessages);
  return (
    <FormField label={label} error={error}>
      {(p) => (
        <select {...p} value={value} onChange={(e) => onChange(e.target.value as YesNo)}>
          <option value="">{t.unset}</option>
          <option value="yes">{t.yes}</option>
          <option value="no">{t.no}</option>
        </select>
      )}
    </FormField>
  );
}
