import { Injectable } from '@nestjs/common';
import {
  kpiPeriodOf,
  periodBounds,
  termPeriodProblems,
  ticketKpis,
  timeZoneOf,
  todayOf,
  type KpiResult,
  type ParsedConfig,
} from '@ledger/contracts';
import { ValidationError } from '@ledger/kernel';
import { TenantDatabase } from '@ledger/persistence';
import type { EntityManager } from 'typeorm';
import { RequestContext } from '../auth/request-context.service';
import { ContractAccess } from '../contracts';
import { kpiTicketsOf } from './ticket-kpis.repository';
import type { TicketKpiModel, TicketKpisModel } from './ticket-kpis.models';

/**
 * The KPIs of the contract's tickets over a period, as of a day (domain rule 17): what the close stores and what the
 * buyer reads before deciding the quarter's 服务合格. Every KPI is measured over its own period that the asked one
 * ends in.
 */
export async function kpisForPeriod(
  em: EntityManager,
  contractId: string,
  config: ParsedConfig,
  period: string,
  asOf: string,
): Promise<KpiResult[]> {
  if (!config.sla?.kpis.length) return [];
  const { end } = periodBounds(config.term, period);
  // Each KPI over its own period the asked one ends in (a month's close reads its whole quarter).
  const spans = config.sla.kpis.flatMap((k) => kpiPeriodOf(k, config.term, end) ?? []);
  if (!spans.length) return [];
  const from = spans.map((p) => p.start).reduce((a, b) => (b < a ? b : a));
  const to = spans.map((p) => p.end).reduce((a, b) => (b > a ? b : a));
  const tickets = await kpiTicketsOf(em, contractId, config, { from, to }, timeZoneOf(config));
  return ticketKpis(config, tickets, end, asOf);
}

export const kpiModel = (r: KpiResult): TicketKpiModel => ({
  kpiId: r.kpiId,
  name: r.name,
  metric: r.metric,
  minPercent: r.minPercent,
  periodId: r.period.id,
  periodStart: r.period.start,
  periodEnd: r.period.end,
  counted: r.counted,
  achieved: r.achieved,
  open: r.open,
  rate: r.rate,
  meets: r.meets,
  short: r.short,
  shortMore: r.shortMore,
  stored: r.explained,
});

@Injectable()
export class TicketKpisService {
  constructor(
    private readonly db: TenantDatabase,
    private readonly context: RequestContext,
    private readonly access: ContractAccess,
  ) {}

  /** The period's KPIs as of today on the contract's calendar (the period's end once it is over). */
  async forPeriod(contractId: string, period: string): Promise<TicketKpisModel> {
    return this.db.run(this.context.scope(), async (em) => {
      const ctx = await this.access.requireWithConfig(em, contractId, { read: 'PeriodInputs' });
      const problems = termPeriodProblems(period, ctx.config.term);
      if (problems.length) throw new ValidationError(problems);
      const asOf = todayOf(ctx.config, Date.now());
      const kpis = await kpisForPeriod(em, ctx.contract.id, ctx.config, period, asOf);
      return { contractId: ctx.contract.id, period, asOf, kpis: kpis.map(kpiModel) };
    });
  }
}
