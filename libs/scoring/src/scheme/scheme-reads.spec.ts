import {
  achievementRateComponent,
  businessSatisfactionComponent,
  delayComponent,
  itSatisfactionComponent,
} from '../fixtures/seed-schemes';
import { parseAssessmentScheme } from './assessment-scheme';
import { componentsReading, schemeReads } from './scheme-reads';

const perEvent = (id: string, input: string) => ({
  id,
  label: id,
  kind: 'per-event',
  input,
  params: { event: id, pointsPerEvent: -5 },
});
const scheme = (components: unknown[]) => parseAssessmentScheme({ period: 'half-year', components });

describe('schemeReads: what each component reads, from its kind’s declaration', () => {
  it.each([
    // [components, expected [id, source, path ?? metric]]
    [
      'ticket metrics by input; satisfaction keyed by input',
      [achievementRateComponent, delayComponent, businessSatisfactionComponent, itSatisfactionComponent],
      [
        ['achievementRate', 'ticket-metric', 'achievementRate'],
        ['specialDelay', 'ticket-metric', 'specialDelayDays'],
        ['businessSatisfaction', 'period-input', 'satisfaction.businessSatisfaction'],
        ['itSatisfaction', 'period-input', 'satisfaction.itSatisfaction'],
      ],
    ],
    // The metric's words (计划内达成率) do not decide: the input names the ticket metric, or none feeds it.
    [
      'a banded component whose input names no ticket metric',
      [{ ...achievementRateComponent, input: 'rate' }],
      [['achievementRate', 'none', null]],
    ],
    [
      'the only per-event component reads the security incidents',
      [perEvent('incidents', 'events')],
      [['incidents', 'period-input', 'securityIncidents']],
    ],
    [
      'of several per-event components, the one named securityIncidents',
      [perEvent('a', 'other'), perEvent('b', 'securityIncidents')],
      [
        ['a', 'none', null],
        ['b', 'period-input', 'securityIncidents'],
      ],
    ],
    [
      'several per-event components, none named: none is fed',
      [perEvent('a', 'x'), perEvent('b', 'y')],
      [
        ['a', 'none', null],
        ['b', 'none', null],
      ],
    ],
  ])('%s', (_, components, expected) => {
    const reads = schemeReads(scheme(components));
    expect(reads.map((r) => [r.componentId, r.source, r.path ?? r.metric])).toEqual(expected);
  });

  it('lists the components reading one buyer input', () => {
    const s = scheme([achievementRateComponent, businessSatisfactionComponent, itSatisfactionComponent]);
    expect(componentsReading(s, 'satisfaction').map((r) => r.input)).toEqual([
      'businessSatisfaction',
      'itSatisfaction',
    ]);
    expect(componentsReading(s, 'staffScores')).toEqual([]);
  });
});
