import type { ContractConfig } from '@ledger/contracts';
import type { Principal } from '../auth/principal';
import type { PeriodCloseService } from '../period-close';
import type { AllowancesService } from '../allowances';
import type { OnDemandService } from '../on-demand';
import type { PeriodInputsService } from '../period-inputs';
import type { ProcurementService } from '../procurement';
import type { SchedulesService } from '../schedules';
import type { DemoActivity, Plan, ReportMonth } from './demo-activity';

/** Tuesdays of the first half of 2026 away from the holidays: a 联系单 a week or two, due three days later. */
const H1_DAYS = [
  '2026-01-06',
  '2026-01-13',
  '2026-01-20',
  '2026-01-27',
  '2026-02-03',
  '2026-02-10',
  '2026-03-03',
  '2026-03-10',
  '2026-03-17',
  '2026-03-24',
  '2026-03-31',
  '2026-04-14',
  '2026-04-21',
  '2026-04-28',
  '2026-05-12',
  '2026-05-19',
  '2026-05-26',
  '2026-06-02',
  '2026-06-09',
  '2026-06-16',
];
const H1_TITLES = [
  '门诊慢特病备案失败',
  '异地就医直接结算对账差异',
  '药品追溯码校验超时',
  '两定机构协议到期提醒',
  '医保电子凭证扫码失败',
  '住院费用明细上传缺项',
  '职工医保个人账户划拨',
  'DRG 分组结果导出',
  '经办稽核日志查询慢',
  '生育登记信息同步',
];
const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/**
 * Xuzhou's first half-year: twenty 联系单 with expected close dates (deployed two days after they are raised). Due three
 * days after: 18 on time; two due the day they are raised are 特别关注 and deployed 2 days late each.
 * 计划内达成率 18 ÷ 20 = 90.00 % → +2; 特别关注类问题延期 2 + 2 = 4 days → −1.
 */
export function showcaseH1TicketPlans(): Plan[] {
  return H1_DAYS.map((day, i) => {
    const late = i === 4 || i === 13;
    return {
      day,
      category: ['软件错误', '业务咨询', '环境故障', '功能改进'][i % 4],
      businessArea: ['医疗待遇', '公共业务', '生育待遇'][i % 3],
      severity: ['L2', 'L3', 'L1', 'L4'][i % 4],
      title: H1_TITLES[i % H1_TITLES.length],
      receiveAfterMinutes: i % 7 === 3 ? 25 : 3,
      until: 'closed' as const,
      expectedCloseDate: late ? day : addDays(day, 3),
      specialAttention: late,
    };
  });
}

/** H1 staff scores: nine on-site people, average (82 + 77 + 72 + 78 + 70 + 78 + 74 + 80 + 73) ÷ 9 = 76.00 → −5. */
export const SHOWCASE_H1_STAFF = [
  ['PM-1', 25, 25, 32],
  ['ENGINEER-1', 24, 23, 30],
  ['ENGINEER-2', 22, 22, 28],
  ['ENGINEER-3', 23, 24, 31],
  ['ENGINEER-4', 21, 22, 27],
  ['ENGINEER-5', 24, 24, 30],
  ['ENGINEER-6', 23, 22, 29],
  ['ENGINEER-7', 24, 25, 31],
  ['ENGINEER-8', 22, 23, 28],
].map(([personId, attitude, ability, results]) => ({ personId, attitude, ability, results }));

/** Qinghai H1 items (0–100 each): average 91.00 → grade A. */
export const SHOWCASE_QINGHAI_ITEMS: Record<string, string> = {
  monthlyInspection: '95',
  hotline: '92',
  emergencyOnSite: '90',
  faultQuality: '88',
  recurrence: '93',
  responseTimeliness: '91',
  engineerSkill: '90',
  training: '89',
  dbOptimisation: '90',
  onSite: '94',
  improvement: '89',
};

