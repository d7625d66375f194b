export * from './assemble-period-facts';
export * from './merge-close-facts';
export * from './period-input-spec';
