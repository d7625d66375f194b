import { PRESETS, validateContractConfig } from '@ledger/contracts';
import { assessmentSection, paymentSection } from '../../apps/web/src/features/config/config-form-rules';
import { basicsSection, slaSection, staffingSection } from '../../apps/web/src/features/config/config-form-sections';
import {
  type FieldNode,
  fieldPaths,
  type FormNode,
  type FormSection,
  isUnder,
} from '../../apps/web/src/features/config/config-form-nodes';
import {
  appendAt,
  getAt,
  numericValue,
  pathSegments,
  removeAt,
  setAt,
} from '../../apps/web/src/features/config/config-path';
import { contractConfigFormMessages } from '../../apps/web/src/features/config/contract-config-form-messages';
import { contractMessages } from '../../apps/web/src/features/contracts/contract-messages';

type Config = Record<string, unknown>;
const LOCALES = ['zh-CN', 'en'] as const;

function sections(config: Config, locale: (typeof LOCALES)[number] = 'zh-CN'): FormSection[] {
  const words = { t: contractConfigFormMessages[locale], w: contractMessages[locale] };
  return [
    basicsSection(words),
    staffingSection(config, words),
    slaSection(config, words),
    assessmentSection(config, words),
    paymentSection(config, words),
  ];
}

function fields(nodes: readonly FormNode[]): FieldNode[] {
  return nodes.flatMap((n) =>
    n.kind === 'group' ? fields(n.children) : n.kind === 'list' ? n.items.flatMap((g) => fields(g.children)) : [n],
  );
}

/** Every text a buyer reads in the form: section headings, legends, list headings, labels, choices, buttons. */
function texts(nodes: readonly FormNode[]): string[] {
  return nodes.flatMap((n): string[] => {
    if (n.kind === 'group') return [n.legend, ...(n.remove ? [n.remove.label] : []), ...texts(n.children)];
    if (n.kind === 'list')
      return [n.heading, n.empty, ...(n.add ? [n.add.label] : []), ...n.items.flatMap((g) => texts([g]))];
    const extra =
      n.kind === 'select' || n.kind === 'multi'
        ? n.choices.map((c) => c.label)
        : n.kind === 'duration'
          ? [n.unitLabel, n.modeLabel, ...n.units.map((c) => c.label), ...n.modes.map((c) => c.label)]
          : [];
    return [n.label, ...(n.hint ? [n.hint] : []), ...extra];
  });
}

const presets = Object.values(PRESETS).map((p) => [p.id, structuredClone(p.config) as unknown as Config] as const);

describe('configuration paths (the form edits the configuration at the paths the API reports problems at)', () => {
  it.each([
    ['staffing.roles[2].headcount', ['staffing', 'roles', 2, 'headcount']],
    ['sla.policy.targets[0].duration', ['sla', 'policy', 'targets', 0, 'duration']],
    ['a[1][2].b', ['a', 1, 2, 'b']],
    ['money.amount', ['money', 'amount']],
  ])('%s', (path, segments) => expect(pathSegments(path)).toEqual(segments));

  it('sets, appends and removes on a copy, leaving the original as it was', () => {
    const base = { a: { list: [{ x: 1 }, { x: 2 }] }, b: 'keep' };
    const before = structuredClone(base);
    expect(setAt(base, 'a.list[1].x', 5)).toEqual({ a: { list: [{ x: 1 }, { x: 5 }] }, b: 'keep' });
    expect(setAt(base, 'a.list[0].x', undefined)).toEqual({ a: { list: [{}, { x: 2 }] }, b: 'keep' });
    expect(setAt(base, 'c.d', 'new')).toEqual({ ...before, c: { d: 'new' } });
    expect(appendAt(base, 'a.list', { x: 3 })).toEqual({ a: { list: [{ x: 1 }, { x: 2 }, { x: 3 }] }, b: 'keep' });
    expect(removeAt(base, 'a.list', 0)).toEqual({ a: { list: [{ x: 2 }] }, b: 'keep' });
    expect(base).toEqual(before);
    expect(() => setAt(base, 'a.list[5].x', 1)).toThrow();
  });

  it('keeps decimals the configuration holds as text exact, and numbers as numbers', () => {
    expect(numericValue('10000.10', '10000.00')).toBe('10000.10');
    expect(numericValue('0.30000000000000004', '0.5')).toBe('0.30000000000000004');
    expect(numericValue(' 12 ', 5)).toBe(12);
    expect(numericValue('-5', 5)).toBe(-5);
    expect(numericValue('abc', 5)).toBe('abc'); // reaches the API's validation, which names it at the field
    expect(numericValue('', 5)).toBeUndefined();
    expect(numericValue('', '1.00')).toBe('');
  });
});

