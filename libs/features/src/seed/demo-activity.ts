import { Injectable } from '@nestjs/common';
import { holidayDutyCheck, parseContractConfig, workingDatesOfMonth, type ContractConfig } from '@ledger/contracts';
import { buildCalendar } from '@ledger/sla';
import { ClsService } from 'nestjs-cls';
import type { Principal } from '../auth/principal';
import { RequestContext } from '../auth/request-context.service';
import { ReportsService } from '../reports';
import { TicketsService } from '../tickets';

/** A demo ticket: the day it is raised, how far its 联系单 has come, and (when given) its expected close date and 特别关注. */
export type Plan = {
  day: string;
  category: string;
  /** Empty for a contract without business areas (Tianjin). */
  businessArea: string;
  severity: string;
  title: string;
  receiveAfterMinutes: number;
  until: 'closed' | 'received' | 'in-progress' | 'deployed';
  expectedCloseDate?: string;
  specialAttention?: boolean;
};

/** A demo month of attendance: everyone every working day but the second person `shortDays` short; accepted or left submitted. */
export type ReportMonth = { month: string; shortDays: number; accept: boolean; dutyGap?: string };

const CLOSED_DAYS = [
  '2026-08-03',
  '2026-08-05',
  '2026-08-11',
  '2026-08-18',
  '2026-08-25',
  '2026-09-01',
  '2026-09-08',
  '2026-09-15',
  '2026-09-22',
  '2026-10-13',
  '2026-10-20',
  '2026-10-27',
];
const TITLES = [
  '门诊结算报错',
  '异地备案查询超时',
  '生育津贴计算不符',
  '对账报表缺少字段',
  '药品目录更新失败',
  '定点机构信息维护',
  '慢病待遇审核流程调整',
  '医保卡挂失接口异常',
  '结算清单导出乱码',
  '统筹基金支付比例配置',
  '住院登记重复',
  '报表权限调整',
];
const CATEGORIES = ['软件错误', '业务咨询', '环境故障', '功能改进', '人为错误', '需求变更'];
const AREAS = ['医疗待遇', '公共业务', '生育待遇'];
const SEVERITIES = ['L2', 'L3', 'L1', 'L4'];

/** Deterministic variety: most tickets are received within 5 minutes, every third one late (a breach to show). */
export function demoTicketPlans(): Plan[] {
  const closed: Plan[] = CLOSED_DAYS.map((day, i) => ({
    day,
    category: CATEGORIES[i % CATEGORIES.length],
    businessArea: AREAS[i % AREAS.length],
    severity: SEVERITIES[i % SEVERITIES.length],
    title: TITLES[i % TITLES.length],
    receiveAfterMinutes: i % 3 === 2 ? 25 : 4,
    until: 'closed',
  }));
  const open: Plan[] = [
    {
      day: '2026-11-10',
      category: '软件错误',
      businessArea: '医疗待遇',
      severity: 'L3',
      title: '门诊统筹限额校验错误',
      receiveAfterMinutes: 3,
      until: 'deployed',
    },
    {
      day: '2026-11-17',
      category: '功能改进',
      businessArea: '公共业务',
      severity: 'L1',
      title: '经办大厅叫号统计',
      receiveAfterMinutes: 12,
      until: 'in-progress',
    },
    {
      day: '2026-11-18',
      category: '环境故障',
      businessArea: '公共业务',
      severity: 'L4',
      title: '前置机网络中断',
      receiveAfterMinutes: 4,
      until: 'received',
    },
  ];
  return [...closed, ...open];
}

const at = (day: string, hhmm: string) => `${day}T${hhmm}:00+08:00`;
const nextDay = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const plusMinutes = (iso: string, minutes: number) => {
  const local = new Date(Date.parse(iso) + (8 * 60 + minutes) * 60_000).toISOString().slice(0, 16);
  return `${local}:00+08:00`;
};

/**
 * Drives the demo tickets through the real service, as the demo users, so the seed obeys the same rules
 * (who may act, 20:00 settlement patches, the stable working day) as anything a person enters.
 */
@Injectable()
export class DemoActivity {
  constructor(
    private readonly cls: ClsService,
    private readonly context: RequestContext,
    private readonly tickets: TicketsService,
    private readonly reports: ReportsService,
  ) {}

  /** Runs `work` as the demo user `who` (the services read the principal from the request context). */
  as<T>(who: Principal, work: () => Promise<T>): Promise<T> {
    return this.cls.run(async () => {
      this.context.setPrincipal(who, 'seedDemo');
      return work();
    });
  }

