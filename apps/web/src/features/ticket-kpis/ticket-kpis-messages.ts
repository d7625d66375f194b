import { defineMessages } from '../../i18n/messages';

/** Texts of the KPI evidence (domain rule 17): the rates from the tickets the buyer reads before deciding 服务合格. */
export const ticketKpisMessages = defineMessages(
  {
    heading: '工单比率指标（服务合格的依据）',
    hint: '由工单自动计算，截至 {asOf}：只作为判定本期服务是否合格的依据，是否合格由甲方判定。',
    kpi: '指标',
    period: '统计期间',
    counted: '计入工单',
    achieved: '达成',
    rate: '比率',
    minimum: '要求',
    verdict: '结论',
    detail: '说明',
    met: '达标',
    notMet: '未达标',
    none: '本期不计',
    atLeast: '不低于 {percent}%',
  },
  {
    heading: 'Rate targets from the tickets (evidence for the service qualifying)',
    hint: 'Computed from the tickets as of {asOf}: evidence only — the buyer decides whether the service of the period qualifies.',
    kpi: 'Target',
    period: 'Measured over',
    counted: 'Tickets counted',
    achieved: 'Achieved',
    rate: 'Rate',
    minimum: 'Minimum',
    verdict: 'Result',
    detail: 'Explanation',
    met: 'met',
    notMet: 'not met',
    none: 'nothing to measure',
    atLeast: 'at least {percent} %',
  },
);
