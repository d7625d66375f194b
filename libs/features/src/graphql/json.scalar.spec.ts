import { Decimal } from '@ledger/kernel';
import { checkedJson } from './json.scalar';

describe('checkedJson', () => {
  it('gives back JSON as it is, absent properties included', () => {
    const value = { a: '1.50', b: [1, true, null, { c: 'x' }], d: undefined };
    expect(checkedJson(value)).toBe(value);
    expect(checkedJson(Object.assign(Object.create(null) as object, { e: 2 }))).toEqual({ e: 2 });
  });

  it('refuses what would not come out as it went in', () => {
    expect(() => checkedJson({ amount: new Decimal('1.50') })).toThrow(TypeError);
    expect(() => checkedJson([new Date(0)])).toThrow(TypeError);
    expect(() => checkedJson({ m: new Map() })).toThrow(TypeError);
    expect(() => checkedJson({ n: Number.NaN })).toThrow(TypeError);
    expect(() => checkedJson(undefined)).toThrow(TypeError);
  });
});
