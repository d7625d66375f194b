/*
 * The one zh-CN and one English dictionary of engine explanations (scores, deductions, milestones, flags,
 * set-offs, reports, calendar, close assembly), used by the console and by every export. Dependency-free: the
 * web imports it by relative path. English reproduces the engine's former sentences word for word.
 *
 * Template syntax: `{name}` the parameter as is; `{name:money}` grouped with two decimals (2,400,000.00);
 * `{name:d2}` two decimals, half up; `{name:signed}` +2 / -5 / 0; `{name:sub}` the sub-text `<name>.<value>`
 * rendered with the same parameters; `[[ … ]]` a part shown only when every parameter it names is present.
 */
import { LEGACY_TEXT_CODE, toExplanation, type Explanation } from './explanation';

export type ExplanationLocale = 'zh-CN' | 'en';
type Texts = Readonly<Record<ExplanationLocale, string>>;
const t = (zh: string, en: string): Texts => ({ 'zh-CN': zh, en });

/** code → texts. Every code an engine returns is here (explanation-texts.spec.ts enumerates the libs' code lists). */
export const EXPLANATION_TEXTS: Readonly<Record<string, Texts>> = {
  [LEGACY_TEXT_CODE]: t('{text}', '{text}'),

  // ------------------------------------------------------------------ assessment (libs/scoring)
  'score.banded': t(
    '{metric} {shown}[[ {unit}]]，落在区间 {band}[[（{label}）]] → {points:signed}',
    '{metric} {shown}[[ {unit}]] in band {band}[[ ({label})]] → {points:signed}',
  ),
  'score.banded.undefined': t('{metric}：本期无法计算 → 0', '{metric}: undefined for this period → 0'),
  'score.banded.undefined-note': t(
    '{metric} 本期无法计算（例如没有到期的工单），该项得 0 分',
    '{metric} is undefined for this period (e.g. no tickets due), so this component scores 0',
  ),
  'score.banded.shown-elsewhere': t(
    '{metric} 精确值为 {value}[[ {unit}]]，显示为 {shown}，但落在区间 {band}',
    '{metric} is {value}[[ {unit}]] exactly; it shows as {shown} but falls in band {band}',
  ),
  'score.choice': t('{question}：{choice} → {points:signed}', '{question}: {choice} → {points:signed}'),
  'score.item-average': t(
    '{items} 项平均分 = {sum} ÷ {items} = {average:d2}，落在 {band} → 等级 {grade}（{passes:sub}）',
    'average of {items} items = {sum} ÷ {items} = {average:d2} in {band} → grade {grade} ({passes:sub})',
  ),
  'passes.true': t('合格', 'passes'),
  'passes.false': t('不合格', 'fails'),
  'score.per-event.none': t('{event}：无 → 0', '{event}: none → 0'),
  'score.per-event': t(
    '{event}：{count} × {per:signed} = {raw:signed}[[（上限 {cap} → {total:signed}）]][[ [{ids}]]]',
    '{event}: {count} × {per:signed} = {raw:signed}[[ (cap {cap} → {total:signed})]][[ [{ids}]]]',
  ),
  'score.per-event.capped': t(
    '{event}：{raw:signed} 按上限计为 {total:signed}',
    '{event}: {raw:signed} capped at {total:signed}',
  ),
  'score.staff-average.empty': t('人员平均分：本期无人评分 → 0', 'staff average: nobody was scored → 0'),
  'score.staff-average.empty-note': t(
    '本期没有人员评分，该项得 0 分',
    'no staff were scored this period, so this component scores 0',
  ),
  'score.staff-average': t(
    '人员平均分 {average:d2}（共 {people} 人），落在区间 {band}[[（{label}）]] → {points:signed}',
    'staff average {average:d2} over {people} people in band {band}[[ ({label})]] → {points:signed}',
  ),
  'score.staff-average.person-capped': t('{who}：{raw} 按上限计为 {cap}', '{who}: {raw} capped at {cap}'),
  'score.component-note': t('{component}：{note:sub}', '{component}: {note:sub}'),
  'score.scheme': t(
    '{base:d2} + ({terms}) = {unclamped:d2}[[ → 按上下限取 {clamped}]][[；等级 {grade}]][[（{gradeBand}）]]',
    '{base:d2} + ({terms}) = {unclamped:d2}[[ → clamped to {clamped}]][[; grade {grade}]][[ ({gradeBand})]]',
  ),
  'score.scheme.clamped': t(
    '{unclamped:d2} 超出 {min}..{max}，按上下限取 {score}',
    '{unclamped:d2} is outside {min}..{max}; clamped to {score}',
  ),
  'score.scheme-note': t('{text}', '{text}'),
  'score.year': t('({scores}) 的平均 = {sum} ÷ {count} = {score}', 'mean of ({scores}) = {sum} ÷ {count} = {score}'),
  'score.year.partial': t(
    '不完整年度：{count} / {expected} 个{period:sub}期间的平均',
    'partial year: mean of {count} of {expected} {period:sub} periods',
  ),
  'period.half-year': t('半年', 'half-year'),
  'period.quarter': t('季度', 'quarter'),
  'period.month': t('月度', 'month'),
  'period.year': t('年度', 'year'),
  STAFF_BELOW_THRESHOLD: t(
    '{who} 得分 {total:d2}，低于 {threshold}：{message}',
    '{who} scored {total:d2} < {threshold}: {message}',
  ),
  'flag.scheme-alert': t('{message}', '{message}'),
  HOLIDAY_DUTY_SHORT: t(
    '{date}（[[{name}，]]{dayKind:sub}）值班 {onDuty} 人，少于要求的 {min} 人[[（{where}）]]',
    '{date} ([[{name}, ]]{dayKind:sub}): {onDuty} on duty, at least {min} required[[ ({where})]]',
  ),
  'dayKind.weekend': t('周末', 'weekend'),
  'dayKind.holiday': t('法定节假日', 'public holiday'),
  'dayKind.closure': t('采购人闭馆日', "the buyer's closure"),

  // ------------------------------------------------------------------ procurement (libs/scoring procurement items, price)
  'procurement.count': t(
    '{unit:sub} {count} 个 × {unitPoints} 分 = {raw}[[，上限 {cap}]] → {points:signed}[[（不计：{rejected} 未获认可）]][[（不计：{early} 早于 {notBefore}）]]',
    '{unit:sub}: {count} × {unitPoints} = {raw}[[, capped at {cap}]] → {points:signed}[[ (not counted: {rejected} rejected)]][[ (not counted: {early} dated before {notBefore})]]',
  ),
  // Units the presets count, stored in Chinese in the schemes; another unit is shown as typed. procurement.unit is
  // the unit alone (the console's scheme table and bid form).
  'procurement.unit': t('{unit:sub}', '{unit:sub}'),
  'unit.业绩': t('业绩', 'track record'),
  'unit.人员': t('人员', 'staff'),
  'unit.证书': t('证书', 'certificates'),
  'unit.项目经理': t('项目经理', 'project manager'),
  'unit.person-months': t('人月', 'person-months'),
  // The condition is the tender's Chinese text: quoted in zh-CN, named in English.
  'procurement.all-or-nothing.met': t('{condition}：全部满足 → {points}', 'every stated commitment met → {points}'),
  'procurement.all-or-nothing.not-met': t('{condition}：未全部满足 → 0', 'not every stated commitment met → 0'),
  'procurement.flaws': t(
    '[[{found} 处 + 缺项 {missing} 处（{topics}）= ]]{flaws} 处瑕疵 → {points}',
    '[[{found} + {missing} missing ({topics}) = ]]{flaws} flaw(s) → {points}',
  ),
  'procurement.flaws.too-many': t(
    '[[{found} 处 + 缺项 {missing} 处（{topics}）= ]]{flaws} 处瑕疵 ≥ {limit} → 0',
    '[[{found} + {missing} missing ({topics}) = ]]{flaws} flaw(s) ≥ {limit} → 0',
  ),
  'procurement.flaws.no-plan': t('未提供方案 → 0', 'no plan → 0'),
  'procurement.flaws.fails-requirements': t('不满足招标文件要求 → 0', 'fails the tender requirements → 0'),
  'procurement.flaws.missing-mandatory': t(
    '缺失必备内容 {topics} → 不予认定加分 → 0',
    'mandatory content missing ({topics}) → not credited → 0',
  ),
  'procurement.price': t(
    '价格得分 = 评标基准价 {base:money} ÷ 评审价 {evaluated:money} × {weight} = {score:d2}',
    'price score = base price {base:money} ÷ evaluated price {evaluated:money} × {weight} = {score:d2}',
  ),
  'procurement.price.small-micro': t(
    '价格得分 = 评标基准价 {base:money} ÷ 评审价 {evaluated:money}（报价 {price:money} × (1 − {deduction} %)，{preference:sub}）× {weight} = {score:d2}',
    'price score = base price {base:money} ÷ evaluated price {evaluated:money} ({price:money} × (1 − {deduction} %), {preference:sub}) × {weight} = {score:d2}',
  ),
  'preference.small-micro': t('小微企业', 'small or micro enterprise'),
  'preference.prison-enterprise': t('监狱企业，视同小微企业', 'prison enterprise, counted as small or micro'),
  'preference.disability-welfare-unit': t(
    '残疾人福利性单位，视同小微企业',
    'welfare unit for the disabled, counted as small or micro',
  ),

  // ------------------------------------------------------------------ payment: how a line's gross was derived
  'base.amount': t('合同金额 {baseAmount:money}', 'the contract amount {baseAmount:money}'),
  'base.year-fee': t('{baseYear} 年度费用 {baseAmount:money}', 'the {baseYear} fee {baseAmount:money}'),
  'payment.basis.percent': t('{base:sub} 的 {percent} %', '{percent} % of {base:sub}'),
  'payment.basis.cumulative': t(
    '{base:sub} 的 {cumulativePercent} % = 累计 {cumulative:money}，减去已安排的 {previousPercent} % {previous:money}',
    '{cumulativePercent} % of {base:sub} = {cumulative:money} in total, less {previousPercent} % already scheduled {previous:money}',
  ),
  'payment.basis.per-period-share': t(
    '{year} 年度费用 {fee:money} 的 {percent} %',
    '{percent} % of the {year} fee {fee:money}',
  ),
  'payment.basis.quarterly': t(
    '每季度 {base:sub} 的 {percentEach} %；{quarters} 个季度共 {total:money}，平均分摊',
    '{percentEach} % of {base:sub} per quarter; {quarters} quarters = {total:money} split equally',
  ),
  'payment.basis.settlement-amount': t(
    '合同金额 {amount:money} 的 {percent} %',
    '{percent} % of the contract amount {amount:money}',
  ),
  'payment.basis.settlement-year-fee': t(
    '{year} 年度费用 {fee:money} 的 {percent} %',
    '{percent} % of the {year} fee {fee:money}',
  ),

  // ------------------------------------------------------------------ payment: deductions (formula)
  'payment.deduction.absence': t(
    '缺勤[[ {year} 年]]：{base:money} × {absent} ÷ {planned} = {amount:money}（计划 {planned} 人月，实际 {actual} 人月）',
    'absence[[ {year}]]: {base:money} × {absent} ÷ {planned} = {amount:money} (planned {planned} person-months, actual {actual})',
  ),
  'why.accepted-late': t('{acceptedOn} 才通过验收，晚于 {deadline}', 'accepted only on {acceptedOn}, after {deadline}'),
  'why.not-accepted': t(
    '截至 {deadline} 未通过验收（服务期末 {termEnd} + {graceMonths} 个月）',
    'not accepted by {deadline} (term end {termEnd} + {graceMonths} months)',
  ),
  'payment.deduction.clawback': t(
    '追回：{why:sub}：该节点全部 {gross:money} 予以追回',
    'clawback: {why:sub}: the whole line {gross:money} is recovered',
  ),
  'payment.deduction.clawback-fine': t(
    '违约金：{why:sub}：{amount:money} 的 {finePercent} % = {fine:money}',
    'fine: {why:sub}: {finePercent} % of {amount:money} = {fine:money}',
  ),
  'payment.deduction.clawback-interest': t(
    '利息：{why:sub}：{amount:money} × 年利率 {rate} % ÷ 360 × {days} 天（{from} 至 {to}）= {interest:money}（利率依据：{source}）',
    'interest: {why:sub}: {amount:money} × {rate} % a year ÷ 360 × {days} days ({from} to {to}) = {interest:money} (rate: {source})',
  ),
  'payment.deduction.complaint-threshold': t(
    '{period} 有效投诉 {count} 次 ≥ {min}：{gross:money} 的 {percent} % = {amount:money}',
    '{count} valid complaints in {period} ≥ {min}: {percent} % of {gross:money} = {amount:money}',
  ),
  'payment.deduction.consecutive-grade': t(
    '预警：{months} 评为 {grade}（连续 {consecutive} 个月）：采购人可解除合同；{line} 的付款 {gross:money} 不予支付',
    'ALERT: {months} graded {grade} ({consecutive} consecutive months): the buyer may terminate; the {line} payment {gross:money} is not paid',
  ),
  'payment.deduction.grade-percent': t(
    '{period} 等级 {grade}：{gross:money} 的 {percent} % = {amount:money}[[；推迟 {delayMonths} 个月支付]]',
    '{period} grade {grade}: {percent} % of {gross:money} = {amount:money}[[; paid {delayMonths} month(s) later]]',
  ),
  'capNote.capped': t('按上限 {capPercent} % 计 = {cap:money}', 'capped at {capPercent} % = {cap:money}'),
  'capNote.reached': t(
    '上限 {capPercent} % = {cap:money}，恰好达到',
    'cap {capPercent} % = {cap:money} reached exactly',
  ),
  'capNote.not-reached': t('上限 {capPercent} % = {cap:money}，未达到', 'cap {capPercent} % = {cap:money} not reached'),
  'payment.deduction.liquidated-damages': t(
    '逾期交付 {id}[[（{description}）]]：{days} 天 × {percentPerDay} % × {value:money} = {raw:money}，{capNote:sub}',
    'late delivery {id}[[ ({description})]]: {days} day(s) × {percentPerDay} % × {value:money} = {raw:money}, {capNote:sub}',
  ),
  'payment.deduction.manual': t(
    '人工调整 {id}：{reason}：{amount:money}',
    'manual adjustment {id}: {reason}: {amount:money}',
  ),
  'payment.deduction.manual-give-back': t(
    '人工调整 {id}：{reason}：退还 {amount:money}',
    'manual adjustment {id}: {reason}: gives back {amount:money}',
  ),
  'payment.deduction.per-complaint': t(
    '{period} 有效投诉 {count} 次 × {each:money} = {amount:money}',
    '{count} valid complaint(s) in {period} × {each:money} = {amount:money}',
  ),
  'scope.year': t('{ref} 年度', '{ref} year'),
  'scope.period': t('{ref}', '{ref}'),
  'payment.deduction.per-point.none': t(
    '{scope:sub}得分 {score} ≥ {threshold}：不扣款',
    '{scope:sub} score {score} ≥ {threshold}: no deduction',
  ),
  'rounding.ceil': t('（{gap} 向上取整）', ' (ceil of {gap})'),
  'rounding.floor': t('（{gap} 向下取整）', ' (floor of {gap})'),
  'rounding.proportional': t('', ''),
  'capWhat.amount': t('合同金额', 'the contract amount'),
  'capWhat.year-fee': t('{capYear} 年度费用', 'the {capYear} fee'),
  'capState.capped': t(
    '，按上限 {capWhat:sub} {capBase:money} 的 {capPercent} % = {cap:money} 计',
    ', capped at {capPercent} % of {capWhat:sub} {capBase:money} = {cap:money}',
  ),
  'capState.reached': t(
    '，上限 {capWhat:sub} {capBase:money} 的 {capPercent} % = {cap:money}，恰好达到',
    ', cap {capPercent} % of {capWhat:sub} {capBase:money} = {cap:money} reached exactly',
  ),
  'capState.not-reached': t(
    '，上限 {capWhat:sub} {capBase:money} 的 {capPercent} % = {cap:money}，未达到',
    ', cap {capPercent} % of {capWhat:sub} {capBase:money} = {cap:money} not reached',
  ),
  'capState.none': t('', ''),
  'payment.deduction.per-point': t(
    '{scope:sub}得分 {score}：低于 {threshold} 共 {points} 分{rounding:sub} × {perPoint:money} = {raw:money}{capState:sub}',
    '{scope:sub} score {score}: {points} point(s) below {threshold}{rounding:sub} × {perPoint:money} = {raw:money}{capState:sub}',
  ),
  'payment.deduction.carried': t('由 {from} 结转：{amount:money}', 'carried from {from}: {amount:money}'),
  'payment.deduction.excess': t(
    '扣款 {own:money} 超过应付金额 {gross:money}：{excess:money} 结转至仍待支付的款项',
    'deductions {own:money} exceed the gross {gross:money}: {excess:money} carried to what is still payable',
  ),
  'payment.deduction.set-off-paid': t(
    '本款项已支付 {paid:money}，扣款 {own:money} 中 {excess:money} 从其后仍待支付的款项中扣除',
    'this line was paid {paid:money}: {excess:money} of the deductions {own:money} set off against what is still payable',
  ),

  // ------------------------------------------------------------------ payment: due dates, conditions, status (reasons)
  'event.signing': t('合同签订', 'signing'),
  'event.term-start': t('服务期开始', 'the term start'),
  'event.term-end': t('服务期结束', 'the term end'),
  'event.period-end': t('{ref} 期末', 'the end of {ref}'),
  'event.year-end': t('{ref} 年末', 'the end of {ref}'),
  'event.assessment': t('{ref} 考核', 'the {ref} assessment'),
  'event.year-assessment': t('{ref} 年度考核', 'the {ref} year assessment'),
  'event.acceptance': t('验收', 'acceptance'),
  'payment.due.date': t('应付日期 {date}', 'due {date}'),
  'payment.due.unknown': t('应付日期未定：{event:sub}尚未发生', 'due date unknown: {event:sub} has not happened yet'),
  'payment.due.after': t(
    '{event:sub}（{eventDate}）后[[ {months} 个月]][[ {days} 天]]到期',
    'due {offset:sub} after {event:sub} ({eventDate})',
  ),
  'offset.months': t('', '{months} month(s)'),
  'offset.days': t('', '{days} day(s)'),
  'offset.both': t('', '{months} month(s) {days} day(s)'),
  'payment.due.at': t('{event:sub}时（{eventDate}）到期', 'due at {event:sub} ({eventDate})'),
  'payment.reason.delayed': t('推迟 {months} 个月至 {date}', 'moved {months} month(s) later to {date}'),
  'state.met': t('条件已满足', 'condition met'),
  'state.failed': t('条件未满足', 'condition failed'),
  'state.pending': t('条件待定', 'condition pending'),
  'target.period': t('{ref}', '{ref}'),
  'target.year': t('{ref} 年度', 'year {ref}'),
  'payment.condition.acceptance-pending': t('{state:sub}：等待验收', '{state:sub}: waiting for acceptance'),
  'payment.condition.no-quarter': t(
    '{state:sub}：本节点没有需认定合格的季度',
    '{state:sub}: the line has no quarter to qualify',
  ),
  'payment.condition.accepted': t('{state:sub}：已通过验收[[（{date}）]]', '{state:sub}: accepted[[ on {date}]]'),
  'payment.condition.not-accepted': t(
    '{state:sub}：未通过验收[[（{date}）]]',
    '{state:sub}: acceptance not passed[[ ({date})]]',
  ),
  'payment.condition.grade-pending': t(
    '{state:sub}：等待{target:sub}等级（须为 {grades}）',
    '{state:sub}: waiting for the {target:sub} grade (needs {grades})',
  ),
  'payment.condition.grade-in': t(
    '{state:sub}：{target:sub}等级 {grade} 属于 {grades}',
    '{state:sub}: {target:sub} grade {grade} is in {grades}',
  ),
  'payment.condition.grade-not-in': t(
    '{state:sub}：{target:sub}等级 {grade} 不属于 {grades}',
    '{state:sub}: {target:sub} grade {grade} is not in {grades}',
  ),
  'ledger.any': t('台账', 'the ledger'),
  'ledger.one': t('{ledgerId} 台账', 'the {ledgerId} ledger'),
  'payment.condition.invoice-pending': t(
    '{state:sub}：等待乙方按应付金额提供增值税普通发票',
    '{state:sub}: waiting for the VAT invoice for the amount payable',
  ),
  'payment.condition.invoice-received': t(
    '{state:sub}：已收到增值税普通发票 {number}（{amount:money}，{date}）',
    '{state:sub}: VAT invoice {number} received ({amount:money}, {date})',
  ),
  'payment.condition.invoice-amount-differs': t(
    '{state:sub}：发票 {number} 金额 {invoiced:money} 与应付金额 {payable:money} 不符，请乙方按应付金额重开',
    '{state:sub}: invoice {number} is for {invoiced:money}, the amount payable is {payable:money}: to be reissued',
  ),
  'payment.condition.ledger-pending': t(
    '{state:sub}：等待{ledger:sub}确认',
    '{state:sub}: waiting for {ledger:sub} to be confirmed',
  ),
  'payment.condition.ledger-confirmed': t('{state:sub}：{ledger:sub}已确认', '{state:sub}: {ledger:sub} confirmed'),
  'payment.condition.ledger-not-confirmed': t(
    '{state:sub}：{ledger:sub}未确认',
    '{state:sub}: {ledger:sub} not confirmed',
  ),
  'payment.condition.quarter-pending': t(
    '{state:sub}：等待 {quarter} 合格认定',
    '{state:sub}: waiting for {quarter} to be qualified',
  ),
  'payment.condition.quarter-qualified': t(
    '{state:sub}：{quarter} 服务合格',
    '{state:sub}: {quarter} service qualified',
  ),
  'payment.condition.quarter-not-qualified': t(
    '{state:sub}：{quarter} 服务不合格',
    '{state:sub}: {quarter} service not qualified (服务不合格)',
  ),
  'payment.condition.score-pending': t(
    '{state:sub}：等待{target:sub}得分（须 ≥ {min}）',
    '{state:sub}: waiting for the {target:sub} score (needs ≥ {min})',
  ),
  'payment.condition.score-met': t(
    '{state:sub}：{target:sub}得分 {score} ≥ {min}',
    '{state:sub}: {target:sub} score {score} ≥ {min}',
  ),
  'payment.condition.score-failed': t(
    '{state:sub}：{target:sub}得分 {score} < {min}',
    '{state:sub}: {target:sub} score {score} < {min}',
  ),
  'payment.reason.withheld': t(
    '暂扣：{net:money} 在条件满足前暂扣；本节点的扣款由其担保',
    'withheld: {net} is kept until the condition is met; deductions on this line are secured by it',
  ),
  'payment.reason.paid-so-far': t('已付 {paid:money}', 'paid so far {paid:money}'),
  'payment.reason.owed-back': t(
    '已付 {paid:money}，但本节点实付为 {net:money}：供应商应退还 {back:money}',
    'paid {paid:money} but the line nets {net:money}: {back:money} owed back by the vendor',
  ),

  // ------------------------------------------------------------------ reports: obligations checklist
  'obligation.check': t(
    '{label} — {occurrence}：需 {required} 次，按时 {onTime} 次[[，逾期 {late} 次]]；{deadline:sub}；{checkStatus:sub}',
    '{label} — {occurrence}[[ ({note})]]: {required} required, {onTime} on time[[, {late} late]]; due {deadline:sub}; {checkStatus:sub}',
  ),
  'obligation.onDemand': t(
    '{label} — {occurrence}：甲方调用 {calls} 次，按时完成 {served} 次[[，逾期完成 {late} 次]][[，未完成 {missed} 次]][[，待完成 {pending} 次]][[；承诺 {capacity} 次]][[；{unlimited:sub}]][[（超出承诺 {beyond} 次）]]；{checkStatus:sub}',
    '{label} — {occurrence}: {calls} call(s), {served} served in time[[, {late} late]][[, {missed} missed]][[, {pending} open]][[; capacity {capacity}]][[; {unlimited:sub}]][[ ({beyond} beyond it)]]; {checkStatus:sub}',
  ),
  'unlimited.true': t('每次要求均须提供，不限次数', 'every request, without a number'),
  'kpi.rate': t(
    '{name}：{from} 至 {to} 提出的 {counted} 件中，截至 {asOf}，{achieved} 件{kpiMetric:sub}，{rate}%（要求不低于 {minPercent}%）[[；未达成：{short}]][[ 等，另有 {more} 件]][[（其中 {open} 件尚未办结）]]；{meets:sub}',
    '{name}: of {counted} ticket(s) raised {from} to {to}, {achieved} {kpiMetric:sub} by {asOf}: {rate} % (minimum {minPercent} %)[[; not: {short}]][[ and {more} more]][[ ({open} still open)]]; {meets:sub}',
  ),
  'kpi.rate.none': t(
    '{name}：{from} 至 {to} 截至 {asOf} 没有提出此类工单，本期不计',
    '{name}: no such ticket raised {from} to {to} by {asOf}; nothing to measure',
  ),
  'kpiMetric.response-rate': t('已响应', 'answered'),
  'kpiMetric.resolution-rate': t('已解决', 'resolved'),
  'kpiMetric.vulnerability-closure-rate': t('已闭环修复', 'fixed and closed'),
  'meets.true': t('达标', 'met'),
  'meets.false': t('未达标', 'not met'),
  KPI_BELOW_TARGET: t(
    '{name} {rate}%（{achieved} / {counted}），低于要求的 {minPercent}%（{from} 至 {to}）：作为本期服务是否合格的依据，由甲方判定',
    '{name} {rate} % ({achieved} of {counted}) is below the minimum {minPercent} % ({from} to {to}): evidence for whether the service of the period qualifies, which the buyer decides',
  ),
  ON_DEMAND_CALL_MISSED: t(
    '{label}：甲方 {calledOn} 调用[[（{subject}）]]，要求 {dueOn} 前完成，未完成',
    '{label}: the call of {calledOn}[[ ({subject})]], due {dueOn}, was not served',
  ),
  ON_DEMAND_CALL_LATE: t(
    '{label}：甲方 {calledOn} 调用[[（{subject}）]]，要求 {dueOn} 前完成，{servedOn} 才完成',
    '{label}: the call of {calledOn}[[ ({subject})]], due {dueOn}, was served late on {servedOn}',
  ),
  'allowance.usage': t(
    '{description}[[（{scope}）]]：已用 {used} / {amount} {unit:sub}[[（{percent}%）]][[，剩余 {remaining}]][[，超出额度 {beyond} {unit:sub}，需另行协商]]；{level:sub}',
    '{description}[[ ({scope})]]: {used} of {amount} {unit:sub} used[[ ({percent} %)]][[, {remaining} left]][[, {beyond} {unit:sub} beyond the allowance, to be negotiated]]; {level:sub}',
  ),
  'unit.working-days': t('个工作日', 'working days'),
  'level.ok': t('正常', 'within the allowance'),
  'level.warning': t('已用 80% 以上，请注意', 'over 80 % used'),
  'level.exhausted': t('额度已用完', 'allowance used up'),
  'level.beyond': t('已超出额度', 'beyond the allowance'),
  'deadline.date': t('截止 {due}', '{due}'),
  'deadline.none': t('合同未规定期限', 'without a deadline'),
  'checkStatus.met': t('已完成', 'met'),
  'checkStatus.late': t('逾期完成', 'late'),
  'checkStatus.missing': t('缺失', 'missing'),
  'checkStatus.pending': t('截至 {asOf} 尚未到期', 'pending as of {asOf}'),

  // ------------------------------------------------------------------ reports: person-months (rule 9)
  'attendance.planned': t(
    '{from} 至 {to} 计划人月 = 计入出勤的岗位 {heads} 人 × 服务期内 {months} 个月 = {total:d2}',
    'planned person-months {from}..{to} = {heads} people on attendance roles ({roles}) × {months} month(s) of the term = {total}',
  ),
  'attendance.month': t(
    '{month}：{calendar:calendar}工作日 {workingDays} 天；实际人月 = 出勤天数合计 ÷ {workingDays} = {actual:d2}；计划人月 = 计入出勤的岗位 {heads} 人 × 服务期内占本月 {daysInTerm}/{daysInMonth} = {planned:d2}；缺勤人月 = 计划 − 实际（不小于 0）= {absent:d2}',
    '{month}: {workingDays} working days on calendar {calendar}; actual = Σ days present ÷ {workingDays} = {actual}; planned = {heads} people on attendance roles × {daysInTerm}/{daysInMonth} of the month in the term = {planned}; absent = max(0, planned − actual) = {absent}',
  ),

  // ------------------------------------------------------------------ staffing (rule 10)
  'staffing.turnover': t(
    '{roleClass:sub}岗位：更换 {replaced} 人 ÷ 计划 {planned} 人{rateState:sub}；{turnoverCap:sub}',
    '{roleClass} roles ({roles}): {replaced} replaced ÷ {planned} planned{rateState:sub}{turnoverCap:sub}',
  ),
  'rateState.rate': t(' = {rate:d2} %', ' = {rate:d2} %'),
  'rateState.none': t('（无计划人数）', ' — no planned headcount'),
  'roleClass.core': t('核心', 'core'),
  'roleClass.other': t('其他', 'other'),
  'turnoverCap.none': t('未设上限', '; no cap'),
  'turnoverCap.within': t('上限 {cap} %，未超过', '; cap {cap} % → within'),
  'turnoverCap.exceeded': t('上限 {cap} %，已超过', '; cap {cap} % → exceeded'),
  'staffing.minimum': t(
    '在岗 {count} 人（{people}），至少 {min} 人：{met:sub}',
    '{count} active {what} ({people}) ≥ {min}: {met:sub}',
  ),
  'met.true': t('满足', 'met'),
  'met.false': t('不满足', 'not met'),

  // ------------------------------------------------------------------ acceptance timing (domain rule 17)
  'acceptance.timing.no-failure': t(
    '服务期内未出现重大故障：可在合同结束日期（{termEnd}）前 {days} 天、即 {earliest} 起申请验收',
    'no major failure in the term: acceptance may be applied for from {days} day(s) before the end ({termEnd}), i.e. from {earliest}',
  ),
  'acceptance.timing.after-failure': t(
    '重大故障（联系单 {ticket}）于 {repairedOn} 修复：连续 {months} 个月无重大故障后、即 {earliest} 起方可申请验收',
    'major failure (ticket {ticket}) repaired on {repairedOn}: acceptance may be applied for only after {months} month(s) without one, i.e. from {earliest}',
  ),
  'acceptance.timing.unrepaired': t(
    '重大故障（联系单 {ticket}，{reportedOn} 报告）尚未修复：暂不能申请验收',
    'major failure (ticket {ticket}, reported {reportedOn}) not yet repaired: acceptance cannot be applied for yet',
  ),
  'acceptance.timing.margin': t(
    '须在服务期满后 {graceMonths} 个月内（{deadline} 前）通过验收，距最早申请日尚有 {margin} 天',
    'acceptance must pass within {graceMonths} month(s) after the term ({deadline}); {margin} days after the earliest application',
  ),
  'acceptance.timing.margin-warning': t(
    '预警：须在 {deadline} 前通过验收（服务期满后 {graceMonths} 个月），距最早申请日仅 {margin} 天，逾期采购人可收回已付合同款并处罚款',
    'warning: acceptance must pass by {deadline} ({graceMonths} month(s) after the term), only {margin} days after the earliest application; later, the buyer may claw back what was paid and fine the vendor',
  ),
  'acceptance.timing.deadline': t(
    '预警：须在 {deadline} 前通过验收（服务期满后 {graceMonths} 个月），尚不能申请，逾期采购人可收回已付合同款并处罚款',
    'warning: acceptance must pass by {deadline} ({graceMonths} month(s) after the term) and cannot be applied for yet; later, the buyer may claw back what was paid and fine the vendor',
  ),

  // ------------------------------------------------------------------ calendar, dashboard tiles
  'calendar.not-published': t(
    '{year} 年国家工作日历尚未发布[[（已发布 {from}–{to} 年）]]',
    'The national working-day calendar for {year} is not published[[ (published years: {from}..{to})]]',
  ),
  'calendar.provisional': t(
    '暂定：{years} 年国家工作日历尚未发布，按暂定日历（法定节假日按法定日期、不调休）计算，以发布后的日历为准',
    'Provisional: the national working-day calendar for {years} is not published; computed on the provisional calendar (statutory holidays on their legal dates, no make-up working days), final once it is published',
  ),
  'obligations.unavailable': t(
    '本月义务清单无法按当前合同配置和月报计算',
    'The checklist cannot be computed: {message}',
  ),

  'missing.no-source': t(
    '没有考核录入或工单指标对应考核项“{label}”',
    'no period input or derived metric feeds component {component} ({kind})',
  ),
  'missing.no-metric': t(
    '工单台账没有可用于“{label}”的指标',
    'no metric derived from the ticket ledger feeds {component} (input {input})',
  ),
  'missing.satisfaction': t('采购人尚未录入 {period} 的{label}', 'the buyer has not entered {label} for {period}'),
  'missing.input': t(
    '采购人尚未录入 {period} 的{what:sub}',
    'the buyer has not entered {what} for {period} (component {component})',
  ),
  'what.staffScores': t('驻场人员评分', 'staffScores'),
  'what.securityIncidents': t('安全事件', 'securityIncidents'),
  'what.itemScores': t('考核评价打分', 'itemScores'),
  'missing.invalid': t('已录入的值不符合当前合同配置', 'invalid under the current configuration: {message}'),
  'missing.attendance': t(
    '{months} 没有已通过的月报；实际人月不做推测',
    '{deduction}: no accepted monthly report for {months}; actual person-months are not guessed',
  ),
  'close.note.no-scheme': t(
    '合同没有考核方案：结算 {period} 只记录事实（季度合格、验收、投诉），不计分',
    'the contract has no assessment scheme: closing {period} records its facts (quarter qualification, acceptance, complaints) and scores nothing',
  ),
  'close.note.year-incomplete': t(
    '{year} 年度得分需要每个{period:sub}期间都已评分；未计算：{lacking} 无法评分',
    'the {year} year score needs every {period:sub} period scored; not computed: {lacking} cannot be assessed',
  ),
  'close.note.dated': t(
    '计算所得的考核以本次结算日期 {asOf} 为考核日期（不另行保存）',
    'computed assessments are dated {asOf}, the date of this close (nothing is stored)',
  ),
  'close.note.provisional': t(
    '暂定：{asOf} 早于 {period} 结束日（{end}）；其考核尚无日期，以考核为准的付款暂无应付日期',
    'provisional: {asOf} is before {period} ends ({end}); its assessment is not dated, so payments due at the assessment have no due date yet',
  ),
  'close.note.preview': t(
    '仅为预览：不保存任何内容，考核期仍未结算',
    'preview only: nothing is stored and the period stays open',
  ),
  'close.note.tickets-excluded': t(
    '{count} 张工单没有计划完成日期、已撤回或经约定无法解决，不计入工单指标',
    '{count} ticket(s) without an expected close date, withdrawn or unsolvable by agreement are not counted in the ticket metrics',
  ),
  'close.note.report-not-counted': t(
    '{month} 已通过的月报按当前配置无法计入：{message}',
    'the accepted report of {month} cannot be counted under the current configuration: {message}',
  ),
  'close.metric.person-months': t(
    '实际 {actual:d2} 人月（{months} 个月中 {counted} 个月的月报已通过）；计划 {planned:d2} 人月；缺勤 = 计划 − 实际（不小于 0）',
    'actual {actual:d2} person-months from {counted} accepted month(s) of {months}; planned {planned:d2}; absent = max(0, planned − actual)',
  ),
  'close.metric.months-lacking': t(
    '{months} 没有已通过的月报：实际人月只计已通过的月份',
    'no accepted monthly report for {months}: actual counts accepted months only',
  ),
  'close.metric.achievement': t(
    '计划内达成率 = 按期完成 {numerator} 张 ÷ {from} 至 {to} 应完成 {denominator} 张 = {display} %',
    'planned achievement = {numerator} on time ÷ {denominator} due in {from}..{to} = {display} %',
  ),
  'close.metric.achievement.undefined': t(
    '{from} 至 {to} 没有应完成的联系单：计划内达成率无法计算',
    'no tickets due in {from}..{to}: the achievement rate is undefined',
  ),
  'close.note.achievement-pending': t(
    '截至 {asOf} 尚未到期的 {count} 张未结联系单暂不计入（临时结果）：{tickets}',
    '{count} open ticket(s) not yet due as of {asOf} left out (provisional): {tickets}',
  ),
  'close.metric.delay-sum': t(
    '特别关注类问题延期合计（各单天数相加）：{parts} = {days} 天',
    'special-attention delay (sum): {parts} = {days} days',
  ),
  'close.metric.delay-max': t(
    '特别关注类问题延期（取最长）：{parts} → {days} 天',
    'special-attention delay (longest): {parts} → {days} days',
  ),
  'close.note.delay-open': t(
    '{ticket} 尚未关闭：延期计至 {asOf}（{days} 天）',
    '{ticket} is open: its delay is counted to {asOf} ({days} days)',
  ),
  'close.note.delay-none': t(
    '{from} 至 {to} 没有应完成的特别关注类联系单：延期 0 天',
    'no special-attention tickets due in {from}..{to}: delay 0',
  ),
  'close.adjustment': t(
    '更正 {period}（第 {revision} 次计算）：{reason}',
    'adjustment of {period} (revision {revision}): {reason}',
  ),

  // ------------------------------------------------------------------ payment: schedule notes (set-offs)
  'payment.note.no-milestones': t(
    '合同配置未规定付款节点：没有可安排的付款',
    'the configuration states no payment milestones: there is nothing to schedule',
  ),
  'payment.note.unknown-line': t(
    '{paidOn} 支付的 {amount:money} 指向未知节点 “{lineId}”；仅计入已付合计',
    'payment of {amount:money} on {paidOn} names an unknown line "{lineId}"; counted in totals.paid only',
  ),
  'payment.note.vendor-owes': t(
    '扣款 {amount:money} 超过仍待支付的款项，由供应商退还（规则 12）',
    'deductions of {amount:money} exceed what remains payable and are owed by the vendor (rule 12)',
  ),
};

