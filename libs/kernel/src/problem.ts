import type { z } from 'zod';
import {
  fillTemplate,
  isProblemCode,
  PROBLEM_MESSAGES,
  type ProblemCode,
  type ProblemParams,
} from './problem-messages';

export * from './problem-messages';

/**
 * One validation problem, located by a path such as `assessment.components[2].bands[1]`: a stable code with its
 * parameters (rendered at the edge in the reader's language, problem-messages.ts) and `message`, the English
 * text of the same, for API clients that show it as it is.
 */
export type Problem = { path: string; code: ProblemCode; params: ProblemParams; message: string };

/** What a parameter may be given as: numbers become decimal strings, lists comma-separated text. */
export type ProblemParamInput =
  string | number | bigint | boolean | readonly (string | number)[] | { toString(): string };

export type PathSegment = string | number;

function toParams(params: Readonly<Record<string, ProblemParamInput | undefined>>): ProblemParams {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined) continue;
    out[k] = Array.isArray(v) ? (v.length ? v.join(', ') : '—') : String(v);
  }
  return out;
}

/** The English text of a code with its parameters (the `message` of a Problem). */
export function problemMessage(code: ProblemCode, params: ProblemParams = {}): string {
  return fillTemplate(PROBLEM_MESSAGES[code].en, params);
}

/** `problem('inputs.attendance[3]', 'number.range', { min: 0, max: 30 })`. */
export function problem(
  path: string,
  code: ProblemCode,
  params: Readonly<Record<string, ProblemParamInput | undefined>> = {},
): Problem {
  const p = toParams(params);
  return { path, code, params: p, message: problemMessage(code, p) };
}

/** A problem's code and parameters without a place (a scalar's or a helper's verdict). */
export type CodedProblem = { code: ProblemCode; params: ProblemParams };

export function coded(
  code: ProblemCode,
  params: Readonly<Record<string, ProblemParamInput | undefined>> = {},
): CodedProblem {
  return { code, params: toParams(params) };
}

/** A TypeError (as GraphQL scalars throw) that carries its problem code; its message is the English text. */
export class CodedTypeError extends TypeError {
  constructor(readonly problem: CodedProblem) {
    super(problemMessage(problem.code, problem.params));
    this.name = 'CodedTypeError';
  }
}

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

/** The zod custom-issue options that carry a problem code (`.refine(fn, problemIssue('number.positive'))`). */
export function problemIssue(
  code: ProblemCode,
  params: Readonly<Record<string, ProblemParamInput | undefined>> = {},
): { message: string; params: { problemCode: ProblemCode; problemParams: ProblemParams } } {
  const p = toParams(params);
  return { message: problemMessage(code, p), params: { problemCode: code, problemParams: p } };
}

type IssueContext = {
  addIssue(issue: { code: 'custom'; message: string; params: Record<string, unknown>; path?: PathSegment[] }): void;
};

/** Adds a coded problem to a zod refinement (`superRefine((v, ctx) => addProblem(ctx, 'date.format'))`). */
export function addProblem(
  ctx: IssueContext,
  code: ProblemCode,
  params: Readonly<Record<string, ProblemParamInput | undefined>> = {},
  path?: PathSegment[],
): void {
  ctx.addIssue({ code: 'custom', ...problemIssue(code, params), ...(path ? { path } : {}) });
}

/** Re-issues a problem found by a nested validator inside a zod refinement, keeping its code. */
export function addProblemAt(ctx: IssueContext, p: Problem, path: PathSegment[]): void {
  ctx.addIssue({ code: 'custom', message: p.message, params: { problemCode: p.code, problemParams: p.params }, path });
}

type Issue = z.core.$ZodIssue;

const EXPECTED: Readonly<Record<string, string>> = {
  int: 'a whole number',
  number: 'a number',
  string: 'text',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
};
const EXPECTED_CODE: Readonly<Record<string, ProblemCode>> = {
  int: 'value.expectedInteger',
  number: 'value.expectedNumber',
  string: 'value.expectedText',
  boolean: 'value.expectedBoolean',
  object: 'value.expectedObject',
  array: 'value.expectedList',
};

/** zod's issue kinds, mapped once to problem codes. */
function codeOfIssue(issue: Issue): { code: ProblemCode; params: Record<string, ProblemParamInput | undefined> } {
  switch (issue.code) {
    case 'custom': {
      const own = issue.params as { problemCode?: unknown; problemParams?: ProblemParams } | undefined;
      if (isProblemCode(own?.problemCode)) return { code: own.problemCode, params: own.problemParams ?? {} };
      return { code: 'value.invalid', params: {} };
    }
    case 'invalid_type':
      // zod 4 no longer reports what it received; a missing value is said so in its message only.
      if (/received undefined$/.test(issue.message)) return { code: 'value.required', params: {} };
      if (issue.expected === 'int') return { code: 'number.integer', params: {} };
      // One code per expected kind, so no English word is filled into a Chinese text.
      return {
        code: EXPECTED_CODE[issue.expected] ?? 'value.invalidType',
        params: { expected: EXPECTED[issue.expected] ?? issue.expected },
      };
    case 'too_small': {
      const min = String(issue.minimum);
      if (issue.origin === 'string')
        return min === '1' ? { code: 'text.empty', params: {} } : { code: 'text.tooShort', params: { min } };
      if (issue.origin === 'array' || issue.origin === 'set')
        return min === '1' ? { code: 'list.empty', params: {} } : { code: 'list.tooShort', params: { min } };
      return { code: issue.inclusive === false ? 'number.gt' : 'number.min', params: { min } };
    }
    case 'too_big': {
      const max = String(issue.maximum);
      if (issue.origin === 'string') return { code: 'text.tooLong', params: { max } };
      if (issue.origin === 'array' || issue.origin === 'set') return { code: 'list.tooLong', params: { max } };
      return { code: issue.inclusive === false ? 'number.lt' : 'number.max', params: { max } };
    }
    case 'invalid_value':
      return { code: 'value.oneOf', params: { values: issue.values.map((v) => String(v)) } };
    case 'invalid_union': {
      const u = issue as Issue & { discriminator?: string; options?: unknown[] };
      if (u.discriminator !== undefined)
        return {
          code: 'value.discriminator',
          params: { key: u.discriminator, values: (u.options ?? []).map((v) => String(v)) },
        };
      return { code: 'value.invalid', params: {} };
    }
    case 'unrecognized_keys':
      return { code: 'object.unknownKeys', params: { keys: issue.keys } };
    case 'not_multiple_of':
      return { code: 'number.multipleOf', params: { divisor: String(issue.divisor) } };
    case 'invalid_format':
      return { code: 'text.format', params: {} };
    default:
      return { code: 'value.invalid', params: {} };
  }
}

/** Every zod issue as a Problem (zod already collects all issues, not only the first). */
export function zodProblems(error: z.ZodError, prefix: readonly PathSegment[] = []): Problem[] {
  return error.issues.map((issue) => {
    const { code, params } = codeOfIssue(issue);
    // zod's own English stays the fallback text of its built-in kinds; ours come from the dictionary.
    return {
      path: formatPath([...prefix, ...(issue.path as PathSegment[])]),
      code,
      params: toParams(params),
      message: issue.message,
    };
  });
}

/** Re-root problems found by a nested validator under `prefix`. */
export function prefixProblems(prefix: string, problems: readonly Problem[]): Problem[] {
  return problems.map((p) => ({ ...p, path: joinPath(prefix, p.path) }));
}
