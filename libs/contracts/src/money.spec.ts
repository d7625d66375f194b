import fc from 'fast-check';
import { dec } from '@ledger/kernel';
import { formatMoney, formatMoneyGrouped, parseMoney, percentOf, splitAmount, toChineseCapital } from './money';

describe('money', () => {
  it('parses and formats two-decimal strings, never floats', () => {
    expect(formatMoney(parseMoney('2400000'))).toBe('2400000.00');
    expect(formatMoney('0.005')).toBe('0.01');
    expect(formatMoney('2.675')).toBe('2.68');
    expect(formatMoneyGrouped('1740000')).toBe('1,740,000.00');
    expect(formatMoneyGrouped('-1234.5')).toBe('-1,234.50');
    expect(() => parseMoney('1,000.00')).toThrow('not a money amount');
    expect(() => parseMoney('1.005')).toThrow('not a money amount');
  });

  it('percent-of rounds once to the fen', () => {
    expect(percentOf('7000', 2).toFixed(2)).toBe('140.00');
    expect(percentOf('33124', 25).toFixed(2)).toBe('8281.00');
    expect(percentOf('0.10', 5).toFixed(2)).toBe('0.01'); // 0.005 half up
  });

  it.each([
    [
      ['100.00', 3],
      ['33.33', '33.33', '33.34'],
    ],
    [
      ['33124.00', 4],
      ['8281.00', '8281.00', '8281.00', '8281.00'],
    ],
    [
      ['0.01', 3],
      ['0.00', '0.00', '0.01'],
    ],
    [
      ['0.35', 10],
      ['0.03', '0.03', '0.03', '0.03', '0.03', '0.03', '0.03', '0.03', '0.03', '0.08'],
    ],
    [
      ['-100.00', 3],
      ['-33.33', '-33.33', '-33.34'],
    ],
  ])('splits %j → %j', ([total, parts], expected) => {
    expect(splitAmount(total as string, parts as number).map((d) => d.toFixed(2))).toEqual(expected);
  });

  it("splits by weights (Huai'an 6/18 and 12/18)", () => {
    expect(splitAmount('1740000', [6, 12]).map((d) => d.toFixed(2))).toEqual(['580000.00', '1160000.00']);
    expect(splitAmount('100', [1, 1, 1]).map((d) => d.toFixed(2))).toEqual(['33.33', '33.33', '33.34']);
  });

  it('rejects impossible splits', () => {
    expect(() => splitAmount('1', 0)).toThrow();
    expect(() => splitAmount('1', [0, 0])).toThrow();
    expect(() => splitAmount('1', [1, -1])).toThrow();
  });

  it.each([
    ['1740000', '壹佰柒拾肆万元整'],
    ['66666.67', '陆万陆仟陆佰陆拾陆元陆角柒分'],
    ['0', '零元整'],
    ['0.05', '伍分'],
    ['0.50', '伍角'],
    ['10', '壹拾元整'],
    ['15', '壹拾伍元整'],
    ['100000', '壹拾万元整'],
    ['1001', '壹仟零壹元整'],
    ['1680.32', '壹仟陆佰捌拾元叁角贰分'],
    ['107000.53', '壹拾万柒仟元伍角叁分'],
    ['16409.02', '壹万陆仟肆佰零玖元零贰分'],
    ['325.04', '叁佰贰拾伍元零肆分'],
    ['100010000.05', '壹亿零壹万元零伍分'],
    ['100000000', '壹亿元整'],
    ['2400000', '贰佰肆拾万元整'],
    ['33124', '叁万叁仟壹佰贰拾肆元整'],
    ['8281', '捌仟贰佰捌拾壹元整'],
    ['5150', '伍仟壹佰伍拾元整'],
    ['10101010.10', '壹仟零壹拾万壹仟零壹拾元壹角'],
    ['-40000', '负肆万元整'],
    ['-0.01', '负壹分'],
  ])('人民币大写 %s → %s', (amount, expected) => {
    expect(toChineseCapital(amount)).toBe(expected);
  });

  it('人民币大写 rounds to the fen first and refuses amounts beyond 万亿', () => {
    expect(toChineseCapital('0.004')).toBe('零元整');
    expect(toChineseCapital(dec('1.235'))).toBe('壹元贰角肆分');
    expect(() => toChineseCapital('1e16')).toThrow();
  });

  it('property: split lines add up exactly to the amount, each at the fen, none with the wrong sign', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 13n), max: 10n ** 13n }), fc.integer({ min: 1, max: 60 }), (fen, parts) => {
        const total = dec(fen.toString()).dividedBy(100);
        const lines = splitAmount(total, parts);
        const sum = lines.reduce((a, l) => a.plus(l), dec(0));
        expect(sum.eq(total)).toBe(true);
        expect(lines).toHaveLength(parts);
        for (const l of lines) {
          expect(l.decimalPlaces()).toBeLessThanOrEqual(2);
          if (!total.isNegative()) expect(l.isNegative()).toBe(false);
          else expect(l.gt(0)).toBe(false);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('property: weighted split lines add up exactly', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 12n }),
        fc.array(fc.integer({ min: 0, max: 36 }), { minLength: 1, maxLength: 8 }).filter((w) => w.some((x) => x > 0)),
        (fen, weights) => {
          const total = dec(fen.toString()).dividedBy(100);
          const lines = splitAmount(total, weights);
          expect(lines.reduce((a, l) => a.plus(l), dec(0)).eq(total)).toBe(true);
          lines.forEach((l) => expect(l.isNegative()).toBe(false));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('property: 人民币大写 is total and deterministic over amounts up to 万亿', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 17n - 1n }), (fen) => {
        const s = toChineseCapital(dec(fen.toString()).dividedBy(100));
        expect(s).toMatch(/^[零壹贰叁肆伍陆柒捌玖拾佰仟万亿元角分整]+$/);
        expect(s).not.toMatch(/零零/);
        expect(s.endsWith('零')).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });
});