describe.each(presets)('configuration form on preset %s', (_id, config) => {
  it('shows every part buyers change: staffing roles, SLA limits, assessment components, payment rules', () => {
    const paths = sections(config).flatMap((s) => fieldPaths(s.nodes));
    const has = (prefix: string) => paths.some((p) => p.startsWith(prefix));
    expect(has('money.amount')).toBe(true);
    const roles = getAt(config, 'staffing.roles');
    if (Array.isArray(roles) && roles.length) expect(has('staffing.roles[0].headcount')).toBe(true);
    const targets = getAt(config, 'sla.policy.targets');
    if (Array.isArray(targets) && targets.length) expect(has('sla.policy.targets[0].duration')).toBe(true);
    const components = getAt(config, 'assessment.components');
    if (Array.isArray(components))
      components.forEach((_, i) => expect(has(`assessment.components[${i}].label`)).toBe(true));
    const deductions = getAt(config, 'payment.deductions');
    if (Array.isArray(deductions))
      deductions.forEach((_, i) => expect(has(`payment.deductions[${i}].label`)).toBe(true));
  });

  it('edits only what exists (or an optional key) and a field written back unchanged changes nothing', () => {
    for (const f of fields(sections(config).flatMap((s) => s.nodes))) {
      const value = getAt(config, f.path);
      const optional =
        ((f.kind === 'text' || f.kind === 'number') && f.optional) ||
        f.kind === 'bound' ||
        f.kind === 'select' ||
        f.kind === 'checkbox';
      if (!optional) expect([f.path, value]).not.toEqual([f.path, undefined]);
      if (value !== undefined) expect(setAt(config, f.path, value)).toEqual(config);
    }
  });

  it.each(LOCALES)('speaks %s: no placeholder left, no configuration id in a zh-CN label', (locale) => {
    const all = sections(config, locale).flatMap((s) => [s.heading, ...texts(s.nodes)]);
    const ids = new Set<string>();
    for (const list of [
      'staffing.roles',
      'sla.policy.targets',
      'assessment.components',
      'payment.deductions',
      'payment.milestones',
    ]) {
      const items = getAt(config, list);
      if (Array.isArray(items))
        for (const item of items)
          if (typeof item?.id === 'string' && /[-A-Za-z]/.test(item.id) && item.id.length > 3) ids.add(item.id);
    }
    for (const text of all) {
      expect(text).not.toMatch(/\{\w+\}/);
      expect(text.trim()).not.toBe('');
      if (locale === 'zh-CN')
        for (const id of ids) if (!/[\u4e00-\u9fff]/.test(id)) expect(text.split(/[\s：:（）()“”]/)).not.toContain(id);
    }
    if (locale === 'zh-CN') for (const s of sections(config, locale)) expect(s.heading).toMatch(/[\u4e00-\u9fff]|SLA/);
  });

  it('puts the validator’s problems at a field for the values a buyer types wrong', () => {
    const paths = sections(config).flatMap((s) => fieldPaths(s.nodes));
    const wrong: [string, unknown][] = [['money.amount', 'abc']];
    if (getAt(config, 'staffing.roles[0]'))
      wrong.push(['staffing.roles[0].headcount', -1], ['staffing.roles[0].name', '']);
    if (getAt(config, 'sla.policy.targets[0]'))
      wrong.push(['sla.policy.targets[0].duration', { minutes: -5 }], ['sla.policy.targets[0].severities', []]);
    if (getAt(config, 'payment.deductions[0].params.perPoint'))
      wrong.push(['payment.deductions[0].params.perPoint', '-1']);
    for (const [path, value] of wrong) {
      const result = validateContractConfig(setAt(config, path, value));
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      const placed = result.problems.filter((p) => paths.some((f) => isUnder(p.path, f)));
      expect([path, placed.length]).not.toEqual([path, 0]);
    }
  });
});
