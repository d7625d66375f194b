import { defineMessages } from '../i18n/i18n';

/** Texts of the confirmation dialog itself (each page says what its action locks). */
export const confirmDialogMessages = defineMessages({ cancel: '取消' }, { cancel: 'Cancel' });
