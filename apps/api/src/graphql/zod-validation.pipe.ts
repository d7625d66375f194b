import type { ArgumentMetadata, PipeTransform } from '@nestjs/common';
import { addProblemAt, joinPath, ValidationError, zodProblems, type PathSegment, type Problem } from '@ledger/kernel';
import type { z } from 'zod';

/**
 * What to do with the problems found: refuse the operation before its resolver runs (the rule), or hand them to the
 * service, which reports them in ONE refusal together with the problems only the database can find (is this bid of
 * this package, do the answers fit the package's scheme) — the clients see every problem at once either way.
 */
export type ValidationMode = 'refuse' | 'defer';

/** Problems found by the pipe in `defer` mode, per argument object (each request parses its own). */
const deferred = new WeakMap<object, readonly Problem[]>();

/**
 * The one validation step of GraphQL arguments: a zod schema per operation input (`*.schemas.ts` beside the
 * resolver), checked by this pipe on `@Args('input', validInput(schema))`. Every problem is reported, each at its
 * path under the argument name (`input.price`), with the kernel's problem codes; a refusal is the kernel's
 * ValidationError (BAD_USER_INPUT, mapped once in format-error.ts). The value passes on unchanged: the schemas check
 * shape, format and range; the services keep the rules that need the database.
 */
export class ZodValidationPipe implements PipeTransform<unknown, unknown> {
  constructor(
    private readonly schema: z.ZodType,
    private readonly mode: ValidationMode = 'refuse',
  ) {}

  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    const prefix: PathSegment[] = metadata.data ? [metadata.data] : [];
    const result = this.schema.safeParse(value);
    const problems = result.success ? [] : zodProblems(result.error, prefix);
    if (this.mode === 'defer') {
      if (typeof value !== 'object' || value === null) throw new TypeError('defer mode needs an input object');
      deferred.set(value, problems);
      return value;
    }
    if (problems.length) throw new ValidationError(problems);
    return value;
  }
}

/** `@Args('input', validInput(recordBidSchema))`. */
export function validInput(schema: z.ZodType, mode: ValidationMode = 'refuse'): ZodValidationPipe {
  return new ZodValidationPipe(schema, mode);
}

/**
 * The problems the pipe found in an input it checked in `defer` mode, for the service to report with its own.
 * An input the pipe never saw is a wiring mistake (its resolver lacks the pipe), not an input without problems.
 */
export function deferredProblems(input: object): Problem[] {
  const problems = deferred.get(input);
  if (!problems) throw new Error('this input was not checked by ZodValidationPipe in defer mode');
  return [...problems];
}

type IssueContext = Parameters<typeof addProblemAt>[0];

/**
 * Re-issues the problems of a nested validator (the scoring or configuration language, whose paths are text such as
 * `items[0].params.cap`) inside a zod refinement, under the field `at` of the checked object.
 */
export function addNestedProblems(ctx: IssueContext, at: string, problems: readonly Problem[]): void {
  for (const p of problems) addProblemAt(ctx, p, [joinPath(at, p.path)]);
}
