import type { Problem } from '@ledger/kernel';
import { achievementRateComponent, delayComponent } from '../fixtures/seed-schemes';
import { bandedRule, type BandedParams } from './banded.rule';

/** Path and English text of each problem (their codes: libs/scoring/src/shared/bands.spec.ts). */
const located = (problems: readonly Problem[]) => problems.map(({ path, message }) => ({ path, message }));

const params = (c: { params: unknown }): BandedParams => bandedRule.paramsSchema.parse(c.params);
const achievement = params(achievementRateComponent);
const delay = params(delayComponent);
const points = (p: BandedParams, v: string | null) => bandedRule.evaluate(p, bandedRule.inputSchema(p).parse(v)).points;

describe('banded: seed 000/001 ladders', () => {
  it('the seed ladders are valid', () => {
    expect(bandedRule.validate(achievement)).toEqual([]);
    expect(bandedRule.validate(delay)).toEqual([]);
  });

  it.each([
    ['100', '2.00'],
    ['91.11', '2.00'],
    ['90', '2.00'],
    ['89.99', '0.00'],
    ['80.01', '0.00'],
    ['80', '0.00'],
    ['79.99', '-2.00'],
    ['70', '-2.00'],
    ['69.99', '-5.00'],
    ['60', '-5.00'],
    ['59.99', '-10.00'],
    ['0', '-10.00'],
  ])('achievement rate %s %% → %s', (rate, expected) => {
    expect(points(achievement, rate)).toBe(expected);
  });

  it.each([
    ['0', '0.00'],
    ['0.5', '-1.00'],
    ['10', '-1.00'],
    ['10.5', '-2.00'],
    ['12', '-2.00'],
    ['20', '-2.00'],
    ['20.01', '-3.00'],
    ['30', '-3.00'],
    ['35', '-5.00'],
    // domain.md rule 3: the seed's rows "60≥延期>30" and "延期≥60" overlap at 60; the preset gives 60 → −5.
    ['60', '-5.00'],
    ['60.5', '-10.00'],
    ['365', '-10.00'],
  ])('special-attention delay %s days → %s', (days, expected) => {
    expect(points(delay, days)).toBe(expected);
  });

  it('explains the band in words', () => {
    const r = bandedRule.evaluate(achievement, '91.111111');
    expect(r.explanation).toBe('计划内达成率 91.11 % in band [90, ∞) (达成率≥90%) → +2');
  });

  it('notes when the exact value and the shown figure fall in different bands', () => {
    const r = bandedRule.evaluate(achievement, '89.996');
    expect(r.points).toBe('0.00');
    expect(r.notes?.[0]).toContain('shows as 90.00');
  });

  it('an undefined metric (no tickets due) scores 0 with a note (rule 5)', () => {
    const r = bandedRule.evaluate(achievement, null);
    expect(r.points).toBe('0.00');
    expect(r.notes).toEqual([
      '计划内达成率 is undefined for this period (e.g. no tickets due), so this component scores 0',
    ]);
  });

  it('rejects values outside the domain as input problems', () => {
    const r = bandedRule.inputSchema(delay).safeParse(-1);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0].message).toBe("-1 is outside the metric's domain [0, ∞)");
    expect(bandedRule.inputSchema(achievement).safeParse('100.01').success).toBe(false);
  });

  it('the seed delay table as written (both rows containing 60) is rejected, naming the band', () => {
    const asWritten = {
      ...delay,
      bands: delay.bands.map((b, i) => (i === 5 ? { ...b, min: { value: '60', inclusive: true } } : b)),
    };
    expect(located(bandedRule.validate(asWritten))).toEqual([
      { path: 'bands[5]', message: 'overlaps band [4]: [60, ∞) and (30, 60] both contain [60, 60]' },
    ]);
  });

  it('a delay ladder without a band for 0 leaves a gap at the domain start', () => {
    const noZero = { ...delay, bands: delay.bands.slice(1) };
    expect(located(bandedRule.validate(noZero))).toEqual([
      { path: 'bands[0]', message: 'gap before band [0]: values in [0, 0] of the domain are covered by no band' },
    ]);
  });
});
