import { renderExplanation } from '../explain/explanation-texts';
import { buildCalendar } from '@ledger/sla';
import { parseContractConfig } from '../config/validate-contract-config';
import { getPreset } from '../presets';
import { holidayBlocks, obligationChecklist, type ObligationChecklistInput } from './obligations';
import { summariseMonthlyReport, validateMonthlyReport } from './monthly-report.schema';

const qinghai = parseContractConfig(getPreset('qinghai-hospital-3y').config);
const xuzhou = parseContractConfig(getPreset('xuzhou-2026').config);
const calendar = buildCalendar({});

const row = (r: ReturnType<typeof obligationChecklist>, id: string, occ: string) =>
  r.items.find((x) => x.obligationId === id && x.occurrence === occ);

describe('holiday blocks (Qinghai: inspection before every holiday of ≥ 3 days)', () => {
  it('finds 中秋 and 国庆 2026, due the day before each', () => {
    expect(holidayBlocks(calendar, '2026-09-01', '2026-09-30', 3)).toEqual([
      { start: '2026-09-25', end: '2026-09-27', days: 3, name: '中秋' },
      { start: '2026-10-01', end: '2026-10-07', days: 7, name: '国庆节' },
    ]);
    // An ordinary weekend is not a holiday block.
    expect(holidayBlocks(calendar, '2026-11-01', '2026-11-30', 2)).toEqual([]);
  });
});

