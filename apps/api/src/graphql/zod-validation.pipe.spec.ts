import type { ArgumentMetadata } from '@nestjs/common';
import { addProblem, DomainError, problem, problemIssue, ValidationError } from '@ledger/kernel';
import { z } from 'zod';
import { addProcurementPackageSchema } from '../procurement/procurement.schemas';
import { nonBlank, positiveMoney } from './input-fields';
import { addNestedProblems, deferredProblems, validInput, ZodValidationPipe } from './zod-validation.pipe';

const input: ArgumentMetadata = { type: 'custom', data: 'input' };

const schema = z
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

describe('ZodValidationPipe', () => {
  const good = { name: '张三', price: '1.00', lines: [{ qty: 1 }], from: '2026-01-01', to: '2026-02-01' };

  it('passes a valid value on unchanged (the same object)', () => {
    expect(new ZodValidationPipe(schema).transform(good, input)).toBe(good);
  });

  it('reports EVERY problem, each at its path under the argument name, with its code and params', () => {
    const bad = { name: ' ', price: '-1.00', lines: [{ qty: 1 }, { qty: 0 }], from: '2026-02-01', to: '2026-01-01' };
    const e = refusal(() => validInput(schema).transform(bad, input));
    expect(e).toBeInstanceOf(DomainError);
    expect(e.code).toBe('BAD_USER_INPUT');
    expect(e.problems).toEqual([
      problem('input.name', 'text.empty'),
      problem('input.price', 'number.positive'),
      problem('input.lines[1].qty', 'number.min', { min: 1 }),
      problem('input.to', 'date.endsBeforeStart', { end: '2026-01-01', start: '2026-02-01' }),
    ]);
  });

  it('roots the paths at the value when the argument has no name (`@Args()`)', () => {
    const e = refusal(() => validInput(schema).transform({ ...good, name: '' }, { type: 'custom' }));
    expect(e.problems.map((p) => p.path)).toEqual(['name']);
  });

  it('re-roots a nested validator’s problems under their field', () => {
    const wrapped = z
      .object({ scheme: z.unknown() })
      .superRefine((_v, ctx) =>
        addNestedProblems(ctx, 'scheme', [
          problem('items[0].params.cap', 'number.nonNegative'),
          problem('(root)', 'object.expected'),
        ]),
      );
    const e = refusal(() => validInput(wrapped).transform({ scheme: {} }, input));
    expect(e.problems.map((p) => [p.path, p.code])).toEqual([
      ['input.scheme.items[0].params.cap', 'number.nonNegative'],
      ['input.scheme', 'object.expected'],
    ]);
  });

  it('in defer mode, refuses nothing and hands every problem to the service', () => {
    const bad = { ...good, name: '', price: '0.00' };
    expect(validInput(schema, 'defer').transform(bad, input)).toBe(bad);
    expect(deferredProblems(bad).map((p) => p.path)).toEqual(['input.name', 'input.price']);
    expect(validInput(schema, 'defer').transform(good, input)).toBe(good);
    expect(deferredProblems(good)).toEqual([]);
  });

  it('an input never checked in defer mode is a wiring mistake, not an input without problems', () => {
    expect(() => deferredProblems({ ...good })).toThrow(/not checked/);
  });

  it('a real operation schema: a package with a bad number, a blank name and a scheme without budget', () => {
    const e = refusal(() =>
      validInput(addProcurementPackageSchema).transform(
        { projectId: 'p', number: 0, name: ' ', scheme: { items: 'none' } },
        input,
      ),
    );
    const paths = e.problems.map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['input.number', 'input.name', 'input.budget']));
    expect(paths.some((p) => p.startsWith('input.scheme'))).toBe(true);
  });
});
