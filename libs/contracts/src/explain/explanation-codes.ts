import { SCORING_EXPLANATION_CODES } from '@ledger/scoring';
import { ACCEPTANCE_EXPLANATION_CODES } from '../acceptance/acceptance-timing';
import { PAYMENT_EXPLANATION_CODES } from '../payment/payment-explanation-codes';

/** Every code the pure libs return, per lib (explanation-texts.spec.ts checks each has a zh-CN and an en text). */
export const EXPLANATION_CODE_LISTS: Readonly<Record<string, readonly string[]>> = {
  scoring: SCORING_EXPLANATION_CODES,
  payment: PAYMENT_EXPLANATION_CODES,
  acceptance: ACCEPTANCE_EXPLANATION_CODES,
  reports: [
    'obligation.check',
    'obligation.onDemand',
    'attendance.planned',
    'attendance.month',
    'HOLIDAY_DUTY_SHORT',
    'ON_DEMAND_CALL_MISSED',
    'ON_DEMAND_CALL_LATE',
  ],
  kpis: ['kpi.rate', 'kpi.rate.none', 'KPI_BELOW_TARGET'],
  staffing: ['staffing.turnover', 'staffing.minimum', 'allowance.usage'],
  calendar: ['calendar.not-published', 'calendar.provisional', 'obligations.unavailable'],
  close: [
    'close.adjustment',
    'missing.no-source',
    'missing.no-metric',
    'missing.satisfaction',
    'missing.input',
    'missing.invalid',
    'missing.attendance',
    'close.note.no-scheme',
    'close.note.year-incomplete',
    'close.note.dated',
    'close.note.provisional',
    'close.note.preview',
    'close.note.tickets-excluded',
    'close.note.report-not-counted',
    'close.metric.person-months',
    'close.metric.months-lacking',
    'close.metric.achievement',
    'close.metric.achievement.undefined',
    'close.note.achievement-pending',
    'close.metric.delay-sum',
    'close.metric.delay-max',
    'close.note.delay-open',
    'close.note.delay-none',
  ],
};
