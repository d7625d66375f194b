import type { TicketRecord } from '@ledger/scoring';
import { formatInstant, toEpochMs, type Pause, type TicketEvent, type TicketEventKind } from '@ledger/sla';
import type { LifecycleEventKind, Ticket } from './ticket.types';

/** The SLA evaluator's view of a ticket: `evaluateTicketSla({ ticket: toSlaTicket(t), policy, calendar, now })`. */
export type SlaTicket = { severity: string; events: TicketEvent[]; pauses: Pause[] };

/**
 * Lifecycle event → SLA stop events (the evaluator takes the first occurrence of each kind):
 *  - submitted → reported (提出/报修: the clocks of a target with startsAt 'reported' start here, domain.md rule 13)
 *  - received → received (签收 starts every other clock, domain.md rule 8; 000:47)
 *  - responded → responded; feedback → feedback AND responded (反馈处理意见 answers the ticket, 000:48; an earlier
 *    explicit response still wins, being first)
 *  - on-site → on-site; contained → contained
 *  - deployed → resolved, but only the deployment that stuck: a deployment followed by `problem-reported` did
 *    not resolve anything (000:53), so the evaluator sees the last deployment after the last returned fix
 *  - closed → closed; unsolvable → closed (the ticket ends by agreement, 000:49; it is never resolved)
 * Submission, review, tests, pauses and date changes have no SLA meaning. Pauses are the buyer-approved intervals.
 */
export function toSlaTicket(ticket: Pick<Ticket, 'severity' | 'events' | 'pauses'>): SlaTicket {
  const events: TicketEvent[] = [];
  let resolved: TicketEvent | undefined;
  const direct: Partial<Record<LifecycleEventKind, TicketEventKind>> = {
    submitted: 'reported',
    received: 'received',
    responded: 'responded',
    'on-site': 'on-site',
    contained: 'contained',
    closed: 'closed',
    unsolvable: 'closed',
  };
  for (const e of ticket.events) {
    const kind = direct[e.kind];
    if (kind) events.push({ kind, at: e.at });
    if (e.kind === 'feedback') events.push({ kind: 'feedback', at: e.at }, { kind: 'responded', at: e.at });
    if (e.kind === 'deployed') resolved = { kind: 'resolved', at: e.at };
    if (e.kind === 'problem-reported') resolved = undefined;
  }
  if (resolved) events.push(resolved);
  return { severity: ticket.severity, events, pauses: ticket.pauses.map((p) => ({ from: p.from, to: p.to })) };
}

export type MetricsTicketOptions = {
  /** The calendar's time zone, for the local completion date (default Asia/Shanghai). */
  timeZone?: string;
  /**
   * What counts as completion (实际完成日期): `'deployed'` (default — the fix in production, the last deployment
   * that was not reported back) or `'closed'` (the 问题关闭 date, one stable period later).
   */
  completion?: 'deployed' | 'closed';
};

/**
 * The derived-metrics view (`plannedAchievementRate`, `specialAttentionDelay` of @ledger/scoring), or null when
 * the ticket is not in those metrics: no expected close date (rule 5 counts tickets by that date), or withdrawn
 * or ended as unsolvable by agreement (000:49: the three parties agreed to end it, so it is neither achieved nor late).
 * With completion `'deployed'`, a ticket counts as completed while deployed, stable or closed (a fix reported back
 * returns it to in-progress and it is open again until the next deployment); with `'closed'`, only once closed.
 */
export function toMetricsTicket(ticket: Ticket, options: MetricsTicketOptions = {}): TicketRecord | null {
  if (!ticket.expectedCloseDate || ticket.state === 'unsolvable' || ticket.state === 'withdrawn') return null;
  const zone = options.timeZone ?? 'Asia/Shanghai';
  const byClosure = options.completion === 'closed';
  const completed = byClosure ? ticket.state === 'closed' : ['deployed', 'stable', 'closed'].includes(ticket.state);
  const kind = byClosure ? 'closed' : 'deployed';
  const completedAt = completed ? [...ticket.events].reverse().find((e) => e.kind === kind)?.at : undefined;
  return {
    id: ticket.id,
    expectedCloseDate: ticket.expectedCloseDate,
    ...(ticket.extendedTo ? { extendedTo: ticket.extendedTo } : {}),
    ...(completedAt ? { completedDate: formatInstant(toEpochMs(completedAt), zone).slice(0, 10) } : {}),
    specialAttention: ticket.specialAttention,
  };
}
