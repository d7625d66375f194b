import { describeCalendarVersion, renderExplanation } from '../explain/explanation-texts';
import fc from 'fast-check';
import { ValidationError, dec } from '@ledger/kernel';
import { buildCalendar } from '@ledger/sla';
import { parseContractConfig } from '../config/validate-contract-config';
import { getPreset } from '../presets';
import {
  absentPersonMonths,
  monthlyPersonMonths,
  plannedPersonMonths,
  sumPersonMonths,
  workingDatesOfMonth,
  type AttendanceEntry,
} from './attendance';

const xuzhou = parseContractConfig(getPreset('xuzhou-2026').config);
const calendar = buildCalendar(xuzhou.calendar ?? {});

/** 8 engineers + the PM, each present `days` days. */
const team = (days: number | string, pmDays: number | string = days): AttendanceEntry[] => [
  { personId: 'pm-1', roleId: 'pm', daysPresent: pmDays },
  ...Array.from({ length: 8 }, (_, i) => ({ personId: `eng-${i + 1}`, roleId: 'engineer', daysPresent: days })),
];

describe('working days of a month, from the contract calendar', () => {
  it('2026-10 has 18 working days', () => {
    // Hand derivation: October 2026 starts on a Thursday; 31 days = 4 weeks + Thu/Fri/Sat → 20 + 2 = 22 weekdays.
    // 国庆 holidays on weekdays: 10-01, 10-02, 10-05, 10-06, 10-07 (10-03/04 are a weekend) → 22 − 5 = 17.
    // 补班 Saturday 10-10 is a working day → 17 + 1 = 18.
    const dates = workingDatesOfMonth(calendar, '2026-10');
    expect(dates.length).toBe(18);
    expect(dates[0]).toBe('2026-10-08');
    expect(dates).toContain('2026-10-10');
  });

  it('2026-09 has 22 working days', () => {
    // September 2026 starts on a Tuesday: 4 + 5 + 5 + 5 + 3 = 22 weekdays; 中秋 Friday 09-25 off → 21;
    // 补班 Sunday 09-20 → 22.
    expect(workingDatesOfMonth(calendar, '2026-09').length).toBe(22);
  });
});

describe('planned person-months (rule 9)', () => {
  it('Xuzhou: 9 people on attendance roles × 12 months = 108 (the offshore role does not count)', () => {
    const p = plannedPersonMonths(xuzhou, { from: '2026-01-01', to: '2026-12-31' });
    expect(p.planned).toBe('108');
    expect(p.roles.map((r) => [r.roleId, r.planned])).toEqual([
      ['pm', '12'],
      ['engineer', '96'],
    ]);
    expect(plannedPersonMonths(xuzhou, { from: '2026-07-01', to: '2026-12-31' }).planned).toBe('54');
  });

  it('a period beyond the term counts only the term', () => {
    expect(plannedPersonMonths(xuzhou, { from: '2026-12-01', to: '2027-03-31' }).planned).toBe('9');
  });
});