/** Shown after a deduction that lost in its exclusive group. */
const SUPERSEDED: Texts = t(' — 同组扣款中金额较大者生效，本项计 0.00', ' — superseded in its exclusive group (0.00)');

/** Deduction basis keys (ScheduleDeduction.basis) in words, for the exports and the console. */
export const BASIS_KEY_TEXTS: Readonly<Record<string, Texts>> = {
  score: t('得分', 'score'),
  threshold: t('阈值', 'threshold'),
  perPoint: t('每分金额', 'per point'),
  points: t('扣分方式', 'points'),
  pointsBelow: t('低于阈值分数', 'points below'),
  uncapped: t('未封顶金额', 'uncapped'),
  cap: t('上限金额', 'cap'),
  capBase: t('上限基数', 'cap base'),
  base: t('基数', 'base'),
  plannedPersonMonths: t('计划人月', 'planned person-months'),
  actualPersonMonths: t('实际人月', 'actual person-months'),
  absentPersonMonths: t('缺勤人月', 'absent person-months'),
  deadline: t('期限', 'deadline'),
  gross: t('应付金额', 'gross'),
  finePercent: t('违约金比例(%)', 'fine (%)'),
  amount: t('合同金额', 'amount'),
  validComplaints: t('有效投诉', 'valid complaints'),
  minComplaints: t('投诉次数起点', 'minimum complaints'),
  percent: t('比例(%)', 'percent'),
  grade: t('等级', 'grade'),
  months: t('月份', 'months'),
  delayMonths: t('推迟月数', 'delay (months)'),
  serviceValue: t('服务金额', 'service value'),
  daysLate: t('逾期天数', 'days late'),
  percentPerDay: t('每日比例(%)', 'percent per day'),
  adjustment: t('调整', 'adjustment'),
  reason: t('原因', 'reason'),
  amountEach: t('每次金额', 'amount each'),
  from: t('结转自', 'carried from'),
  excess: t('超出金额', 'excess'),
  corrects: t('更正期间', 'corrects'),
};

