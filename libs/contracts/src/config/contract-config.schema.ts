import { z } from 'zod';
import {
  idSchema,
  localDateSchema,
  nonNegativeDecimalSchema,
  nonNegativeMoneySchema,
  percentSchema,
  periodKindSchema,
  yearSchema,
} from './common.schema';
import {
  assessmentSectionSchema,
  calendarSectionSchema,
  procurementSectionSchema,
  slaPolicySectionSchema,
} from './external.schema';
import { paymentSchema } from '../payment/payment.schema';

export const CONTRACT_CONFIG_SCHEMA_VERSION = 1;

export const partiesSchema = z.strictObject({
  buyer: z.string().min(1).describe('采购人 / 甲方'),
  vendor: z.string().min(1).describe('供应商 / 乙方; may be a placeholder before award'),
});

export const annualSplitSchema = z
  .discriminatedUnion('mode', [
    z.strictObject({
      mode: z
        .literal('by-months')
        .describe("each year's fee = amount × months of the term in that year ÷ months of the term"),
    }),
    z.strictObject({
      mode: z.literal('explicit'),
      years: z.array(z.strictObject({ year: yearSchema, amount: nonNegativeMoneySchema })).min(1),
    }),
  ])
  .describe('year fees; absent = by months');

export const moneySectionSchema = z.strictObject({
  amount: nonNegativeMoneySchema.describe('contract amount in yuan, e.g. "1740000.00"'),
  currency: z.literal('CNY').default('CNY'),
  budget: nonNegativeMoneySchema.optional().describe('预算; the amount may be below it'),
  annualSplit: annualSplitSchema.optional(),
});

export const termSchema = z.strictObject({
  start: localDateSchema,
  end: localDateSchema.describe('last day of service, inclusive'),
  signed: localDateSchema.optional(),
});

export const placementSchema = z
  .enum(['on-site', 'local', 'remote', 'offshore'])
  .describe('驻场 on-site / 本地 local (in the city, not stationed at the buyer) / 远程 remote / 离岸 offshore');
export const coverageSchema = z.enum(['7x24', '5x8']);

export const roleSchema = z.strictObject({
  id: idSchema,
  name: z.string().min(1),
  headcount: z.number().int().min(0),
  placement: placementSchema,
  coverage: coverageSchema.default('5x8'),
  core: z.boolean().default(false).describe('core role (turnover cap "core")'),
  qualifications: z.string().optional(),
  countsForAttendance: z
    .boolean()
    .default(true)
    .describe("whether the role's presence counts toward planned person-months (rule 9)"),
});

export const teamMinimumSchema = z.strictObject({
  id: idSchema.optional(),
  description: z.string().optional(),
  min: z.number().int().min(0),
  placement: placementSchema.optional().describe('count only roles with this placement'),
  coverage: coverageSchema.optional().describe('count only roles with this coverage'),
  roles: z.array(idSchema).optional().describe('count only these roles'),
});

export const staffingSchema = z.strictObject({
  roles: z.array(roleSchema).default([]),
  minimums: z.array(teamMinimumSchema).default([]).describe('Tianjin P1: ≥5 in total, ≥1 on site 7x24, ≥2 on site 5x8'),
  turnoverCaps: z
    .strictObject({ core: percentSchema.optional(), other: percentSchema.optional() })
    .optional()
    .describe('max people replaced ÷ planned headcount of the class over the term (rule 10), e.g. core 20, other 30'),
  replacement: z
    .strictObject({
      noticeWorkingDays: z.number().int().min(0),
      handoverWorkingDays: z.number().int().min(0),
    })
    .optional(),
  allowances: z
    .array(
      z.strictObject({
        id: idSchema,
        description: z.string().min(1),
        amount: nonNegativeDecimalSchema,
        unit: z.enum(['person-months', 'working-days']),
        per: z
          .enum(['year', 'term', 'request'])
          .describe('request: the allowance applies to each requirement/request (Qinghai: ≤10 working days each)'),
        free: z.boolean().default(true).describe('included in the price (not billed)'),
      }),
    )
    .default([])
    .describe('workload allowances, not attendance: Xuzhou 9 person-months of local development a year'),
  holidayDuty: z
    .strictObject({
      minOnDuty: z.number().int().min(1),
      where: z.string().optional().describe('e.g. 市内 (in the city)'),
    })
    .optional()
    .describe("Xuzhou/Huai'an: ≥1 engineer on duty in the city on holidays"),
});