/**
 * Tianjin P1's calls (domain rule 14): four 重保 of a capacity of 7 (one served a day late, after 国庆) and one emergency
 * response of a capacity of 4 → 重保 3 in time and 1 late, emergency 1 in time. [obligation, called, due, subject, served]
 */
export const SHOWCASE_TIANJIN_CALLS = [
  ['major-event-protection', '2026-02-20', '2026-03-04', '全国两会期间安全保障', '2026-03-04'],
  ['major-event-protection', '2026-04-20', '2026-05-01', '劳动节假期安全保障', '2026-05-01'],
  ['major-event-protection', '2026-06-15', '2026-07-01', '医保结算系统升级上线保障', '2026-07-01'],
  ['major-event-protection', '2026-09-15', '2026-10-01', '国庆节假期安全保障', '2026-10-02'],
  ['emergency-response', '2026-11-18', '2026-11-18', '异地就医结算接口中断', '2026-11-18'],
] as const;

const TIANJIN_FEEDBACK = [
  '定点医药机构对接报文校验失败',
  '监管规则导出格式咨询',
  '外部对接接口调用频次查询',
  '审计日志检索条件咨询',
  '机构账号权限申请流程',
  '对接文档版本说明',
];

/**
 * Tianjin P1's tickets of its KPI categories (domain rule 17): in Q3 five pieces of user feedback, all answered and
 * closed (response and resolution 100 %), and two vulnerabilities, the 中危 one fixed but not yet closed on
 * 2026-09-30 (fix rate 1 of 2); in Q4 three pieces of feedback, one still being worked on (resolution 2 of 3).
 */
export function showcaseTianjinKpiPlans(): Plan[] {
  const plan = (day: string, category: string, title: string, until: Plan['until']): Plan => ({
    day,
    category,
    businessArea: '',
    severity: 'general',
    title,
    receiveAfterMinutes: 4,
    until,
  });
  const q3 = ['07-06', '07-27', '08-17', '09-07', '09-21'];
  const q4 = ['10-12', '11-09', '12-01'];
  return [
    ...q3.map((d, i) => plan(`2026-${d}`, '用户反馈', TIANJIN_FEEDBACK[i % TIANJIN_FEEDBACK.length], 'closed')),
    plan('2026-08-05', '高危漏洞', '外部对接网关存在越权访问漏洞', 'closed'),
    plan('2026-09-28', '中危漏洞', '审计系统登录页存在弱口令策略漏洞', 'deployed'),
    ...q4.map((d, i) =>
      plan(
        `2026-${d}`,
        '用户反馈',
        TIANJIN_FEEDBACK[(i + 2) % TIANJIN_FEEDBACK.length],
        i === 2 ? 'in-progress' : 'closed',
      ),
    ),
  ];
}

/** Xuzhou's local development in H2 (the H1 close is confirmed, so its days take no more work): 7.50 of 9. */
export const SHOWCASE_XUZHOU_WORK = [
  ['2026-07-20', '2.50', '门诊慢特病备案接口改造'],
  ['2026-09-15', '3.00', 'DRG 分组结果导出功能'],
  ['2026-11-10', '2.00', '经办稽核日志查询优化'],
] as const;

/** Why the demo confirms the H1 close while the year's later months have no monthly report yet (recorded on the close). */
export const SHOWCASE_CONFIRM_REASON = '上半年 1–6 月月报均已通过；全年出勤（缺岗扣减）在年度结算时按 12 个月核算';

type Who = (email: string) => Principal;
type Services = {
  activity: DemoActivity;
  inputs: PeriodInputsService;
  closes: PeriodCloseService;
  schedules: SchedulesService;
  procurement: ProcurementService;
  onDemand: OnDemandService;
  allowances: AllowancesService;
  waitForJobs(): Promise<void>;
};

