import { Injectable } from '@nestjs/common';
import {
  evaluateTicket,
  isFinalState,
  parseContractConfig,
  timeZoneOf,
  type DataChecklist,
  type JobPayload,
  type LifecycleEvent,
  type ParsedConfig,
  type Ticket,
  type TicketState,
} from '@ledger/contracts';
import { TenantDatabase, type TicketEntity, type TicketEventEntity } from '@ledger/persistence';
import { formatInstant, type SlaStatus, type TargetResult, type TicketSlaResult, type WorkCalendar } from '@ledger/sla';
import type { EntityManager } from 'typeorm';
import { NationalCalendarStore } from '../shared/national-calendar.store';
import { jobScope, UnrecoverableJobError, type JobHandler, type JobRun } from '@ledger/jobs';
import { JobOutbox, lockJobKey } from '@ledger/jobs';
import { TicketSlaStore, type SlaNotification, type SlaResultRow } from './ticket-sla.store';

/*
 * The SLA jobs share what is in this file: loading a ticket's governing configuration, turning the stored ticket
 * into the domain Ticket (the same mapping as the API's read-time `sla` field), evaluating it with the same pure
 * functions, and the 75 % / 100 % warning rule with its dedupe keys.
 */

/** The configuration a ticket is governed by (tickets.config_version), parsed, with its calendar. */
export type GoverningConfig = { config: ParsedConfig; calendar: WorkCalendar; version: number };

/**
 * Parsed configurations and calendars by contract version, on the current national calendar (NationalCalendarStore,
 * read from the database). Versions are immutable and the key holds the national version, so the cache never goes
 * stale; rows are read in the caller's transaction (RLS decides), the cache only saves parsing.
 */
export class GoverningConfigs {
  private readonly known = new Map<string, GoverningConfig>();

  constructor(private readonly calendars: NationalCalendarStore) {}

  /** The governing configuration of every given (contract, version); a version that cannot be read is absent. */
  async load(
    em: EntityManager,
    wanted: readonly { contractId: string; configVersion: number }[],
  ): Promise<Map<string, GoverningConfig>> {
    const national = await this.calendars.national(em);
    const out = new Map<string, GoverningConfig>();
    const missing = new Map<string, { contractId: string; version: number }>();
    for (const w of wanted) {
      const key = GoverningConfigs.key(w.contractId, w.configVersion);
      const hit = this.known.get(`${national.version}|${key}`);
      if (hit) out.set(key, hit);
      else missing.set(key, { contractId: w.contractId, version: w.configVersion });
    }
    if (missing.size) {
      if (this.known.size > 5000) this.known.clear();
      const rows = await TicketSlaStore.configVersions(em, [...missing.values()]);
      for (const row of rows) {
        const config = parseContractConfig(row.configuration);
        const gov = { config, calendar: this.calendars.calendarOn(national, config), version: row.version };
        const key = GoverningConfigs.key(row.contractId, row.version);
        this.known.set(`${national.version}|${key}`, gov);
        out.set(key, gov);
      }
    }
    return out;
  }

  static key(contractId: string, version: number): string {
    return `${contractId}:${version}`;
  }
}

/** What of a stored ticket the domain Ticket is made of. */
export type StoredTicket = Pick<
  TicketEntity,
  | 'number'
  | 'title'
  | 'category'
  | 'businessArea'
  | 'severity'
  | 'specialAttention'
  | 'expectedCloseDate'
  | 'extendedTo'
  | 'state'
  | 'checklist'
>;
/** What of a stored event the domain event is made of. */
export type StoredTicketEvent = Pick<TicketEventEntity, 'kind' | 'at' | 'actorSide' | 'note' | 'payload'>;

