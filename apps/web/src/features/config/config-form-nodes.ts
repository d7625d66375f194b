import type { ConfigPath } from './config-path';

/**
 * The configuration form as data: each section (staffing, SLA, assessment, payment) describes its fields from the
 * configuration it edits, and one renderer draws them. The same description says which problem paths have a field,
 * so a problem is shown at its field or, when no field holds it, in the list under the form.
 */
export type Choice = { value: string; label: string };

type Labelled = { path: ConfigPath; label: string; hint?: string };

export type FieldNode =
  /** Free text; empty text removes an optional key. */
  | (Labelled & { kind: 'text'; optional?: boolean })
  /** A number or an exact decimal (see numericValue); `optional`: the configuration may leave it out (a default applies). */
  | (Labelled & { kind: 'number'; optional?: boolean })
  | (Labelled & { kind: 'date' })
  /** One of the choices; `blank` (a text) allows none, which removes the key. */
  | (Labelled & { kind: 'select'; choices: readonly Choice[]; blank?: string })
  | (Labelled & { kind: 'checkbox' })
  /** A list of strings picked from the choices (an SLA target's severities). */
  | (Labelled & { kind: 'multi'; choices: readonly Choice[] })
  /** A ladder's bound `{ value, inclusive }`: an empty value removes the bound (open-ended band). */
  | (Labelled & { kind: 'bound'; inclusiveLabel: string; defaultInclusive: boolean })
  /** An SLA limit `{ minutes }` or `{ workingDays, mode }`: unit, value and, for working days, how they count. */
  | (Labelled & {
      kind: 'duration';
      unitLabel: string;
      modeLabel: string;
      units: readonly Choice[];
      modes: readonly Choice[];
    });

export type GroupNode = {
  kind: 'group';
  /** The path the group's problems fall under (its fields' common parent). */
  path: ConfigPath;
  legend: string;
  /** Extra `data-*` attributes, for tests and styling (`data-target="2"`). */
  data?: Readonly<Record<string, string>>;
  children: readonly FormNode[];
  /** A button that removes this item from its list. */
  remove?: { list: ConfigPath; index: number; label: string };
};

export type ListNode = {
  kind: 'list';
  path: ConfigPath;
  heading: string;
  empty: string;
  items: readonly GroupNode[];
  add?: { label: string; item: unknown };
  /** Items as table rows (short items such as ladder bands) instead of fieldsets. */
  compact?: boolean;
};

export type FormNode = FieldNode | GroupNode | ListNode;

/** A section of the form: a heading and its nodes. */
export type FormSection = { id: string; heading: string; intro?: string; nodes: readonly FormNode[] };

/** Every field's path in the nodes: a problem at or under one of these is shown at that field. */
export function fieldPaths(nodes: readonly FormNode[]): ConfigPath[] {
  return nodes.flatMap((n) => {
    if (n.kind === 'group') return fieldPaths(n.children);
    if (n.kind === 'list') return n.items.flatMap((g) => fieldPaths(g.children));
    return [n.path];
  });
}

/** Is `problemPath` the field's path or below it (`…duration` holds `…duration.minutes`)? */
export function isUnder(problemPath: string, path: ConfigPath): boolean {
  return problemPath === path || problemPath.startsWith(`${path}.`) || problemPath.startsWith(`${path}[`);
}
