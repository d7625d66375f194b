import { PAYMENT_EXPLANATION_CODES } from '../payment/payment-explanation-codes';

/** Every code the pure libs return, per lib (explanation-texts.spec.ts checks each has a zh-CN and an en text). */
export const EXPLANATION_CODE_LISTS: Readonly<Record<string, readonly string[]>> = {
  payment: PAYMENT_EXPLANATION_CODES,
  close: ['close.adjustment'],
};
