export * from './money';
export * from './dates';
export * from './config/common.schema';
export * from './config/contract-config.schema';
export * from './config/validate-contract-config';
export * from './config/json-schema';
export * from './config/periods';
export * from './config/year-fees';
export * from './payment/due-rule.schema';
export * from './payment/conditions/condition.schema';
export * from './payment/payment.schema';
export * from './payment/facts.schema';
export * from './payment/registry';
export type {
  ValidationContext,
  PlannedLine,
  LineContext,
  DeductionHit,
  MilestoneRule,
  DeductionRule,
} from './payment/rule-kit';
export * from './payment/schedule.types';
export { computeSchedule, computeParsed, parseFacts, type ScheduleOptions } from './payment/compute-schedule';
export { planLines } from './payment/plan';
export * from './payment/simulate-settlement';
export * from './presets';
export * from './config/ticket-process';
export { conditionKinds, evaluateCondition, validateCondition } from './payment/conditions/registry';
export * from './tickets';
export * from './reports';
export * from './staffing';
export * from './period-close';
export * from './jobs/job-definitions';
export * from './explain';
export * from './acceptance/acceptance-timing';
