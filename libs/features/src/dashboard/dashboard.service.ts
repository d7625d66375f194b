import { Injectable } from '@nestjs/common';
import { todayIn } from '@ledger/contracts';
import { subject } from '@casl/ability';
import { DomainError, toFixed2 } from '@ledger/kernel';
import { TenantDatabase } from '@ledger/persistence';
import { AbilityFactory, type AppAbility } from '../auth/ability.factory';
import { RequestContext } from '../auth/request-context.service';
import { UUID } from '../graphql/ids';
import type {
  ContractDashboardModel,
  DashboardSlaModel,
  DashboardSlaSeverityModel,
  DashboardSlaTargetModel,
} from './dashboard.models';
import { DashboardRepository, type DashboardRow } from './dashboard.repository';

const SHANGHAI_MS = 8 * 3_600_000;

/** The month `now` falls in on the contracts' calendar (Asia/Shanghai, UTC+8 without daylight saving). */
export function monthInShanghai(now: number): string {
  return todayIn(now).slice(0, 7);
}

/** [first instant of the month, first instant of the next) in Asia/Shanghai. */
export function monthBounds(month: string): { start: Date; end: Date } {
  const [y, m] = month.split('-').map(Number);
  return { start: new Date(Date.UTC(y, m - 1, 1) - SHANGHAI_MS), end: new Date(Date.UTC(y, m, 1) - SHANGHAI_MS) };
}

/**
 * The contract dashboard: status tiles read from what the jobs stored (SLA results projected per clock, closes,
 * schedule snapshots, warnings), one statement per request. Whoever reads the contract reads its dashboard: the
 * buyer's roles and finance of the tenant, the vendor holding it; a contract outside the caller's reach is NOT_FOUND.
 */
@Injectable()
export class DashboardService {
  constructor(
    private readonly db: TenantDatabase,
    private readonly repo: DashboardRepository,
    private readonly context: RequestContext,
    private readonly abilities: AbilityFactory,
  ) {}

  async forContract(contractId: string, month: string | null): Promise<ContractDashboardModel> {
    const ability = this.abilities.for(this.context.principal());
    const m = checkMonth(month);
    if (!UUID.test(contractId)) throw new DomainError('NOT_FOUND', 'no such contract');
    const [row] = await this.read([contractId], m);
    if (!row || !readable(ability, row)) throw new DomainError('NOT_FOUND', 'no such contract');
    return row.model;
  }

  /**
   * Every contract the caller reads (the tenant's for the buyer's roles and finance; the vendor's across tenants), by
   * code; with `contractIds`, only those of them (one page of contractSearch: the list decides which, this the figures).
   */
  async list(month: string | null, contractIds: readonly string[] | null = null): Promise<ContractDashboardModel[]> {
    const ability = this.abilities.for(this.context.principal());
    const m = checkMonth(month);
    if (contractIds?.length === 0) return [];
    return (await this.read(contractIds, m)).filter((r) => readable(ability, r)).map((r) => r.model);
  }

  private async read(
    contractIds: readonly string[] | null,
    month: string,
  ): Promise<{ row: DashboardRow; model: ContractDashboardModel }[]> {
    const now = new Date();
    const { start, end } = monthBounds(month);
    const rows = await this.db.run(this.context.scope(), (em) =>
      this.repo.read(em, { contractIds, month, monthStart: start, monthEnd: end, now }),
    );
    return rows.map((row) => ({ row, model: toModel(row, month, now) }));
  }
}

/** The month asked for (its format checked by dashboardArgs, dashboard.schemas.ts), or the current one in Shanghai. */
function checkMonth(month: string | null): string {
  return month ?? monthInShanghai(Date.now());
}

/** Row-level security already limits the rows; the role rules: the contract, its tickets, closes and payments. */
function readable(ability: AppAbility, { row }: { row: DashboardRow }): boolean {
  const c = { tenantId: row.tenant_id, vendorOrgId: row.vendor_org_id };
  return (
    ability.can('read', subject('Contract', { ...c })) &&
    ability.can('read', subject('Ticket', { ...c })) &&
    ability.can('read', subject('PeriodClose', { ...c })) &&
    ability.can('read', subject('Payment', { ...c }))
  );
}

