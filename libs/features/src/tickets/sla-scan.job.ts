import { Injectable } from '@nestjs/common';
import { evaluateTicket, timeZoneOf, type JobPayload } from '@ledger/contracts';
import { TenantDatabase, type TicketEntity, type TicketEventEntity } from '@ledger/persistence';
import type { EntityManager } from 'typeorm';
import { jobScope, type JobHandler, type JobRun } from '@ledger/jobs';
import { JobOutbox, lockJobKey } from '@ledger/jobs';
import { NationalCalendarStore } from '../shared/national-calendar.store';
import { GoverningConfigs, slaNotifications, ticketToDomain } from './ticket-sla.job';
import { TicketSlaStore, type SlaNotification, type SlaScanProgress } from './ticket-sla.store';

/** Running tickets per batch: one transaction, one checkpoint (a lost connection repeats at most this many). */
export const SLA_SCAN_BATCH = 500;

/**
 * `sla-scan`: every running clock of one tenant (tickets received by `at`, not closed, withdrawn or unsolvable),
 * evaluated at `at` on the history up to `at`, raising the 75 % / 100 % warnings — the same rule and dedupe keys as
 * the per-event job, so each warning is raised once however often the scan runs. It works in batches of tickets by
 * id, each its own transaction under the job's advisory lock, and records after each batch where it stands
 * (sla_scan_progress, migration 980): a retried attempt of the same job continues after that checkpoint, so a lost
 * connection repeats one batch, not the tenant. The scan is not recorded in the outbox (the scheduler dispatches it
 * directly), so the completion mark is a no-op unless a row exists.
 */
@Injectable()
export class SlaScanJob implements JobHandler<'sla-scan'> {
  readonly name = 'sla-scan' as const;
  private readonly configs: GoverningConfigs;
  /** Tickets per batch (a test may lower it to see several batches on the demo data). */
  batchSize = SLA_SCAN_BATCH;

  constructor(
    private readonly db: TenantDatabase,
    calendars: NationalCalendarStore,
  ) {
    this.configs = new GoverningConfigs(calendars);
  }

  async handle(payload: JobPayload<'sla-scan'>, run: JobRun): Promise<unknown> {
    const atMs = Date.parse(payload.at);
    const at = new Date(atMs);
    const scope = jobScope(payload.tenantId, run);
    for (;;) {
      const summary = await this.db.run(scope, async (em) => {
        await lockJobKey(em, run.id);
        const stored = await TicketSlaStore.scanProgress(em, payload.tenantId, run.id);
        // No checkpoint, or a finished scan run again under its id: from the start. Otherwise a retried attempt.
        const before = stored && !stored.completed ? stored : EMPTY_PROGRESS;
        const tickets = await TicketSlaStore.runningTickets(
          em,
          payload.tenantId,
          at,
          before.afterTicketId,
          this.batchSize,
        );
        const done = await this.batch(em, tickets, atMs);
        const last = tickets.length < this.batchSize;
        const after: SlaScanProgress = {
          completed: last,
          afterTicketId: tickets.length ? tickets[tickets.length - 1].id : before.afterTicketId,
          batches: before.batches + (tickets.length ? 1 : 0),
          running: before.running + tickets.length,
          evaluated: before.evaluated + done.evaluated,
          warnings: before.warnings + done.warnings,
          raised: before.raised + done.raised,
          skipped: [...before.skipped, ...done.skipped].slice(0, 20),
          skippedCount: before.skippedCount + done.skipped.length,
        };
        await TicketSlaStore.saveScanProgress(em, payload.tenantId, run.id, after);
        if (!last) return null;
        const summary = {
          at: payload.at,
          running: after.running,
          evaluated: after.evaluated,
          warnings: after.warnings,
          raised: after.raised,
          batches: after.batches,
          skipped: after.skipped,
          skippedCount: after.skippedCount,
        };
        await JobOutbox.complete(em, run.id, summary);
        return summary;
      });
      if (summary) return summary;
    }
  }

  /** One batch: each ticket evaluated at `at`, its warnings raised (deduplicated by key). */
  private async batch(
    em: EntityManager,
    tickets: TicketEntity[],
    atMs: number,
  ): Promise<{ evaluated: number; warnings: number; raised: number; skipped: { ticketId: string; note: string }[] }> {
    const govs = await this.configs.load(em, tickets);
    let evaluated = 0;
    const skipped: { ticketId: string; note: string }[] = [];
    const warnings: SlaNotification[] = [];
    const byTicket = new Map<string, TicketEventEntity[]>();
    if (tickets.length)
      for (const e of await TicketSlaStore.events(
        em,
        tickets.map((t) => t.id),
      )) {
        if (e.at.getTime() > atMs) continue; // the history as it stood at `at`
        const list = byTicket.get(e.ticketId);
        if (list) list.push(e);
        else byTicket.set(e.ticketId, [e]);
      }
    for (const t of tickets) {
      const gov = govs.get(GoverningConfigs.key(t.contractId, t.configVersion));
      if (!gov) {
        skipped.push({ ticketId: t.id, note: `configuration version ${t.configVersion} not found` });
        continue;
      }
      if (!gov.config.sla) continue; // no policy, no clocks
      const evaluation = evaluateTicket(ticketToDomain(t, byTicket.get(t.id) ?? [], timeZoneOf(gov.config)), gov, atMs);
      if (!evaluation.ok) {
        // Reported and not yet received, on clocks that start at receipt: nothing runs yet, nothing to skip.
        if (!evaluation.notStarted) skipped.push({ ticketId: t.id, note: evaluation.note });
        continue;
      }
      evaluated++;
      warnings.push(...slaNotifications(t, { result: evaluation.result, configVersion: gov.version }));
    }
    const raised = warnings.length ? await TicketSlaStore.insertNotifications(em, warnings) : 0;
    return { evaluated, warnings: warnings.length, raised, skipped };
  }
}

const EMPTY_PROGRESS: SlaScanProgress = {
  completed: false,
  afterTicketId: null,
  batches: 0,
  running: 0,
  evaluated: 0,
  warnings: 0,
  raised: 0,
  skipped: [],
  skippedCount: 0,
};