export const ticketProcessSchema = z.strictObject({
  feedbackWithinWorkingDays: z
    .number()
    .int()
    .min(0)
    .optional()
    .describe('feedback within N working days after receipt (1)'),
  closureAfterStableWorkingDays: z
    .number()
    .int()
    .min(0)
    .optional()
    .describe('closure only after N working days of stable operation (1)'),
  settlementPatchesNotBefore: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM')
    .optional()
    .describe('settlement-affecting patches deploy only at or after this local time ("20:00")'),
  settlementPatchesNotAfter: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM')
    .optional()
    .describe('…and before this local time of the next morning; default "08:30", the start of working hours'),
});

/**
 * What a ratio KPI counts among the tickets raised in its period (domain rule 17, Tianjin 004:1113, 004:1122):
 * answered (a response or the 反馈处理意见), resolved (the fix that stuck, or closed), closed (闭环: closed, not ended
 * as unsolvable).
 */
export const KPI_METRICS = ['response-rate', 'resolution-rate', 'vulnerability-closure-rate'] as const;

export const kpiSchema = z.strictObject({
  id: idSchema,
  name: z.string().min(1),
  metric: z.enum(KPI_METRICS).describe('response-rate, resolution-rate, vulnerability-closure-rate'),
  minPercent: percentSchema.describe('Tianjin: response rate 100, resolution ≥ 98'),
  period: periodKindSchema.or(z.literal('term')).default('term'),
  categories: z
    .array(z.string().min(1))
    .min(1)
    .optional()
    .describe('the ticket categories counted (Tianjin: 用户反馈; 高危漏洞, 中危漏洞); absent: every ticket'),
});

export const slaSectionSchema = z.strictObject({
  policy: slaPolicySectionSchema,
  process: ticketProcessSchema.default({}),
  kpis: z.array(kpiSchema).default([]).describe('ratio targets over a period (Tianjin)'),
});

export const acceptanceSchema = z
  .strictObject({
    applyFromDaysBeforeEnd: z
      .number()
      .int()
      .min(0)
      .optional()
      .describe('Tianjin: may apply one week (7 days) before the end if no major incident'),
    monthsWithoutMajorFailure: z
      .number()
      .int()
      .min(0)
      .optional()
      .describe('Tianjin: after a major failure, only after 3 consecutive months without one'),
    majorFailureSeverities: z
      .array(z.string().min(1))
      .optional()
      .describe('SLA severities whose tickets are major failures for the acceptance timing (Tianjin: 重大故障)'),
    notes: z.string().optional(),
  })
  .describe('验收 timing; the clawback on failure is the acceptance-clawback deduction');

export const taxonomySchema = z.strictObject({
  categories: z
    .array(z.string().min(1))
    .min(1)
    .describe(
      '问题划分: 业务咨询, 环境故障, 软件错误, 人为错误, 功能改进, 需求变更, 需求新增, 单笔数据调整, 批量数据处理',
    ),
  businessAreas: z.array(z.string().min(1)).default([]).describe('公共业务 / 医疗待遇 / 生育待遇'),
  specialAttention: z
    .strictObject({
      enabled: z.boolean(),
      requiresExpectedCloseDate: z.boolean().default(true),
    })
    .default({ enabled: false, requiresExpectedCloseDate: true }),
});

export const obligationDueSchema = z
  .discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('within-period') }),
    z.strictObject({
      kind: z.literal('by-day-of-next-period'),
      day: z.number().int().min(1).max(31).describe('monthly report by the 5th'),
    }),
    z.strictObject({
      kind: z.literal('at-period-start'),
      withinDays: z.number().int().min(0).optional().describe('absent: the seed gives no day count'),
    }),
    z.strictObject({
      kind: z.literal('before-holiday'),
      minHolidayDays: z.number().int().min(1).describe('holidays of at least N days (Qinghai: 3)'),
      withinWorkingDaysBefore: z.number().int().min(0).optional(),
    }),
    z.strictObject({
      kind: z.literal('after-event'),
      event: z.string().min(1),
      withinWorkingDays: z.number().int().min(0).optional(),
    }),
    z.strictObject({
      kind: z.literal('before-event'),
      event: z.string().min(1).describe('e.g. major change (重大变更)'),
      workingDaysBefore: z.number().int().min(0).describe("Huai'an: the change plan 3 working days before"),
    }),
  ])
  .default({ kind: 'within-period' });

