import { dec, type Decimal } from '@ledger/kernel';
import { staffComponent } from '../fixtures/seed-schemes';
import { staffAverageRule } from './staff-average.rule';

const params = staffAverageRule.paramsSchema.parse(staffComponent.params);
const parse = (v: unknown) => staffAverageRule.inputSchema(params).parse(v);
/** A person whose parts add up to `total` exactly (decimal arithmetic: attitude, then ability, then results). */
const exact = (id: string, total: string) => {
  const t = dec(total);
  const min = (a: Decimal, b: Decimal) => (a.lt(b) ? a : b);
  const max0 = (a: Decimal) => (a.isNegative() ? dec(0) : a);
  return {
    personId: id,
    attitude: min(t, dec(30)).toString(),
    ability: min(max0(t.minus(30)), dec(30)).toString(),
    results: max0(t.minus(60)).toString(),
  };
};
/** A person whose parts add up to `total` (≤ 100). */
const person = (id: string, total: number, bonuses?: number[]) => ({
  personId: id,
  attitude: Math.min(30, total),
  ability: Math.min(30, Math.max(0, total - 30)),
  results: Math.max(0, total - 60),
  ...(bonuses ? { bonuses } : {}),
});

describe('staff-average (seed 000: 态度30 + 能力30 + 结果40, +3..5 per task)', () => {
  it('the preset parameters are valid', () => {
    expect(staffAverageRule.validate(params)).toEqual([]);
  });

  it.each([
    [100, '5.00'],
    [90, '5.00'],
    ['89.99', '0.00'],
    [84, '0.00'],
    ['80.01', '0.00'],
    [80, '0.00'],
    ['79.99', '-5.00'],
    [72, '-5.00'],
    [70, '-5.00'],
    ['69.99', '-10.00'],
    [60, '-10.00'],
    ['59.99', '-15.00'],
    [0, '-15.00'],
  ])('average %s → %s', (avg, pts) => {
    const res = staffAverageRule.evaluate(params, parse([exact('a', String(avg))]));
    expect(res.details?.average).toBe(dec(avg).toString());
    expect(res.points).toBe(pts);
  });

  it('worked example A: averages 84 → 0 and 72 → −5, flagging people below 70', () => {
    const h1 = staffAverageRule.evaluate(params, parse([person('p1', 90), person('p2', 80), person('p3', 82)]));
    expect(h1.points).toBe('0.00');
    expect(h1.explanation).toBe('staff average 84.00 over 3 people in band [80, 90) (80-89分) → 0');
    const h2 = staffAverageRule.evaluate(params, parse([person('p1', 80), person('p2', 69), person('p3', 67)]));
    expect(h2.points).toBe('-5.00');
    expect(h2.flags?.map((f) => f.subject)).toEqual(['p2', 'p3']);
    expect(h2.flags?.[0].message).toContain('p2 scored 69.00 < 70');
  });

  it('a person at exactly 70 is not flagged', () => {
    expect(staffAverageRule.evaluate(params, parse([person('p1', 70)])).flags).toBeUndefined();
  });

  it('task bonuses add to a person and are capped at 100 (personCap)', () => {
    const r = staffAverageRule.evaluate(params, parse([person('p1', 98, [5]), person('p2', 80, [3, 4])]));
    expect(r.details?.people).toEqual([
      { personId: 'p1', parts: '98', bonus: '5', total: '100' },
      { personId: 'p2', parts: '80', bonus: '7', total: '87' },
    ]);
    expect(r.details?.average).toBe('93.5');
    expect(r.points).toBe('5.00');
    expect(r.notes).toEqual(['p1: 103 capped at 100']);
  });

  it('reports every input problem with its path', () => {
    const r = staffAverageRule.inputSchema(params).safeParse([
      { personId: 'a', attitude: 31, ability: 30, results: 40 },
      { personId: 'b', attitude: 10, ability: 10, results: 50, bonuses: [2] },
      { personId: 'a', attitude: 1, ability: 1, results: 1, resultz: 1 },
    ]);
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([
      '0.attitude: must be between 0 and 30',
      '1.bonuses.0: a task bonus must be between 3 and 5',
      '1.results: must be between 0 and 40',
      '2: Unrecognized key: "resultz"',
      '2.personId: duplicate person "a" (also [0])',
    ]);
  });

  it('flags duplicate people', () => {
    const r = staffAverageRule.inputSchema(params).safeParse([person('a', 80), person('a', 90)]);
    expect(r.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([
      '1.personId: duplicate person "a" (also [0])',
    ]);
  });

  it('no staff scored → 0 with a note', () => {
    const r = staffAverageRule.evaluate(params, []);
    expect(r.points).toBe('0.00');
    expect(r.notes).toHaveLength(1);
  });

  it('validates parameters (duplicate parts, bonus range, ladder, domain vs cap)', () => {
    const bad = staffAverageRule.paramsSchema.parse({
      ...staffComponent.params,
      parts: [
        { id: 'a', max: 30 },
        { id: 'a', max: 10 },
      ],
      taskBonus: { min: 5, max: 3 },
      personCap: null,
    });
    expect(staffAverageRule.validate(bad)).toMatchObject([
      { path: 'parts[1].id', message: 'duplicate part "a" (also parts[0])' },
      { path: 'taskBonus', message: 'min must not exceed max' },
      { path: 'adjustment.domain', message: "must reach ∞, the highest average a person's total allows (personCap)" },
    ]);
  });

  it('its schema states the sign of every maximum, bonus, cap and threshold', () => {
    const r = staffAverageRule.paramsSchema.safeParse({
      ...staffComponent.params,
      parts: [
        { id: 'a', max: 0 },
        { id: 'b', max: -30 },
      ],
      taskBonus: { min: -3, max: -1 },
      personCap: -100,
      flagBelow: { threshold: -70 },
    });
    expect(r.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([
      'parts.0.max: must be greater than 0',
      'parts.1.max: must be greater than 0',
      'taskBonus.min: must not be negative',
      'taskBonus.max: must not be negative',
      'personCap: must be greater than 0',
      'flagBelow.threshold: must not be negative',
    ]);
  });
});
