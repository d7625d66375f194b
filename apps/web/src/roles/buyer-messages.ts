import { defineMessages } from '../i18n/i18n';

/** Navigation labels of the buyer area; each buyer page adds its own `*-messages.ts` for its texts. */
export const buyerMessages = defineMessages({ navContracts: '合同概览' }, { navContracts: 'Contracts' });
