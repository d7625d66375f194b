import { renderExplanation } from '../explain/explanation-texts';
import { renderProblem, ValidationError } from '@ledger/kernel';
import { buildCalendar } from '@ledger/sla';
import { parseContractConfig } from '../config/validate-contract-config';
import { getPreset } from '../presets';
import { checkReplacement, checkTeamMinimums, staffTurnover, workingDaysAfter } from './staffing';

const p1 = parseContractConfig(getPreset('tianjin-2026-p1').config);
const calendar = buildCalendar({});

describe('turnover per role class against the caps (rule 10, 004:1083)', () => {
  // 5 core and 10 other planned: caps core 20 % (1 person), other 30 % (3 people).
  const config = {
    ...p1,
    staffing: {
      ...p1.staffing,
      roles: [
        { ...p1.staffing.roles[0], id: 'lead', headcount: 5, core: true },
        { ...p1.staffing.roles[2], id: 'ops', headcount: 10, core: false },
      ],
    },
  };
  const replaced = (role: string, n: number) =>
    Array.from({ length: n }, (_, i) => ({ roleId: role, on: `2026-0${i + 1}-15` }));

  it.each([
    ['core', 'lead', 1, '20', true],
    ['core', 'lead', 2, '40', false],
    ['other', 'ops', 3, '30', true],
    ['other', 'ops', 4, '40', false],
    ['other', 'ops', 0, '0', true],
  ])('%s: %s × %i → %s %% within cap %s', (cls, role, n, rate, within) => {
    const r = staffTurnover(config, replaced(role, n)).classes.find((c) => c.class === cls);
    expect(r).toMatchObject({ replaced: n, ratePercent: rate, withinCap: within });
  });

  it('explains the figure', () => {
    const [core, other] = staffTurnover(config, replaced('lead', 1)).classes;
    expect(core.explanation).toBe('core roles (lead 5): 1 replaced ÷ 5 planned = 20.00 %; cap 20 % → within');
    expect(other).toMatchObject({ plannedHeadcount: 10, replaced: 0, display: '0.00' });
  });

  it('explains the figure as a code: the English word for word, Chinese without English', () => {
    const xuzhou = parseContractConfig(getPreset('xuzhou-2026').config);
    const classes = [
      ...staffTurnover(config, replaced('lead', 1)).classes,
      ...staffTurnover(xuzhou, []).classes,
      ...staffTurnover(p1, [{ roleId: 'pm', on: '2026-06-01' }]).classes,
    ];
    for (const c of classes) {
      expect(renderExplanation(c.explained, 'en')).toBe(c.explanation);
      expect(renderExplanation(c.explained, 'zh-CN')).not.toMatch(/[A-Za-z]{3,}/);
    }
    expect(renderExplanation(classes[0].explained, 'zh-CN')).toBe(
      '核心岗位：更换 1 人 ÷ 计划 5 人 = 20.00 %；上限 20 %，未超过',
    );
  });

  it('Tianjin P1 as configured: replacing the only PM is 100 % of the core class', () => {
    const [core] = staffTurnover(p1, [{ roleId: 'pm', on: '2026-06-01' }]).classes;
    expect(core).toMatchObject({ plannedHeadcount: 1, ratePercent: '100', withinCap: false });
  });

  it('a contract without caps reports the rate with no verdict; bad input throws with every problem', () => {
    const xuzhou = parseContractConfig(getPreset('xuzhou-2026').config);
    expect(staffTurnover(xuzhou, [{ roleId: 'engineer', on: '2026-03-01' }]).classes[1]).toMatchObject({
      ratePercent: '11.11111111111111111111111111111111111111',
      display: '11.11',
      withinCap: null,
    });
    expect(() => staffTurnover(p1, [{ roleId: 'ghost', on: '2027-01-01' }])).toThrow(ValidationError);
    try {
      staffTurnover(p1, [{ roleId: 'ghost', on: '2027-01-01' }]);
    } catch (e) {
      expect((e as ValidationError).problems.map((p) => [p.path, p.code, p.params])).toEqual([
        ['replacements[0].roleId', 'unknown.role', { value: 'ghost', known: 'pm, ops-7x24, ops' }],
        ['replacements[0].on', 'date.outsideTerm', { value: '2027-01-01', start: '2026-01-01', end: '2026-12-31' }],
      ]);
    }
  });
});

