export * from './attendance';
export * from './obligations';
export * from './monthly-report.schema';
export * from './holiday-duty';
export * from './on-demand';
