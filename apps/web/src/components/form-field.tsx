import { type ReactNode, useId } from 'react';

/** What a field hands its control: the id its label points at, and the hint/error it is described by. */
export type FieldControlProps = { id: string; 'aria-describedby'?: string; 'aria-invalid'?: boolean };

/**
 * A labelled form control: every input, select and textarea goes through this, so none is without a label.
 * `<FormField label={t.email}>{(p) => <input {...p} type="email" />}</FormField>`
 */
export function FormField({
  label,
  hint,
  error,
  children,
}: {
  label: string;
  hint?: string;
  error?: string | null;
  children: (props: FieldControlProps) => ReactNode;
}) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className="form-field">
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-describedby': describedBy, 'aria-invalid': error ? true : undefined })}
      {hint ? (
        <small id={hintId} className="hint">
          {hint}
        </small>
      ) : null}
      {error ? (
        <small id={errorId} className="field-error" role="alert">
          {error}
        </small>
      ) : null}
    </div>
  );
}

/** A labelled select of plain string choices, each shown as itself; `blank` adds a first empty option with that text. */
export function ChoiceField({
  label,
  hint,
  error,
  value,
  choices,
  blank,
  choiceLabel,
  onChange,
}: {
  label: string;
  hint?: string;
  error?: string | null;
  value: string;
  choices: readonly string[];
  blank?: string;
  /** How a choice is shown (an id such as 2026-H1 as 2026年上半年); the choice itself by default. */
  choiceLabel?(choice: string): string;
  onChange(value: string): void;
}) {
  return (
    <FormField label={label} hint={hint} error={error}>
      {(p) => (
        <select {...p} value={value} onChange={(e) => onChange(e.target.value)}>
          {blank !== undefined ? <option value="">{blank}</option> : null}
          {choices.map((c) => (
            <option key={c} value={c}>
              {choiceLabel ? choiceLabel(c) : c}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
}
