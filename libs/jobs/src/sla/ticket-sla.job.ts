import { Injectable } from '@nestjs/common';
import {
  calendarOf,
  parseContractConfig,
  timeZoneOf,
  toSlaTicket,
  type DataChecklist,
  type JobPayload,
  type LifecycleEvent,
  type ParsedConfig,
  type Ticket,
  type TicketState,
} from '@ledger/contracts';
import { DomainError } from '@ledger/kernel';
import { ContractVersionEntity, TenantDatabase, TicketEntity, TicketEventEntity } from '@ledger/persistence';
import { evaluateTicketSla, formatInstant, toEpochMs, type TargetResult, type TicketSlaResult, type WorkCalendar } from '@ledger/sla';
import type { EntityManager } from 'typeorm';
import { jobScope, UnrecoverableJobError, type JobHandler, type JobRun } from '../runtime/job-handler';
import { JobOutbox, lockJobKey } from '../runtime/job-outbox';

/*
 * The SLA jobs share what is in this file: loading a ticket's governing configuration, turning the stored ticket
 * into the domain Ticket (the same mapping as the API's read-time `sla` field), evaluating it with the same pure
 * functions, and the 75 % / 100 % warning rule with its dedupe keys.
 */

/** A ticket in one of these states has no running clock: no warning is raised for it. */
export const ENDED_STATES: readonly string[] = ['closed', 'withdrawn', 'unsolvable'];

/** The configuration a ticket is governed by (tickets.config_version), parsed, with its calendar. */
export type GoverningConfig = { config: ParsedConfig; calendar: WorkCalendar; version: number };

/**
 * Parsed configurations and calendars by contract version. Versions are immutable, so the cache never goes stale;
 * rows are read in the caller's transaction (RLS decides), the cache only saves parsing.
 */
export class GoverningConfigs {
  private readonly known = new Map<string, GoverningConfig>();

  /** The governing configuration of every given (contract, version); a version that cannot be read is absent. */
  async load(em: EntityManager, wanted: readonly { contractId: string; configVersion: number }[]): Promise<Map<string, GoverningConfig>> {
    const out = new Map<string, GoverningConfig>();
    const missing = new Map<string, { contractId: string; version: number }>();
    for (const w of wanted) {
      const key = GoverningConfigs.key(w.contractId, w.configVersion);
      const hit = this.known.get(key);
      if (hit) out.set(key, hit);
      else missing.set(key, { contractId: w.contractId, version: w.configVersion });
    }
    if (missing.size) {
      const rows = await em.getRepository(ContractVersionEntity).find({ where: [...missing.values()] });
      for (const row of rows) {
        const config = parseContractConfig(row.configuration);
        const gov = { config, calendar: calendarOf(config), version: row.version };
        const key = GoverningConfigs.key(row.contractId, row.version);
        this.known.set(key, gov);
        out.set(key, gov);
      }
    }
    return out;
  }

  static key(contractId: string, version: number): string {
    return `${contractId}:${version}`;
  }
}

/** The stored ticket and its history as the domain Ticket (the mapping of the API's tickets service, pauses included). */
export function ticketToDomain(row: TicketEntity, events: readonly TicketEventEntity[], zone: string): Ticket {
  const lifecycle: LifecycleEvent[] = events.map((e) => ({
    kind: e.kind as LifecycleEvent['kind'],
    at: formatInstant(e.at.getTime(), zone),
    actor: e.actorSide,
    ...(e.note !== null ? { note: e.note } : {}),
    ...(e.payload ? { data: e.payload } : {}),
  }));
  const pauses = lifecycle
    .filter((e) => e.kind === 'paused' && e.data)
    .map((e) => ({ from: String(e.data?.from), to: String(e.data?.to), approvedBy: 'buyer' as const, reason: e.note ?? '' }));
  return {
    id: row.number,
    ...(row.title !== null ? { title: row.title } : {}),
    category: row.category,
    ...(row.businessArea !== null ? { businessArea: row.businessArea } : {}),
    severity: row.severity,
    specialAttention: row.specialAttention,
    ...(row.expectedCloseDate !== null ? { expectedCloseDate: row.expectedCloseDate } : {}),
    ...(row.extendedTo !== null ? { extendedTo: row.extendedTo } : {}),
    state: row.state as TicketState,
    ...(row.checklist ? { checklist: row.checklist as DataChecklist } : {}),
    events: lifecycle,
    pauses,
  };
}

export type SlaStatusSummary = 'met' | 'running' | 'breached';

export type SlaEvaluation = { ok: true; result: TicketSlaResult; status: SlaStatusSummary } | { ok: false; note: string };

/**
 * A ticket's SLA at `nowMs`, exactly as the API's read-time `sla` field computes it: no policy or no receipt yet is
 * a note, a domain error (unpublished calendar year, inconsistent history) is a note too. `now` is never earlier
 * than the last event (an action may be recorded up to a minute ahead of the server clock).
 */
