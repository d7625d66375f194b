import { z } from 'zod';
import { formatPath, type PathSegment, type Problem } from './problem';

// NUL, or a UTF-16 surrogate without its partner: PostgreSQL stores neither in text or jsonb.
const NUL = String.fromCharCode(0);
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a text cannot be stored, or null when it can. */
export function unsafeTextProblem(text: string): string | null {
  if (text.includes(NUL)) return 'must not contain the NUL character (\\u0000)';
  const m = LONE_SURROGATE.exec(text);
  return m ? `must not contain a lone UTF-16 surrogate (\\u${m[0].charCodeAt(0).toString(16)})` : null;
}

/**
 * Every string of a JSON-like value (object keys too) that cannot be stored, each at its path under
 * `prefix`. A bad key is reported at the object that holds it.
 */
export function unsafeTextProblems(value: unknown, prefix: readonly PathSegment[] = []): Problem[] {
  const problems: Problem[] = [];
  const walk = (v: unknown, path: PathSegment[]): void => {
    if (typeof v === 'string') {
      const problem = unsafeTextProblem(v);
      if (problem) problems.push({ path: formatPath(path), message: problem });
    } else if (Array.isArray(v)) {
      v.forEach((item, i) => walk(item, [...path, i]));
    } else if (typeof v === 'object' && v !== null) {
      for (const [key, item] of Object.entries(v)) {
        const problem = unsafeTextProblem(key);
        if (problem) problems.push({ path: formatPath(path), message: `a key ${problem}` });
        else walk(item, [...path, key]);
      }
    }
  };
  walk(value, [...prefix]);
  return problems;
}

/** A string that can be stored (no NUL, no lone surrogate). */
export const safeTextSchema = z.string().superRefine((v, ctx) => {
  const problem = unsafeTextProblem(v);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});
