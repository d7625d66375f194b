import { defineMessages } from '../i18n/i18n';

/** Labels of the contract-level navigation (the tabs under a contract's title). */
export const contractNavMessages = defineMessages(
  {
    contractSections: '合同页面',
    overview: '概况与配置',
    dashboard: '概况',
    tickets: '联系单',
    inputs: '期间录入',
    close: '期间结算',
    reports: '月度报告',
    assessments: '考核结果',
    schedule: '付款计划',
    backToOverview: '返回合同概览',
  },
  {
    contractSections: 'Contract pages',
    overview: 'Overview and configuration',
    dashboard: 'Overview',
    tickets: 'Tickets',
    inputs: 'Period inputs',
    close: 'Period close',
    reports: 'Reports',
    assessments: 'Assessments',
    schedule: 'Payment schedule',
    backToOverview: 'Back to the overview',
  },
);
