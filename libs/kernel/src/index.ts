export * from './problem';
export * from './decimal';
export * from './domain-error';