/** Values of the `points` basis key (how points below a threshold are counted). */
const BASIS_VALUE_TEXTS: Readonly<Record<string, Texts>> = {
  proportional: t('按比例', 'proportional'),
  ceil: t('向上取整', 'ceil'),
  floor: t('向下取整', 'floor'),
};

function roundHalfUp2(value: string): string | null {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(value.trim());
  if (!m) return null;
  const [, sign, int, frac = ''] = m;
  const scaled = BigInt(int + (frac + '00').slice(0, 2));
  const up = frac.length > 2 && frac.charCodeAt(2) >= 53 ? 1n : 0n; // half up on the magnitude, as money.ts
  const n = scaled + up;
  const s = n.toString().padStart(3, '0');
  const out = `${s.slice(0, -2)}.${s.slice(-2)}`;
  return sign && n !== 0n ? `-${out}` : out;
}

/** Two decimals, half up ("75.3333" → "75.33"); a value that is not a decimal is shown as is. */
export function formatTwoDecimals(value: string): string {
  return roundHalfUp2(value) ?? value;
}

/** Grouped with two decimals: 2,400,000.00. */
export function formatGroupedMoney(value: string): string {
  const fixed = roundHalfUp2(value);
  if (fixed === null) return value;
  const negative = fixed.startsWith('-');
  const [int, frac] = (negative ? fixed.slice(1) : fixed).split('.');
  return `${negative ? '-' : ''}${int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${frac}`;
}

