import { type FactsDraft } from './what-if-facts';
import type { Configuration } from './what-if-queries';

/** domain.md example B (Huai'an 2026, "what if H2 scores 75?"): the page opens on it so a run shows lines at once. */
export const HUAIAN_ASSUMED: FactsDraft = {
  periods: [
    { id: '2026-H1', score: '76.00', assessedOn: '' },
    { id: '2026-H2', score: '75.00', assessedOn: '' },
  ],
  years: [{ year: '2026', score: '75.50', assessedOn: '2027-01-15' }],
  quarters: [],
  acceptance: { passed: true, date: '2027-01-10' },
};
export const HUAIAN_BASELINE: FactsDraft = {
  ...HUAIAN_ASSUMED,
  periods: [HUAIAN_ASSUMED.periods[0], { id: '2026-H2', score: '80.00', assessedOn: '' }],
  years: [{ year: '2026', score: '78.00', assessedOn: '2027-01-15' }],
};

/** Empty rows shaped by the configuration: its scheme's periods and years of the term, or quarters without a scheme. */
export function draftFor(config: Configuration): FactsDraft {
  const first = Number((config.term?.start ?? '').slice(0, 4));
  const last = Number((config.term?.end ?? '').slice(0, 4));
  const draft: FactsDraft = { periods: [], years: [], quarters: [], acceptance: null };
  if (!first || !last) return draft;
  const kind = config.assessment?.period;
  for (let y = first; y <= last; y++) {
    if (kind === 'half-year')
      draft.periods.push({ id: `${y}-H1`, score: '', assessedOn: '' }, { id: `${y}-H2`, score: '', assessedOn: '' });
    if (kind === 'quarter')
      for (const q of [1, 2, 3, 4]) draft.periods.push({ id: `${y}-Q${q}`, score: '', assessedOn: '' });
    if (kind) draft.years.push({ year: String(y), score: '', assessedOn: '' });
    else for (const q of [1, 2, 3, 4]) draft.quarters.push({ id: `${y}-Q${q}`, qualified: true });
  }
  return draft;
}