  async seedTickets(
    contractId: string,
    buyer: { admin: Principal; staff: Principal },
    vendor: Principal,
    plans: readonly Plan[] = demoTicketPlans(),
  ): Promise<number> {
    let count = 0;
    for (const plan of plans) {
      const dated = {
        ...(plan.expectedCloseDate ? { expectedCloseDate: plan.expectedCloseDate } : {}),
        ...(plan.specialAttention ? { specialAttention: true } : {}),
      };
      const t = await this.as(buyer.staff, () =>
        this.tickets.create({
          contractId,
          category: plan.category,
          ...(plan.businessArea ? { businessArea: plan.businessArea } : {}),
          severity: plan.severity,
          title: plan.title,
          at: at(plan.day, '09:00'),
          ...dated,
        }),
      );
      const act = (who: Principal, action: string, when: string, extra: Record<string, unknown> = {}) =>
        this.as(who, () => this.tickets.transition({ ticketId: t.id, action, at: when, ...extra }));
      await act(buyer.admin, 'confirm', at(plan.day, '09:05'));
      const received = plusMinutes(at(plan.day, '09:05'), plan.receiveAfterMinutes);
      await act(vendor, 'receive', received);
      await act(vendor, 'respond', plusMinutes(received, 2));
      count++;
      if (plan.until === 'received') continue;
      await act(vendor, 'feedback', at(plan.day, '11:00'), {
        solvable: true,
        plannedTestDate: nextDay(plan.day, 1),
        note: '已定位原因，可以解决',
      });
      await act(vendor, 'start-work', at(plan.day, '11:10'));
      if (plan.until === 'in-progress') continue;
      await act(vendor, 'pass-internal-test', at(nextDay(plan.day, 1), '15:00'));
      await act(buyer.staff, 'sign-business-test', at(nextDay(plan.day, 2), '10:00'));
      const deployed = await act(vendor, 'deploy', at(nextDay(plan.day, 2), '20:30'), { affectsSettlement: true });
      if (plan.until === 'deployed' || !deployed.stableUntil) continue;
      await act(buyer.admin, 'close', plusMinutes(deployed.stableUntil, 15 * 60 + 30));
    }
    return count;
  }

  /**
   * Monthly reports for August–October 2026: everyone on site every working day of the month but one
   * engineer two days short (so the absence deduction has something to show); August and September
   * accepted by the buyer, October submitted and waiting for review.
   */
  async seedReports(contractId: string, config: ContractConfig, buyer: Principal, vendor: Principal): Promise<number> {
    return this.seedReportMonths(contractId, config, buyer, vendor, [
      { month: '2026-08', shortDays: 2, accept: true },
      { month: '2026-09', shortDays: 2, accept: true },
      // One National Day holiday without anyone on duty: the buyer's review shows the day short (rule 16).
      { month: '2026-10', shortDays: 2, accept: false, dutyGap: '2026-10-04' },
    ]);
  }

  /** Saves and submits each month as the vendor; the buyer accepts those marked so. */
  async seedReportMonths(
    contractId: string,
    config: ContractConfig,
    buyer: Principal,
    vendor: Principal,
    months: readonly ReportMonth[],
  ): Promise<number> {
    const parsed = parseContractConfig(config);
    const calendar = buildCalendar(parsed.calendar ?? {});
    const people = parsed.staffing.roles
      .filter((r) => r.countsForAttendance)
      .flatMap((r) =>
        Array.from({ length: r.headcount }, (_, i) => ({ personId: `${r.id.toUpperCase()}-${i + 1}`, roleId: r.id })),
      );
    for (const { month, shortDays, accept, dutyGap } of months) {
      const workingDays = workingDatesOfMonth(calendar, month).length;
      const attendance = people.map((p, i) => ({
        ...p,
        daysPresent: String(i === 1 ? workingDays - shortDays : workingDays),
      }));
      // Holiday duty (rule 16) where the contract asks for it: the engineers take the non-working days in turn.
      const holidayDuty = parsed.staffing.holidayDuty
        ? (holidayDutyCheck(parsed, month, [], calendar)?.days ?? [])
            .filter((d) => d.date !== dutyGap)
            .map((d, i) => ({ date: d.date, people: [people[i % people.length].personId] }))
        : [];
      const saved = await this.as(vendor, () =>
        this.reports.save({
          contractId,
          month,
          report: { attendance, deliveries: [], serviceEvents: [], holidayDuty },
        }),
      );
      await this.as(vendor, () => this.reports.submit(saved.id));
      if (accept) await this.as(buyer, () => this.reports.decide(saved.id, 'accepted'));
    }
    return months.length;
  }
}
