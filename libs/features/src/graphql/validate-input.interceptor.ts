import { UseInterceptors, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { addProblemAt, joinPath, ValidationError, zodProblems, type Problem } from '@ledger/kernel';
import type { Observable } from 'rxjs';
import type { z } from 'zod';

/**
 * What to do with the problems found: refuse the operation before its resolver runs (the rule), or hand them to the
 * service, which reports them in ONE refusal together with the problems only the database can find (is this bid of
 * this package, do the answers fit the package's scheme) — the clients see every problem at once either way.
 */
export type ValidationMode = 'refuse' | 'defer';

/** Problems found in `defer` mode, per argument object (each request parses its own). */
const deferred = new WeakMap<object, readonly Problem[]>();

/** Every problem of `args` against `schema`, each at its path from the arguments (also for a REST route's parameters). */
export function argumentProblems(schema: z.ZodType, args: Record<string, unknown>): Problem[] {
  const result = schema.safeParse(args);
  return result.success ? [] : zodProblems(result.error);
}

/**
 * The problems of an operation's arguments against its schema: every problem, each at its path from the arguments
 * (`input.price`, `filter.tenantIds[0]`, `first`), with the kernel's problem codes. In `defer` mode they are kept for
 * deferredProblems() under each object argument, and none is thrown.
 */
export function checkArguments(schema: z.ZodType, args: Record<string, unknown>, mode: ValidationMode): void {
  const problems = argumentProblems(schema, args);
  if (mode === 'defer') {
    for (const [name, value] of Object.entries(args))
      if (typeof value === 'object' && value !== null)
        deferred.set(
          value,
          problems.filter((p) => p.path === name || p.path.startsWith(`${name}.`) || p.path.startsWith(`${name}[`)),
        );
    return;
  }
  if (problems.length) throw new ValidationError(problems);
}

/**
 * The one validation step of GraphQL operations: a zod schema of the operation's arguments per resolver
 * (`*.schemas.ts` beside it), checked before the resolver runs (after the guards). A refusal is the kernel's
 * ValidationError (BAD_USER_INPUT, mapped once in format-error.ts) with every problem. The arguments pass on
 * unchanged: the schemas check shape, format and range; the services keep the rules that need the database.
 * One schema sees all arguments at once, so a bad `first` and a bad `filter` are reported together.
 */
export class ValidateInputInterceptor implements NestInterceptor {
  constructor(
    private readonly schema: z.ZodType,
    private readonly mode: ValidationMode,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    checkArguments(this.schema, GqlExecutionContext.create(context).getArgs<Record<string, unknown>>(), this.mode);
    return next.handle();
  }
}

/** `@ValidateInput(recordBidArgs, 'defer')` on a resolver method. */
export function ValidateInput(schema: z.ZodType, mode: ValidationMode = 'refuse'): MethodDecorator & ClassDecorator {
  return UseInterceptors(new ValidateInputInterceptor(schema, mode));
}

/**
 * The problems ValidateInput found in the `input` argument it checked in `defer` mode, for the service to report with
 * its own. An input that did not come through GraphQL (the demo seeder calls services in-process) is checked here
 * against the same schema of the operation's arguments, so a service never skips its input's checks.
 */
export function deferredProblems(input: object, args: z.ZodType): Problem[] {
  if (!deferred.has(input)) checkArguments(args, { input }, 'defer');
  return [...(deferred.get(input) ?? [])];
}

type IssueContext = Parameters<typeof addProblemAt>[0];

/**
 * Re-issues the problems of a nested validator (the scoring or configuration language, whose paths are text such as
 * `items[0].params.cap`) inside a zod refinement, under the field `at` of the checked object.
 */
export function addNestedProblems(ctx: IssueContext, at: string, problems: readonly Problem[]): void {
  for (const p of problems) addProblemAt(ctx, p, [joinPath(at, p.path)]);
}
