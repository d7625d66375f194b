import { qinghaiItems, qinghaiScheme } from '../fixtures/seed-schemes';
import { itemAverageGradeRule } from './item-average-grade.rule';

const component = (qinghaiScheme.components as unknown as { params: unknown }[])[0];
const params = itemAverageGradeRule.paramsSchema.parse(component.params);
const scores = (values: (string | number)[]) => Object.fromEntries(qinghaiItems.map(([id], i) => [id, values[i]]));
const uniform = (v: string | number) => scores(qinghaiItems.map(() => v));

describe('item-average-grade (seed 002: 11 items, A ≥ 90 / B 80–89 / C < 80)', () => {
  it('the preset is valid', () => expect(itemAverageGradeRule.validate(params)).toEqual([]));

  it('example C: average 86.40 → B (fails)', () => {
    // 11 items summing to 950.4 → 86.40.
    const r = itemAverageGradeRule.evaluate(
      params,
      itemAverageGradeRule.inputSchema(params).parse(scores([90, 85, 88, 80, 92, 86, 84, 87, 83, '89.4', 86])),
    );
    expect(r.points).toBe('86.40');
    expect(r.grade).toEqual({ letter: 'B', passes: false });
    expect(r.explanation).toBe('average of 11 items = 950.4 ÷ 11 = 86.40 in [80, 90) → grade B (fails)');
  });

  it.each([
    [100, 'A', true],
    [90, 'A', true],
    ['89.99', 'B', false],
    ['80.01', 'B', false],
    [80, 'B', false],
    ['79.99', 'C', false],
    [0, 'C', false],
  ])('uniform %s → %s', (v, letter, passes) => {
    const r = itemAverageGradeRule.evaluate(params, itemAverageGradeRule.inputSchema(params).parse(uniform(v)));
    expect(r.grade).toEqual({ letter, passes });
  });

  it('grades on the average as written (two decimals, half up): 89.995 → 90.00 → A', () => {
    // ten items at 90 and one at 89.945 → 989.945 / 11 = 89.995
    const r = itemAverageGradeRule.evaluate(
      params,
      itemAverageGradeRule.inputSchema(params).parse(scores([90, 90, 90, 90, 90, 90, 90, 90, 90, 90, '89.945'])),
    );
    expect(r.points).toBe('90.00');
    expect(r.grade?.letter).toBe('A');
  });

  it('reports missing, unknown and out-of-range items', () => {
    const input: Record<string, unknown> = { ...uniform(90), hotline: 101, extra: 5 };
    delete input.training;
    const r = itemAverageGradeRule.inputSchema(params).safeParse(input);
    expect(r.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([
      'hotline: must be between 0 and 100',
      'training: Invalid input',
      ': Unrecognized key: "extra"',
    ]);
  });

  it('rejects gapped grade bands and duplicate items', () => {
    const bad = itemAverageGradeRule.paramsSchema.parse({
      items: [{ id: 'a' }, { id: 'a' }],
      grades: [
        { min: { value: 90, inclusive: true }, grade: 'A', passes: true },
        { max: { value: 80, inclusive: false }, grade: 'C', passes: false },
      ],
    });
    expect(itemAverageGradeRule.validate(bad)).toMatchObject([
      { path: 'items[1].id', message: 'duplicate item "a" (also items[0])' },
      { path: 'grades[0]', message: 'gap after band [1]: values in [80, 90) are covered by no band' },
    ]);
  });
});
