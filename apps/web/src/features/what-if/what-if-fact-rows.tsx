import type { InputHTMLAttributes, ReactNode } from 'react';
import { FormField } from '../../components/form-field';
import { format, useMessages } from '../../i18n/i18n';
import { whatIfMessages } from './what-if-messages';

/**
 * One kind of assumed fact as editable rows: a heading, a labelled group per row (its fields from `children`, which
 * get the row and a way to change some of its fields), a remove button per row and an add button for a `blank` row.
 */
export function FactRows<R>({
  legend,
  title,
  rows,
  blank,
  onChange,
  children,
}: {
  legend: string;
  title: string;
  rows: R[];
  blank: R;
  onChange(rows: R[]): void;
  children: (row: R, patch: (fields: Partial<R>) => void) => ReactNode;
}) {
  const t = useMessages(whatIfMessages);
  return (
    <>
      <h3>{title}</h3>
      <div className="facts-rows">
        {rows.map((row, i) => (
          <div
            className="facts-row"
            role="group"
            aria-label={`${legend} ${title} ${format(t.rowN, { n: i + 1 })}`}
            key={i}
          >
            {children(row, (fields) => onChange(rows.map((x, j) => (j === i ? { ...x, ...fields } : x))))}
            <button type="button" className="secondary" onClick={() => onChange(rows.filter((_, j) => j !== i))}>
              {format(t.removeRow, { n: i + 1 })}
            </button>
          </div>
        ))}
        <button type="button" className="secondary" onClick={() => onChange([...rows, blank])}>
          {t.addRow}（{title}）
        </button>
      </div>
    </>
  );
}

/** A labelled text input of a fact row (type, inputMode and placeholder passed through). */
export function FactInput({
  label,
  value,
  onChange,
  ...rest
}: {
  label: string;
  value: string;
  onChange(value: string): void;
} & Pick<InputHTMLAttributes<HTMLInputElement>, 'type' | 'inputMode' | 'placeholder'>) {
  return (
    <FormField label={label}>
      {(f) => <input {...f} {...rest} value={value} onChange={(e) => onChange(e.target.value)} />}
    </FormField>
  );
}