/** The stored ticket and its history as the domain Ticket (the mapping of the API's tickets service, pauses included). */
export function ticketToDomain(row: StoredTicket, events: readonly StoredTicketEvent[], zone: string): Ticket {
  const lifecycle: LifecycleEvent[] = events.map((e) => ({
    kind: e.kind as LifecycleEvent['kind'],
    at: formatInstant(e.at.getTime(), zone),
    actor: e.actorSide,
    ...(e.note !== null ? { note: e.note } : {}),
    ...(e.payload ? { data: e.payload } : {}),
  }));
  const pauses = lifecycle
    .filter((e) => e.kind === 'paused' && e.data)
    .map((e) => ({
      from: String(e.data?.from),
      to: String(e.data?.to),
      approvedBy: 'buyer' as const,
      reason: e.note ?? '',
    }));
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

export type SlaStatusSummary = SlaStatus;

/** 75 % and 100 % of a target's budget. */
export const WARNING_THRESHOLDS = [75, 100] as const;

/** The dedupe key of a warning: one per ticket, target and threshold, whoever raises it (ticket job or scan). */
export const slaDedupeKey = (ticketId: string, targetId: string, threshold: 75 | 100): string =>
  `sla-${ticketId}-${targetId}-${threshold}`;

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
  // A ticket in a final state (closed, withdrawn, unsolvable) has no running clock: no warning is raised for it.
  if (isFinalState(ticket.state)) return [];
  const out: SlaNotification[] = [];
  const name = `联系单 ${ticket.number}${ticket.title ? `（${ticket.title}）` : ''}`;
  for (const t of evaluation.result.targets) {
    if (t.targetMinutes <= 0) continue;
    const threshold: 75 | 100 | null =
      t.elapsedMinutes >= t.targetMinutes && (t.status === 'running' || t.status === 'breached')
        ? 100
        : t.status === 'running' && 4 * t.elapsedMinutes >= 3 * t.targetMinutes
          ? 75
          : null;
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
      // 1 when the deadline and figures were computed on a provisional calendar year (domain rule 18).
      provisional: t.provisional ? 1 : 0,
    };
    const deadline = `${localMinute(t.deadline)}${t.provisional ? '（暂定）' : ''}`;
    const message =
      threshold === 100
        ? `${name}「${t.name}」已超时：已用 ${t.elapsedMinutes} 分钟，时限 ${t.targetMinutes} 分钟（${clockLabel(t)}，${t.percentUsed}%），截止 ${deadline}` +
          `${t.breachMinutes > 0 ? `，超出 ${t.breachMinutes} 分钟` : ''}${t.stop ? '' : '，计时仍在进行'}。`
        : `${name}「${t.name}」即将超时：已用 ${t.elapsedMinutes} / ${t.targetMinutes} 分钟（${clockLabel(t)}，${t.percentUsed}%），截止 ${deadline}，剩余 ${t.targetMinutes - t.elapsedMinutes} 分钟。`;
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
  private readonly configs: GoverningConfigs;

  constructor(
    private readonly db: TenantDatabase,
    calendars: NationalCalendarStore,
  ) {
    this.configs = new GoverningConfigs(calendars);
  }

  handle(payload: JobPayload<'ticket-sla'>, run: JobRun): Promise<unknown> {
    return this.handleAt(payload, run, Date.now());
  }

  /** The job with its clock passed in (`handle` passes Date.now()). */
  async handleAt(payload: JobPayload<'ticket-sla'>, run: JobRun, nowMs: number): Promise<unknown> {
    return this.db.run(jobScope(payload.tenantId, run), async (em) => {
      await lockJobKey(em, run.id);
      const ticket = await TicketSlaStore.ticket(em, payload.ticketId);
      if (!ticket)
        throw new UnrecoverableJobError(`ticket ${payload.ticketId} does not exist in tenant ${payload.tenantId}`);
      const all = await TicketSlaStore.events(em, [ticket.id], ticket.tenantId);
      if (all.length < payload.eventCount)
        throw new UnrecoverableJobError(
          `ticket ${ticket.id} has ${all.length} events, the job asks for the first ${payload.eventCount}`,
        );
      const events = all.slice(0, payload.eventCount);
      const base = {
        ticketId: ticket.id,
        number: ticket.number,
        eventCount: payload.eventCount,
        configVersion: ticket.configVersion,
      };

      const gov = (await this.configs.load(em, [ticket])).get(
        GoverningConfigs.key(ticket.contractId, ticket.configVersion),
      );
      if (!gov)
        throw new UnrecoverableJobError(
          `contract ${ticket.contractId} has no configuration version ${ticket.configVersion}`,
        );
      const evaluation = evaluateTicket(ticketToDomain(ticket, events, timeZoneOf(gov.config)), gov, nowMs);
      if (!evaluation.ok) {
        const summary = { ...base, stored: false, note: evaluation.note, notifications: 0 };
        await JobOutbox.complete(em, run.id, summary);
        return summary;
      }
      const { result, status } = evaluation;
      const stored = await TicketSlaStore.insertResult(em, {
        tenantId: ticket.tenantId,
        contractId: ticket.contractId,
        ticketId: ticket.id,
        eventCount: payload.eventCount,
        configVersion: gov.version,
        result,
        status,
      });
      // Warnings describe the present: only when no later event has been recorded since the job was asked for.
      const present = all.length === payload.eventCount;
      const notifications = present
        ? await TicketSlaStore.insertNotifications(em, slaNotifications(ticket, { result, configVersion: gov.version }))
        : 0;
      const summary = {
        ...base,
        stored,
        status,
        provisional: result.provisional,
        calendarVersion: result.calendarVersion,
        evaluatedAt: result.evaluatedAt,
        notifications,
      };
      await JobOutbox.complete(em, run.id, summary);
      return summary;
    });
  }
}

/** An imported ticket as the batch job reads it: the ticket and the number of events the import gave it. */
type ImportedTicket = StoredTicket & {
  id: string;
  tenantId: string;
  contractId: string;
  configVersion: number;
  importEventCount: number;
};