describe('obligations checklist', () => {
  const september: Omit<ObligationChecklistInput, 'deliveries' | 'asOf'> = {
    config: qinghai,
    period: { from: '2026-09-01', to: '2026-09-30' },
    calendar,
  };

  it('Qinghai September 2026: met, missing and pending rows with due dates', () => {
    const r = obligationChecklist({
      ...september,
      asOf: '2026-10-10',
      deliveries: [
        { obligationId: 'monthly-inspection', deliveredOn: '2026-09-15', evidence: ['巡检报告-09'] },
        { obligationId: 'holiday-inspection', deliveredOn: '2026-09-22', evidence: ['节前巡检-中秋'] },
      ],
    });
    expect(row(r, 'monthly-inspection', '2026-09')).toMatchObject({
      dueDate: '2026-09-30',
      required: 1,
      onTime: 1,
      status: 'met',
    });
    expect(row(r, 'holiday-inspection', 'holiday-2026-09-25')).toMatchObject({
      dueDate: '2026-09-24',
      onTime: 1,
      status: 'met',
    });
    expect(row(r, 'holiday-inspection', 'holiday-2026-10-01')).toMatchObject({
      dueDate: '2026-09-30',
      onTime: 0,
      status: 'missing',
    });
    expect(row(r, 'backup-restore-verification', '2026-Q3')).toMatchObject({
      dueDate: '2026-09-30',
      status: 'missing',
    });
    expect(row(r, 'half-year-report', '2026-H2')).toMatchObject({ dueDate: '2026-12-31', status: 'pending' });
    expect(row(r, 'year-plan', '2026')).toMatchObject({ status: 'pending' });
    expect(r.notes).toContain(
      'year-plan: the contract gives no day count for "at the start of the period"; due by the period\'s end',
    );
    // Event obligations without events this month have no rows.
    expect(r.items.some((x) => x.obligationId === 'training')).toBe(false);
  });

  it('a month of an unpublished year is computed on the provisional calendar and says so (domain rule 18)', () => {
    expect(obligationChecklist({ ...september, asOf: '2026-10-10', deliveries: [] }).provisional).toBe(false);
    // Provisional 2027: 中秋 Wed 15 September is one day (no block); 国庆 Fri 1–Sun 3 October is three, due Thursday 30 September.
    const r = obligationChecklist({
      config: qinghai,
      period: { from: '2027-09-01', to: '2027-09-30' },
      asOf: '2027-09-01',
      deliveries: [],
      calendar,
    });
    expect(
      r.items.filter((x) => x.obligationId === 'holiday-inspection').map((x) => [x.occurrence, x.dueDate]),
    ).toEqual([['holiday-2027-10-01', '2027-09-30']]);
    expect(r).toMatchObject({ provisional: true, provisionalYears: [2027] });
  });

  it('each row explains itself as a code: the English account word for word, a Chinese text without English', () => {
    const r = obligationChecklist({
      ...september,
      asOf: '2026-10-10',
      deliveries: [{ obligationId: 'monthly-inspection', deliveredOn: '2026-09-15', evidence: ['巡检报告-09'] }],
    });
    for (const item of r.items) {
      expect(renderExplanation(item.explained, 'en')).toBe(item.explanation);
      expect(renderExplanation(item.explained, 'zh-CN')).not.toMatch(
        /\b(required|on time|late|due|met|missing|pending)\b/,
      );
    }
    expect(renderExplanation(row(r, 'half-year-report', '2026-H2')?.explained, 'zh-CN')).toMatch(
      /：需 1 次，按时 0 次；截止 2026-12-31；截至 2026-10-10 尚未到期$/,
    );
  });

  it('monthly report by the 5th of the next month: met, late (with `for`), missing, pending', () => {
    const config = {
      ...xuzhou,
      obligations: [
        {
          id: 'monthly-report',
          kind: 'monthly-report',
          count: 1,
          period: 'month' as const,
          due: { kind: 'by-day-of-next-period' as const, day: 5 },
          evidence: '月报',
        },
      ],
    };
    const base = { config, period: { from: '2026-10-01', to: '2026-10-31' }, calendar };
    const status = (deliveredOn: string | null, asOf: string, forOcc?: string) =>
      obligationChecklist({
        ...base,
        asOf,
        deliveries: deliveredOn
          ? [{ obligationId: 'monthly-report', deliveredOn, ...(forOcc ? { for: forOcc } : {}) }]
          : [],
      }).items[0];
    expect(status('2026-11-05', '2026-11-30')).toMatchObject({
      occurrence: '2026-10',
      dueDate: '2026-11-05',
      status: 'met',
    });
    expect(status('2026-11-06', '2026-11-30', '2026-10')).toMatchObject({ status: 'late', late: 1 });
    expect(status(null, '2026-11-06')).toMatchObject({ status: 'missing' });
    expect(status(null, '2026-11-05')).toMatchObject({ status: 'pending' });
  });

  it('a change plan 3 working days before a major change counts the 补班 Saturday', () => {
    const config = {
      ...xuzhou,
      obligations: [
        {
          id: 'change-plan',
          kind: 'change-plan',
          count: 1,
          period: 'event' as const,
          due: { kind: 'before-event' as const, event: '重大变更', workingDaysBefore: 3 },
        },
      ],
    };
    const r = obligationChecklist({
      config,
      period: { from: '2026-10-01', to: '2026-10-31' },
      asOf: '2026-10-31',
      calendar,
      events: [{ id: 'chg-1', on: '2026-10-12', event: '重大变更' }],
      deliveries: [{ obligationId: 'change-plan', deliveredOn: '2026-10-09', for: 'event-chg-1' }],
    });
    // Working days before Monday 10-12: Saturday 10-10 (补班), Friday 10-09, Thursday 10-08 → due 10-08; 10-09 is late.
    expect(r.items[0]).toMatchObject({ occurrence: 'event-chg-1', dueDate: '2026-10-08', status: 'late' });
  });

  it('a yearly count is pending during the year and missing after it; short trainings do not count', () => {
    const config = {
      ...xuzhou,
      obligations: [
        {
          id: 'emergency-response',
          kind: 'emergency-response',
          count: 4,
          period: 'year' as const,
          due: { kind: 'within-period' as const },
        },
        {
          id: 'training',
          kind: 'training',
          count: 1,
          minParticipants: 2,
          period: 'event' as const,
          due: { kind: 'after-event' as const, event: '软件升级', withinWorkingDays: 5 },
        },
      ],
    };
    const deliveries = [
      { obligationId: 'emergency-response', deliveredOn: '2026-03-02' },
      { obligationId: 'emergency-response', deliveredOn: '2026-08-02' },
      { obligationId: 'training', deliveredOn: '2026-10-13', participants: 1 },
    ];
    const events = [{ id: 'up-1', on: '2026-10-09', event: '软件升级' }];
    const oct = obligationChecklist({
      config,
      period: { from: '2026-10-01', to: '2026-10-31' },
      asOf: '2026-10-31',
      deliveries,
      events,
      calendar,
    });
    expect(row(oct, 'emergency-response', '2026')).toMatchObject({ required: 4, onTime: 2, status: 'pending' });
    // 5 working days after Friday 10-09: 10-10 (补班), 12, 13, 14, 15 → due 10-15.
    expect(row(oct, 'training', 'event-up-1')).toMatchObject({ dueDate: '2026-10-15', onTime: 0, status: 'missing' });
    expect(oct.notes[0]).toBe('deliveries[2] (training) does not count: 1 participant(s), at least 2 required');
    const dec = obligationChecklist({
      config,
      period: { from: '2026-12-01', to: '2026-12-31' },
      asOf: '2027-01-01',
      deliveries,
      events,
      calendar,
    });
    expect(row(dec, 'emergency-response', '2026')).toMatchObject({ status: 'missing' });
  });

  it('refuses deliveries of unknown obligations', () => {
    expect(() =>
      obligationChecklist({
        ...september,
        asOf: '2026-10-01',
        deliveries: [{ obligationId: 'nope', deliveredOn: '2026-09-01' }],
      }),
    ).toThrow('deliveries[0].obligationId: unknown obligation "nope"');
  });
});

