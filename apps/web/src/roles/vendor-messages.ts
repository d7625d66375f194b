import { defineMessages } from '../i18n/i18n';

export const vendorMessages = defineMessages({ navContracts: '我的合同' }, { navContracts: 'My contracts' });
