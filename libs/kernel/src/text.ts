import { z } from 'zod';
import { addProblem, formatPath, problem, type PathSegment, type Problem } from './problem';
import type { ProblemCode } from './problem-messages';

// NUL, or a UTF-16 surrogate without its partner: PostgreSQL stores neither in text or jsonb.
const NUL = String.fromCharCode(0);
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export type UnsafeText = { code: ProblemCode & ('text.nul' | 'text.loneSurrogate'); params: { codeUnit?: string } };

/** Why a text cannot be stored, or null when it can. */
export function unsafeTextProblem(text: string): UnsafeText | null {
  if (text.includes(NUL)) return { code: 'text.nul', params: {} };
  const m = LONE_SURROGATE.exec(text);
  return m ? { code: 'text.loneSurrogate', params: { codeUnit: m[0].charCodeAt(0).toString(16) } } : null;
}

/** An unsafe text as a problem at a path. */
export function atPath(path: string, unsafe: { code: ProblemCode; params: { codeUnit?: string } }): Problem {
  return problem(path, unsafe.code, unsafe.params);
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
      if (problem) problems.push(atPath(formatPath(path), problem));
    } else if (Array.isArray(v)) {
      v.forEach((item, i) => walk(item, [...path, i]));
    } else if (typeof v === 'object' && v !== null) {
      for (const [key, item] of Object.entries(v)) {
        const problem = unsafeTextProblem(key);
        if (problem)
          problems.push(
            atPath(formatPath(path), {
              ...problem,
              code: problem.code === 'text.nul' ? 'key.nul' : 'key.loneSurrogate',
            }),
          );
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
  if (problem) addProblem(ctx, problem.code, problem.params);
});
