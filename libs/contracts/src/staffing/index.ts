export * from './staffing';
export * from './allowances';
