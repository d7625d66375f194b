/**
 * The one list of validation problem codes, each with its zh-CN and English text. Dependency-free: the API renders
 * the English fallback `message` from it and the web console imports it (alias `@ledger/kernel/problem-messages`)
 * to show problems in the reader's language. `{name}` is a parameter of the problem (numbers as decimal strings,
 * dates as YYYY-MM-DD, lists as comma-separated text).
 */
export type ProblemLocale = 'zh-CN' | 'en';
export type ProblemText = Readonly<Record<ProblemLocale, string>>;

const t = (zh: string, en: string): ProblemText => ({ 'zh-CN': zh, en });

export const PROBLEM_MESSAGES = {
  // Any value (zod's issue kinds, mapped once in problem.ts)
  'value.required': t('必填', 'required'),
  'value.invalidType': t('类型不对', 'must be {expected}'),
  'value.expectedNumber': t('应为数字', 'must be a number'),
  'value.expectedInteger': t('应为整数', 'must be a whole number'),
  'value.expectedText': t('应为文字', 'must be text'),
  'value.expectedBoolean': t('应为“是”或“否”', 'must be true or false'),
  'value.expectedObject': t('应为一组字段', 'must be an object'),
  'value.expectedList': t('应为列表', 'must be a list'),
  'value.invalid': t('取值无效', 'invalid value'),
  'value.oneOf': t('应为以下之一：{values}', 'must be one of: {values}'),
  'value.discriminator': t('{key} 应为以下之一：{values}', '{key} must be one of {values}'),
  'object.unknownKeys': t('不认识的字段：{keys}', 'unknown field(s): {keys}'),
  'object.expected': t('应为对象', 'must be an object'),
  'text.empty': t('不能为空', 'must not be empty'),
  'text.tooShort': t('至少 {min} 个字符', 'at least {min} characters'),
  'text.tooLong': t('最多 {max} 个字符', 'at most {max} characters'),
  'text.format': t('格式不对', 'wrong format'),
  'text.nul': t('不能包含空字符 (\\u0000)', 'must not contain the NUL character (\\u0000)'),
  'text.loneSurrogate': t(
    '包含无效的字符编码 (\\u{codeUnit})',
    'must not contain a lone UTF-16 surrogate (\\u{codeUnit})',
  ),
  'key.nul': t('字段名不能包含空字符 (\\u0000)', 'a key must not contain the NUL character (\\u0000)'),
  'key.loneSurrogate': t(
    '字段名包含无效的字符编码 (\\u{codeUnit})',
    'a key must not contain a lone UTF-16 surrogate (\\u{codeUnit})',
  ),
  'text.identifier': t(
    '应为标识：字母、数字、_ . -（以字母或数字开头）',
    'must be an identifier: letters, digits, _ . - (starting with a letter or digit)',
  ),
  'text.code': t(
    '只能包含字母、数字、点、横线或下划线，最多 64 个字符',
    'letters, digits, dot, dash or underscore; up to 64 characters',
  ),
  'text.tenantCode': t('小写字母、数字和横线，2–63 个字符', 'lower-case letters, digits and dashes, 2–63 characters'),
  'text.ticketNumber': t('最多 64 个字符，不能以空格开头', 'up to 64 characters, not starting with a space'),
  'text.email': t('不是有效的电子邮箱地址', 'not an email address'),
  'text.passwordTooShort': t('至少 {min} 个字符', 'at least {min} characters'),
  'text.uuid': t('不是有效的编号', 'not an id'),
  'text.json': t('应为 JSON 对象', 'must be a JSON object'),
  'text.notText': t('应为文本', 'must be text'),
  'text.yesNo': t('应为“是”或“否”', 'must be 是 or 否'),
  'boolean.expected': t('应为“是”或“否”', 'must be true or false'),
  'list.empty': t('至少填写一项', 'give at least one'),
  'list.tooShort': t('至少 {min} 项', 'at least {min} items'),
  'list.tooLong': t('最多 {max} 项', 'at most {max} items'),
  'list.duplicate': t('“{value}”重复填写（另见 {other}）', '"{value}" is listed twice (also {other})'),
  'list.duplicateId': t('编号“{value}”重复（另见 {other}）', 'duplicate id "{value}" (also {other})'),
  'choice.exactlyOne': t('{first} 和 {second} 须且只能填写其一', 'give exactly one of {first} and {second}'),
  'choice.eitherNotBoth': t('{first} 和 {second} 须且只能填写其一', 'give either {first} or {second} (not both)'),

  // Numbers
  'number.notDecimal': t('“{value}”不是数字', '"{value}" is not a decimal number'),
  'number.notFinite': t('应为有限的数字', 'must be a finite number'),
  'number.tooPrecise': t(
    '数字位数过多，请写成十进制文本',
    'has more digits than a JSON number carries exactly; write it as a decimal string',
  ),
  'number.integer': t('应为整数', 'must be a whole number'),
  'number.wholeAtLeast': t('应为不小于 {min} 的整数', 'must be a whole number ≥ {min}'),
  'number.min': t('不能小于 {min}', 'must be at least {min}'),
  'number.max': t('不能大于 {max}', 'must be at most {max}'),
  'number.gt': t('应大于 {min}', 'must be greater than {min}'),
  'number.lt': t('应小于 {max}', 'must be less than {max}'),
  'number.range': t('应在 {min} 到 {max} 之间', 'must be between {min} and {max}'),
  'number.nonNegative': t('不能为负数', 'must not be negative'),
  'number.positive': t('应大于 0', 'must be greater than 0'),
  'number.maxDecimals': t('最多 {max} 位小数', 'at most {max} decimal places'),
  'number.multipleOf': t('应为 {divisor} 的整数倍', 'must be a multiple of {divisor}'),
  'number.percent': t('应为 0 到 100 之间的百分比', 'must be a percentage between 0 and 100'),
  'number.notNumber': t('“{value}”不是数字', '"{value}" is not a number'),
  'money.format': t(
    '“{value}”不是金额（数字，最多两位小数）',
    '{value} is not a money amount (digits with at most two decimals)',
  ),
  'money.decimals': t('金额最多两位小数（分）', 'money has at most two decimals (the fen)'),
  'money.tooLarge': t('金额整数部分最多 {digits} 位', 'money has at most {digits} integer digits (numeric(18,2))'),
  'money.nonZeroFen': t('应为非零金额，最多两位小数', 'a non-zero amount in yuan with at most two decimals'),
  'money.positiveFen': t('应为大于 0 的金额，最多两位小数', 'an amount greater than 0 with at most two decimals'),

  // Dates, months, periods, times
  'date.format': t('应为日期 YYYY-MM-DD', 'must be a date YYYY-MM-DD'),
  'date.formatValue': t('“{value}”不是日期 YYYY-MM-DD', '"{value}" is not a date YYYY-MM-DD'),
  'date.notCalendar': t('不是有效的日历日期', 'is not a calendar date'),
  'month.format': t('应为月份 YYYY-MM', 'must be a month YYYY-MM'),
  'month.formatValue': t('“{value}”不是月份 YYYY-MM', '"{value}" is not a month YYYY-MM'),
  'period.format': t(
    '应为期间：2026、2026-H1、2026-Q3 或 2026-05',
    'must be a period id: 2026, 2026-H1, 2026-Q3 or 2026-05',
  ),
  'time.format': t('应为时间 HH:MM', 'must be HH:MM'),
  'time.formatValue': t('“{value}”不是时间 HH:MM', '"{value}" is not a time HH:MM'),
  'instant.format': t(
    '“{value}”不是时间（如 2026-03-05 14:30，按 {zone} 时间；或带时区的 ISO 时间）',
    '"{value}" is not a time (2026-03-05 14:30, local to {zone}, or ISO 8601 with an offset)',
  ),
  'date.outsideTerm': t('{value} 不在合同期 {start} 至 {end} 内', '{value} is outside the term {start}..{end}'),
  'date.beforeTerm': t('{value} 早于合同期开始（{start}）', '{value} is before the term starts ({start})'),
  'date.notInMonth': t('{value} 不是 {month} 的日期', '{value} is not a date of {month}'),
  'date.mustFollow': t('应晚于 {other}', 'must come after {other}'),
  'date.endsBeforeStart': t('结束（{end}）早于开始（{start}）', 'ends {end} before it starts {start}'),
  'year.outsideTerm': t('{year} 年不在合同期内（{years}）', 'year {year} is outside the term ({years})'),
  'year.notCovered': t(
    '合同期包含 {year} 年，但年度分配中没有该年费用',
    'the term covers {year} but the split gives it no fee',
  ),
  'period.outsideTerm': t('期间“{value}”不在合同期内', 'period "{value}" is outside the term'),
  'period.notOfKind': t(
    '{value} 不是合同期内的考核期间（可选：{known}）',
    '{value} is not a {kind} period of the term ({known})',
  ),
  'period.kindMismatch': t(
    '考核按 {expected} 进行，{value} 是 {kind}',
    'the assessment scheme is per {expected}; {value} is a {kind}',
  ),
  'period.quarterRequired': t(
    '季度合格需按季度期间填写（如 2026-Q3）',
    "a quarter's qualification needs a quarter period (2026-Q3)",
  ),
  'period.fromAfterTo': t('开始 {from} 晚于结束 {to}', 'from {from} is after to {to}'),

  // References to things the configuration defines
  'unknown.role': t('未知岗位“{value}”（可选：{known}）', 'unknown role "{value}" (known: {known})'),
  'unknown.grade': t('未知等级“{value}”（可选：{known}）', 'unknown grade "{value}" (known: {known})'),
  'unknown.quarter': t('未知季度“{value}”（可选：{known}）', 'unknown quarter "{value}" (known: {known})'),
  'unknown.assessmentPeriod': t(
    '未知考核期间“{value}”（可选：{known}）',
    'unknown assessment period "{value}" (known: {known})',
  ),
  'unknown.milestone': t('未知付款节点“{value}”（可选：{known}）', 'unknown milestone "{value}" (known: {known})'),
  'unknown.allowance': t('未知工作量额度“{value}”（可选：{known}）', 'unknown allowance "{value}" (known: {known})'),
  'unknown.obligation': t('未知服务义务“{value}”（可选：{known}）', 'unknown obligation "{value}" (known: {known})'),
  'unknown.severity': t('未知严重程度“{value}”（可选：{known}）', 'unknown severity "{value}" (known: {known})'),
  'unknown.category': t(
    '未知问题分类“{value}”（可选：{known}）',
    'unknown category "{value}" for this contract (known: {known})',
  ),
  'unknown.businessArea': t(
    '未知业务领域“{value}”（可选：{known}）',
    'unknown business area "{value}" for this contract (known: {known})',
  ),
  'unknown.eventKind': t('未知事件类型“{value}”（可选：{known}）', 'unknown event kind "{value}" (known: {known})'),
  'unknown.action': t('未知操作“{value}”（可选：{known}）', 'unknown action "{value}" (known: {known})'),
  'unknown.state': t('未知状态“{value}”（可选：{known}）', 'unknown state "{value}" (known: {known})'),
  'unknown.column': t('未知列“{value}”（可选：{known}）', 'unknown column "{value}" (known: {known})'),
  'unknown.preset': t('没有预设“{value}”', 'no preset "{value}"'),
  'unknown.checklistItem': t('未知检查项（可选：{known}）', 'unknown item (known: {known})'),
  'unknown.satisfactionInput': t(
    '不是考核方案中的满意度项（可选：{known}）',
    'not a satisfaction input of the scheme (known: {known})',
  ),
  'unknown.topic': t(
    '“{value}”不是该项列出的主题（可选：{known}）',
    '"{value}" is not a listed topic of this item ({known})',
  ),
  'unknown.vendor': t('没有该供应商单位', 'no such vendor organisation'),
  'unknown.tenant': t('没有该租户', 'no such tenant'),
  'unknown.bid': t('本包中没有该投标', 'no such bid in this package'),
  'unknown.scheduleLine': t('不是合同当前付款计划中的行', "not a line of the contract's current schedule"),
  'unknown.noAssessmentScheme': t('合同没有考核方案', 'the contract has no assessment scheme'),
  'unknown.noComponent': t('考核方案中没有 {field} 对应的考核项', 'the assessment scheme has no component for {field}'),
  // Staffing, users, reports, procurement, tickets, imports (API inputs)
  'staffing.alreadyRostered': t(
    '“{value}”自 {from} 起已在人员名单中',
    '"{value}" is already on the roster from {from}',
  ),
  'staffing.changeBeforeJoin': t(
    '{name} 于 {joined} 入场，变更日期须晚于此日',
    '{name} joined on {joined}; the change must come later',
  ),
  'staffing.changeAfterLeave': t('{name} 已于 {left} 离场，早于 {value}', '{name} left on {left}, before {value}'),
  'staffing.changeBeforeApplication': t(
    '变更日期 {value} 须晚于申请日期 {applied}',
    'the change {value} must come after the application {applied}',
  ),
  'user.buyerAdminRoles': t(
    '采购人管理员只能添加采购人管理员、采购人经办或财务用户',
    'a buyer admin adds buyer-admin, buyer-staff or finance users',
  ),
  'user.tenantRequired': t('{role} 须属于一个租户', 'a {role} belongs to a tenant'),
  'user.noTenant': t('{role} 不属于任何租户', 'a {role} has no tenant'),
  'user.vendorRequired': t('供应商用户须属于一个供应商单位', 'a vendor user belongs to a vendor organisation'),
  'user.noVendor': t('{role} 不属于供应商单位', 'a {role} has no vendor organisation'),
  'user.emailInUse': t('该邮箱已被使用', 'already in use'),
  'user.disableSelf': t('不能停用自己的账号', 'you cannot disable your own account'),
  'auth.retryAfter': t('登录失败次数过多，请 {seconds} 秒后再试', 'retry after {seconds} s'),
  'settlement.assessmentsList': t(
    '应为考核结果列表（期间、输入、考核日期）',
    'must be a list of { period, inputs, assessedOn? }',
  ),
  'periodInputs.satisfactionObject': t('应按满意度项填写（{known}）', 'must be an object keyed by {known}'),
  'procurement.presetWithoutScheme': t(
    '预设“{value}”没有采购评分方案（只有天津各包有）',
    'preset "{value}" has no procurement scheme (only the Tianjin packages have one)',
  ),
  'procurement.budgetRequired': t('填写评分方案时须填写预算', 'required with a scheme'),
  'procurement.answersObject': t('应为“评分项 → 答案”的 JSON 对象', 'must be a JSON object of item id → answer'),
  'report.monthMismatch': t('月报写的是 {value}，与所填月份 {month} 不一致', 'says {value}, the input says {month}'),
  'report.noHolidayDuty': t(
    '本合同未要求节假日值班，不需要填写值班记录（已填 {count} 天）',
    'this contract asks for no holiday duty: leave the duty roster empty ({count} days given)',
  ),
  'report.dutyOnWorkingDay': t(
    '{value} 是工作日：值班记录只填非工作日（周末、节假日、闭馆日）',
    '{value} is a working day: the duty roster is for non-working days (weekends, holidays, closures)',
  ),
  'report.dutyDateTwice': t('{value} 已在 {other} 中填写', '{value} is already given in {other}'),
  'report.dutyPersonTwice': t('“{value}”在同一天重复填写', '"{value}" is given twice on the same day'),
  'obligation.onDemandPeriod': t(
    '按需调用的服务义务按期间承诺次数，周期应为以下之一：{values}（填写的是 {value}）',
    'an on-demand capacity is committed per period: one of {values} ({value} given)',
  ),
  'invoice.duplicate': t(
    '该款项的发票 {value} 已于 {receivedOn} 登记',
    'invoice {value} of this line was recorded on {receivedOn}',
  ),
  'allowance.noSuchTicket': t('本合同没有这张联系单', 'no such ticket on this contract'),
  'allowance.periodClosed': t(
    '{value} 所在的期间 {period} 已结算确认，不能再登记工作量',
    '{value} is in {period}, whose close is confirmed: no work can be logged there',
  ),
  'allowance.requestRequired': t(
    '“{description}”按每项需求计算额度：请选择对应的联系单',
    '"{description}" applies per request: name the request (ticket)',
  ),
  'obligation.afterTermOnDemand': t(
    '合同期满后的义务须为按需调用（basis: on-demand）且周期为服务期（period: term）',
    'an obligation after the term must be on demand (basis: on-demand) over the term (period: term)',
  ),
  'obligation.respondOnDemand': t(
    '“每次要求”和调用后完成天数只适用于按需调用的服务义务',
    'every request and days to respond apply to an on-demand obligation only',
  ),
  'onDemand.outsideWindow': t(
    '{value} 不在该义务的期间 {start} 至 {end} 内',
    "{value} is outside the obligation's window {start}..{end}",
  ),
  'onDemand.notOnDemand': t(
    '“{value}”不是按需调用的服务义务（可调用：{known}）',
    '"{value}" is not an on-demand obligation (on-demand: {known})',
  ),
  'onDemand.dueBeforeCall': t('要求完成日 {value} 早于调用日 {calledOn}', 'due {value}, before the call of {calledOn}'),
  'onDemand.duplicateCall': t(
    '同一事项、同一要求完成日 {value} 的调用已于 {calledOn} 登记',
    'the same call (same subject, due {value}) was recorded on {calledOn}',
  ),
  'onDemand.alreadyServed': t('该调用已于 {servedOn} 登记完成', 'this call was recorded as served on {servedOn}'),
  'onDemand.servedBeforeCall': t(
    '完成日 {value} 早于调用日 {calledOn}',
    'served {value}, before the call of {calledOn}',
  ),
  'report.evidenceRequired': t('请提供佐证材料：{evidence}', 'give the evidence: {evidence}'),
  'report.minParticipants': t(
    '{label} 至少 {min} 人参加，填写了 {given} 人',
    '{label} involves at least {min} people; {given} given',
  ),
  'report.calendarNotPublished': t(
    '{year} 年的国家工作日历尚未发布，无法计算本月工作日',
    'the national working-day calendar for {year} is not published',
  ),
  'attendance.daysOrDates': t('出勤天数与出勤日期二选一', 'give either daysPresent or dates (not both)'),
  'attendance.tooManyDays': t(
    '出勤 {value} 天，但 {month} 只有 {workingDays} 个工作日',
    '{value} days present, but {month} has {workingDays} working days',
  ),
  'report.returnComment': t('请说明供应商需要修改什么', 'say what the vendor must fix'),
  'ticket.checklistValue': t('应为“是”“否”或证明材料编号', 'true, false or an evidence reference'),
  'import.emptyBody': t('请求中没有文件内容', 'the request has no body: send the file as the body'),
  'import.notXlsx': t('声明为 XLSX，但不是 XLSX 文件', 'sent as XLSX but not an XLSX file (an XLSX is a zip archive)'),
  'contract.changeNoteRequired': t('请说明修改配置的原因', 'say why the configuration changes'),
  // Assessment schemes and inputs (libs/scoring)
  'number.minAboveMax': t('最小值不能大于最大值', 'min must not exceed max'),
  'number.nonZero': t('不能为 0（否则该考核项永远不起作用）', 'must not be 0 (the component would never contribute)'),
  'scoring.reservedPartId': t('“{value}”是人员记录的保留字段', '"{value}" is reserved for the person\'s record'),
  'scoring.domainIncludesZero': t('取值范围须包含 0（个人可能得 0 分）', 'must include 0 (a person may score 0)'),
  'scoring.domainReachesCap': t(
    '取值范围须达到 {cap}（个人总分上限）',
    "must reach {cap}, the highest average a person's total allows (personCap)",
  ),
  'scoring.noTaskBonus': t('该考核方案不允许任务加分', 'this scheme allows no task bonuses'),
  'scoring.itemAverageAlone': t(
    '按项目平均分评级的考核项必须是唯一的考核项',
    'an item-average-grade component must be the only component: the scheme score is the item average',
  ),
  'scoring.itemAverageBaseZero': t(
    '按项目平均分评分时，基础分须为 0',
    'must be 0 when the score is an item average (item-average-grade)',
  ),
  'scoring.itemAverageNoGrades': t(
    '等级由项目平均分考核项给出，请删除方案级等级',
    'the grade comes from the item-average-grade component; remove the scheme-level grades',
  ),
  'scoring.alertCondition': t('须填写低于分数或等级条件', 'needs scoreBelow or gradeIn'),
  'scoring.inputRequired': t('考核项“{component}”（{id}）需要此项输入', 'required by component "{id}" ({component})'),
  'scoring.tooManyPeriods': t(
    '一年只有 {expected} 个{kind}期间，实际填写了 {count} 个',
    'a year has {expected} {kind} period(s); got {count}',
  ),
  'scoring.outsideClamp': t(
    '{value} 超出方案分数范围 {min}–{max}',
    "{value} is outside the scheme's clamp {min}..{max}",
  ),
  'scoring.duplicateComponentId': t(
    '考核项编号“{value}”重复（另见 {other}）',
    'duplicate component id "{value}" (also {other})',
  ),
  'scoring.duplicatePart': t('评分部分“{value}”重复（另见 {other}）', 'duplicate part "{value}" (also {other})'),
  'scoring.duplicateItem': t('评分项“{value}”重复（另见 {other}）', 'duplicate item "{value}" (also {other})'),
  'scoring.duplicateGrade': t('等级“{value}”重复（另见 {other}）', 'duplicate grade "{value}" (also {other})'),
  'scoring.duplicateChoice': t('选项“{value}”重复（另见 {other}）', 'duplicate choice "{value}" (also {other})'),
  'scoring.duplicatePerson': t('人员“{value}”重复（另见 {other}）', 'duplicate person "{value}" (also {other})'),
  'scoring.taskBonusRange': t('任务加分应在 {min} 到 {max} 之间', 'a task bonus must be between {min} and {max}'),
  'scoring.inputsObject': t('应按各考核项的输入逐项填写', "must be an object keyed by each component's input"),
  'number.minAboveMaxValues': t('最小值 {min} 大于最大值 {max}', 'min {min} is above max {max}'),
  // Tickets (libs/contracts lifecycle)
  'ticket.buyerOnly': t('只有采购人一方可以执行此操作', 'only the buyer may take this action'),
  'ticket.vendorOnly': t('只有供应商一方可以执行此操作', 'only the vendor may take this action'),
  'ticket.stateNotAllowed': t('联系单当前的状态不允许此操作', 'the ticket’s state does not allow this action'),
  'ticket.beforeLastEvent': t('时间不能早于联系单的上一事件', 'must not precede the ticket’s last event'),
  'ticket.reasonRequired': t('请填写原因', 'give a reason'),
  'ticket.notStableYet': t(
    '上线后须平稳运行 {days} 个工作日（至 {until}）后才能关闭',
    'must run stable for {days} working day(s) after deployment, until {until}',
  ),
  'ticket.idRequired': t('请填写工单编号', 'give the ticket an id (编号)'),
  'ticket.categoryRequired': t('请选择问题分类', 'give the category (问题分类)'),
  'ticket.severityRequired': t('请选择严重程度', 'give the severity (严重程度)'),
  'ticket.extensionNeedsExpected': t(
    '顺延需要先有期望关闭日期',
    'an extension (顺延) needs the expected close date it extends',
  ),
  'ticket.extensionNotLater': t(
    '顺延日期须晚于期望关闭日期 {expected}',
    'an extension (顺延) must be later than the expected close date {expected}',
  ),
  'ticket.noSpecialAttention': t('本合同不使用特别关注', 'this contract does not use special attention (特别关注)'),
  'ticket.specialNeedsExpected': t(
    '特别关注工单需要医保局期望关闭日期',
    "a special-attention (特别关注) ticket needs the buyer's expected close date (医保局期望关闭日期, 000:222)",
  ),
  'ticket.onlyBuyerSubmits': t(
    '只有采购人可以提出工单',
    'only the buyer submits a ticket (《应用软件业务联系单》由提出人发起, 000:45)',
  ),
  'ticket.unknownSeverity': t(
    '未知严重程度“{value}”（可选：{known}）',
    'unknown severity "{value}" for this contract (known: {known})',
  ),
  'contract.signedAfterEnd': t('签订日期 {signed} 晚于合同期结束 {end}', 'signed {signed}, after the term ends {end}'),
  'contract.amountOverBudget': t(
    '合同金额 {amount} 超过预算 {budget}',
    'the amount {amount} exceeds the budget {budget}',
  ),
  'year.outsideTermSpan': t(
    '{year} 年不在合同期 {start} 至 {end} 内',
    'year {year} is outside the term {start}..{end}',
  ),
  'year.listedTwice': t('{year} 年重复填写（另见 {other}）', 'year {year} is listed twice (also {other})'),
  'contract.termEndsBeforeStart': t(
    '合同期结束（{end}）早于开始（{start}）',
    'the term ends ({end}) before it starts ({start})',
  ),
  'contract.yearFeesMismatch': t(
    '各年度费用合计 {sum}，与合同金额 {amount} 不一致',
    'the year fees add up to {sum}, not the amount {amount}',
  ),
  'validation.crashed': t('校验程序出错，请联系系统管理员（{detail}）', 'validation failed unexpectedly: {detail}'),

  // Working calendar and SLA policy (libs/sla)
  'calendar.unsupportedZone': t(
    '不支持时区“{value}”：只能使用固定 UTC 偏移的时区（{known}）',
    'time zone "{value}" is not supported: only zones with a fixed UTC offset can be computed exactly ({known})',
  ),
  'calendar.windowEmpty': t(
    '工作时段 {start}–{end} 的结束时间须晚于开始时间',
    'window {start}–{end} must end after it starts',
  ),
  'calendar.windowOverlap': t(
    '工作时段 {start}–{end} 与 {prevStart}–{prevEnd} 重叠或顺序颠倒：各时段须按先后排列且互不重叠',
    'window {start}–{end} overlaps or precedes {prevStart}–{prevEnd}: windows must be sorted and non-overlapping',
  ),
  'calendar.yearNotPublished': t(
    '{value}：{year} 年的国家工作日历尚未发布',
    '{value}: the national calendar for {year} is not published',
  ),
  'calendar.notPublished': t(
    '{year} 年的国家工作日历尚未发布，无法按工作日计算',
    'the national working-day calendar for {year} is not published',
  ),
  'calendar.yearsNotContiguous': t(
    '国家工作日历的年份须连续：{previous} 年之后是 {year} 年',
    'published years must be contiguous: {previous} is followed by {year}',
  ),
  // A national calendar year published from the State Council notice (calendar-publication.ts, issue 13)
  'calendar.dateOutsideYear': t('{value} 不是 {year} 年的日期', '{value} is not a date of {year}'),
  'calendar.makeUpNotWeekend': t(
    '{value} 不是周六或周日：调休上班日只能是周末',
    '{value} is not a Saturday or Sunday: a make-up working day is a weekend day',
  ),
  'calendar.noHolidays': t(
    '{year} 年没有任何节假日：请按通知填写放假日期',
    'year {year} has no holidays: enter the days off the notice gives',
  ),
  'calendar.correctionReasonRequired': t(
    '{year} 年的国家工作日历已发布（{version}）：更正须说明原因',
    'the national calendar for {year} is already published ({version}): a correction needs a reason',
  ),
  'calendar.correctionUnchanged': t(
    '与已发布的 {year} 年日历完全相同，没有需要更正的内容',
    'the same days as the published calendar for {year}: nothing to correct',
  ),
  'calendar.yearBeforeFirst': t(
    '{year} 年早于首个已发布的年份（{first} 年）',
    'year {year} is before the first published year ({first})',
  ),
  'calendar.noticeAfterYear': t(
    '通知日期 {value} 晚于 {year} 年 12 月 31 日',
    'the notice date {value} is after 31 December {year}',
  ),
  // A day of an uploaded file dated in another year (元旦 2023 starts on 2022-12-31 in holiday-cn's 2023.json).
  'calendar.otherYearHolidayNotListed': t(
    '{value}（{name}）是 {year} 年的日期，但 {year} 年的日历没有把它列为放假日：请先更正 {year} 年',
    '{value} ({name}) is a day of {year}, whose calendar does not list it as a day off: correct {year} first',
  ),
  'calendar.otherYearWorkdayNotListed': t(
    '{value}（{name}）是 {year} 年的日期，但 {year} 年的日历没有把它列为调休上班日：请先更正 {year} 年',
    '{value} ({name}) is a day of {year}, whose calendar does not list it as a make-up working day: correct {year} first',
  ),
  'instant.isoOffset': t(
    '“{value}”不是带时区的时间（如 2026-02-13T15:00:00+08:00）',
    '"{value}" is not an ISO-8601 instant with an offset (e.g. 2026-02-13T15:00:00+08:00)',
  ),
  'time.inFuture': t(
    '{value} 晚于当前时间：只能记录已经发生的事',
    '{value} is in the future: record what has happened',
  ),
  'number.wholeMinutes': t(
    '应为不小于 0 的整数分钟，实际为 {value}',
    'must be a whole number of minutes ≥ 0, got {value}',
  ),
  'interval.endsBeforeStart': t('结束时间不能早于开始时间', 'the end of an interval must not precede its start'),
  'pause.endsBeforeStart': t('暂停的结束时间不能早于开始时间', 'a pause must end at or after its start'),
  'pause.endNotAfterStart': t('暂停的结束时间须晚于开始时间', 'a pause must end after it starts'),
  'sla.rankTaken': t('级别序号 {rank} 已被严重程度“{other}”使用', 'rank {rank} is already used by "{other}"'),
  'sla.duplicateMetricTarget': t(
    '严重程度“{severity}”已有 {metric} 时限（“{owner}”）',
    'severity "{severity}" already has a {metric} target ("{owner}")',
  ),
  'sla.workingDaysNeedWorkingClock': t(
    '按工作日计的时限须使用工作时间时钟（working），不能用 7×24 日历时钟',
    'a duration in working days needs the working clock, not the 7×24 calendar clock',
  ),
  'sla.clockRequired': t(
    '请指定计时方式：clock（7×24 或工作时间），或按严重程度分别指定（coverage）',
    'give the clock (calendar or working), or a clock per severity (coverage)',
  ),
  'sla.clockAndCoverage': t('clock 与 coverage 只能填写其一', 'give either one clock or a coverage, not both'),
  'sla.coverageNotInTarget': t(
    '严重程度“{value}”不在本时限适用的严重程度中（{known}）',
    'severity "{value}" is not one of this target\'s severities ({known})',
  ),
  'sla.coverageTwice': t(
    '严重程度“{severity}”的计时方式已在 {other} 中指定',
    'severity "{severity}" already has its clock in {other}',
  ),
  'sla.coverageMissing': t(
    '严重程度“{severity}”没有计时方式：请在 coverage 中指定 7×24 或工作时间',
    'severity "{severity}" has no clock: give it one in the coverage (calendar or working)',
  ),
  'sla.endOfDayWhole': t('“当日下班前”（end-of-day）只能按整数个工作日计', '"end-of-day" counts whole working days'),
  'sla.endOfDayWholeDays': t(
    '“当日下班前”（end-of-day）须为不小于 1 的整数个工作日，实际为 {value}',
    '"end-of-day" needs a whole number of working days ≥ 1, got {value}',
  ),
  'sla.noReceipt': t('没有“签收”事件：时限无从起算', 'no "received" (签收) event: the clocks have no start'),
  'sla.eventBeforeReceipt': t('“{kind}”事件（{at}）早于签收', '"{kind}" at {at} precedes receipt'),
  'sla.nowBeforeReceipt': t('计算时点早于签收', 'the evaluation instant precedes receipt'),
  'sla.noReport': t(
    '没有“报修”事件：自报修起算的时限无从起算',
    'no "reported" (报修) event: the clocks that start at the report have no start',
  ),
  'sla.eventBeforeReport': t('“{kind}”事件（{at}）早于报修', '"{kind}" at {at} precedes the report'),
  'sla.nowBeforeReport': t('计算时点早于报修', 'the evaluation instant precedes the report'),

  // Staffing (libs/contracts staffing and the configuration's staffing section)
  'staffing.minimumExceedsPlan': t(
    '要求至少 {min} 人，但符合条件的岗位计划只有 {available} 人',
    'requires at least {min} people but the matching roles plan only {available}',
  ),
  'staffing.minimumNotMet': t(
    '{name}：符合条件（{what}）的在岗人员 {count} 人，至少需要 {min} 人',
    '{name}: {count} {what}, at least {min} required',
  ),
  'staffing.minimumNotMetTotal': t(
    '{name}：在岗人员共 {count} 人，至少需要 {min} 人',
    '{name}: {count} in total, at least {min} required',
  ),
  'staffing.roleShort': t(
    '{name}：在岗 {rostered} 人，计划 {headcount} 人',
    '{name}: {rostered} of {headcount} planned',
  ),
  'staffing.noticeTooShort': t(
    '申请日距变更日 {changeOn} 只有 {notice} 个工作日，人员变动须至少提前 {required} 个工作日提交申请',
    'applied {notice} working day(s) before the change on {changeOn}; at least {required} required (人员变动需提{required}个工作日提交申请, 004:1083)',
  ),
  'staffing.handoverRequired': t(
    '请填写交接期：替补人员上岗前须完成至少 {required} 个工作日的岗位交接',
    'give the handover period: at least {required} working days before the replacement takes up the post (004:1083)',
  ),
  'staffing.handoverTooShort': t(
    '交接期只有 {handover} 个工作日，须不少于 {required} 个工作日',
    'handover of {handover} working day(s); at least {required} required (交接期不少于{required}个工作日, 004:1083)',
  ),
  'staffing.handoverAfterChange': t(
    '须在替补人员 {changeOn} 上岗前完成岗位交接',
    'the handover must be complete before the replacement takes up the post on {changeOn} (完成岗位交接后方可上岗)',
  ),
  'staffing.interviewRequired': t(
    '替补人员须经采购人面试合格',
    "the replacement must pass the buyer's interview (经甲方面试合格, 004:1083)",
  ),

  // Payment terms (libs/contracts payment)
  'payment.conditionNeedsScheme': t(
    '配置中没有考核方案：没有可判断的分数或等级',
    'the configuration has no assessment scheme: there is no score or grade to test',
  ),
  'payment.gradesNeedScheme': t('按等级扣减需要有考核期间的考核方案', 'grades need an assessment scheme with a period'),
  'payment.periodCapNeedsScheme': t(
    '按期间分数扣减并以年度费用封顶时，需要考核方案来确定是哪一年的费用',
    'a period score needs an assessment scheme to say which year fee caps it',
  ),
  'payment.periodScoresNeedScheme': t(
    '按期间分数扣减需要有考核期间的考核方案',
    'period scores need an assessment scheme with a period',
  ),
  'payment.periodRequired': t(
    '请填写期间：配置中没有可据以确定期间的考核方案',
    'give the period: the configuration has no assessment scheme to take it from',
  ),
  'payment.cumulativeNotIncreasing': t(
    '累计目标须逐级递增：{value}% 不高于 {previous} 的 {previousValue}%',
    'cumulative targets must increase: {value} % is not above {previous} {previousValue} %',
  ),
  'payment.deductionNeedsPeriodLines': t(
    '“{kind}”扣减从按期间支付的款项中扣除，但所针对的付款节点都不按期间支付（请使用 per-period-share 或 quarterly-instalments）',
    'a {kind} deduction reduces period payments, but the milestones it targets plan none (use per-period-share or quarterly-instalments)',
  ),
  'payment.deductionsNeedMilestone': t(
    '扣减规则至少需要一个付款节点',
    'deduction rules need at least one milestone to reduce',
  ),
  'payment.overAmount': t(
    '各付款节点合计 {total}（合同金额 {amount} 的 {percent}%），超过 100%',
    'the milestones pay {total} ({percent} % of the amount {amount}), more than 100 %',
  ),
  'payment.overYearFee': t(
    '各付款节点从 {year} 年费用 {fee} 中支付 {total}，超过 100%',
    'the milestones pay {total} of the {year} fee {fee}, more than 100 %',
  ),

  // Ticket lifecycle and import (libs/contracts tickets)
  'ticket.actorUnknown': t('操作方须为采购人或供应商，实际为“{value}”', 'actor must be buyer or vendor, got "{value}"'),
  'ticket.noChecklist': t(
    '只有“单笔数据调整”“批量数据处理”工单有数据处理检查单；本工单为“{category}”',
    'only 单笔数据调整 / 批量数据处理 tickets have a data-processing checklist; this one is {category} (000:57–58)',
  ),
  'ticket.checklistMissing': t(
    '“{category}”工单须完成数据处理检查单后才能上线：缺少“{item}”（{seed}）',
    'a {category} ticket deploys to production only with its data-processing checklist complete: missing {item} ({seed})',
  ),
  'ticket.itConfirmationBuyerOnly': t(
    '信息部门确认（测试结果及脚本、记录、备份完整）只能由采购人录入',
    "the IT confirmation is the buyer's 信息部门 confirming the test results and the completeness of script, record and backup (000:64): only the buyer records it",
  ),
  'ticket.affectsSettlementRequired': t(
    '请说明补丁是否影响结算',
    'say whether the patch can affect settlement (结算) — true or false (000:54)',
  ),
  'ticket.patchWindow': t(
    '影响结算的补丁只能在 {from} 至次日 {to} 之间上线，{value} 不在此时段内',
    'a settlement-affecting patch deploys between {from} and {to} of the next morning; {value} is outside that window',
  ),
  'ticket.noDeployment': t('工单没有上线记录', 'the ticket has no deployment event'),
  'ticket.expectedDateSet': t(
    '期望关闭日期已为 {date}：如需变更请办理顺延',
    'the expected close date is already {date}: move it with an approved extension (顺延, 000:221)',
  ),
  'ticket.alreadySpecial': t('工单已标记为特别关注', 'the ticket is already marked special attention'),
  'ticket.extensionEarlier': t(
    '顺延日期不能早于期望关闭日期 {expected}',
    'an extension (顺延) cannot move the date earlier than {expected}',
  ),
  'ticket.beforeTerm': t(
    '{value} 早于合同期（{earliest}）：工单须在合同履行期间提出',
    "{value} is before the contract's term ({earliest}): a ticket is submitted under a running contract",
  ),
  'ticket.exists': t('工单“{value}”已存在', 'a ticket "{value}" already exists'),
  'ticket.submittedAtRequired': t('请填写提出时间', 'give the submission time (提出时间)'),
  'ticket.timelineOrder': t('{value} 早于{field}（{previous}）', '{value} precedes {field} {previous}'),
  'ticket.feedbackNeedsReceipt': t(
    '有反馈时间时须同时填写签收时间',
    'a feedback time needs the receipt time (签收, 000:47)',
  ),
  'ticket.deploymentNeedsReceipt': t(
    '有上线时间时须同时填写签收时间',
    'a deployment time needs the receipt time (签收, 000:47)',
  ),
  'ticket.closedNeedsDeployment': t(
    '已关闭的工单须填写上线时间：上线并平稳运行后才能关闭',
    'a closed ticket needs its deployment time (上线): closure follows the stable period after deployment (000:67)',
  ),
  'page.cursor': t('分页位置无效，请从第一页重新加载', 'not a position in this list: load the first page again'),
  'import.columnTwice': t('同一字段出现在两列：“{first}”和“{second}”', 'given twice, as "{first}" and "{second}"'),
  'date.afterAsOf': t('{value} 晚于计算日 {asOf}', '{value} is after asOf {asOf}'),

  // Period close (the API's close service)
  'close.inputChanged': t('计算草稿后此项输入已有变动', 'changed since the draft was computed'),
  'close.reasonRequired': t('有输入缺失时，确认结算须说明理由', 'required when inputs are missing'),
  'close.provisionalCalendar': t(
    '{years} 年的国家工作日历尚为暂定：待正式发布并重新结算后方可确认',
    'the national calendar of {years} is provisional: confirm after it is published and the close recomputed',
  ),
  'close.reopenReasonRequired': t('重新打开结算须说明原因', 'a reopened close needs a reason'),
  'close.adjustmentReasonRequired': t('调整须说明原因', 'an adjustment needs a reason'),

  // Score ladders (libs/scoring bands)
  'bands.domainEmpty': t('取值范围 {domain} 为空', 'the domain {domain} is empty'),
  'bands.empty': t(
    '区间 {band} 不含任何值（最小值须小于最大值，或两端都包含时相等）',
    'band {band} contains no value (min must be below max, or equal with both ends inclusive)',
  ),
  'bands.outsideDomain': t('区间 {band} 在取值范围 {domain} 之外', 'band {band} lies outside the domain {domain}'),
  'bands.overlap': t(
    '与第 [{other}] 个区间重叠：{band} 与 {otherBand} 都包含 {overlap}',
    'overlaps band [{other}]: {band} and {otherBand} both contain {overlap}',
  ),
  'bands.noneCovers': t('没有区间覆盖取值范围 {domain}', 'no band covers the domain {domain}'),
  'bands.gapBefore': t(
    '第 [{index}] 个区间之前有空档：取值范围内 {gap} 的值不属于任何区间',
    'gap before band [{index}]: values in {gap} of the domain are covered by no band',
  ),
  'bands.gapAfter': t(
    '第 [{index}] 个区间之后有空档：{gap} 的值不属于任何区间',
    'gap after band [{index}]: values in {gap} are covered by no band',
  ),
  'bands.gapAtEnd': t(
    '第 [{index}] 个区间之后有空档：取值范围内 {gap} 的值不属于任何区间',
    'gap after band [{index}]: values in {gap} of the domain are covered by no band',
  ),
  'scoring.outsideDomain': t(
    '{value} 超出该指标的取值范围 {domain}',
    "{value} is outside the metric's domain {domain}",
  ),

  // Procurement scoring (libs/scoring procurement)
  'procurement.totalMismatch': t(
    '价格分 {price} + 客观分 {objective} + 主观分 {subjective} = {total}，不等于方案总分 {totalPoints}',
    "price {price} + objective {objective} + subjective {subjective} = {total}, not the scheme's {totalPoints}",
  ),
  'procurement.objectiveTotalMismatch': t(
    '客观评分项合计 {sum}，不等于 {expected}',
    'the objective items add up to {sum}, not {expected}',
  ),
  'procurement.subjectiveTotalMismatch': t(
    '主观评分项合计 {sum}，不等于 {expected}',
    'the subjective items add up to {sum}, not {expected}',
  ),
  'procurement.deductionFraction': t(
    '应为 0 到 1 之间（不含 1）的小数，20% 写作 0.20',
    'must be a fraction in [0, 1) (0.20 for 20 %)',
  ),
  'procurement.ladderPositive': t(
    '应大于 0（{count} 处及以上瑕疵已得 0 分）',
    'must be greater than 0 ({count} or more flaws already score 0)',
  ),
  'procurement.ladderNotDecreasing': t(
    '应低于 {previous}（{previousValue}）：每多一处瑕疵都要扣分',
    'must be below {previous} ({previousValue}): each flaw costs points',
  ),
  'procurement.evidenceDateRequired': t(
    '必填：只有 {notBefore} 及以后的{unit}才计分',
    'required: only {unit} dated on or after {notBefore} count',
  ),
  'procurement.duplicateBidder': t('投标人“{value}”重复（另见 {other}）', 'duplicate bidder "{value}" (also {other})'),
  'procurement.preferenceWithoutSmallMicro': t(
    '填写了优惠依据，但未标记为中小微企业',
    'given, but smallOrMicro is false',
  ),
  'procurement.notObjectiveItem': t(
    '不是本方案的客观评分项（可选：{known}）',
    'not an objective item of this scheme ({known})',
  ),
  'procurement.notSubjectiveItem': t(
    '不是本方案的主观评分项（可选：{known}）',
    'not a subjective item of this scheme ({known})',
  ),
  'procurement.answerRequired': t('请填写“{label}”', 'required ({label})'),
  'procurement.duplicateSheet': t(
    '评委“{evaluator}”对投标人“{bidder}”已有评分表（另见 {other}）',
    'second sheet of evaluator "{evaluator}" for bidder "{bidder}" (also {other})',
  ),
  'procurement.noBid': t('投标人“{value}”没有投标', 'no bid from "{value}"'),
  'procurement.noSheets': t(
    '没有评委评分表：主观评分项至少需要一位评委打分',
    'no evaluator sheets: the subjective items need at least one evaluator',
  ),
  'procurement.sheetMissing': t(
    '评委“{evaluator}”没有投标人“{bidder}”的评分表',
    'evaluator "{evaluator}" has no sheet for bidder "{bidder}"',
  ),
} as const satisfies Record<string, ProblemText>;