export const obligationSchema = z.strictObject({
  id: idSchema,
  kind: z.string().min(1).describe('inspection, monthly-report, backup-restore-verification, emergency-drill, 重保 …'),
  label: z.string().optional(),
  count: z.number().int().min(0).default(1).describe('required at least this many per period'),
  minParticipants: z
    .number()
    .int()
    .min(1)
    .optional()
    .describe('people each occurrence must involve (Qinghai: train ≥2 staff)'),
  period: z.enum(['day', 'week', 'month', 'quarter', 'half-year', 'year', 'term', 'event']),
  basis: z
    .enum(['deliver', 'on-demand'])
    .default('deliver')
    .describe(
      'deliver: `count` occurrences are owed per period; on-demand (domain rule 14): `count` is the capacity committed, each call of the buyer must be served, fewer calls is no failure',
    ),
  due: obligationDueSchema,
  everyRequest: z
    .boolean()
    .optional()
    .describe(
      'on demand without a number: every request of the buyer must be served ("无条件", Tianjin source code); `count` is then not read',
    ),
  afterTerm: z
    .strictObject({
      years: z.number().int().min(1).max(10),
      only: z.boolean().default(false).describe('true: from the day after the term only (Tianjin migration help)'),
    })
    .optional()
    .describe(
      'an on-demand obligation that runs on after the term for this many years (Tianjin: source code 5 years, 004:136)',
    ),
  respondWithinDays: z
    .number()
    .int()
    .min(0)
    .optional()
    .describe(
      'an on-demand call is due this many calendar days after it (Tianjin source code: 3 天内); absent: the buyer gives the due day',
    ),
  evidence: z.string().optional().describe('what proves it (report, ledger entry)'),
});

export const sourceSchema = z.strictObject({
  path: z.string().describe('configuration path the figure belongs to'),
  seed: z.string().min(1),
  line: z.number().int().min(1),
  quote: z.string().optional(),
  derivation: z.string().optional().describe('how a derived number follows from the quoted ones'),
});
export const noteSchema = z.strictObject({ path: z.string().optional(), text: z.string().min(1) });

/** The contract configuration language, version 1. */
export const contractConfigSchema = z.strictObject({
  schemaVersion: z.literal(CONTRACT_CONFIG_SCHEMA_VERSION),
  id: z.string().optional().describe('stable contract/preset id'),
  name: z.string().optional(),
  version: z.number().int().min(1).optional().describe('configuration version; results record it'),
  parties: partiesSchema,
  money: moneySectionSchema,
  term: termSchema,
  staffing: staffingSchema.default({ roles: [], minimums: [], allowances: [] }),
  calendar: calendarSectionSchema.optional(),
  sla: slaSectionSchema.optional(),
  taxonomy: taxonomySchema.optional(),
  obligations: z.array(obligationSchema).default([]),
  assessment: assessmentSectionSchema.optional().describe('absent: no assessment (Beijing, Tianjin)'),
  acceptance: acceptanceSchema.optional(),
  payment: paymentSchema.default({ milestones: [], deductions: [] }),
  procurement: procurementSectionSchema.optional(),
  notes: z.array(noteSchema).default([]),
  sources: z.array(sourceSchema).default([]),
});

/** A configuration as written (presets, API input): numbers allowed for decimals, defaults optional. */
export type ContractConfig = z.input<typeof contractConfigSchema>;
export type ContractConfigInput = ContractConfig;
/** A parsed configuration: decimals normalised to strings, defaults filled. What the engines read. */
export type ParsedConfig = z.output<typeof contractConfigSchema>;

export { periodKindSchema };
