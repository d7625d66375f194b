import { defineMessages } from '../../i18n/messages';

/**
 * SLA results as people read them (domain.md rule 19): one text per explanation code of the engine
 * (libs/sla SLA_EXPLANATION_CODES — a unit test fails on a code without a text here), and the words its
 * parameters are shown with. No React, so the test imports it.
 */
export const ticketSlaMessages = defineMessages(
  {
    'sla.met':
      '{clock}：{start} 起至{stopEvent}（{until}），用时 {elapsed}{paused}，时限 {budget}（截止 {deadline}），达标。',
    'sla.breached':
      '{clock}：{start} 起至{stopEvent}（{until}），用时 {elapsed}{paused}，时限 {budget}（截止 {deadline}），超时 {over}。',
    'sla.running':
      '{clock}：{start} 起计时，尚未{stopEvent}；至 {until} 已用 {elapsed}{paused}，剩余 {remaining}（截止 {deadline}）。',
    'sla.overdue':
      '{clock}：{start} 起计时，尚未{stopEvent}；至 {until} 已超时 {over}（时限 {budget}，截止 {deadline}）。',
    'sla.not-recorded':
      '联系单已于 {until} 结束，未记录{stopEvent}：不计达标或超时，单独统计（{clock}，时限 {budget}）。',
    'sla.unknown': '（无法显示的说明）',
    paused: '（已扣除暂停 {paused}）',
    'clock.calendar': '7×24 小时计时',
    'clock.working': '工作时间计时',
    'stop.responded': '响应',
    'stop.on-site': '人员到场',
    'stop.contained': '故障控制',
    'stop.resolved': '解决',
    'stop.closed': '关闭',
    'stop.feedback': '反馈处理意见',
    'budget.minutes': '{duration}',
    'budget.working-days': '{days} 个工作日（{duration}工作时间）',
    'budget.working-days-end-of-day': '第 {days} 个工作日下班前',
    overBy: '超时 {duration}',
    usedOfTarget: '{elapsed} / {target}',
    notRecorded: '未记录',
    toEnd: '至结束 {elapsed}',
    provisional: '暂定',
    startReported: '{start}（报修）',
    deadlineProvisional: '{deadline}（暂定）',
    provisionalHint: '按暂定日历计算：该年国家工作日历尚未发布（法定节假日按法定日期、不调休），发布后重算',
  },
  {
    'sla.met':
      '{clock}: from {start} to {stopEvent} at {until}, {elapsed} used{paused} of {budget} (deadline {deadline}): met.',
    'sla.breached':
      '{clock}: from {start} to {stopEvent} at {until}, {elapsed} used{paused} of {budget} (deadline {deadline}): over by {over}.',
    'sla.running':
      '{clock}: from {start}, no {stopEvent} yet; {elapsed} used by {until}{paused}, {remaining} left (deadline {deadline}).',
    'sla.overdue':
      '{clock}: from {start}, no {stopEvent} yet; over by {over} at {until} (budget {budget}, deadline {deadline}).',
    'sla.not-recorded':
      'The ticket ended at {until} with no {stopEvent} recorded: neither met nor breached, counted apart ({clock}, budget {budget}).',
    'sla.unknown': '(explanation not available)',
    paused: ' after removing {paused} of pauses',
    'clock.calendar': '24×7 clock',
    'clock.working': 'Working-time clock',
    'stop.responded': 'response',
    'stop.on-site': 'arrival on site',
    'stop.contained': 'containment',
    'stop.resolved': 'resolution',
    'stop.closed': 'closure',
    'stop.feedback': 'feedback',
    'budget.minutes': '{duration}',
    'budget.working-days': '{days} working day(s) ({duration} of working time)',
    'budget.working-days-end-of-day': 'the end of working day {days}',
    overBy: 'over by {duration}',
    usedOfTarget: '{elapsed} / {target}',
    notRecorded: 'Not recorded',
    toEnd: '{elapsed} to the end',
    provisional: 'provisional',
    startReported: '{start} (report)',
    deadlineProvisional: '{deadline} (provisional)',
    provisionalHint:
      'Computed on a provisional calendar: the national working-day calendar of that year is not published yet (statutory holidays on their legal dates, no make-up days); recomputed once it is',
  },
);