/**
 * The showcase on top of the base demo (`SEED_DEMO=full`, what `npm start` seeds): every role's home page has real
 * numbers. Entered through the services as the demo users, so it obeys the same rules as anything a person enters.
 *  - Xuzhou: H1 tickets with expected dates and 特别关注 cases, monthly reports 2026-01..06 accepted, the H1 inputs,
 *    and the H1 close confirmed (score 93.00; the reason for the year's missing attendance recorded) with its schedule.
 *  - Huai'an: the schedule with its fixed milestones, the advance (40 %) and the 2025-12-31 instalment (to 95 %) paid.
 *  - Qinghai: the H1 assessment items and one valid complaint.
 *  - Xuzhou's free-work allowance (9 person-months a year): 7.50 logged in the second half-year (83.33 %, warned).
 *  - Tianjin: a procurement project with package 8 (its preset scheme), three bids and two evaluators' sheets; on
 *    package 1, the buyer's calls on its on-demand obligations (SHOWCASE_TIANJIN_CALLS) and the vendor's services, and
 *    tickets of its KPI categories in Q3 and Q4 (showcaseTianjinKpiPlans).
 */
export class DemoShowcase {
  constructor(private readonly s: Services) {}

  async seed(contracts: ReadonlyMap<string, string>, who: Who, xuzhouConfig: ContractConfig): Promise<void> {
    const xuzhou = contracts.get('xuzhou-2026') as string;
    const xz = { admin: who('xuzhou.admin@demo.local'), staff: who('xuzhou.staff@demo.local') };
    await this.s.activity.seedTickets(xuzhou, xz, who('vendor@demo.local'), showcaseH1TicketPlans());
    const months: ReportMonth[] = ['01', '02', '03', '04', '05', '06'].map((m) => ({
      month: `2026-${m}`,
      shortDays: m === '03' ? 1 : 0,
      accept: true,
    }));
    await this.s.activity.seedReportMonths(xuzhou, xuzhouConfig, xz.admin, who('vendor@demo.local'), months);
    await this.s.activity.as(xz.admin, () =>
      this.s.inputs.set({
        contractId: xuzhou,
        period: '2026-H1',
        staffScores: SHOWCASE_H1_STAFF,
        securityIncidents: 0,
        satisfaction: { businessSatisfaction: '一般', itSatisfaction: '一般' },
      }),
    );
    const requested = await this.s.activity.as(xz.staff, () =>
      this.s.closes.close({ contractId: xuzhou, period: '2026-H1', asOf: '2026-07-10' }),
    );
    const draft = await this.until(
      () => this.s.activity.as(xz.admin, () => this.s.closes.get(requested.id)),
      (c) => c.status !== 'pending',
    );
    if (draft.status === 'draft') {
      const missing = draft.result?.missing.length ?? 0;
      await this.s.activity.as(xz.admin, () =>
        this.s.closes.confirm(draft.id, missing ? SHOWCASE_CONFIRM_REASON : null),
      );
    }

    for (const [workedOn, amount, description] of SHOWCASE_XUZHOU_WORK)
      await this.s.activity.as(who('vendor@demo.local'), () =>
        this.s.allowances.logWork({ contractId: xuzhou, allowanceId: 'local-dev', workedOn, amount, description }),
      );

    const huaian = contracts.get('huaian-2025-2026') as string;
    const haFinance = who('huaian.finance@demo.local');
    await this.s.activity.as(haFinance, () => this.s.schedules.recompute(huaian));
    await this.until(
      () => this.s.activity.as(haFinance, () => this.s.schedules.forContract(huaian)),
      (x) => x !== null,
    );
    await this.s.activity.as(haFinance, () =>
      this.s.schedules.markPaid({
        contractId: huaian,
        lineId: 'contract-payments.advance',
        amount: '696000.00',
        paidOn: '2025-12-05',
        reference: 'HA-PAY-2025-001',
      }),
    );
    await this.s.waitForJobs();
    await this.s.activity.as(haFinance, () =>
      this.s.schedules.markPaid({
        contractId: huaian,
        lineId: 'contract-payments.by-2025-12-31',
        amount: '957000.00',
        paidOn: '2025-12-29',
        reference: 'HA-PAY-2025-002',
      }),
    );

    const qinghai = contracts.get('qinghai-hospital-3y') as string;
    await this.s.activity.as(who('qinghai.admin@demo.local'), () =>
      this.s.inputs.set({
        contractId: qinghai,
        period: '2026-H1',
        itemScores: SHOWCASE_QINGHAI_ITEMS,
        complaints: { valid: 1, invalid: 1 },
      }),
    );

    const tj = who('tianjin.admin@demo.local');
    const project = await this.s.activity.as(tj, () =>
      this.s.procurement.createProject({ code: 'TJYB-2026-YW', name: '天津市医疗保障信息系统运维服务项目' }),
    );
    const pkg = await this.s.activity.as(tj, () =>
      this.s.procurement.addPackage({
        projectId: project.id,
        number: 8,
        name: '第八包 医保信息系统运维',
        presetId: 'tianjin-2026-p8',
      }),
    );
    const bids = [
      {
        bidderName: '津云运维有限公司',
        price: '30000.00',
        smallOrMicro: false,
        objective: { O1: 2, O2: 2, O3: 1, O4: 1, O5: 4, O6: true },
      },
      {
        bidderName: '小微信息技术有限公司',
        price: '32000.00',
        smallOrMicro: true,
        preferenceBasis: 'small-micro',
        objective: { O1: 3, O2: 1, O3: 1, O4: 0, O5: 2, O6: true },
      },
      {
        bidderName: '海河数字科技有限公司',
        price: '31500.00',
        smallOrMicro: false,
        objective: { O1: 1, O2: 1, O3: 0, O4: 1, O5: 3, O6: true },
      },
    ];
    const sheets = [
      { S1: 0, S2: 1, S3: 0, S4: 0, S5: 0, S6: 1 },
      { S1: 1, S2: 0, S3: 1, S4: 0, S5: 0, S6: 0 },
      { S1: 1, S2: 1, S3: 1, S4: 1, S5: 0, S6: 0 },
    ];
    for (const [i, bid] of bids.entries()) {
      const recorded = await this.s.activity.as(tj, () => this.s.procurement.recordBid({ packageId: pkg.id, ...bid }));
      for (const evaluator of ['评委甲', '评委乙']) {
        const items = evaluator === '评委甲' ? sheets[i] : { ...sheets[i], S4: sheets[i].S4 + 1 };
        await this.s.activity.as(tj, () =>
          this.s.procurement.recordEvaluatorSheet({ packageId: pkg.id, bidId: recorded.id, evaluator, items }),
        );
      }
    }
    await this.seedTianjinCalls(contracts, who);
    const tjStaff = { admin: tj, staff: who('tianjin.staff@demo.local') };
    await this.s.activity.seedTickets(
      contracts.get('tianjin-2026-p1') as string,
      tjStaff,
      who('vendor@demo.local'),
      showcaseTianjinKpiPlans(),
    );
    await this.s.waitForJobs();
  }

  private async seedTianjinCalls(contracts: ReadonlyMap<string, string>, who: Who): Promise<void> {
    const contractId = contracts.get('tianjin-2026-p1') as string;
    for (const [obligationId, calledOn, dueOn, subject, servedOn] of SHOWCASE_TIANJIN_CALLS) {
      const call = await this.s.activity.as(who('tianjin.admin@demo.local'), () =>
        this.s.onDemand.recordCall({ contractId, obligationId, calledOn, dueOn, subject }),
      );
      await this.s.activity.as(who('vendor@demo.local'), () =>
        this.s.onDemand.serveCall({ contractId, callId: call.id, servedOn, evidence: `${subject}方案及工作记录` }),
      );
    }
  }

  /** The work's answer once `done` says so: jobs run in-process (embedded) or in the worker (server mode). */
  private async until<T>(work: () => Promise<T>, done: (x: T) => boolean, timeoutMs = 60_000): Promise<T> {
    const end = Date.now() + timeoutMs;
    for (;;) {
      await this.s.waitForJobs();
      const x = await work();
      if (done(x) || Date.now() > end) return x;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}
