export * from './ticket.types';
export * from './data-processing';
export * from './lifecycle';
export * from './adapters';
export * from './ticket-row.schema';
export * from './ticket-time.rule';
export * from './ticket-import.limits';
export * from './ticket-sla';