export type ProblemCode = keyof typeof PROBLEM_MESSAGES;
/** Every validation problem code, for the dictionary tests and for clients. */
export const PROBLEM_CODES = Object.keys(PROBLEM_MESSAGES) as readonly ProblemCode[];
export type ProblemParams = Readonly<Record<string, string>>;

export function isProblemCode(code: unknown): code is ProblemCode {
  return typeof code === 'string' && Object.prototype.hasOwnProperty.call(PROBLEM_MESSAGES, code);
}

/** Fills `{name}` with the parameter; a missing parameter stays visible as `{name}` (a test catches it). */
export function fillTemplate(template: string, params: ProblemParams): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? params[name] : whole,
  );
}

/** A problem in a language; an unknown code (a newer server) falls back to the generic "invalid value". */
export function renderProblem(locale: ProblemLocale, code: string, params: ProblemParams = {}): string {
  const text = isProblemCode(code) ? PROBLEM_MESSAGES[code] : PROBLEM_MESSAGES['value.invalid'];
  return fillTemplate(text[locale], params);
}

/**
 * The top-level reasons of an API error (`extensions.code`, and `extensions.messageCode` of a BAD_USER_INPUT),
 * so no client shows the server's English sentence.
 */
export const ERROR_MESSAGES = {
  BAD_USER_INPUT: t('输入有误', 'The input is invalid'),
  'input.problems': t('输入有 {count} 处问题', '{count} problem(s) in the input'),
  UNAUTHENTICATED: t('未登录或登录已过期，请重新登录', 'Not signed in, or the session has expired'),
  FORBIDDEN: t('当前角色无权执行此操作', 'Your role may not do this'),
  NOT_FOUND: t('要找的内容不存在或无权查看', 'Not found'),
  CONFLICT: t('与当前数据冲突，请刷新后重试', 'Conflicts with the current data; reload and try again'),
  CALENDAR_NOT_PUBLISHED: t(
    '该年度的国家工作日历尚未发布',
    'The national working-day calendar for that year is not published',
  ),
  TOO_MANY_REQUESTS: t('请求过于频繁，请稍后再试', 'Too many requests; try again later'),
  SERVICE_UNAVAILABLE: t('服务暂时不可用，请稍后重试', 'The service is briefly unavailable; try again shortly'),
  'database.unavailable': t(
    '数据库连接暂时中断，请在 {seconds} 秒后重试（未保存任何更改）',
    'The database connection was interrupted; try again in {seconds} s (nothing was saved)',
  ),
  'database.outcomeUnknown': t(
    '提交时数据库连接中断，请在 {seconds} 秒后刷新，确认更改是否已保存',
    'The database connection was lost while saving; reload in {seconds} s to see whether the change was saved',
  ),
  INTERNAL_SERVER_ERROR: t('服务器内部错误，请稍后重试', 'Internal server error'),
  GRAPHQL_VALIDATION_FAILED: t('请求不符合接口定义', 'The request does not match the API'),
  GRAPHQL_PARSE_FAILED: t('请求无法解析', 'The request cannot be parsed'),
  BAD_REQUEST: t('请求无效', 'Bad request'),
  PAYLOAD_TOO_LARGE: t('请求内容过大', 'The request is too large'),
  UNSUPPORTED_MEDIA_TYPE: t('不支持的文件或内容类型', 'Unsupported media type'),
  OPERATION_RESOLUTION_FAILURE: t('请求的操作不存在', 'Unknown operation'),
  PERSISTED_QUERY_NOT_FOUND: t('请求的操作不存在', 'Unknown operation'),
  PERSISTED_QUERY_NOT_SUPPORTED: t('不支持该请求方式', 'Not supported'),
  // Reasons of refusals a user can trigger from the console (DomainError.reason → extensions.messageCode)
  'calendar.notPublished': t(
    '{year} 年的国家工作日历尚未发布',
    'The national working-day calendar for {year} is not published',
  ),
  'close.notDraft': t('只有计算完成的草稿才能确认', 'Only a computed draft can be confirmed'),
  'slaRevision.pending': t(
    '上一次未结工单改按新版本计算的任务尚未完成，请稍后刷新',
    'The previous move of the open tickets is still running; reload in a moment',
  ),
  'slaRevision.nothingToMove': t(
    '没有仍按旧版本计算的未结工单：所有未结工单已按第 {version} 版配置计算',
    'No open ticket is on an older version: every open ticket follows version {version}',
  ),
  'close.inputsChanged': t(
    '草稿计算后输入已有变动：请重新发起结算，生成新的版本',
    'The inputs changed since the draft was computed: request the close again',
  ),
  'close.provisionalCalendar': t(
    '结算期间所在的 {years} 年国家工作日历尚为暂定：请在正式日历发布、重新结算后再确认',
    'The period lies in {years}, whose national calendar is provisional: confirm after it is published and the close recomputed',
  ),
  'close.inputsMissing': t(
    '有 {count} 项输入缺失：缺少输入时确认结算须说明理由',
    '{count} input(s) are missing: confirming without them needs a reason',
  ),
  'close.confirmedImmutable': t(
    '已确认的结算不能更改：请在之后未结算的期间录入调整',
    'A confirmed close is immutable: correct it with an adjustment in a later open period',
  ),
  'close.alreadyReopened': t('该结算已经重新打开过', 'This close was already reopened'),
  'close.adjustOnlyConfirmed': t(
    '只有已确认的结算才用调整更正；未确认的结算请重新打开并重新计算',
    'Only a confirmed close is corrected by an adjustment; reopen and recompute any other',
  ),
  'close.noOpenPeriod': t(
    '{period} 之后，合同期内没有未结算的期间可以记入更正',
    'No open period after {period} in the term to book the correction in',
  ),
  'period.locked': t(
    '{period} 已结算确认，其输入不能再修改',
    'Period {period} is closed: its inputs can no longer change',
  ),
  'report.locked': t(
    '{month} 的月报已验收并锁定，更正请记入之后的期间',
    'The report of {month} is accepted and locked; a correction goes into a later period',
  ),
  'report.wrongState': t(
    '{month} 的月报当前状态不允许此操作',
    'The report of {month} is not in a state that allows this',
  ),
  'ticket.numberTaken': t('本合同已有编号为“{number}”的工单', 'A ticket "{number}" exists on this contract'),
  'staffing.alreadyReplaced': t('{name} 已被替换', '{name} has already been replaced'),
  'payment.lineWithheld': t('该付款行被暂缓支付，不能标记为已付款', 'The line is withheld and cannot be marked paid'),
  'payment.lineForfeited': t('该付款行已不予支付，不能标记为已付款', 'The line is forfeited and cannot be marked paid'),
  'procurement.projectExists': t('已有代码为“{code}”的采购项目', 'A procurement project with code "{code}" exists'),
  'procurement.packageExists': t(
    '采购项目 {project} 中已有第 {number} 包',
    'Package {number} exists in project {project}',
  ),
  'procurement.bidExists': t('“{bidder}”已对本包投标', '"{bidder}" has already bid for this package'),
  'procurement.sheetExists': t(
    '评委“{evaluator}”已有对“{bidder}”的评分表',
    'Evaluator "{evaluator}" already has a sheet for "{bidder}"',
  ),
} as const satisfies Record<string, ProblemText>;

export type ErrorMessageCode = keyof typeof ERROR_MESSAGES;

/** The reason of an error code in a language, or undefined for a code this list does not know. */
export function renderErrorCode(locale: ProblemLocale, code: string, params: ProblemParams = {}): string | undefined {
  return Object.prototype.hasOwnProperty.call(ERROR_MESSAGES, code)
    ? fillTemplate(ERROR_MESSAGES[code as ErrorMessageCode][locale], params)
    : undefined;
}
