import {
  formatDate,
  formatDateTime,
  formatDecimal2,
  formatDuration,
  formatPercent,
  formatPeriod,
  formatQuantity,
} from '../../apps/web/src/i18n/local-format';

describe('local presentation (domain rule 19)', () => {
  it.each([
    ['2026-12-06T02:39:00.000Z', '2026-12-06 10:39'],
    ['2026-11-18T09:14:00+08:00', '2026-11-18 09:14'],
    ['2026-12-31T16:30:00Z', '2027-01-01 00:30'],
    [null, '—'],
    ['not a time', 'not a time'],
  ])('shows %s in Beijing time as %s', (iso, shown) => expect(formatDateTime(iso)).toBe(shown));

  it('shows dates the Chinese way in zh-CN', () => {
    expect(formatDate('2026-12-06', 'zh-CN')).toBe('2026年12月6日');
    expect(formatDate('2026-12-06', 'en')).toBe('2026-12-06');
    expect(formatDate('2026-12-31T16:30:00Z', 'zh-CN')).toBe('2027年1月1日');
  });

  it.each([
    [0, '0 分钟', '0 min'],
    [45, '45 分钟', '45 min'],
    [125, '2 小时 5 分钟', '2 h 5 min'],
    [26012, '18 天 1 小时', '18 d 1 h'],
    [1440, '1 天', '1 d'],
  ])('shows %i minutes as %s', (minutes, zh, en) => {
    expect(formatDuration(minutes, 'zh-CN')).toBe(zh);
    expect(formatDuration(minutes, 'en')).toBe(en);
  });

  it('rounds scores and rates half up to two decimals, exactly, and caps a percentage', () => {
    expect(formatDecimal2('26.7027417027417027417027417027417027417')).toBe('26.70');
    expect(formatDecimal2('0.125')).toBe('0.13');
    expect(formatDecimal2('75')).toBe('75.00');
    expect(formatPercent('43353.33')).toBe('> 999 %');
    expect(formatPercent('62.5')).toBe('62.50 %');
  });

  it.each([
    ['2026-H1', '2026年上半年', '2026 H1'],
    ['2026-H2', '2026年下半年', '2026 H2'],
    ['2026-Q3', '2026年第三季度', '2026 Q3'],
    ['2027', '2027年', '2027'],
    ['2026-03', '2026年3月', '2026-03'],
  ])('names the period %s as %s', (id, zh, en) => {
    expect(formatPeriod(id, 'zh-CN')).toBe(zh);
    expect(formatPeriod(id, 'en')).toBe(en);
  });
});

describe('formatQuantity', () => {
  it('keeps whole counts and rounds fractions to two decimals', () => {
    expect(formatQuantity('12')).toBe('12');
    expect(formatQuantity('53.954545454545454545454545454545454545')).toBe('53.95');
    expect(formatQuantity(null)).toBe('—');
  });
});

describe('formatPeriod', () => {
  it('names the whole term', () => {
    expect(formatPeriod('term', 'zh-CN')).toBe('合同期');
    expect(formatPeriod('term', 'en')).toBe('term');
  });
});
