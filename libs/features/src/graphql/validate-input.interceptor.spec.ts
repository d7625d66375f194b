import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host';
import { addProblem, DomainError, problem, problemIssue, ValidationError } from '@ledger/kernel';
import { lastValueFrom, of } from 'rxjs';
import { z } from 'zod';
import { addProcurementPackageArgs } from '../procurement/procurement.schemas';
import { nonBlank, positiveMoney } from '../shared/input-fields';
import {
  addNestedProblems,
  checkArguments,
  deferredProblems,
  ValidateInputInterceptor,
} from './validate-input.interceptor';

const inputSchema = z
  .object({
    name: nonBlank(),
    price: positiveMoney,
    lines: z.array(z.object({ qty: z.number().refine((n) => n >= 1, problemIssue('number.min', { min: 1 })) })),
    from: z.string(),
    to: z.string(),
  })
  .superRefine((v, ctx) => {
    if (v.to < v.from) addProblem(ctx, 'date.endsBeforeStart', { end: v.to, start: v.from }, ['to']);
  });
const schema = z.object({
  input: inputSchema,
  first: z.number().refine((n) => n >= 1 && n <= 200, problemIssue('number.range', { min: 1, max: 200 })),
});

/** The ValidationError a call throws (or a failure when it throws nothing). */
function refusal(run: () => unknown): ValidationError {
  try {
    run();
  } catch (e) {
    if (e instanceof ValidationError) return e;
    throw e;
  }
  throw new Error('no refusal');
}

/** A resolver call as Nest hands it to an interceptor: (root, args, context, info) of a GraphQL field. */
function graphqlCall(args: Record<string, unknown>): ExecutionContextHost {
  const host = new ExecutionContextHost([{}, args, {}, {}]);
  host.setType('graphql');
  return host;
}

describe('ValidateInputInterceptor', () => {
  const good = { name: '张三', price: '1.00', lines: [{ qty: 1 }], from: '2026-01-01', to: '2026-02-01' };

  it('passes valid arguments on to the resolver, unchanged', async () => {
    const args = { input: good, first: 50 };
    const interceptor = new ValidateInputInterceptor(schema, 'refuse');
    const out = interceptor.intercept(graphqlCall(args), { handle: () => of('resolved') });
    expect(await lastValueFrom(out)).toBe('resolved');
    expect(args.input).toBe(good);
  });

  it('reports EVERY problem of every argument, each at its path, with its code and params, before the resolver', () => {
    const bad = { name: ' ', price: '-1.00', lines: [{ qty: 1 }, { qty: 0 }], from: '2026-02-01', to: '2026-01-01' };
    let resolved = false;
    const e = refusal(() =>
      new ValidateInputInterceptor(schema, 'refuse').intercept(graphqlCall({ input: bad, first: 500 }), {
        handle: () => {
          resolved = true;
          return of(null);
        },
      }),
    );
    expect(resolved).toBe(false);
    expect(e).toBeInstanceOf(DomainError);
    expect(e.code).toBe('BAD_USER_INPUT');
    expect(e.problems).toEqual([
      problem('input.name', 'text.empty'),
      problem('input.price', 'number.positive'),
      problem('input.lines[1].qty', 'number.min', { min: 1 }),
      problem('input.to', 'date.endsBeforeStart', { end: '2026-01-01', start: '2026-02-01' }),
      problem('first', 'number.range', { min: 1, max: 200 }),
    ]);
  });

  it('re-roots a nested validator’s problems under their field', () => {
    const wrapped = z.object({
      input: z
        .object({ scheme: z.unknown() })
        .superRefine((_v, ctx) =>
          addNestedProblems(ctx, 'scheme', [
            problem('items[0].params.cap', 'number.nonNegative'),
            problem('(root)', 'object.expected'),
          ]),
        ),
    });
    const e = refusal(() => checkArguments(wrapped, { input: { scheme: {} } }, 'refuse'));
    expect(e.problems.map((p) => [p.path, p.code])).toEqual([
      ['input.scheme.items[0].params.cap', 'number.nonNegative'],
      ['input.scheme', 'object.expected'],
    ]);
  });

  it('in defer mode, refuses nothing and hands each argument its problems for the service to report', async () => {
    const bad = { ...good, name: '', price: '0.00' };
    const out = new ValidateInputInterceptor(schema, 'defer').intercept(graphqlCall({ input: bad, first: 0 }), {
      handle: () => of('resolved'),
    });
    expect(await lastValueFrom(out)).toBe('resolved');
    expect(deferredProblems(bad, schema).map((p) => p.path)).toEqual(['input.name', 'input.price']);
    const fine = { ...good };
    checkArguments(schema, { input: fine, first: 1 }, 'defer');
    expect(deferredProblems(fine, schema)).toEqual([]);
  });

  it('an input that did not come through GraphQL (an in-process caller) is checked against the same schema', () => {
    expect(deferredProblems({ ...good, name: '', to: '2025-01-01' }, schema).map((p) => [p.path, p.code])).toEqual([
      ['input.name', 'text.empty'],
      ['input.to', 'date.endsBeforeStart'],
    ]);
  });

  it('a real operation schema: a package with a bad number, a blank name and a scheme without budget', () => {
    const e = refusal(() =>
      checkArguments(
        addProcurementPackageArgs,
        { input: { projectId: 'p', number: 0, name: ' ', scheme: { items: 'none' } } },
        'refuse',
      ),
    );
    const paths = e.problems.map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['input.number', 'input.name', 'input.budget']));
    expect(paths.some((p) => p.startsWith('input.scheme'))).toBe(true);
  });
});