describe('replacement notice and handover in working days (004:1083)', () => {
  it('counts working days on the calendar across 中秋, 国庆 and both 补班 days', () => {
    // After Monday 09-14: 15,16,17,18, Sun 20 (补班), 21,22,23,24, [25 中秋], 28,29,30, [10-01..07 国庆], 8, 9, Sat 10 (补班) → 15.
    expect(workingDaysAfter(calendar, '2026-09-14', '2026-10-10')).toBe(15);
    expect(workingDaysAfter(calendar, '2026-09-14', '2026-10-09')).toBe(14);
  });

  it('accepts 15 working days of notice and 15 of handover ending before the change', () => {
    const r = checkReplacement(
      p1,
      {
        roleId: 'pm',
        appliedOn: '2026-09-14',
        changeOn: '2026-10-10',
        handoverFrom: '2026-09-14',
        handoverTo: '2026-10-09',
        interviewPassed: true,
      },
      { calendar },
    );
    expect(r).toMatchObject({ ok: true, noticeWorkingDays: 15, handoverWorkingDays: 15, problems: [] });
  });

  it('reports short notice, short handover, a handover overlapping the change and a failed interview together', () => {
    const r = checkReplacement(
      p1,
      {
        roleId: 'pm',
        appliedOn: '2026-09-14',
        changeOn: '2026-10-09',
        handoverFrom: '2026-09-15',
        handoverTo: '2026-10-09',
        interviewPassed: false,
      },
      { calendar },
    );
    expect(r.ok).toBe(false);
    expect(r.problems.map((p) => [p.path, p.code, p.params])).toEqual([
      ['appliedOn', 'staffing.noticeTooShort', { notice: '14', changeOn: '2026-10-09', required: '15' }],
      ['handoverTo', 'staffing.handoverTooShort', { handover: '14', required: '15' }],
      ['handoverTo', 'staffing.handoverAfterChange', { changeOn: '2026-10-09' }],
      ['interviewPassed', 'staffing.interviewRequired', {}],
    ]);
    expect(r.problems[0].message).toBe(
      'applied 14 working day(s) before the change on 2026-10-09; at least 15 required (人员变动需提15个工作日提交申请, 004:1083)',
    );
    expect(renderProblem('zh-CN', r.problems[0].code, r.problems[0].params)).toBe(
      '申请日距变更日 2026-10-09 只有 14 个工作日，人员变动须至少提前 15 个工作日提交申请',
    );
  });

  it.each([
    [
      'an unknown role',
      {
        roleId: 'ghost',
        appliedOn: '2026-09-01',
        changeOn: '2026-10-30',
        handoverFrom: '2026-09-01',
        handoverTo: '2026-10-29',
      },
      ['roleId', 'unknown.role', { value: 'ghost', known: 'pm, ops-7x24, ops' }],
    ],
    [
      'a change before the application',
      { roleId: 'pm', appliedOn: '2026-09-14', changeOn: '2026-09-14' },
      ['changeOn', 'staffing.changeBeforeApplication', { value: '2026-09-14', applied: '2026-09-14' }],
    ],
    [
      'no handover period',
      { roleId: 'pm', appliedOn: '2026-09-01', changeOn: '2026-10-30' },
      ['handoverFrom', 'staffing.handoverRequired', { required: '15' }],
    ],
    [
      'a handover that ends before it starts',
      {
        roleId: 'pm',
        appliedOn: '2026-09-01',
        changeOn: '2026-10-30',
        handoverFrom: '2026-10-20',
        handoverTo: '2026-10-10',
      },
      ['handoverTo', 'date.endsBeforeStart', { start: '2026-10-20', end: '2026-10-10' }],
    ],
  ] as const)('codes %s', (_what, req, expected) => {
    expect(checkReplacement(p1, req, { calendar }).problems.map((p) => [p.path, p.code, p.params])).toEqual([expected]);
  });

  it('a contract without the rule has nothing to check', () => {
    const xuzhou = parseContractConfig(getPreset('xuzhou-2026').config);
    expect(checkReplacement(xuzhou, { roleId: 'pm', appliedOn: '2026-09-14', changeOn: '2026-09-15' })).toMatchObject({
      ok: true,
      notes: ['the contract sets no replacement notice or handover period'],
    });
  });
});