const percent = (met: number, breached: number): string | null =>
  met + breached === 0 ? null : toFixed2((met * 100) / (met + breached));

type Counts = { met: number; breached: number; notRecorded: number; running: number; atRisk: number; overdue: number };
const zero = (): Counts => ({ met: 0, breached: 0, notRecorded: 0, running: 0, atRisk: 0, overdue: 0 });
const add = (a: Counts, b: Counts): void => {
  a.met += b.met;
  a.breached += b.breached;
  a.notRecorded += b.notRecorded;
  a.running += b.running;
  a.atRisk += b.atRisk;
  a.overdue += b.overdue;
};

function toModel(row: DashboardRow, month: string, now: Date): ContractDashboardModel {
  // Per (severity, target): the month's stopped clocks and the running ones.
  const targets = new Map<string, DashboardSlaTargetModel & { severity: string }>();
  const target = (severity: string, targetId: string, name: string) => {
    const key = `${severity}\u0000${targetId}`;
    let t = targets.get(key);
    if (!t) targets.set(key, (t = { severity, targetId, name, ...zero(), compliancePercent: null }));
    return t;
  };
  for (const s of row.stopped)
    Object.assign(target(s.severity, s.target_id, s.name), {
      met: s.met,
      breached: s.breached,
      notRecorded: s.not_recorded,
    });
  let openBreaches = 0;
  for (const r of row.running) {
    if (r.severity === null || r.target_id === null) {
      openBreaches = r.open_breaches; // the grand total row of the grouping sets
      continue;
    }
    Object.assign(target(r.severity, r.target_id, r.name ?? r.target_id), {
      running: r.running,
      atRisk: r.at_risk,
      overdue: r.overdue,
    });
  }
  const bySeverity = new Map<string, DashboardSlaSeverityModel>();
  const total = zero();
  for (const t of [...targets.values()].sort(
    (a, b) => a.severity.localeCompare(b.severity) || a.targetId.localeCompare(b.targetId),
  )) {
    let s = bySeverity.get(t.severity);
    if (!s)
      bySeverity.set(
        t.severity,
        (s = {
          severity: t.severity,
          severityName: row.severities?.find((x) => x.id === t.severity)?.name ?? t.severity,
          ...zero(),
          compliancePercent: null,
          targets: [],
        }),
      );
    const { severity: _severity, ...model } = t;
    model.compliancePercent = percent(t.met, t.breached);
    s.targets.push(model);
    add(s, t);
    add(total, t);
  }
  const severities = [...bySeverity.values()].map((s) => ({ ...s, compliancePercent: percent(s.met, s.breached) }));
  const sla: DashboardSlaModel = { month, ...total, compliancePercent: percent(total.met, total.breached), severities };
  const close = row.last_close;
  const pay = row.next_payment;
  return {
    contractId: row.id,
    tenantId: row.tenant_id,
    contractCode: row.code,
    contractName: row.name,
    asOf: now,
    sla,
    openBreaches,
    lastConfirmedClose: close
      ? {
          closeId: close.id,
          period: close.period,
          revision: close.revision,
          score: close.score,
          grade: close.grade,
          confirmedAt: new Date(close.confirmed_at),
        }
      : null,
    nextPayment: pay
      ? {
          lineId: pay.line_id,
          label: pay.label,
          status: pay.status,
          dueDate: pay.due_date,
          net: pay.net,
          paid: pay.paid,
          outstanding: toFixed2(pay.outstanding),
          scheduleAsOf: pay.as_of,
          scheduleComputedAt: new Date(pay.computed_at),
        }
      : null,
    notifications: {
      total: row.notifications.total,
      critical: row.notifications.critical,
      warning: row.notifications.warning,
      latestAt: row.notifications.latest_at ? new Date(row.notifications.latest_at) : null,
    },
  };
}
