import { parseContractConfig } from '../config/validate-contract-config';
import { getPreset, type PresetId } from '../presets';
import { closablePeriods } from './assemble-period-facts';
import { closablePeriodInputSpecs, periodInputSpec } from './period-input-spec';

const config = (id: PresetId) => parseContractConfig({ ...getPreset(id).config, version: 1 });

/** [component, source, where it is entered or the metric] of an assessed period. */
type Read = [string, 'period-input' | 'ticket-metric' | 'none', string | null];

const XUZHOU_READS: Read[] = [
  ['staff', 'period-input', 'staffScores'],
  ['securityIncidents', 'period-input', 'securityIncidents'],
  ['achievementRate', 'ticket-metric', 'achievementRate'],
  ['specialDelay', 'ticket-metric', 'specialDelayDays'],
  ['businessSatisfaction', 'period-input', 'satisfaction.businessSatisfaction'],
  ['itSatisfaction', 'period-input', 'satisfaction.itSatisfaction'],
];

const cases: {
  preset: PresetId;
  closable: string[];
  closeKind: string;
  assessed: string;
  reads: Read[];
  notAssessed: string;
}[] = [
  {
    preset: 'xuzhou-2026',
    closable: ['2026-H1', '2026-H2'],
    closeKind: 'half-year',
    assessed: '2026-H2',
    reads: XUZHOU_READS,
    notAssessed: '2026-Q3',
  },
  {
    preset: 'huaian-2025-2026',
    // The term starts 2025-07-01: its first half-year is 2025-H2.
    closable: ['2025-H2', '2026-H1', '2026-H2'],
    closeKind: 'half-year',
    assessed: '2025-H2',
    reads: XUZHOU_READS.filter(([id]) => id !== 'staff' && id !== 'securityIncidents'),
    notAssessed: '2026',
  },
  {
    preset: 'qinghai-hospital-3y',
    closable: ['2026-H1', '2026-H2', '2027-H1', '2027-H2', '2028-H1', '2028-H2'],
    closeKind: 'half-year',
    assessed: '2027-H1',
    reads: [['evaluation', 'period-input', 'itemScores']],
    notAssessed: '2027-05',
  },
  // No scheme: closed by quarters (quarter qualification) or years; nothing is scored.
  {
    preset: 'tianjin-2026-p1',
    closable: ['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4'],
    closeKind: 'quarter',
    assessed: '',
    reads: [],
    notAssessed: '2026-Q2',
  },
  { preset: 'beijing-2020', closable: ['2020'], closeKind: 'year', assessed: '', reads: [], notAssessed: '2020' },
];

describe('period input spec, from each rule kind’s declared reads (the seeds’ contracts)', () => {
  it.each(cases)('$preset: closable periods and what each component reads', (c) => {
    const cfg = config(c.preset);
    expect(closablePeriods(cfg).map((p) => p.id)).toEqual(c.closable);
    expect(closablePeriodInputSpecs(cfg).map((s) => s.period.id)).toEqual(c.closable);
    if (c.assessed) {
      const spec = periodInputSpec(cfg, c.assessed);
      expect(spec?.closeKind).toBe(c.closeKind);
      expect(spec?.assessed).toBe(true);
      expect(spec?.components.map((r): Read => [r.componentId, r.source, r.path ?? r.metric])).toEqual(c.reads);
    }
    const other = periodInputSpec(cfg, c.notAssessed);
    expect(other?.assessed).toBe(false);
    expect(other?.components).toEqual([]);
    expect(other?.quarterQualified).toBe(/-Q\d$/.test(c.notAssessed));
  });

  it('gives each input its unit, range, parts and choices (Xuzhou)', () => {
    const spec = periodInputSpec(config('xuzhou-2026'), '2026-H1');
    const shape = (id: string) => spec?.components.find((r) => r.componentId === id)?.shape;
    expect(shape('staff')).toEqual({
      value: 'people',
      unit: null,
      min: '0',
      max: '100',
      parts: [
        { id: 'attitude', label: '工作态度', max: '30' },
        { id: 'ability', label: '工作能力', max: '30' },
        { id: 'results', label: '工作结果', max: '40' },
      ],
      choices: [],
      bonus: { min: '3', max: '5' },
    });
    expect(shape('securityIncidents')).toMatchObject({ value: 'count', min: '0', max: null });
    expect(shape('achievementRate')).toMatchObject({ value: 'metric', unit: '%', min: '0', max: '100' });
    expect(shape('specialDelay')).toMatchObject({ value: 'metric', unit: '天', min: '0', max: null });
    expect(shape('itSatisfaction')?.choices).toEqual(['好', '一般', '差', '很差', '非常差']);
  });

  it('gives Qinghai’s eleven items, each 0..100', () => {
    const shape = periodInputSpec(config('qinghai-hospital-3y'), '2026-H1')?.components[0].shape;
    expect(shape?.value).toBe('items');
    expect(shape?.parts).toHaveLength(11);
    expect(shape?.parts.every((p) => p.max === '100')).toBe(true);
    expect(shape?.parts[0]).toEqual({ id: 'monthlyInspection', label: '每次（月度）的巡检服务', max: '100' });
  });

  it.each([['2025-H2'], ['2027-H1'], ['2026-H3'], ['H1'], ['2026-13']])(
    'names no period for %s outside Xuzhou’s term or malformed',
    (id) => {
      expect(periodInputSpec(config('xuzhou-2026'), id)).toBeUndefined();
    },
  );
});
