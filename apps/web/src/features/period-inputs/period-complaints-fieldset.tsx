import type { Dispatch, SetStateAction } from 'react';
import { FormField } from '../../components/form-field';
import { useMessages } from '../../i18n/i18n';
import { periodInputsMessages } from './period-inputs-messages';

export type Complaints = { valid: string; invalid: string };

/** The period's complaints against the vendor: valid and invalid counts. */
export function PeriodComplaintsFieldset({
  complaints,
  setComplaints,
  problemAt,
}: {
  complaints: Complaints;
  setComplaints: Dispatch<SetStateAction<Complaints>>;
  problemAt(path: string): string | null;
}) {
  const t = useMessages(periodInputsMessages);
  return (
    <fieldset>
      <legend>{t.complaintsHeading}</legend>
      <div className="form-grid">
        <FormField label={t.complaintsValid} error={problemAt('input.complaints.valid')}>
          {(p) => (
            <input
              {...p}
              type="number"
              min={0}
              step={1}
              value={complaints.valid}
              onChange={(e) => setComplaints((c) => ({ ...c, valid: e.target.value }))}
            />
          )}
        </FormField>
        <FormField label={t.complaintsInvalid} error={problemAt('input.complaints.invalid')}>
          {(p) => (
            <input
              {...p}
              type="number"
              min={0}
              step={1}
              value={complaints.invalid}
              onChange={(e) => setComplaints((c) => ({ ...c, invalid: e.target.value }))}
            />
          )}
        </FormField>
      </div>
    </fieldset>
  );
}
