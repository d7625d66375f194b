import { perEventRule } from './per-event.rule';

const p = perEventRule.paramsSchema.parse({ event: '重大数据安全事件', pointsPerEvent: -5 });
const capped = perEventRule.paramsSchema.parse({ event: '有效投诉', pointsPerEvent: -2, cap: 5 });

describe('per-event', () => {
  it.each([
    [0, '0.00'],
    [1, '-5.00'],
    [3, '-15.00'],
  ])('%i incident(s) → %s', (n, pts) => {
    expect(perEventRule.evaluate(p, n).points).toBe(pts);
  });
  it('takes a list of events and names them', () => {
    const r = perEventRule.evaluate(p, [{ id: 'INC-7' }]);
    expect(r.points).toBe('-5.00');
    expect(r.explanation).toBe('重大数据安全事件: 1 × -5 = -5 [INC-7]');
  });
  it('caps the absolute total', () => {
    const r = perEventRule.evaluate(capped, 4);
    expect(r.points).toBe('-5.00');
    expect(r.notes).toEqual(['有效投诉: -8 capped at -5']);
  });
  it('rejects negative or fractional counts', () => {
    expect(perEventRule.inputSchema(p).safeParse(-1).success).toBe(false);
    expect(perEventRule.inputSchema(p).safeParse(1.5).success).toBe(false);
  });
  it('validates parameters', () => {
    expect(perEventRule.validate(perEventRule.paramsSchema.parse({ event: 'x', pointsPerEvent: 0 }))).toMatchObject([
      { path: 'pointsPerEvent', message: 'must not be 0 (the component would never contribute)' },
    ]);
  });
  it.each([0, -15, '-0.5'])('its schema refuses a cap of %s (the cap is an absolute value > 0)', (cap) => {
    const r = perEventRule.paramsSchema.safeParse({ event: 'x', pointsPerEvent: -5, cap });
    expect(r.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual(['cap: must be greater than 0']);
  });
});
