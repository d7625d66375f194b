import { Decimal, dec, toFixed2 } from '@ledger/kernel';
import {
  plannedAchievementRate,
  specialAttentionDelay,
  type SpecialAttentionDelay,
  type TicketRecord,
} from '@ledger/scoring';

/**
 * How many ticket numbers a close keeps per list in its stored details (achieved, missed, pending; special-attention
 * tickets; the notes and explanations that name tickets). The counts are always complete; past the limit the lists
 * hold the first tickets in the order they were recorded and the full lists are in the ticket ledger.
 */
export const DETAIL_LIST_LIMIT = 1000;

const LEDGER_NOTE =
  'the full lists are in the ticket ledger (the contract’s tickets with their expected and extended close dates and their history)';

type Bounds = { id: string; from: string; to: string };

/** A list of ticket numbers kept up to a limit, with the full count. */
class Capped<T> {
  readonly items: T[] = [];
  count = 0;
  constructor(private readonly limit: number) {}
  push(xs: readonly T[]): void {
    for (const x of xs) {
      if (this.items.length < this.limit) this.items.push(x);
      this.count++;
    }
  }
  get truncated(): boolean {
    return this.count > this.items.length;
  }
}

type DelayTicket = SpecialAttentionDelay['tickets'][number];

type PeriodState = {
  achieved: Capped<string>;
  missed: Capped<string>;
  pending: Capped<string>;
  /** Every special-attention ticket due in the period, the delayed ones (days > 0), and their open-ticket notes. */
  special: Capped<DelayTicket>;
  delayed: Capped<DelayTicket>;
  openNotes: Capped<string>;
  aggregate: SpecialAttentionDelay['aggregate'];
  total: number;
};

export type AchievementMetric = {
  numerator: number;
  denominator: number;
  rate: string | null;
  display: string | null;
  explanation: string;
  notes: string[];
  details: {
    achieved: string[];
    missed: string[];
    pending: string[];
    counts: { achieved: number; missed: number; pending: number };
    limit: number;
    truncated: boolean;
    note?: string;
  };
};

export type DelayMetric = {
  days: string;
  explanation: string;
  notes: string[];
  details: {
    aggregate: SpecialAttentionDelay['aggregate'];
    tickets: DelayTicket[];
    counts: { tickets: number; delayed: number };
    limit: number;
    truncated: boolean;
    note?: string;
  };
};

/**
 * The ticket-derived metrics of a close (计划内达成率, 特别关注类问题延期时间) over the contract's tickets read in
 * batches: each batch goes through @ledger/scoring's own `plannedAchievementRate` / `specialAttentionDelay` (which
 * decide what is achieved, missed, pending, delayed and by how many days), and only the counts, the sum of days and
 * the first `limit` ticket numbers of each list are kept — memory does not grow with the number of tickets.
 *
 * Both metrics are sums over tickets, so the figures are those of one call over all tickets: numerator and
 * denominator are counts, the rate is numerator ÷ denominator × 100 (exact), the delay the sum (or maximum) of the
 * per-ticket days. The wording of explanations and notes is the library's; under the limit the whole output equals
 * the library's on all tickets at once (ticket-metrics.spec.ts checks it on random tickets and batch sizes).
 * Ticket numbers are unique within a contract (UNIQUE (tenant_id, contract_id, number)), so the library's
 * duplicate check has nothing to find across batches.
 */
export class TicketMetricsAccumulator {
  private readonly state = new Map<string, PeriodState>();

  constructor(
    private readonly periods: readonly Bounds[],
    private readonly asOf: string,
    private readonly limit = DETAIL_LIST_LIMIT,
  ) {
    for (const p of periods) {
      this.state.set(p.id, {
        achieved: new Capped(limit),
        missed: new Capped(limit),
        pending: new Capped(limit),
        special: new Capped(limit),
        delayed: new Capped(limit),
        openNotes: new Capped(limit),
        aggregate: 'sum',
        total: 0,
      });
    }
  }

  /**
   * One batch of tickets (in the order they were recorded). The achievement rate sees (and validates) every ticket;
   * the delay only the special-attention ones, the only tickets it counts.
   */
  add(tickets: readonly TicketRecord[]): void {
    if (tickets.length === 0) return;
    const special = tickets.filter((t) => t.specialAttention);
    for (const p of this.periods) {
      const s = this.state.get(p.id) as PeriodState;
      const period = { from: p.from, to: p.to };
      const r = plannedAchievementRate({ tickets: tickets as TicketRecord[], period, asOf: this.asOf });
      s.achieved.push(r.achieved);
      s.missed.push(r.missed);
      s.pending.push(r.pending);
      if (special.length === 0) continue;
      const d = specialAttentionDelay({ tickets: special, period, asOf: this.asOf });
      s.aggregate = d.aggregate;
      s.special.push(d.tickets);
      s.delayed.push(d.tickets.filter((t) => t.days > 0));
      s.openNotes.push(
        d.tickets
          .filter((t) => t.open && t.days > 0)
          .map((t) => `${t.id} is open: its delay is counted to ${this.asOf} (${t.days} days)`),
      );
      s.total =
        d.aggregate === 'sum'
          ? s.total + d.tickets.reduce((a, t) => a + t.days, 0)
          : d.tickets.reduce((a, t) => Math.max(a, t.days), s.total);
    }
  }