function signed(value: string): string {
  if (/^-?0*(\.0*)?$/.test(value)) return '0';
  return value.startsWith('-') ? value : `+${value}`;
}

function fill(
  template: string,
  params: Readonly<Record<string, string>>,
  locale: ExplanationLocale,
  depth: number,
): string {
  const optional = template.replace(/\[\[(.*?)\]\]/g, (_, part: string) => {
    const names = [...part.matchAll(/\{(\w+)(?::\w+)?\}/g)].map((m) => m[1]);
    return names.every((n) => params[n] !== undefined && params[n] !== '') ? part : '';
  });
  return optional.replace(/\{(\w+)(?::(\w+))?\}/g, (whole, name: string, fmt: string | undefined) => {
    const v = params[name];
    if (v === undefined) return '';
    switch (fmt) {
      case 'money':
        return formatGroupedMoney(v);
      case 'd2':
        return formatTwoDecimals(v);
      case 'signed':
        return signed(v);
      case 'calendar':
        // An engine version string is for audits; readers see "2026 国家日历 v1".
        return describeCalendarVersion(v, locale);
      case 'sub': {
        const sub = EXPLANATION_TEXTS[`${name}.${v}`];
        return sub && depth < 4 ? fill(sub[locale], params, locale, depth + 1) : v;
      }
      default:
        return v;
    }
  });
}

