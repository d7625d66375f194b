export * from './assemble-period-facts';
