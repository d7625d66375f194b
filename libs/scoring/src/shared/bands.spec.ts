import { dec, renderProblem, type Problem } from '@ledger/kernel';
import fc from 'fast-check';
import { describeInterval, findBand, validateBands, type Interval } from './bands';

/** Path and English text of each problem (their codes and parameters: the table at the end of `validateBands`). */
const located = (problems: readonly Problem[]) => problems.map(({ path, message }) => ({ path, message }));

const incl = (value: string | number) => ({ value: String(value), inclusive: true });
const excl = (value: string | number) => ({ value: String(value), inclusive: false });
const percent: Interval = { min: incl(0), max: incl(100) };

describe('validateBands', () => {
  it('accepts the seed achievement ladder written high to low', () => {
    const bands = [
      { min: incl(90) },
      { min: incl(80), max: excl(90) },
      { min: incl(70), max: excl(80) },
      { min: incl(60), max: excl(70) },
      { max: excl(60) },
    ];
    expect(validateBands(bands, percent)).toEqual([]);
  });

  it('names every overlap and every gap, each at the offending band', () => {
    const bands = [
      { min: incl(90) }, // [0]
      { min: incl(80), max: incl(90) }, // [1] overlaps [0] at 90
      { min: incl(70), max: excl(79) }, // [2] gap [79, 80) before [1]
      { min: incl(50), max: excl(75) }, // [3] overlaps [2] on [70, 75)
      { max: excl(40) }, // [4] gap [40, 50)
    ];
    expect(located(validateBands(bands, percent))).toEqual([
      { path: 'bands[1]', message: 'overlaps band [0]: [80, 90] and [90, ∞) both contain [90, 90]' },
      { path: 'bands[3]', message: 'overlaps band [2]: [50, 75) and [70, 79) both contain [70, 75)' },
      { path: 'bands[3]', message: 'gap after band [4]: values in [40, 50) are covered by no band' },
      { path: 'bands[1]', message: 'gap after band [2]: values in [79, 80) are covered by no band' },
    ]);
  });

  it('reports the single point left out when both sides exclude it', () => {
    const bands = [{ min: excl(60) }, { min: incl(0), max: excl(60) }];
    expect(located(validateBands(bands, { min: incl(0) }))).toEqual([
      { path: 'bands[0]', message: 'gap after band [1]: values in [60, 60] are covered by no band' },
    ]);
  });

  it('requires the bands to reach both ends of the domain', () => {
    const bands = [{ min: incl(10), max: incl(50) }];
    expect(located(validateBands(bands, { min: incl(0) }))).toEqual([
      { path: 'bands[0]', message: 'gap before band [0]: values in [0, 10) of the domain are covered by no band' },
      { path: 'bands[0]', message: 'gap after band [0]: values in (50, ∞) of the domain are covered by no band' },
    ]);
  });

  it('rejects empty bands and bands outside the domain', () => {
    const bands = [
      { min: incl(5), max: excl(5) },
      { min: incl(0), max: incl(100) },
      { min: excl(100), points: 1 },
    ];
    expect(located(validateBands(bands, percent))).toEqual([
      {
        path: 'bands[0]',
        message: 'band [5, 5) contains no value (min must be below max, or equal with both ends inclusive)',
      },
      { path: 'bands[2]', message: 'band (100, ∞) lies outside the domain [0, 100]' },
    ]);
  });

  it.each([
    [
      'an empty domain',
      [{ min: incl(0) }],
      { min: incl(5), max: excl(5) },
      ['domain', 'bands.domainEmpty', { domain: '[5, 5)' }],
    ],
    [
      'an empty band',
      [{ min: incl(5), max: excl(5) }, { min: incl(0) }],
      { min: incl(0) },
      ['bands[0]', 'bands.empty', { band: '[5, 5)' }],
    ],
    [
      'a band outside the domain',
      [{ min: incl(0), max: incl(100) }, { min: excl(100) }],
      percent,
      ['bands[1]', 'bands.outsideDomain', { band: '(100, ∞)', domain: '[0, 100]' }],
    ],
    [
      'an overlap',
      [{ min: incl(50) }, { max: incl(50) }],
      percent,
      ['bands[1]', 'bands.overlap', { other: '0', band: '(−∞, 50]', otherBand: '[50, ∞)', overlap: '[50, 50]' }],
    ],
    ['no band in the domain', [{ min: excl(100) }], percent, ['bands', 'bands.noneCovers', { domain: '[0, 100]' }]],
    [
      'a gap at the start',
      [{ min: incl(10) }],
      percent,
      ['bands[0]', 'bands.gapBefore', { index: '0', gap: '[0, 10)' }],
    ],
    [
      'a gap inside',
      [{ min: incl(60) }, { max: excl(50) }],
      percent,
      ['bands[0]', 'bands.gapAfter', { index: '1', gap: '[50, 60)' }],
    ],
    [
      'a gap at the end',
      [{ max: excl(90) }],
      percent,
      ['bands[0]', 'bands.gapAtEnd', { index: '0', gap: '[90, 100]' }],
    ],
  ] as const)('codes %s with its parameters', (_what, bands, domain, expected) => {
    const problems = validateBands(bands, domain);
    expect(problems.map((p) => [p.path, p.code, p.params])).toContainEqual(expected);
    for (const p of problems) expect(renderProblem('zh-CN', p.code, p.params)).not.toMatch(/\{\w+\}/);
  });

  it('describes intervals in the usual notation', () => {
    expect(describeInterval({ min: excl(30), max: incl(60) })).toBe('(30, 60]');
    expect(describeInterval({ max: excl(60) })).toBe('(−∞, 60)');
    expect(describeInterval({ min: incl(0), max: incl(0) })).toBe('[0, 0]');
  });
});

describe('property: a valid ladder assigns every domain value to exactly one band', () => {
  // Ladder from sorted distinct cut points; each cut belongs to the band below or above it at random.
  const ladder = fc
    .tuple(
      fc.uniqueArray(fc.integer({ min: 1, max: 9999 }), { minLength: 1, maxLength: 8 }),
      fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
    )
    .map(([cuts, sides]) => {
      const sorted = [...cuts].sort((a, b) => a - b).map((c) => dec(c).div(100).toString());
      const bands: Interval[] = [];
      let lower: Interval['min'] = incl(0);
      sorted.forEach((c, i) => {
        const upperInclusive = sides[i];
        bands.push({ min: lower, max: { value: c, inclusive: upperInclusive } });
        lower = { value: c, inclusive: !upperInclusive };
      });
      bands.push({ min: lower, max: incl(100) });
      return bands.reverse(); // order of writing must not matter
    });
  it('holds for random ladders and random values (including the cut points)', () => {
    fc.assert(
      fc.property(ladder, fc.integer({ min: 0, max: 10000 }), (bands, v) => {
        expect(validateBands(bands, percent)).toEqual([]);
        const x = dec(v).div(100);
        const containing = bands.filter((b) => findBand([b], x) === 0);
        expect(containing).toHaveLength(1);
      }),
      { numRuns: 1000 },
    );
  });
});