export function evaluateTicket(ticket: Ticket, gov: GoverningConfig, nowMs: number): SlaEvaluation {
  if (!gov.config.sla) return { ok: false, note: 'the contract has no SLA policy' };
  if (!ticket.events.some((e) => e.kind === 'received')) return { ok: false, note: 'the SLA clocks start at receipt (签收)' };
  const latest = Math.max(...ticket.events.map((e) => toEpochMs(e.at)));
  try {
    const result = evaluateTicketSla({ ticket: toSlaTicket(ticket), policy: gov.config.sla.policy, calendar: gov.calendar, now: Math.max(nowMs, latest) });
    const statuses = result.targets.map((x) => x.status);
    const status = statuses.includes('breached') ? 'breached' : statuses.includes('running') ? 'running' : 'met';
    return { ok: true, result, status };
  } catch (e) {
    if (e instanceof DomainError) return { ok: false, note: e.message };
    throw e;
  }
}

export type SlaNotification = {
  tenantId: string;
  contractId: string;
  ticketId: string;
  dedupeKey: string;
  kind: 'sla-at-risk' | 'sla-breached';
  severity: 'warning' | 'critical';
  message: string;
  details: Record<string, string | number>;
};

/** 75 % and 100 % of a target's budget. */
export const WARNING_THRESHOLDS = [75, 100] as const;

/** The dedupe key of a warning: one per ticket, target and threshold, whoever raises it (ticket job or scan). */
export const slaDedupeKey = (ticketId: string, targetId: string, threshold: 75 | 100): string => `sla-${ticketId}-${targetId}-${threshold}`;

const clockLabel = (t: TargetResult): string => (t.clock === 'working' ? '工作时间' : '7×24 小时');
const localMinute = (iso: string): string => iso.slice(0, 16).replace('T', ' ');

/**
 * The warnings a ticket's evaluation calls for. A ticket whose clocks have ended (closed, withdrawn, unsolvable)
 * raises none. Per target, only the highest threshold reached is raised:
 *  - 100 % (`sla-breached`, critical): elapsed ≥ target, the clock running or stopped after the budget (breached);
 *  - 75 % (`sla-at-risk`, warning): the clock still running and elapsed ≥ 75 % of target (integer minutes:
 *    4 × elapsed ≥ 3 × target). A stopped clock that met its target raises nothing.
 * The dedupe keys make each warning exist once (INSERT … ON CONFLICT DO NOTHING).
 */
export function slaNotifications(
  ticket: { tenantId: string; contractId: string; id: string; number: string; title: string | null; state: string },
  evaluation: { result: TicketSlaResult; configVersion: number },
): SlaNotification[] {
  if (ENDED_STATES.includes(ticket.state)) return [];
  const out: SlaNotification[] = [];
  const name = `联系单 ${ticket.number}${ticket.title ? `（${ticket.title}）` : ''}`;
  for (const t of evaluation.result.targets) {
    if (t.targetMinutes <= 0) continue;
    const threshold: 75 | 100 | null =
      t.elapsedMinutes >= t.targetMinutes && (t.status === 'running' || t.status === 'breached') ? 100 : t.status === 'running' && 4 * t.elapsedMinutes >= 3 * t.targetMinutes ? 75 : null;
    if (threshold === null) continue;
    const details = {
      ticketNumber: ticket.number,
      targetId: t.targetId,
      targetName: t.name,
      metric: t.metric,
      clock: t.clock,
      threshold,
      status: t.status,
      elapsedMinutes: t.elapsedMinutes,
      targetMinutes: t.targetMinutes,
      percentUsed: t.percentUsed,
      breachMinutes: t.breachMinutes,
      start: t.start,
      deadline: t.deadline,
      evaluatedAt: evaluation.result.evaluatedAt,
      configVersion: evaluation.configVersion,
      calendarVersion: evaluation.result.calendarVersion,
    };
    const message =
      threshold === 100
        ? `${name}「${t.name}」已超时：已用 ${t.elapsedMinutes} 分钟，时限 ${t.targetMinutes} 分钟（${clockLabel(t)}，${t.percentUsed}%），截止 ${localMinute(t.deadline)}` +
          `${t.breachMinutes > 0 ? `，超出 ${t.breachMinutes} 分钟` : ''}${t.stop ? '' : '，计时仍在进行'}。`
        : `${name}「${t.name}」即将超时：已用 ${t.elapsedMinutes} / ${t.targetMinutes} 分钟（${clockLabel(t)}，${t.percentUsed}%），截止 ${localMinute(t.deadline)}，剩余 ${t.targetMinutes - t.elapsedMinutes} 分钟。`;
    out.push({
      tenantId: ticket.tenantId,
      contractId: ticket.contractId,
      ticketId: ticket.id,
      dedupeKey: slaDedupeKey(ticket.id, t.targetId, threshold),
      kind: threshold === 100 ? 'sla-breached' : 'sla-at-risk',
      severity: threshold === 100 ? 'critical' : 'warning',
      message,
      details,
    });
  }
  return out;
}

