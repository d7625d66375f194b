import { defineMessages } from '../../i18n/i18n';

/** Texts of the attendance grid's working-day calendar (the API's `workingDays`). */
export const workingDaysMessages = defineMessages(
  {
    presentOff: '{name} {date} 到岗（非工作日：{why}）',
    presentMakeUp: '{name} {date} 到岗（调休工作日：{why}）',
    weekend: '周末',
    holiday: '法定节假日',
    closure: '停工',
    makeUp: '调休补班',
    offMark: '休',
    makeUpMark: '班',
    fillWorkingDays: '{name}：工作日全勤（按合同日历）',
    fillAllWorkingDays: '全部人员工作日全勤（按合同日历）',
    workingDaysShort: '工作日全勤',
    calendarNote: '按合同工作日历：本月 {count} 个工作日（“休”为非工作日，“班”为调休工作日；日历版本 {version}）。',
    calendarUnavailable: '合同工作日历不可用（{message}），快速填充按周一至周五。',
    provisionalMark: '〔暂定〕',
    provisionalCalendar: '本月日历为暂定：{year} 年国家工作日历尚未发布，节假日按法定日期、不调休，发布后可能变化。',
  },
  {
    presentOff: '{name} on site {date} (not a working day: {why})',
    presentMakeUp: '{name} on site {date} (make-up working day: {why})',
    weekend: 'weekend',
    holiday: 'public holiday',
    closure: 'closure',
    makeUp: 'make-up working day',
    offMark: 'off',
    makeUpMark: 'work',
    fillWorkingDays: '{name}: every working day (contract calendar)',
    fillAllWorkingDays: 'Everyone: every working day (contract calendar)',
    workingDaysShort: 'Every working day',
    calendarNote:
      'Contract working-day calendar: {count} working days this month ("off" = not a working day, "work" = make-up working day; calendar version {version}).',
    calendarUnavailable: 'The contract calendar is not available ({message}); the quick fill uses Monday to Friday.',
    provisionalMark: '[provisional]',
    provisionalCalendar:
      "This month's calendar is provisional: the national working-day calendar for {year} is not published (statutory holidays on their legal dates, no make-up days); it may change once published.",
  },
);

/** Why a day is (not) worked, in the reader's words: 周末, 法定节假日, 停工, 调休补班; another kind as the API names it. */
export function dayKindText(
  w: Readonly<Record<'weekend' | 'holiday' | 'closure' | 'makeUp', string>>,
  kind: string,
): string {
  const words: Record<string, string> = {
    weekend: w.weekend,
    holiday: w.holiday,
    closure: w.closure,
    'make-up-workday': w.makeUp,
  };
  return words[kind] ?? kind;
}
