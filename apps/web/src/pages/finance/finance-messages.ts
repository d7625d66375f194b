import { defineMessages } from '../../i18n/i18n';

export const financeMessages = defineMessages({ navContracts: '合同概览' }, { navContracts: 'Contracts' });
