import { z } from 'zod';
import {
  decimalInput,
  problemMessage,
  formatPath,
  joinPath,
  moneyTextProblem,
  roundHalfUp,
  toFixed2,
  unsafeTextProblem,
  unsafeTextProblems,
  zodProblems,
  Decimal,
} from './index';

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

describe('storable text and money (PostgreSQL text/jsonb, numeric(18,2))', () => {
  it.each([
    ['plain', null],
    ['淮安 😀', null],
    ['a\u0000b', { code: 'text.nul', params: {} }],
    ['\uD800', { code: 'text.loneSurrogate', params: { codeUnit: 'd800' } }],
    ['x\uDE00', { code: 'text.loneSurrogate', params: { codeUnit: 'de00' } }],
    ['\uD83D\uDE00\uD83D', { code: 'text.loneSurrogate', params: { codeUnit: 'd83d' } }],
  ])('%j → %j', (text, problem) => {
    expect(unsafeTextProblem(text)).toEqual(problem);
  });

  it('finds every unstorable string of a JSON value, keys included, at its path', () => {
    expect(unsafeTextProblems({ a: ['ok', 'x\u0000'], b: { 'k\uD800': 1 } }, ['input'])).toEqual([
      { path: 'input.a[1]', code: 'text.nul', params: {}, message: 'must not contain the NUL character (\\u0000)' },
      {
        path: 'input.b',
        code: 'key.loneSurrogate',
        params: { codeUnit: 'd800' },
        message: 'a key must not contain a lone UTF-16 surrogate (\\ud800)',
      },
    ]);
  });

  it.each([
    ['9999999999999999.99', null],
    ['-9999999999999999.99', null],
    ['10000000000000000', 'money has at most 16 integer digits (numeric(18,2))'],
    ['1.005', '"1.005" is not a money amount (digits with at most two decimals)'],
  ])('money text %s → %s', (text, message) => {
    const problem = moneyTextProblem(text);
    expect(problem && problemMessage(problem.code, problem.params)).toBe(message);
  });
});
