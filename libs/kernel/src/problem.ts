import type { z } from 'zod';

/** One validation problem, located by a path such as `assessment.components[2].bands[1]`. */
export type Problem = { path: string; message: string };

export type PathSegment = string | number;

/** `['a', 2, 'b']` → `a[2].b`; an empty path is the root, shown as `(root)`. */
export function formatPath(segments: readonly PathSegment[]): string {
  let out = '';
  for (const seg of segments) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out === '' ? seg : `.${seg}`;
  }
  return out === '' ? '(root)' : out;
}

/** Join a prefix path and a relative path produced by a nested validator. */
export function joinPath(prefix: string, relative: string): string {
  if (prefix === '' || prefix === '(root)') return relative;
  if (relative === '' || relative === '(root)') return prefix;
  return relative.startsWith('[') ? `${prefix}${relative}` : `${prefix}.${relative}`;
}

/** Every zod issue as a Problem (zod already collects all issues, not only the first). */
export function zodProblems(error: z.ZodError, prefix: readonly PathSegment[] = []): Problem[] {
  return error.issues.map((issue) => ({
    path: formatPath([...prefix, ...(issue.path as PathSegment[])]),
    message: issue.message,
  }));
}

/** Re-root problems found by a nested validator under `prefix`. */
export function prefixProblems(prefix: string, problems: readonly Problem[]): Problem[] {
  return problems.map((p) => ({ path: joinPath(prefix, p.path), message: p.message }));
}
