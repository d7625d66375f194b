export * from './problem';
export * from './decimal';
export * from './domain-error';
export * from './money';
export * from './text';
