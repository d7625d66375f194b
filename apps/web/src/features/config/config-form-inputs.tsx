import { useEffect, useState } from 'react';
import { FormField } from '../../components/form-field';
import { numericValue } from './config-path';
import type { Choice, FieldNode } from './config-form-nodes';
import { isRecord } from './contract-config-types';
import { FieldContext } from './config-form-fields';

export function shown(v: unknown): string {
  return typeof v === 'string' || typeof v === 'number' ? String(v) : '';
}

/** A select's options, one a choice: its value, shown by its label. */
export function ChoiceOptions({ choices }: { choices: readonly Choice[] }) {
  return (
    <>
      {choices.map((c) => (
        <option key={c.value} value={c.value}>
          {c.label}
        </option>
      ))}
    </>
  );
}

/**
 * A number typed as text: the text stays as typed while it means the stored value ("1.0", "1."), so the caret does
 * not jump; a value changed elsewhere (undo, a new version) replaces it.
 */
export function NumberInput({
  value,
  onChange,
  ...props
}: {
  value: unknown;
  onChange(typed: string): void;
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean;
}) {
  const [typed, setTyped] = useState(shown(value));
  useEffect(() => {
    setTyped((t) => (numericValue(t, value) === value || (t.trim() === '' && value === undefined) ? t : shown(value)));
  }, [value]);
  return (
    <input
      {...props}
      inputMode="decimal"
      value={typed}
      onChange={(e) => {
        setTyped(e.target.value);
        onChange(e.target.value);
      }}
    />
  );
}

/** An SLA limit: minutes, or working days counted elapsed or to the end of the day; switching the unit keeps the number. */
export function DurationField({
  node,
  ctx,
  value,
  error,
}: {
  node: Extract<FieldNode, { kind: 'duration' }>;
  ctx: FieldContext;
  value: unknown;
  error: string | null;
}) {
  const d = isRecord(value) ? value : {};
  const unit = d.workingDays !== undefined ? 'workingDays' : 'minutes';
  const amount = unit === 'workingDays' ? d.workingDays : d.minutes;
  const mode = shown(d.mode) || 'elapsed';
  const put = (u: string, typed: unknown, m: string) => {
    const n = typeof typed === 'string' ? numericValue(typed, typeof amount === 'string' ? amount : 0) : typed;
    ctx.set(node.path, u === 'workingDays' ? { workingDays: n, mode: m } : n === undefined ? {} : { minutes: n });
  };
  return (
    <>
      <FormField label={node.unitLabel}>
        {(p) => (
          <select {...p} value={unit} onChange={(e) => put(e.target.value, amount, mode)}>
            <ChoiceOptions choices={node.units} />
          </select>
        )}
      </FormField>
      <FormField label={node.label} error={error}>
        {(p) => <NumberInput {...p} value={amount} onChange={(typed) => put(unit, typed, mode)} />}
      </FormField>
      {unit === 'workingDays' ? (
        <FormField label={node.modeLabel}>
          {(p) => (
            <select {...p} value={mode} onChange={(e) => put(unit, amount, e.target.value)}>
              <ChoiceOptions choices={node.modes} />
            </select>
          )}
        </FormField>
      ) : null}
    </>
  );
}

/** A ladder's bound: a number (none when left empty) and whether it is included, which needs a number first. */
export function BoundField({
  node,
  ctx,
  value,
  error,
}: {
  node: Extract<FieldNode, { kind: 'bound' }>;
  ctx: FieldContext;
  value: unknown;
  error: string | null;
}) {
  const bound = isRecord(value) ? value : undefined;
  const inclusive = bound ? bound.inclusive === true : node.defaultInclusive;
  return (
    <div className="bound-field">
      <FormField label={node.label} hint={node.hint} error={error}>
        {(p) => (
          <NumberInput
            {...p}
            value={bound?.value}
            onChange={(typed) =>
              ctx.set(
                node.path,
                typed.trim() === '' ? undefined : { value: numericValue(typed, bound?.value), inclusive },
              )
            }
          />
        )}
      </FormField>
      <label className="form-check">
        <input
          type="checkbox"
          checked={inclusive}
          disabled={!bound}
          onChange={(e) => ctx.set(node.path, { ...bound, inclusive: e.target.checked })}
        />
        {node.inclusiveLabel}
      </label>
    </div>
  );
}
