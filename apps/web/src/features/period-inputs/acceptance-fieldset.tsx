import { FormField } from '../../components/form-field';
import { useMessages } from '../../i18n/i18n';
import { periodInputsMessages } from './period-inputs-messages';
import { YesNoField } from './yes-no-field';
import type { YesNo } from './period-inputs-model';

/** The interest of an acceptance clawback as the buyer types it (004:3104): rate, period and the rate's source. */
export type ClawbackInterestDraft = { annualRatePercent: string; from: string; to: string; source: string };

/** The stored interest as the form's text, empty where nothing was entered. */
export const interestDraft = (stored?: Partial<ClawbackInterestDraft> | null): ClawbackInterestDraft => ({
  annualRatePercent: stored?.annualRatePercent ?? '',
  from: stored?.from ?? '',
  to: stored?.to ?? '',
  source: stored?.source ?? '',
});

/** Sent as typed when any of it is filled: the API reports each missing or wrong part at its field. */
export const interestGiven = (d: ClawbackInterestDraft): boolean => Object.values(d).some((v) => v.trim() !== '');

const FIELDS = [
  { key: 'annualRatePercent', label: 'interestRate', type: 'text' },
  { key: 'from', label: 'interestFrom', type: 'date' },
  { key: 'to', label: 'interestTo', type: 'date' },
  { key: 'source', label: 'interestSource', type: 'text' },
] as const;

/** Shown when acceptance failed; each problem of the API at its field. */
export function ClawbackInterestFields({
  value,
  onChange,
  problemAt,
}: {
  value: ClawbackInterestDraft;
  onChange(value: ClawbackInterestDraft): void;
  problemAt(path: string): string | null;
}) {
  const t = useMessages(periodInputsMessages);
  return (
    <div className="form-grid" data-section="clawback-interest">
      <p className="muted">{t.interestHint}</p>
      {FIELDS.map((f) => (
        <FormField key={f.key} label={t[f.label]} error={problemAt(`input.acceptance.clawbackInterest.${f.key}`)}>
          {(p) => (
            <input
              {...p}
              type={f.type}
              {...(f.key === 'annualRatePercent' ? { inputMode: 'decimal' as const } : {})}
              value={value[f.key]}
              onChange={(e) => onChange({ ...value, [f.key]: e.target.value })}
            />
          )}
        </FormField>
      ))}
    </div>
  );
}

/** The acceptance (验收) of the period: passed, its date, and when it failed the clawback interest. */
export function AcceptanceFieldset(props: {
  passed: YesNo;
  onPassed(v: YesNo): void;
  date: string;
  onDate(v: string): void;
  interest: ClawbackInterestDraft;
  onInterest(v: ClawbackInterestDraft): void;
  problemAt(path: string): string | null;
}) {
  const t = useMessages(periodInputsMessages);
  return (
    <fieldset>
      <legend>{t.acceptanceHeading}</legend>
      <div className="form-grid">
        <YesNoField
          label={t.acceptancePassed}
          value={props.passed}
          onChange={props.onPassed}
          error={props.problemAt('input.acceptance.passed')}
        />
        <FormField label={t.acceptanceDate} error={props.problemAt('input.acceptance.date')}>
          {(p) => <input {...p} type="date" value={props.date} onChange={(e) => props.onDate(e.target.value)} />}
        </FormField>
      </div>
      {props.passed === 'no' ? (
        <ClawbackInterestFields value={props.interest} onChange={props.onInterest} problemAt={props.problemAt} />
      ) : null}
    </fieldset>
  );
}
