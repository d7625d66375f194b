import { escapeHtml } from '../../apps/web/src/components/escape-html';

describe('escapeHtml (the console’s one escape for HTML sinks such as ECharts tooltips)', () => {
  it('turns every character that opens markup or an attribute into its entity', () => {
    expect(escapeHtml('<img src=x onerror="alert(1)">')).toBe('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;');
    expect(escapeHtml(`'><svg onload=alert(1)>`)).toBe('&#39;&gt;&lt;svg onload=alert(1)&gt;');
    expect(escapeHtml('<script>x</script>')).toBe('&lt;script&gt;x&lt;/script&gt;');
  });

  it('escapes the ampersand first, so entities in the text stay visible as written', () => {
    expect(escapeHtml('&lt; & &amp;')).toBe('&amp;lt; &amp; &amp;amp;');
  });

  it('leaves ordinary text, Chinese included, as it is', () => {
    expect(escapeHtml('人员配置: -2.00 → 78.50')).toBe('人员配置: -2.00 → 78.50');
    expect(escapeHtml('')).toBe('');
  });
});
