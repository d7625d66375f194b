export * from './staffing';