  /** 计划内达成率 of a period, as `plannedAchievementRate` words it, with bounded details. */
  achievement(periodId: string): AchievementMetric {
    const p = this.bounds(periodId);
    const s = this.state.get(periodId) as PeriodState;
    const numerator = s.achieved.count;
    const denominator = s.achieved.count + s.missed.count;
    const truncated = s.achieved.truncated || s.missed.truncated || s.pending.truncated;
    const details: AchievementMetric['details'] = {
      achieved: s.achieved.items,
      missed: s.missed.items,
      pending: s.pending.items,
      counts: { achieved: s.achieved.count, missed: s.missed.count, pending: s.pending.count },
      limit: this.limit,
      truncated,
      ...(truncated
        ? {
            note: `each list holds the first ${this.limit} ticket numbers (in the order the tickets were recorded) of its count; ${LEDGER_NOTE}`,
          }
        : {}),
    };
    const notes: string[] = [];
    if (s.pending.count)
      notes.push(
        `${s.pending.count} open ticket(s) not yet due as of ${this.asOf} left out (provisional): ${listed(s.pending)}`,
      );
    if (denominator === 0) {
      notes.push(`no tickets due in ${p.from}..${p.to}: the achievement rate is undefined`);
      return {
        numerator,
        denominator,
        rate: null,
        display: null,
        explanation: `计划内达成率: no tickets due in ${p.from}..${p.to} → undefined`,
        notes,
        details,
      };
    }
    const rate = new Decimal(numerator).div(denominator).times(100);
    const display = toFixed2(rate);
    return {
      numerator,
      denominator,
      rate: rate.toString(),
      display,
      explanation: `计划内达成率 = ${numerator} on time ÷ ${denominator} due in ${p.from}..${p.to} = ${display} %`,
      notes,
      details,
    };
  }

  /** 特别关注类问题延期时间 of a period, as `specialAttentionDelay` words it, with bounded details. */
  delay(periodId: string): DelayMetric {
    const p = this.bounds(periodId);
    const s = this.state.get(periodId) as PeriodState;
    const aggregate = s.aggregate;
    const notes = [...s.openNotes.items];
    if (s.openNotes.truncated)
      notes.push(
        `… and ${s.openNotes.count - s.openNotes.items.length} more open special-attention ticket(s) counted to ${this.asOf}; ${LEDGER_NOTE}`,
      );
    if (s.special.count === 0) notes.push(`no special-attention tickets due in ${p.from}..${p.to}: delay 0`);
    // Past the limit, the list keeps what a person acts on: the delayed tickets.
    const truncated = s.special.truncated;
    const tickets = truncated ? s.delayed.items : s.special.items;
    const parts = s.delayed.items.map((t) => `${t.id} ${t.days}`);
    if (s.delayed.truncated) parts.push(`… and ${s.delayed.count - s.delayed.items.length} more`);
    const total = s.total;
    return {
      days: dec(total).toString(),
      explanation: `特别关注类问题延期 (${aggregate}) = ${parts.length ? `${aggregate === 'sum' ? parts.join(' + ') : `max(${parts.join(', ')})`} = ` : ''}${total} 天`,
      notes,
      details: {
        aggregate,
        tickets,
        counts: { tickets: s.special.count, delayed: s.delayed.count },
        limit: this.limit,
        truncated,
        ...(truncated
          ? {
              note: `${s.special.count} special-attention tickets are due in the period: the list holds ${s.delayed.truncated ? `the first ${this.limit} of the ${s.delayed.count} delayed ones` : `the ${s.delayed.count} delayed ones`}; ${LEDGER_NOTE}`,
            }
          : {}),
      },
    };
  }

  private bounds(id: string): Bounds {
    const p = this.periods.find((x) => x.id === id);
    if (!p) throw new Error(`period ${id} is not accumulated`);
    return p;
  }
}

function listed(l: Capped<string>): string {
  return l.truncated
    ? `${l.items.join(', ')}, … and ${l.count - l.items.length} more (${LEDGER_NOTE})`
    : l.items.join(', ');
}
