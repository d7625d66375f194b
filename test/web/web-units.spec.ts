import { isApiPath } from '../../libs/features/src/web/web-console';
import { defineMessages, format } from '../../apps/web/src/i18n/messages';
import { formatMoney } from '../../apps/web/src/components/money-format';

describe('web console pure parts', () => {
  it('formats money as text: separators on the integer part, the fraction exactly as sent', () => {
    expect(formatMoney('2400000.00')).toBe('2,400,000.00');
    expect(formatMoney('-40000.00')).toBe('-40,000.00');
    expect(formatMoney('999.5')).toBe('999.5');
    expect(formatMoney('0.00')).toBe('0.00');
    // Beyond a double's precision: still exact, because it never becomes a number.
    expect(formatMoney('12345678901234567.89')).toBe('12,345,678,901,234,567.89');
    expect(formatMoney('n/a')).toBe('n/a');
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(format('共 {n} 份（{month}）', { n: 3, month: '2026-10' })).toBe('共 3 份（2026-10）');
    expect(format('{a} {b}', { a: 'x' })).toBe('x {b}');
  });

  it('keeps a feature dictionary in both languages and gives one key in every language', () => {
    const m = defineMessages({ title: '合同概览' }, { title: 'Contracts overview' });
    expect(m['zh-CN'].title).toBe('合同概览');
    expect(m.text('title')).toEqual({ 'zh-CN': '合同概览', en: 'Contracts overview' });
  });

  it('never answers the API’s paths with the console', () => {
    for (const p of ['/graphql', '/health', '/exports/abc/download', '/admin/queues', '/admin'])
      expect(isApiPath(p)).toBe(true);
    for (const p of ['/', '/buyer/contracts', '/graphqlx', '/administration', '/platform/tenants'])
      expect(isApiPath(p)).toBe(false);
  });
});
