import { Decimal, toFixed2 } from '@ledger/kernel';
import type { ParsedConfig } from '../config/contract-config.schema';
import { periodsInTerm } from '../config/periods';
import { explain, type Explanation } from '../explain/explanation';
import { toSlaTicket } from './adapters';
import type { LifecycleEvent, Ticket } from './ticket.types';

/*
 * Ratio KPIs computed from tickets (domain rule 17; Tianjin 004:1113 "确保用户反馈响应率100%、解决率不低于98%",
 * 004:1122 "确保漏洞闭环修复率100%"). Among the tickets of the KPI's categories raised (提出) in its period, not
 * withdrawn, the share that by `asOf`:
 *  - response-rate: got an answer — a response, or the 反馈处理意见 (the SLA's `responded`; its timeliness is the
 *    SLA target's, shown with the SLA results, not counted twice here);
 *  - resolution-rate: was resolved — the fix that stuck (the SLA's `resolved`) or closed;
 *  - vulnerability-closure-rate: was closed (闭环: fixed and confirmed by the buyer's close).
 * A ticket ended as unsolvable by agreement is counted and not achieved (the problem was not solved); a ticket still
 * open at `asOf` is counted and not achieved, and named. The rate is evidence: the buyer still decides 服务合格.
 */

type Kpi = NonNullable<ParsedConfig['sla']>['kpis'][number];

/**
 * The lifecycle events the KPIs read (and all a store has to fetch): raised, answered, fixed (and reported back),
 * closed, ended, withdrawn.
 */
export const KPI_EVENT_KINDS: readonly LifecycleEvent['kind'][] = [
  'submitted',
  'responded',
  'feedback',
  'deployed',
  'problem-reported',
  'closed',
  'unsolvable',
  'withdrawn',
];

/** The names of the tickets that count against a KPI are listed up to this many; the rest are counted. */
export const KPI_LISTED = 20;

export type KpiResult = {
  kpiId: string;
  name: string;
  metric: Kpi['metric'];
  minPercent: string;
  /** The KPI's own period (a quarter, the term) that the close's period ends in. */
  period: { id: string; start: string; end: string };
  counted: number;
  achieved: number;
  /** Counted tickets not yet achieved and not ended: still open at `asOf`. */
  open: number;
  /** achieved ÷ counted × 100, two decimals half up; null when no ticket counts. */
  rate: string | null;
  /** The exact ratio meets the minimum; null when no ticket counts (nothing to judge). */
  meets: boolean | null;
  /** Numbers of the counted tickets not achieved (up to KPI_LISTED), and how many more. */
  short: string[];
  shortMore: number;
  explained: Explanation;
};

/** The KPI's period that `day` falls in: the term, or the calendar period of its kind clipped to the term. */
export function kpiPeriodOf(
  kpi: Pick<Kpi, 'period'>,
  term: { start: string; end: string },
  day: string,
): { id: string; start: string; end: string } | null {
  if (kpi.period === 'term') return { id: 'term', start: term.start, end: term.end };
  const p = periodsInTerm(kpi.period, term.start, term.end).find((x) => x.start <= day && day <= x.end);
  return p ? { id: p.id, start: p.start, end: p.end } : null;
}

/** The tickets a KPI reads: its categories (every ticket when it names none). */
export function kpiCategories(config: Pick<ParsedConfig, 'sla'>): string[] | null {
  const kpis = config.sla?.kpis ?? [];
  if (!kpis.length) return [];
  if (kpis.some((k) => !k.categories)) return null;
  return [...new Set(kpis.flatMap((k) => k.categories ?? []))];
}