/**
 * The text of a stored explanation in `locale`: the structured form through the dictionary, a legacy English
 * sentence as stored (rows written before codes existed), an unknown code (a newer engine) as its parameters.
 */
export function renderExplanation(stored: unknown, locale: ExplanationLocale = 'zh-CN'): string {
  const e = toExplanation(stored);
  const texts = EXPLANATION_TEXTS[e.code];
  const text = texts ? fill(texts[locale], e.params, locale, 0) : Object.values(e.params).join(' ');
  return e.params.superseded === 'true' ? `${text}${SUPERSEDED[locale]}` : text;
}

/** A deduction's basis (key → figure) in words: "得分 76.00；阈值 80；…". */
export function renderBasis(basis: Readonly<Record<string, unknown>>, locale: ExplanationLocale = 'zh-CN'): string {
  return Object.entries(basis)
    .map(([k, v]) => {
      const label = BASIS_KEY_TEXTS[k]?.[locale] ?? k;
      const raw =
        typeof v === 'string'
          ? v
          : typeof v === 'number'
            ? String(v)
            : Array.isArray(v)
              ? v.join(', ')
              : isPlain(v)
                ? renderBasis(v, locale)
                : String(v);
      return `${label} ${BASIS_VALUE_TEXTS[raw]?.[locale] ?? raw}`;
    })
    .join(locale === 'zh-CN' ? '；' : '; ');
}