/**
 * `ticket-sla-batch`: the `ticket-sla` work of one slice of a bulk import (the import's tickets with ids from
 * `fromTicketId` to `toTicketId`). Each ticket is evaluated on the events the import gave it
 * (`tickets.import_event_count`), exactly what a `ticket-sla` job with that event count stores — the same result
 * row under the same unique key, so the two never double up — and its warnings are raised when no later event has
 * been recorded since. One transaction under the job's advisory lock, results and warnings in multi-row statements,
 * the completion mark in the same transaction: a retry after a commit changes nothing.
 */
@Injectable()
export class TicketSlaBatchJob implements JobHandler<'ticket-sla-batch'> {
  readonly name = 'ticket-sla-batch' as const;
  private readonly configs: GoverningConfigs;

  constructor(
    private readonly db: TenantDatabase,
    calendars: NationalCalendarStore,
  ) {
    this.configs = new GoverningConfigs(calendars);
  }

  handle(payload: JobPayload<'ticket-sla-batch'>, run: JobRun): Promise<unknown> {
    return this.handleAt(payload, run, Date.now());
  }

  /** The job with its clock passed in (`handle` passes Date.now()). */
  async handleAt(payload: JobPayload<'ticket-sla-batch'>, run: JobRun, nowMs: number): Promise<unknown> {
    return this.db.run(jobScope(payload.tenantId, run), async (em) => {
      await lockJobKey(em, run.id);
      const rows = await TicketSlaStore.importedTickets(em, {
        tenantId: payload.tenantId,
        importId: payload.importId,
        fromTicketId: payload.fromTicketId,
        toTicketId: payload.toTicketId,
      });
      if (rows.length === 0)
        throw new UnrecoverableJobError(
          `import ${payload.importId} has no tickets from ${payload.fromTicketId} to ${payload.toTicketId} in tenant ${payload.tenantId}`,
        );
      const foreign = rows.find((r) => r.contract_id !== payload.contractId);
      if (foreign)
        throw new UnrecoverableJobError(
          `ticket ${foreign.id} of import ${payload.importId} is not of contract ${payload.contractId}`,
        );
      const tickets: ImportedTicket[] = rows.map((r) => ({
        id: r.id,
        tenantId: r.tenant_id,
        contractId: r.contract_id,
        number: r.number,
        title: r.title,
        category: r.category,
        businessArea: r.business_area,
        severity: r.severity,
        specialAttention: r.special_attention,
        expectedCloseDate: r.expected_close_date,
        extendedTo: r.extended_to,
        state: r.state,
        checklist: r.checklist,
        configVersion: r.config_version,
        importEventCount: r.import_event_count,
      }));
      const govs = await this.configs.load(em, tickets);
      const byTicket = new Map<string, TicketEventEntity[]>();
      for (const e of await TicketSlaStore.events(
        em,
        tickets.map((t) => t.id),
        payload.tenantId,
      )) {
        const list = byTicket.get(e.ticketId);
        if (list) list.push(e);
        else byTicket.set(e.ticketId, [e]);
      }
      const results: SlaResultRow[] = [];
      const warnings: SlaNotification[] = [];
      const notes = new Map<string, number>();
      const note = (text: string) => notes.set(text, (notes.get(text) ?? 0) + 1);
      for (const t of tickets) {
        const gov = govs.get(GoverningConfigs.key(t.contractId, t.configVersion));
        if (!gov)
          throw new UnrecoverableJobError(`contract ${t.contractId} has no configuration version ${t.configVersion}`);
        const all = byTicket.get(t.id) ?? [];
        if (all.length < t.importEventCount) {
          note(`fewer events than the import recorded`);
          continue;
        }
        const evaluation = evaluateTicket(
          ticketToDomain(t, all.slice(0, t.importEventCount), timeZoneOf(gov.config)),
          gov,
          nowMs,
        );
        if (!evaluation.ok) {
          note(evaluation.note);
          continue;
        }
        results.push({
          tenantId: t.tenantId,
          contractId: t.contractId,
          ticketId: t.id,
          eventCount: t.importEventCount,
          configVersion: gov.version,
          result: evaluation.result,
          status: evaluation.status,
        });
        // Warnings describe the present: only when no later event has been recorded since the import.
        if (all.length === t.importEventCount)
          warnings.push(...slaNotifications(t, { result: evaluation.result, configVersion: gov.version }));
      }
      const stored = await TicketSlaStore.insertResults(em, results);
      const notifications = await TicketSlaStore.insertNotifications(em, warnings);
      const summary = {
        importId: payload.importId,
        fromTicketId: payload.fromTicketId,
        toTicketId: payload.toTicketId,
        tickets: tickets.length,
        evaluated: results.length,
        stored,
        notes: Object.fromEntries(notes),
        notifications,
      };
      await JobOutbox.complete(em, run.id, summary);
      return summary;
    });
  }
}
