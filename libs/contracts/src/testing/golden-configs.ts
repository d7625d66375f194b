// Test fixtures: the worked examples' contracts (domain.md A–E), written in the configuration language.
// Kept independent of presets/ (another engineer owns those) so these tests pin the engine alone.
import type { AssessmentSchemeInput } from '@ledger/scoring';
import type { ContractConfig } from '../config/contract-config.schema';

const incl = (value: number) => ({ value, inclusive: true });
const excl = (value: number) => ({ value, inclusive: false });

/** A one-component half-year scheme: enough for the engine (scores come in as facts). */
export const achievementScheme: AssessmentSchemeInput = {
  period: 'half-year',
  base: 100,
  clamp: { min: 0, max: 100 },
  components: [
    {
      id: 'achievementRate',
      label: '计划内达成率',
      kind: 'banded',
      input: 'achievementRate',
      params: {
        metric: '计划内达成率',
        unit: '%',
        domain: { min: incl(0), max: incl(100) },
        bands: [
          { min: incl(90), points: 2 },
          { min: incl(80), max: excl(90), points: 0 },
          { min: incl(70), max: excl(80), points: -2 },
          { min: incl(60), max: excl(70), points: -5 },
          { max: excl(60), points: -10 },
        ],
      },
    },
  ],
  yearAggregation: { kind: 'mean' },
};

export const qinghaiAssessment: AssessmentSchemeInput = {
  period: 'half-year',
  base: 0,
  clamp: { min: 0, max: 100 },
  components: [
    {
      id: 'evaluation',
      label: '服务商监督考核评价打分表',
      kind: 'item-average-grade',
      input: 'items',
      params: {
        items: [{ id: 'inspection' }, { id: 'hotline' }],
        itemMax: 100,
        grades: [
          { min: incl(90), grade: 'A', passes: true },
          { min: incl(80), max: excl(90), grade: 'B', passes: false },
          { max: excl(80), grade: 'C', passes: false },
        ],
      },
    },
  ],
};

/** A: Xuzhou 2026, amount 2,400,000.00, 9 on-site staff counted for attendance, one settlement. */
export const xuzhouConfig: ContractConfig = {
  schemaVersion: 1,
  version: 3,
  parties: { buyer: '徐州市医疗保障基金安全监测管理中心', vendor: 'Vendor' },
  money: { amount: '2400000.00', budget: '2508000.00' },
  term: { start: '2026-01-01', end: '2026-12-31' },
  staffing: {
    roles: [
      { id: 'pm', name: '项目经理', headcount: 1, placement: 'on-site', core: true, countsForAttendance: true },
      { id: 'eng', name: '驻场工程师', headcount: 8, placement: 'on-site', countsForAttendance: true },
      { id: 'offshore', name: '离岸高级工程师', headcount: 1, placement: 'offshore', countsForAttendance: false },
    ],
  },
  assessment: achievementScheme,
  payment: {
    milestones: [
      {
        id: 'settlement',
        label: '年度结算',
        kind: 'settlement-after-assessment',
        params: { due: { kind: 'after', event: 'year-assessment', days: 30 } },
      },
    ],
    deductions: [
      {
        id: 'score',
        kind: 'per-point-below-threshold',
        params: { threshold: 80, perPoint: 10000, cap: { percent: 20, of: 'amount' } },
      },
      { id: 'absence', kind: 'absence-pro-rata', params: {} },
    ],
  },
};

/** B: Huai'an 2025-07-01..2026-12-31, 1,740,000.00, cumulative targets, 20,000/point from the year fee. */
export const huaianConfig: ContractConfig = {
  schemaVersion: 1,
  parties: { buyer: '淮安市医疗保障局', vendor: '东软集团股份有限公司' },
  money: { amount: 1740000, annualSplit: { mode: 'by-months' } },
  term: { start: '2025-07-01', end: '2026-12-31', signed: '2025-11-27' },
  assessment: achievementScheme,
  payment: {
    milestones: [
      {
        id: 'pay',
        label: '合同款',
        kind: 'cumulative-target',
        params: {
          steps: [
            {
              id: 'signing',
              label: '签订合同后 40 %',
              cumulativePercent: 40,
              due: { kind: 'after', event: 'signing' },
            },
            {
              id: 'y2025',
              label: '2025-12-31 前累计 95 %',
              cumulativePercent: 95,
              due: { kind: 'date', date: '2025-12-31' },
            },
            {
              id: 'final',
              label: '验收合格且 2026 年度得分 ≥ 80 后余款',
              cumulativePercent: 100,
              due: { kind: 'date', date: '2026-12-31' },
              conditions: [{ kind: 'acceptance-passed' }, { kind: 'score-at-least', min: 80, year: 2026 }],
            },
          ],
        },
      },
    ],
    deductions: [
      {
        id: 'score',
        kind: 'per-point-below-threshold',
        target: ['pay'],
        params: { threshold: 80, perPoint: 20000, cap: { percent: 20, of: 'year-fee' } },
      },
      { id: 'late', kind: 'liquidated-damages', params: { percentPerDay: 0.5, capPercent: 10 } },
    ],
  },
};

/** C: Qinghai, 42,000.00 over three years, half-year payments 3 months after the assessment. */
export const qinghaiConfig: ContractConfig = {
  schemaVersion: 1,
  parties: { buyer: '青海红十字医院', vendor: 'Vendor' },
  money: { amount: '42000.00', budget: '42000.00' },
  term: { start: '2026-01-01', end: '2028-12-31' },
  assessment: qinghaiAssessment,
  payment: {
    milestones: [
      {
        id: 'half',
        label: '半年付款',
        kind: 'per-period-share',
        params: { percentOfYearFee: 50, due: { kind: 'after', event: 'assessment', months: 3 } },
        conditions: [{ kind: 'ledger-confirmed' }],
      },
    ],
    deductions: [
      {
        id: 'grade',
        kind: 'grade-percent',
        params: {
          grades: [
            { grade: 'B', percent: 2, delayMonths: 1 },
            { grade: 'C', percent: 5, delayMonths: 2 },
          ],
        },
      },
      { id: 'complaints', kind: 'per-complaint', params: { amountEach: 500 } },
      { id: 'complaints3', kind: 'complaint-threshold-percent', params: { minComplaints: 3, percent: 3 } },
    ],
  },
};

/** D: Tianjin P8, 33,124.00, 25 % at each quarter end if the quarter qualified; clawback + 15 % fine. */
export const tianjinP8Config: ContractConfig = {
  schemaVersion: 1,
  parties: { buyer: '天津市医疗保障局', vendor: 'Vendor' },
  money: { amount: '33124.00', budget: '33124.00' },
  term: { start: '2026-01-01', end: '2026-12-31' },
  payment: {
    milestones: [
      {
        id: 'quarterly',
        label: '季度付款',
        kind: 'quarterly-instalments',
        params: { percentEach: 25 },
        conditions: [{ kind: 'quarter-qualified' }],
      },
    ],
    deductions: [{ id: 'clawback', kind: 'acceptance-clawback', params: { graceMonths: 3, finePercent: 15 } }],
  },
};