const isPlain = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export type { Explanation };

/**
 * A calendar version as people read it: `cn-national@2026.1+chinese-days-1.5.7+cfg-1a2b3c4d` → "2026 国家日历 v1"
 * (the package and the working-hours hash are for audits, not for readers). Unknown formats: "日历 <year>" or as is.
 * The `+provisional-2027..2030` suffix is left out on purpose: every calendar built on the default national data
 * carries it, so it says nothing about one result; a result that used a provisional day says so itself (rule 18).
 */
export function describeCalendarVersion(version: string, locale: ExplanationLocale = 'zh-CN'): string {
  const m = /^cn-national@(\d{4})(?:\.(\d+))?/.exec(version);
  if (!m) return version;
  const [, year, rev] = m;
  return locale === 'zh-CN'
    ? `${year} 国家日历${rev ? ` v${rev}` : ''}`
    : `${year} national calendar${rev ? ` v${rev}` : ''}`;
}

/** "2026 国家日历 v1 · 配置第 3 版". */
export function describeVersions(
  calendarVersion: string | null | undefined,
  configVersion: number | null | undefined,
  locale: ExplanationLocale = 'zh-CN',
): string {
  const parts: string[] = [];
  if (calendarVersion) parts.push(describeCalendarVersion(calendarVersion, locale));
  if (configVersion !== null && configVersion !== undefined)
    parts.push(locale === 'zh-CN' ? `配置第 ${configVersion} 版` : `configuration v${configVersion}`);
  return parts.join(' · ');
}

/** Deduction rule kinds in words (a deduction without a label of its own is named by its kind). */
export const DEDUCTION_KIND_TEXTS: Readonly<Record<string, Texts>> = {
  'per-point-below-threshold': t('考核得分扣款', 'score deduction'),
  'absence-pro-rata': t('缺勤扣款', 'absence deduction'),
  'acceptance-clawback': t('验收追回', 'acceptance clawback'),
  'complaint-threshold-percent': t('投诉比例扣款', 'complaint percentage'),
  'consecutive-grade-forfeit': t('连续等级不予支付', 'consecutive grade forfeit'),
  'grade-percent': t('等级比例扣款', 'grade percentage'),
  'liquidated-damages': t('逾期违约金', 'liquidated damages'),
  'manual-adjustment': t('人工调整', 'manual adjustment'),
  'per-complaint': t('按次投诉扣款', 'per complaint'),
  'carried-forward': t('结转', 'carried forward'),
  adjustment: t('调整', 'adjustment'),
  deduction: t('扣款', 'deduction'),
};

export function deductionKindText(kind: string, locale: ExplanationLocale = 'zh-CN'): string {
  return DEDUCTION_KIND_TEXTS[kind]?.[locale] ?? kind;
}
