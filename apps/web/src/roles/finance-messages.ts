import { defineMessages } from '../i18n/i18n';

export const financeMessages = defineMessages(
  { navContracts: '合同概览', navSchedules: '付款计划' },
  { navContracts: 'Contracts', navSchedules: 'Payment schedules' },
);