/** What a ticket had done by the end of `asOf` (events with the calendar's offset: the local day is the first ten). */
function progress(ticket: Pick<Ticket, 'severity' | 'events'>, asOf: string) {
  const events: LifecycleEvent[] = ticket.events.filter((e) => e.at.slice(0, 10) <= asOf);
  const has = (k: LifecycleEvent['kind']): boolean => events.some((e) => e.kind === k);
  const sla = toSlaTicket({ severity: ticket.severity, events, pauses: [] }).events;
  const closed = has('closed');
  return {
    raisedOn: ticket.events.find((e) => e.kind === 'submitted')?.at.slice(0, 10),
    withdrawn: has('withdrawn'),
    ended: closed || has('unsolvable'),
    responded: sla.some((e) => e.kind === 'responded'),
    resolved: closed || sla.some((e) => e.kind === 'resolved'),
    closed,
  };
}

/**
 * Every KPI of the contract over its period that `day` (the close's period end) falls in, from the tickets of the
 * contract (any order; those outside the KPI's categories or period are skipped), as of the end of `asOf`.
 */
export function ticketKpis(
  config: Pick<ParsedConfig, 'sla' | 'term'>,
  tickets: readonly Pick<Ticket, 'id' | 'category' | 'severity' | 'events'>[],
  day: string,
  asOf: string,
): KpiResult[] {
  const out: KpiResult[] = [];
  for (const kpi of config.sla?.kpis ?? []) {
    const period = kpiPeriodOf(kpi, config.term, day);
    if (!period) continue;
    let counted = 0;
    let achieved = 0;
    let open = 0;
    const short: string[] = [];
    for (const t of tickets) {
      if (kpi.categories && !kpi.categories.includes(t.category)) continue;
      const p = progress(t, asOf);
      if (!p.raisedOn || p.raisedOn < period.start || p.raisedOn > period.end || p.raisedOn > asOf || p.withdrawn)
        continue;
      counted++;
      const done =
        kpi.metric === 'response-rate' ? p.responded : kpi.metric === 'resolution-rate' ? p.resolved : p.closed;
      if (done) achieved++;
      else {
        if (!p.ended) open++;
        short.push(t.id);
      }
    }
    short.sort();
    const exact = counted ? new Decimal(achieved).times(100).dividedBy(counted) : null;
    const rate = exact ? toFixed2(exact) : null;
    const meets = exact ? exact.greaterThanOrEqualTo(kpi.minPercent) : null;
    out.push({
      kpiId: kpi.id,
      name: kpi.name,
      metric: kpi.metric,
      minPercent: String(kpi.minPercent),
      period,
      counted,
      achieved,
      open,
      rate,
      meets,
      short: short.slice(0, KPI_LISTED),
      shortMore: Math.max(0, short.length - KPI_LISTED),
      explained: counted
        ? explain('kpi.rate', {
            name: kpi.name,
            from: period.start,
            to: period.end,
            asOf,
            counted,
            achieved,
            kpiMetric: kpi.metric,
            rate,
            minPercent: String(kpi.minPercent),
            short: short.length ? short.slice(0, KPI_LISTED).join('、') : undefined,
            more: short.length > KPI_LISTED ? short.length - KPI_LISTED : undefined,
            open: open || undefined,
            meets: meets ? 'true' : 'false',
          })
        : explain('kpi.rate.none', { name: kpi.name, from: period.start, to: period.end, asOf }),
    });
  }
  return out;
}

/** A close's flag for a KPI below its minimum: evidence for the quarter's 服务合格, which the buyer decides. */
export type KpiFlag = { code: 'KPI_BELOW_TARGET'; subject: string; message: string; explained: Explanation };

export function kpiFlags(results: readonly KpiResult[]): KpiFlag[] {
  return results
    .filter((r) => r.meets === false)
    .map((r) => ({
      code: 'KPI_BELOW_TARGET' as const,
      subject: r.kpiId,
      message: `${r.name}: ${r.rate} % of ${r.counted} below the minimum ${r.minPercent} % (${r.period.start} to ${r.period.end})`,
      explained: explain('KPI_BELOW_TARGET', {
        name: r.name,
        rate: r.rate,
        minPercent: r.minPercent,
        achieved: r.achieved,
        counted: r.counted,
        from: r.period.start,
        to: r.period.end,
      }),
    }));
}
