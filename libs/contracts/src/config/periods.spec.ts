import { calendarPeriod, periodBounds, periodContains, periodsWithin } from './periods';

describe('period ids: one home for bounds and containment', () => {
  it.each([
    ['2026', '2026-01-01', '2026-12-31'],
    ['2026-H2', '2026-07-01', '2026-12-31'],
    ['2026-Q1', '2026-01-01', '2026-03-31'],
    ['2028-02', '2028-02-01', '2028-02-29'],
  ])('%s runs %s..%s', (id, start, end) => {
    expect(calendarPeriod(id)).toMatchObject({ id, start, end });
  });

  it.each(['2026-13', '2026-H3', '2026-Q5', '26', 'x'])('%s names no period', (id) => {
    expect(calendarPeriod(id)).toBeUndefined();
  });

  it('containment: a year its halves, quarters and months; a half-year its own quarters and months only', () => {
    expect(periodContains('2026', '2026-Q3')).toBe(true);
    expect(periodContains('2026-H1', '2026-Q2')).toBe(true);
    expect(periodContains('2026-H1', '2026-Q3')).toBe(false);
    expect(periodContains('2026-H2', '2026-07')).toBe(true);
    expect(periodContains('2026-Q1', '2026-H1')).toBe(false);
    expect(periodContains('2026', '2027-01')).toBe(false);
    expect(periodsWithin('2026-H1')).toEqual([
      '2026-H1',
      '2026-Q1',
      '2026-Q2',
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
    ]);
    expect(periodsWithin('2026-05')).toEqual(['2026-05']);
  });

  it('bounds within a term are clipped to it; an id of no period of the term is the whole term', () => {
    const term = { start: '2025-07-01', end: '2026-12-31' };
    expect(periodBounds(term, '2025')).toEqual({ start: '2025-07-01', end: '2025-12-31' });
    expect(periodBounds(term, '2026-Q2')).toEqual({ start: '2026-04-01', end: '2026-06-30' });
    expect(periodBounds(term, '2024')).toEqual(term);
  });
});