describe('monthly report payload', () => {
  const good = {
    month: '2026-10',
    attendance: [
      { personId: 'pm-1', roleId: 'pm', daysPresent: 18 },
      { personId: 'eng-1', roleId: 'engineer', dates: ['2026-10-08', '2026-10-09', '2026-10-10'] },
    ],
    deliveries: [],
    serviceEvents: [
      {
        id: 'zb-1',
        kind: '重保',
        from: '2026-10-01',
        to: '2026-10-07',
        description: '国庆重保',
        obligationId: 'major-event-protection',
        evidence: ['保障方案-国庆'],
      },
    ],
  };

  it('accepts a good report and summarises it', () => {
    const v = validateMonthlyReport(good, xuzhou, { calendar });
    if (!v.ok) throw new Error(JSON.stringify(v.problems));
    const s = summariseMonthlyReport(v.report, xuzhou, { asOf: '2026-11-01', calendar });
    expect(s.personMonths.actual).toBe('1.166666666666666666666666666666666666667'); // 1 + 3/18
    // The 重保 on 10-01 is an occurrence of the event obligation; its plan was not delivered.
    expect(s.obligations.items.find((i) => i.obligationId === 'major-event-protection')).toMatchObject({
      occurrence: 'event-zb-1',
      dueDate: '2026-10-01',
      status: 'missing',
    });
  });

  it('reports every problem with its path', () => {
    const bad = {
      month: '2026-10',
      attendance: [{ personId: 'x', roleId: 'ghost', daysPresent: 30 }],
      deliveries: [
        { obligationId: 'expert-inspection', deliveredOn: '2026-10-09' },
        { obligationId: 'ghost', deliveredOn: '2026-10-09' },
      ],
      serviceEvents: [
        { id: 'e1', kind: '重保', from: '2026-11-02', to: '2026-11-01', description: 'x' },
        { id: 'e1', kind: 'emergency-response', from: '2026-10-02', description: 'y', obligationId: 'nope' },
      ],
    };
    const v = validateMonthlyReport(bad, xuzhou, { calendar });
    // Each problem is a code with its parameters (rendered in the reader's language) and the English message.
    expect(v.ok ? [] : v.problems).toEqual([
      {
        path: 'attendance[0].roleId',
        code: 'unknown.role',
        params: { value: 'ghost', known: 'pm, engineer, offshore' },
        message: 'unknown role "ghost" (known: pm, engineer, offshore)',
      },
      {
        path: 'attendance[0].daysPresent',
        code: 'attendance.tooManyDays',
        params: { value: '30', month: '2026-10', workingDays: '18' },
        message: '30 days present, but 2026-10 has 18 working days',
      },
      {
        path: 'deliveries[0].evidence',
        code: 'report.evidenceRequired',
        params: { evidence: '巡检记录' },
        message: 'give the evidence: 巡检记录',
      },
      {
        path: 'deliveries[1].obligationId',
        code: 'unknown.obligation',
        params: { value: 'ghost', known: 'major-event-protection, expert-inspection' },
        message: 'unknown obligation "ghost" (known: major-event-protection, expert-inspection)',
      },
      {
        path: 'serviceEvents[0].to',
        code: 'date.endsBeforeStart',
        params: { end: '2026-11-01', start: '2026-11-02' },
        message: 'ends 2026-11-01 before it starts 2026-11-02',
      },
      {
        path: 'serviceEvents[0].from',
        code: 'date.notInMonth',
        params: { value: '2026-11-02', month: '2026-10' },
        message: '2026-11-02 is not a date of 2026-10',
      },
      {
        path: 'serviceEvents[1].id',
        code: 'list.duplicateId',
        params: { value: 'e1', other: 'serviceEvents[0]' },
        message: 'duplicate id "e1" (also serviceEvents[0])',
      },
      {
        path: 'serviceEvents[1].obligationId',
        code: 'unknown.obligation',
        params: { value: 'nope', known: 'major-event-protection, expert-inspection' },
        message: 'unknown obligation "nope" (known: major-event-protection, expert-inspection)',
      },
    ]);
  });

  it('reports structural problems from zod with paths', () => {
    const v = validateMonthlyReport(
      {
        month: '2026-13',
        attendance: [{ personId: '', roleId: 'pm', extra: 1 }],
        serviceEvents: [{ id: 'a', kind: 'party', from: '2026-10-01', description: 'x' }],
      },
      xuzhou,
    );
    expect(v.ok ? [] : v.problems.map((p) => p.path)).toEqual([
      'month',
      'attendance[0].personId',
      'attendance[0]',
      'serviceEvents[0].kind',
    ]);
  });
});
