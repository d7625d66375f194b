import { z } from 'zod';
import { ERROR_MESSAGES, PROBLEM_CODES, PROBLEM_MESSAGES, renderProblem } from './problem-messages';
import { addProblem, problem, problemIssue, zodProblems } from './problem';

const HAN = /[\u4e00-\u9fff]/;
/** The parameters a text names (each once: an English text may repeat one inside its seed quote). */
const placeholders = (s: string) => [...new Set([...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();
/** The text without its parameters and seed quotes in parentheses: what is left must be Chinese words, not English. */
const words = (s: string) => s.replace(/\{\w+\}/g, '').replace(/[（(][^）)]*[）)]/g, '');

/** Parameters filled with English words: the Chinese text must not show them. */
const ENGLISH_VALUED: Readonly<Record<string, readonly string[]>> = {
  'value.invalidType': ['expected'],
  'period.notOfKind': ['kind'],
};

describe('problem dictionary', () => {
  it.each(PROBLEM_CODES.map((c) => [c]))('%s has a Chinese and an English text with the same parameters', (code) => {
    const text = PROBLEM_MESSAGES[code];
    expect(text['zh-CN']).toMatch(HAN);
    expect(words(text['zh-CN'])).not.toMatch(/[A-Za-z]{4,} [A-Za-z]{2,}/);
    expect(text.en.trim()).not.toBe('');
    // A Chinese text leaves out only a parameter whose value is an English word (the kind "quarter", "a number").
    const dropped = ENGLISH_VALUED[code] ?? [];
    expect(placeholders(text['zh-CN'])).toEqual(placeholders(text.en).filter((p) => !dropped.includes(p)));
  });

  it.each(Object.entries(ERROR_MESSAGES))('error code %s has a Chinese and an English text', (_code, text) => {
    expect(text['zh-CN']).toMatch(HAN);
    expect(words(text['zh-CN'])).not.toMatch(/[A-Za-z]{4,} [A-Za-z]{2,}/);
    expect(placeholders(text['zh-CN'])).toEqual(placeholders(text.en));
  });

  it('renders a problem in either language, and an unknown code as the generic one', () => {
    const p = problem('inputs.attendance[3]', 'number.range', { min: 0, max: '30' });
    expect(p).toEqual({
      path: 'inputs.attendance[3]',
      code: 'number.range',
      params: { min: '0', max: '30' },
      message: 'must be between 0 and 30',
    });
    expect(renderProblem('zh-CN', p.code, p.params)).toBe('应在 0 到 30 之间');
    expect(renderProblem('zh-CN', 'no.such.code', {})).toBe(PROBLEM_MESSAGES['value.invalid']['zh-CN']);
  });
});

describe('zod issues map to codes once', () => {
  const schema = z
    .object({
      a: z.string(),
      b: z.number().min(0).max(30),
      c: z.enum(['x', 'y']),
      d: z.discriminatedUnion('kind', [z.object({ kind: z.literal('p') }), z.object({ kind: z.literal('q') })]),
      e: z.array(z.string()).min(1),
      f: z.string().min(1),
      g: z.number().int(),
      h: z.string().refine(() => false, problemIssue('date.format')),
      i: z.string().superRefine((_v, ctx) => addProblem(ctx, 'unknown.role', { value: 'pm', known: ['dev', 'ops'] })),
    })
    .strict();

  it('gives every issue kind a code and its parameters', () => {
    const r = schema.safeParse({ b: 40, c: 'z', d: { kind: 'r' }, e: [], f: '', g: 1.5, h: 'x', i: 'pm', extra: 1 });
    expect(r.success).toBe(false);
    if (r.success) return;
    const byPath = Object.fromEntries(zodProblems(r.error).map((p) => [p.path, { code: p.code, params: p.params }]));
    expect(byPath).toEqual({
      a: { code: 'value.required', params: {} },
      b: { code: 'number.max', params: { max: '30' } },
      c: { code: 'value.oneOf', params: { values: 'x, y' } },
      'd.kind': { code: 'value.discriminator', params: { key: 'kind', values: 'p, q' } },
      e: { code: 'list.empty', params: {} },
      f: { code: 'text.empty', params: {} },
      g: { code: 'number.integer', params: {} },
      h: { code: 'date.format', params: {} },
      i: { code: 'unknown.role', params: { value: 'pm', known: 'dev, ops' } },
      '(root)': { code: 'object.unknownKeys', params: { keys: 'extra' } },
    });
    for (const p of zodProblems(r.error)) expect(renderProblem('zh-CN', p.code, p.params)).not.toMatch(/\{\w+\}/);
  });
});
