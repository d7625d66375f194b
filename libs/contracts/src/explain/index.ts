export * from './explanation';
export * from './explanation-texts';
export * from './explanation-codes';
export * from '../payment/payment-explanation-codes';