describe('team minimums for a roster', () => {
  const full = [
    { personId: 'a', roleId: 'pm' },
    { personId: 'b', roleId: 'ops-7x24' },
    { personId: 'c', roleId: 'ops' },
    { personId: 'd', roleId: 'ops' },
    { personId: 'e', roleId: 'ops' },
  ];
  it('Tianjin P1: ≥5 in total, ≥1 on site 7×24, ≥2 on site 5×8 — met by the planned team', () => {
    const r = checkTeamMinimums(p1, full);
    for (const m of r.minimums) expect(renderExplanation(m.explained, 'en')).toBe(m.explanation);
    expect(r.ok).toBe(true);
    expect(r.minimums.map((m) => [m.id, m.count, m.met])).toEqual([
      ['team', 5, true],
      ['onsite-7x24', 1, true],
      ['onsite-5x8-consulting', 4, true],
    ]);
  });

  it('Beijing: the hotline minimum (003:41, ≥2 on duty) counts only the roles that staff the hotline', () => {
    const beijing = parseContractConfig(getPreset('beijing-2020').config);
    const people = (roleIds: string[]) => roleIds.map((roleId, i) => ({ personId: `p${i}`, roleId }));
    const hotline = (roleIds: string[]) =>
      checkTeamMinimums(beijing, people(roleIds)).minimums.find((m) => m.id === 'hotline-on-duty');
    // Nine people, but only one of them answers the hotline: not met (the whole roster would have counted 9).
    expect(
      hotline(['ops-manager', 'onsite-engineer', 'network', 'dba', 'developer', 'trainer', 'other', 'other', 'other']),
    ).toMatchObject({ count: 1, met: false });
    expect(hotline(['onsite-engineer', 'remote-support', 'remote-support'])).toMatchObject({ count: 3, met: true });
  });

  it('reports every minimum and role the roster falls short of', () => {
    const r = checkTeamMinimums(p1, [
      ...full.slice(0, 1),
      { personId: 'b', roleId: 'ops-7x24', active: false },
      ...full.slice(2, 3),
      { personId: 'c', roleId: 'dba' },
    ]);
    expect(r.problems.map((p) => `${p.path}: ${p.message}`)).toEqual([
      'roster[3].roleId: unknown role "dba" (known: pm, ops-7x24, ops)',
      'roster[3].personId: "c" is listed twice (also roster[2])',
      'minimums[0]: 不少于5人运维团队: 2 in total, at least 5 required',
      'minimums[1]: 不少于1人7*24驻场服务: 0 on-site 7x24, at least 1 required',
      'roles.ops-7x24: 运维人员（7*24驻场）: 0 of 1 planned',
      'roles.ops: 运维人员: 1 of 3 planned',
    ]);
    expect(r.problems.map((p) => [p.code, p.params])).toEqual([
      ['unknown.role', { value: 'dba', known: 'pm, ops-7x24, ops' }],
      ['list.duplicate', { value: 'c', other: 'roster[2]' }],
      ['staffing.minimumNotMetTotal', { name: '不少于5人运维团队', count: '2', min: '5' }],
      ['staffing.minimumNotMet', { name: '不少于1人7*24驻场服务', count: '0', what: 'on-site 7x24', min: '1' }],
      ['staffing.roleShort', { name: '运维人员（7*24驻场）', rostered: '0', headcount: '1' }],
      ['staffing.roleShort', { name: '运维人员', rostered: '1', headcount: '3' }],
    ]);
  });
});