/** Inserts warnings that do not exist yet (by dedupe key); returns how many were new. */
export async function insertNotifications(em: EntityManager, rows: readonly SlaNotification[]): Promise<number> {
  let inserted = 0;
  for (const n of rows) {
    const r: unknown[] = await em.query(
      `INSERT INTO notifications (tenant_id, contract_id, ticket_id, dedupe_key, kind, severity, message, details)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING RETURNING id`,
      [n.tenantId, n.contractId, n.ticketId, n.dedupeKey, n.kind, n.severity, n.message, JSON.stringify(n.details)],
    );
    inserted += r.length;
  }
  return inserted;
}

/** The events of the given tickets, in order (ticket, seq). */
export function ticketEvents(em: EntityManager, ticketIds: readonly string[]): Promise<TicketEventEntity[]> {
  if (ticketIds.length === 0) return Promise.resolve([]);
  return em
    .getRepository(TicketEventEntity)
    .createQueryBuilder('e')
    .where('e.ticket_id IN (:...ids)', { ids: [...ticketIds] })
    .orderBy('e.ticket_id')
    .addOrderBy('e.seq')
    .getMany();
}

/**
 * `ticket-sla`: stores a ticket's SLA results at a point of its history (the first `eventCount` events, which is
 * what the event that enqueued the job left), evaluated at the time the job runs, and raises the 75 % / 100 %
 * warnings when that point is the ticket's present. One transaction under the job's advisory lock; the result row
 * (UNIQUE on ticket, event count, configuration and calendar versions), the warnings (UNIQUE dedupe key) and the
 * completion mark commit together, so a retry after a commit changes nothing.
 */
@Injectable()
export class TicketSlaJob implements JobHandler<'ticket-sla'> {
  readonly name = 'ticket-sla' as const;
  private readonly configs = new GoverningConfigs();

  constructor(private readonly db: TenantDatabase) {}

  handle(payload: JobPayload<'ticket-sla'>, run: JobRun): Promise<unknown> {
    return this.handleAt(payload, run, Date.now());
  }

  /** The job with its clock passed in (`handle` passes Date.now()). */
  async handleAt(payload: JobPayload<'ticket-sla'>, run: JobRun, nowMs: number): Promise<unknown> {
    return this.db.run(jobScope(payload.tenantId, run), async (em) => {
      await lockJobKey(em, run.id);
      const ticket = await em.getRepository(TicketEntity).findOne({ where: { id: payload.ticketId } });
      if (!ticket) throw new UnrecoverableJobError(`ticket ${payload.ticketId} does not exist in tenant ${payload.tenantId}`);
      const all = await ticketEvents(em, [ticket.id]);
      if (all.length < payload.eventCount) throw new UnrecoverableJobError(`ticket ${ticket.id} has ${all.length} events, the job asks for the first ${payload.eventCount}`);
      const events = all.slice(0, payload.eventCount);
      const base = { ticketId: ticket.id, number: ticket.number, eventCount: payload.eventCount, configVersion: ticket.configVersion };

      const gov = (await this.configs.load(em, [ticket])).get(GoverningConfigs.key(ticket.contractId, ticket.configVersion));
      if (!gov) throw new UnrecoverableJobError(`contract ${ticket.contractId} has no configuration version ${ticket.configVersion}`);
      const evaluation = evaluateTicket(ticketToDomain(ticket, events, timeZoneOf(gov.config)), gov, nowMs);
      if (!evaluation.ok) {
        const summary = { ...base, stored: false, note: evaluation.note, notifications: 0 };
        await JobOutbox.complete(em, run.id, summary);
        return summary;
      }
      const { result, status } = evaluation;
      const stored: unknown[] = await em.query(
        `INSERT INTO ticket_sla_results (tenant_id, contract_id, ticket_id, event_count, config_version, calendar_version, status, targets, evaluated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING RETURNING id`,
        [ticket.tenantId, ticket.contractId, ticket.id, payload.eventCount, gov.version, result.calendarVersion, status, JSON.stringify(result.targets), result.evaluatedAt],
      );
      // Warnings describe the present: only when no later event has been recorded since the job was asked for.
      const present = all.length === payload.eventCount;
      const notifications = present ? await insertNotifications(em, slaNotifications(ticket, { result, configVersion: gov.version })) : 0;
      const summary = { ...base, stored: stored.length > 0, status, calendarVersion: result.calendarVersion, evaluatedAt: result.evaluatedAt, notifications };
      await JobOutbox.complete(em, run.id, summary);
      return summary;
    });
  }
}
