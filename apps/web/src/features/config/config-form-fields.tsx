import { useId } from 'react';
import { FormField } from '../../components/form-field';
import { type ConfigPath, getAt, numericValue } from './config-path';
import type { FieldNode, FormNode, GroupNode, ListNode } from './config-form-nodes';
import { BoundField, ChoiceOptions, DurationField, NumberInput, shown } from './config-form-inputs';

/** What every field needs: the configuration being edited, how to change it, and the problems at a path. */
export type FieldContext = {
  config: unknown;
  set(path: ConfigPath, value: unknown): void;
  append(list: ConfigPath, item: unknown): void;
  remove(list: ConfigPath, index: number): void;
  errorAt(path: ConfigPath): string | null;
};

function Field({ node, ctx }: { node: FieldNode; ctx: FieldContext }) {
  const value = getAt(ctx.config, node.path);
  const error = ctx.errorAt(node.path);
  const boxId = useId();
  switch (node.kind) {
    case 'text':
      return (
        <FormField label={node.label} hint={node.hint} error={error}>
          {(p) => (
            <input
              {...p}
              value={shown(value)}
              onChange={(e) => ctx.set(node.path, node.optional && e.target.value === '' ? undefined : e.target.value)}
            />
          )}
        </FormField>
      );
    case 'date':
      return (
        <FormField label={node.label} hint={node.hint} error={error}>
          {(p) => (
            <input {...p} type="date" value={shown(value)} onChange={(e) => ctx.set(node.path, e.target.value)} />
          )}
        </FormField>
      );
    case 'number':
      return (
        <FormField label={node.label} hint={node.hint} error={error}>
          {(p) => (
            <NumberInput {...p} value={value} onChange={(typed) => ctx.set(node.path, numericValue(typed, value))} />
          )}
        </FormField>
      );
    case 'select':
      return (
        <FormField label={node.label} hint={node.hint} error={error}>
          {(p) => (
            <select
              {...p}
              value={shown(value)}
              onChange={(e) =>
                ctx.set(node.path, e.target.value === '' && node.blank !== undefined ? undefined : e.target.value)
              }
            >
              {node.blank !== undefined ? <option value="">{node.blank}</option> : null}
              <ChoiceOptions choices={node.choices} />
            </select>
          )}
        </FormField>
      );
    case 'checkbox':
      return (
        <div className="form-field form-check">
          <input
            id={boxId}
            type="checkbox"
            checked={value === true}
            onChange={(e) => ctx.set(node.path, e.target.checked)}
            aria-invalid={error ? true : undefined}
          />
          <label htmlFor={boxId}>{node.label}</label>
          {error ? (
            <small className="field-error" role="alert">
              {error}
            </small>
          ) : null}
        </div>
      );
    case 'multi': {
      const picked = Array.isArray(value) ? value.map(shown) : [];
      return (
        <fieldset className="form-field form-multi" aria-invalid={error ? true : undefined}>
          <legend>{node.label}</legend>
          {node.choices.map((c) => (
            <label key={c.value}>
              <input
                type="checkbox"
                checked={picked.includes(c.value)}
                onChange={(e) =>
                  ctx.set(node.path, e.target.checked ? [...picked, c.value] : picked.filter((x) => x !== c.value))
                }
              />
              {c.label}
            </label>
          ))}
          {error ? (
            <small className="field-error" role="alert">
              {error}
            </small>
          ) : null}
        </fieldset>
      );
    }
    case 'bound':
      return <BoundField node={node} ctx={ctx} value={value} error={error} />;
    case 'duration':
      return <DurationField node={node} ctx={ctx} value={value} error={error} />;
  }
}

function dataAttributes(data: GroupNode['data']): Record<string, string> {
  return Object.fromEntries(Object.entries(data ?? {}).map(([k, v]) => [`data-${k}`, v]));
}

function Group({ node, ctx }: { node: GroupNode; ctx: FieldContext }) {
  return (
    <fieldset className="config-group" {...dataAttributes(node.data)}>
      <legend>{node.legend}</legend>
      <FormNodes nodes={node.children} ctx={ctx} />
      {node.remove ? (
        <button
          type="button"
          className="secondary small"
          onClick={() => node.remove && ctx.remove(node.remove.list, node.remove.index)}
        >
          {node.remove.label}
        </button>
      ) : null}
    </fieldset>
  );
}

function List({ node, ctx }: { node: ListNode; ctx: FieldContext }) {
  return (
    <div className={node.compact ? 'config-list compact' : 'config-list'} data-list={node.path}>
      <h5>{node.heading}</h5>
      {node.items.length === 0 ? <p className="muted">{node.empty}</p> : null}
      {node.items.map((item) => (
        <Group key={item.path} node={item} ctx={ctx} />
      ))}
      {node.add ? (
        <button
          type="button"
          className="secondary small"
          onClick={() => node.add && ctx.append(node.path, node.add.item)}
        >
          {node.add.label}
        </button>
      ) : null}
    </div>
  );
}

/** The form's nodes, drawn in order. */
export function FormNodes({ nodes, ctx }: { nodes: readonly FormNode[]; ctx: FieldContext }) {
  return (
    <>
      {nodes.map((node) => {
        if (node.kind === 'group') return <Group key={node.path} node={node} ctx={ctx} />;
        if (node.kind === 'list') return <List key={node.path} node={node} ctx={ctx} />;
        return <Field key={node.path} node={node} ctx={ctx} />;
      })}
    </>
  );
}