describe('person-months of a month', () => {
  it('everyone present every working day of October = 9, nothing absent', () => {
    const r = monthlyPersonMonths({ config: xuzhou, month: '2026-10', attendance: team(18), calendar });
    expect([r.workingDays, r.planned, r.actual, r.absent]).toEqual([18, '9', '9', '0']);
  });

  it('days present ÷ working days, exact until shown', () => {
    // The PM is present 5 of October's 18 working days: 5/18 = 0.2777…; the engineers all 18 → 8 + 5/18.
    const r = monthlyPersonMonths({ config: xuzhou, month: '2026-10', attendance: team(18, 5), calendar });
    expect(r.people[0].personMonths).toBe('0.2777777777777777777777777777777777777778');
    expect(r.people[0].display).toBe('0.28');
    expect(r.display).toEqual({ planned: '9.00', actual: '8.28', absent: '0.72' });
    // Half days are fine.
    const half = monthlyPersonMonths({ config: xuzhou, month: '2026-10', attendance: team(18, '13.5'), calendar });
    expect(half.people[0].personMonths).toBe('0.75');
    expect(half.absent).toBe('0.25');
  });

  it('explains itself as a code: the English account word for word, Chinese with the calendar as people say it', () => {
    const r = monthlyPersonMonths({ config: xuzhou, month: '2026-10', attendance: team(18, 5), calendar });
    expect(renderExplanation(r.explained, 'en')).toBe(r.explanation);
    expect(renderExplanation(r.explained, 'zh-CN')).toBe(
      `2026-10：${describeCalendarVersion(calendar.version)}工作日 18 天；实际人月 = 出勤天数合计 ÷ 18 = 8.28；计划人月 = 计入出勤的岗位 9 人 × 服务期内占本月 31/31 = 9.00；缺勤人月 = 计划 − 实际（不小于 0）= 0.72`,
    );
    const p = plannedPersonMonths(xuzhou, { from: '2026-07-01', to: '2026-12-31' });
    expect(renderExplanation(p.explained, 'en')).toBe(p.explanation);
    expect(renderExplanation(p.explained, 'zh-CN')).toBe(
      '2026-07-01 至 2026-12-31 计划人月 = 计入出勤的岗位 9 人 × 服务期内 6 个月 = 54.00',
    );
  });

  it('listed dates count only working days (补班 yes, holidays no); the offshore role does not count', () => {
    const attendance: AttendanceEntry[] = [
      { personId: 'pm-1', roleId: 'pm', dates: ['2026-10-03', '2026-10-08', '2026-10-09', '2026-10-10'] },
      { personId: 'off-1', roleId: 'offshore', daysPresent: 18 },
    ];
    const r = monthlyPersonMonths({ config: xuzhou, month: '2026-10', attendance, calendar });
    expect(r.people[0]).toMatchObject({
      daysPresent: '3',
      personMonths: '0.1666666666666666666666666666666666666667',
      notes: ['not counted (not a working day or outside the term): 2026-10-03'],
    });
    expect(r.people[1]).toMatchObject({ counted: false, personMonths: '0' });
    expect(r.notes).toContain('role engineer: 0 of 8 planned people listed');
  });

  it('reports every attendance problem with its path', () => {
    const attendance: AttendanceEntry[] = [
      { personId: 'a', roleId: 'pm', daysPresent: 19 },
      { personId: 'a', roleId: 'tester', daysPresent: 3 },
      { personId: 'b', roleId: 'engineer', dates: ['2026-11-02', '2026-10-08', '2026-10-08'] },
      { personId: 'c', roleId: 'engineer' },
    ];
    try {
      monthlyPersonMonths({ config: xuzhou, month: '2026-10', attendance, calendar });
      throw new Error('expected a ValidationError');
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      expect((e as ValidationError).problems).toEqual([
        {
          path: 'attendance[0].daysPresent',
          code: 'attendance.tooManyDays',
          params: { value: '19', month: '2026-10', workingDays: '18' },
          message: '19 days present, but 2026-10 has 18 working days',
        },
        {
          path: 'attendance[1].personId',
          code: 'list.duplicate',
          params: { value: 'a', other: '[0]' },
          message: '"a" is listed twice (also [0])',
        },
        {
          path: 'attendance[1].roleId',
          code: 'unknown.role',
          params: { value: 'tester', known: 'pm, engineer, offshore' },
          message: 'unknown role "tester" (known: pm, engineer, offshore)',
        },
        {
          path: 'attendance[2].dates[0]',
          code: 'date.notInMonth',
          params: { value: '2026-11-02', month: '2026-10' },
          message: '2026-11-02 is not a date of 2026-10',
        },
        {
          path: 'attendance[2].dates[2]',
          code: 'list.duplicate',
          params: { value: '2026-10-08', other: '[2].dates[1]' },
          message: '"2026-10-08" is listed twice (also [2].dates[1])',
        },
        {
          path: 'attendance[3]',
          code: 'attendance.daysOrDates',
          params: {},
          message: 'give either daysPresent or dates (not both)',
        },
      ]);
    }
    expect(() => monthlyPersonMonths({ config: xuzhou, month: '2027-01', attendance: [], calendar })).toThrow(
      '2027-01 is outside the term 2026-01-01..2026-12-31',
    );
  });

  it('a month partly outside the term: planned by the term share, each person capped at it', () => {
    const short = { ...xuzhou, term: { start: '2026-01-01', end: '2026-10-15' } };
    const r = monthlyPersonMonths({ config: short, month: '2026-10', attendance: team(18), calendar });
    // 15 of October's 31 days are in the term: planned 9 × 15/31.
    expect(r.termShare).toBe('0.4838709677419354838709677419354838709677');
    expect(r.planned).toBe('4.35483870967741935483870967741935483871'); // 135/31 to 40 significant digits
    expect(r.actual).toBe(r.planned);
    expect(r.people[0].notes).toEqual([
      "capped at the term's share of 2026-10 (15/31 = 0.4838709677419354838709677419354838709677)",
    ]);
    expect(r.absent).toBe('0');
  });

  it('Xuzhou year: 105 of 108 person-months → 3 absent (the worked example A input)', () => {
    const months = Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`);
    const results = months.map((m) => {
      const wd = workingDatesOfMonth(calendar, m).length;
      // In December three engineers are away the whole month.
      const attendance = team(wd).map((a, k) => (m === '2026-12' && k >= 6 ? { ...a, daysPresent: 0 } : a));
      return monthlyPersonMonths({ config: xuzhou, month: m, attendance, calendar });
    });
    expect(sumPersonMonths(results)).toEqual({
      planned: '108',
      actual: '105',
      absent: '3',
      display: { planned: '108.00', actual: '105.00', absent: '3.00' },
    });
    expect(absentPersonMonths('108', '110').toString()).toBe('0');
  });
});

describe('property: person-months never exceed planned when days present ≤ working days', () => {
  it('holds for any month of 2026, any term, any attendance within the headcount', () => {
    const months = Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`);
    fc.assert(
      fc.property(
        fc.constantFrom(...months),
        fc.integer({ min: 0, max: 27 }),
        fc.array(fc.integer({ min: 0, max: 46 }), { minLength: 9, maxLength: 9 }),
        fc.array(fc.boolean(), { minLength: 9, maxLength: 9 }),
        (month, startDay, halfDays, useDates) => {
          // A term starting any day of the month (or earlier) to the end of 2026.
          const start = `${month}-${String(startDay + 1).padStart(2, '0')}`;
          const config = { ...xuzhou, term: { start, end: '2026-12-31' } };
          const wd = workingDatesOfMonth(calendar, month);
          const attendance: AttendanceEntry[] = team(0).map((a, i) => {
            const days = Math.min(halfDays[i] / 2, wd.length);
            return useDates[i]
              ? { ...a, daysPresent: undefined, dates: wd.slice(0, Math.floor(days)) }
              : { ...a, daysPresent: String(days) };
          });
          const r = monthlyPersonMonths({ config, month, attendance, calendar });
          return dec(r.actual).lte(r.planned) && r.people.every((p) => dec(p.personMonths).lte(r.termShare));
        },
      ),
      { numRuns: 1000 },
    );
  });
});
