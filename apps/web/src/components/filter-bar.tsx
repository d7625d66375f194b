import type { FormEvent, ReactNode } from 'react';
import { FormField } from './form-field';

/**
 * The frame of a list's filter form: a search box first, the list's own fields (`children`), then "apply" and
 * "clear". Applied on submit, so typing does not query on every key.
 */
export function FilterBar({
  className,
  labels,
  text,
  onText,
  onApply,
  onClear,
  children,
}: {
  className: string;
  labels: { legend: string; text: string; apply: string; clear: string };
  text: string;
  onText(text: string): void;
  onApply(): void;
  onClear(): void;
  children: ReactNode;
}) {
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onApply();
  };
  return (
    <form className={className} onSubmit={submit} aria-label={labels.legend}>
      <FormField label={labels.text}>
        {(p) => <input {...p} type="search" maxLength={100} value={text} onChange={(e) => onText(e.target.value)} />}
      </FormField>
      {children}
      <button type="submit">{labels.apply}</button>
      <button type="button" onClick={onClear}>
        {labels.clear}
      </button>
    </form>
  );
}

/** A yes/no filter: a checkbox inside its label. */
export function FilterCheck({
  label,
  checked,
  onChange,
}: {
  label: string;
  checked: boolean;
  onChange(checked: boolean): void;
}) {
  return (
    <label>
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} /> {label}
    </label>
  );
}
