import { z } from 'zod';
import { decimalInput, formatPath, joinPath, roundHalfUp, toFixed2, zodProblems, Decimal } from './index';

describe('kernel', () => {
  it.each([
    [['assessment', 'components', 2, 'bands', 1], 'assessment.components[2].bands[1]'],
    [[], '(root)'],
    [[0, 'a'], '[0].a'],
  ])('formats path %j as %s', (segs, expected) => {
    expect(formatPath(segs as (string | number)[])).toBe(expected);
  });

  it('joins paths', () => {
    expect(joinPath('assessment', 'components[1]')).toBe('assessment.components[1]');
    expect(joinPath('assessment.components', '[1].bands')).toBe('assessment.components[1].bands');
    expect(joinPath('', 'x')).toBe('x');
  });

  it.each([
    ['0.005', '0.01'],
    ['0.004999', '0.00'],
    ['66666.666666', '66666.67'],
    ['-0.005', '-0.01'],
    ['2.675', '2.68'], // a binary float would give 2.67
  ])('rounds %s half up to %s', (input, expected) => {
    expect(toFixed2(input)).toBe(expected);
  });

  it('does not touch decimal.js global configuration', () => {
    expect(roundHalfUp('1.5', 0).toString()).toBe('2');
    expect(Decimal.rounding).toBe(Decimal.ROUND_HALF_UP);
  });

  it('accepts decimal strings and exact numbers, reports the rest with paths', () => {
    const schema = z.object({ a: decimalInput, b: z.array(decimalInput) });
    expect(schema.parse({ a: 86.4, b: ['2400000.00'] })).toEqual({ a: '86.4', b: ['2400000.00'] });
    const r = schema.safeParse({ a: '1,000', b: [1, 'x'] });
    expect(r.success).toBe(false);
    if (!r.success) expect(zodProblems(r.error).map((p) => p.path)).toEqual(['a', 'b[1]']);
  });
});
