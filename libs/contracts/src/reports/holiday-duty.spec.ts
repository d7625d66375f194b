import fc from 'fast-check';
import { renderProblem } from '@ledger/kernel';
import { buildCalendar } from '@ledger/sla';
import { parseContractConfig } from '../config/validate-contract-config';
import { renderExplanation } from '../explain/explanation-texts';
import { getPreset } from '../presets';
import { holidayDutyCheck, holidayDutyFlags, holidayDutyProblems } from './holiday-duty';
import { validateMonthlyReport, summariseMonthlyReport, monthlyReportSchema } from './monthly-report.schema';

// Xuzhou 000:76 节假日：至少安排1名技术工程师市内值班 → staffing.holidayDuty { minOnDuty: 1, where: 市内 }.
const xuzhou = parseContractConfig(getPreset('xuzhou-2026').config);
const calendar = buildCalendar(xuzhou.calendar ?? {});
// Tianjin P8 asks for no holiday duty.
const tianjin = parseContractConfig(getPreset('tianjin-2026-p8').config);

/*
 * October 2026 by hand: the 国庆 holiday 10-01..10-07 (Thursday to Wednesday, the weekend 10-03/04 inside it), the
 * 补班 Saturday 10-10 worked, then the weekends 10-11, 10-17/18, 10-24/25 and Saturday 10-31: 7 + 6 = 13 days
 * (31 days − 18 working days).
 */
const OCTOBER_OFF = [
  '2026-10-01',
  '2026-10-02',
  '2026-10-03',
  '2026-10-04',
  '2026-10-05',
  '2026-10-06',
  '2026-10-07',
  '2026-10-11',
  '2026-10-17',
  '2026-10-18',
  '2026-10-24',
  '2026-10-25',
  '2026-10-31',
];

describe('holiday duty (domain.md rule 16, Xuzhou 000:76)', () => {
  it('lists every non-working day of the month with who was on duty; a day without anyone is short', () => {
    const duty = OCTOBER_OFF.filter((d) => d !== '2026-10-04').map((date, i) => ({
      date,
      people: [i % 2 ? '张工' : '李工'],
    }));
    const check = holidayDutyCheck(xuzhou, '2026-10', duty, calendar);
    expect(check?.days.map((d) => d.date)).toEqual(OCTOBER_OFF);
    expect(check).toMatchObject({ minOnDuty: 1, where: '市内', short: ['2026-10-04'] });
    expect(check?.days.find((d) => d.date === '2026-10-01')).toMatchObject({ kind: 'holiday', onDuty: 1, met: true });
    expect(check?.days.find((d) => d.date === '2026-10-11')).toMatchObject({ kind: 'weekend', met: true });
    // The 补班 Saturday is a working day: no duty is asked for it.
    expect(check?.days.some((d) => d.date === '2026-10-10')).toBe(false);

    const [flag] = holidayDutyFlags(check);
    expect(flag).toMatchObject({ code: 'HOLIDAY_DUTY_SHORT', subject: '2026-10-04' });
    expect(renderExplanation(flag.explained, 'zh-CN')).toMatch(
      /^2026-10-04（(国庆节，)?法定节假日）值班 0 人，少于要求的 1 人（市内）$/,
    );
  });

  it('counts a person once per day, and nothing for a contract without holiday duty', () => {
    const check = holidayDutyCheck(
      xuzhou,
      '2026-11',
      [{ date: '2026-11-01', people: ['张工', ' 张工 ', '李工'] }],
      calendar,
    );
    expect(check?.days[0]).toMatchObject({ date: '2026-11-01', onDuty: 2, people: ['张工', '李工'] });
    expect(holidayDutyCheck(tianjin, '2026-11', [], calendar)).toBeNull();
    expect(holidayDutyFlags(null)).toEqual([]);
  });

  it('reports every bad roster entry with its path, in the monthly report validation', () => {
    const v = validateMonthlyReport(
      {
        month: '2026-10',
        holidayDuty: [
          { date: '2026-10-01', people: ['张工'] },
          { date: '2026-10-09', people: ['张工'] }, // a Friday: a working day
          { date: '2026-09-30', people: ['张工'] }, // September
          { date: '2026-10-01', people: ['李工', '李工'] },
        ],
      },
      xuzhou,
    );
    expect(v.ok).toBe(false);
    const problems = v.ok ? [] : v.problems.map((p) => [p.path, p.code]);
    expect(problems).toEqual([
      ['holidayDuty[1].date', 'report.dutyOnWorkingDay'],
      ['holidayDuty[2].date', 'date.notInMonth'],
      ['holidayDuty[3].date', 'report.dutyDateTwice'],
      ['holidayDuty[3].people[1]', 'report.dutyPersonTwice'],
    ]);
    expect(renderProblem('zh-CN', 'report.dutyOnWorkingDay', { value: '2026-10-09' })).toBe(
      '2026-10-09 是工作日：值班记录只填非工作日（周末、节假日、闭馆日）',
    );
    expect(holidayDutyProblems(tianjin, '2026-10', [{ date: '2026-10-01', people: ['张工'] }], calendar)).toEqual([
      expect.objectContaining({ path: 'holidayDuty', code: 'report.noHolidayDuty' }),
    ]);
  });

  it('the monthly summary carries the check', () => {
    const report = monthlyReportSchema.parse({
      month: '2026-10',
      holidayDuty: [{ date: '2026-10-31', people: ['张工'] }],
    });
    const s = summariseMonthlyReport(report, xuzhou, { asOf: '2026-11-05', calendar });
    expect(s.holidayDuty?.short).toEqual(OCTOBER_OFF.filter((d) => d !== '2026-10-31'));
  });

  it('property: short is exactly the non-working days with fewer people than the minimum', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ day: fc.integer({ min: 1, max: 31 }), n: fc.integer({ min: 0, max: 3 }) })),
        (xs) => {
          const duty = xs.map((x) => ({
            date: `2026-10-${String(x.day).padStart(2, '0')}`,
            people: Array.from({ length: x.n }, (_, i) => `p${i}`),
          }));
          const check = holidayDutyCheck(
            { ...xuzhou, staffing: { ...xuzhou.staffing, holidayDuty: { minOnDuty: 2 } } },
            '2026-10',
            duty,
            calendar,
          );
          const most = (date: string) =>
            Math.max(0, ...duty.filter((d) => d.date === date).map((d) => d.people.length));
          return (
            JSON.stringify(check?.short) === JSON.stringify(OCTOBER_OFF.filter((d) => most(d) < 2)) &&
            check?.days.every((d) => d.met === d.onDuty >= 2) === true
          );
        },
      ),
    );
  });
});
