import { isRecord } from './contract-config-types';

/**
 * Paths into a contract configuration, written the way the API reports a problem's place
 * (`staffing.roles[0].headcount`), so a form field and the problems at it share one key.
 */
export type ConfigPath = string;
type Segment = string | number;

/** `a.b[2].c` → `['a', 'b', 2, 'c']`. */
export function pathSegments(path: ConfigPath): Segment[] {
  const out: Segment[] = [];
  for (const part of path.split('.')) {
    const m = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part);
    if (!m) throw new Error(`not a configuration path: ${path}`);
    if (m[1]) out.push(m[1]);
    for (const index of m[2].matchAll(/\[(\d+)\]/g)) out.push(Number(index[1]));
  }
  return out;
}

/** `base` and a relative part: `at('a.b', 'c')` = `a.b.c`, `at('a.list', 2)` = `a.list[2]`. */
export function at(base: ConfigPath, part: string | number): ConfigPath {
  if (typeof part === 'number') return `${base}[${part}]`;
  return base ? `${base}.${part}` : part;
}

/** The value at a path, or undefined where any step is missing. */
export function getAt(config: unknown, path: ConfigPath): unknown {
  let here: unknown = config;
  for (const seg of pathSegments(path)) {
    if (typeof seg === 'number') here = Array.isArray(here) ? here[seg] : undefined;
    else here = isRecord(here) ? here[seg] : undefined;
  }
  return here;
}

/**
 * A copy of the configuration with the value at `path` replaced (undefined removes the key), creating the objects
 * on the way; everything else is the same value as before. Lists are only indexed, never grown by a set.
 */
export function setAt<T>(config: T, path: ConfigPath, value: unknown): T {
  const segs = pathSegments(path);
  const copy = structuredClone(config);
  let here: unknown = copy;
  segs.forEach((seg, i) => {
    const last = i === segs.length - 1;
    if (typeof seg === 'number') {
      if (!Array.isArray(here) || seg >= here.length) throw new Error(`no item ${seg} at ${path}`);
      if (last) here[seg] = value;
      else here = here[seg];
      return;
    }
    if (!isRecord(here)) throw new Error(`not an object on the way to ${path}`);
    if (last) {
      if (value === undefined) delete here[seg];
      else here[seg] = value;
      return;
    }
    if (!isRecord(here[seg]) && !Array.isArray(here[seg])) here[seg] = typeof segs[i + 1] === 'number' ? [] : {};
    here = here[seg];
  });
  return copy;
}

/** A copy with `item` appended to the list at `path` (created when missing). */
export function appendAt<T>(config: T, path: ConfigPath, item: unknown): T {
  const list = getAt(config, path);
  return setAt(config, path, [...(Array.isArray(list) ? list : []), item]);
}

/** A copy without item `index` of the list at `path`. */
export function removeAt<T>(config: T, path: ConfigPath, index: number): T {
  const list = getAt(config, path);
  return setAt(config, path, Array.isArray(list) ? list.filter((_, i) => i !== index) : list);
}

/**
 * What a number field stores: a number where the configuration holds one and the text is a plain number, the text
 * as typed otherwise — decimals the configuration keeps as strings (money, 0.5 %) stay exact, and wrong input
 * reaches the API's validation, which names it at the field.
 */
export function numericValue(typed: string, previous: unknown): number | string | undefined {
  const t = typed.trim();
  if (t === '') return typeof previous === 'string' ? '' : undefined;
  if (typeof previous === 'string') return t;
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : t;
}

/** An id not yet used in the list (`role-4`), for an item added by the form. */
export function freshId(list: unknown, prefix: string): string {
  const used = new Set((Array.isArray(list) ? list : []).map((x) => (isRecord(x) ? String(x.id) : '')));
  let n = (Array.isArray(list) ? list.length : 0) + 1;
  while (used.has(`${prefix}-${n}`)) n++;
  return `${prefix}-${n}`;
}
