import { Injectable } from '@nestjs/common';
import { evaluateTicket, timeZoneOf, type JobPayload } from '@ledger/contracts';
import { TenantDatabase, type TicketEventEntity } from '@ledger/persistence';
import { jobScope, type JobHandler, type JobRun } from '@ledger/jobs';
import { JobOutbox, lockJobKey } from '@ledger/jobs';
import { NationalCalendarStore } from '../shared/national-calendar.store';
import { GoverningConfigs, slaNotifications, ticketToDomain } from './ticket-sla.job';
import { TicketSlaStore, type SlaNotification } from './ticket-sla.store';

/** Tickets whose events are read per query. */
const CHUNK = 500;

/**
 * `sla-scan`: every running clock of one tenant (tickets received by `at`, not closed, withdrawn or unsolvable),
 * evaluated at `at` on the history up to `at`, raising the 75 % / 100 % warnings — the same rule and dedupe keys as
 * the per-event job, so each warning is raised once however often the scan runs. One transaction under the job's
 * advisory lock. Nothing else is stored: the scan has no result row, and it is not recorded in the outbox (the
 * scheduler dispatches it directly), so the completion mark is a no-op unless a row exists.
 */
@Injectable()
export class SlaScanJob implements JobHandler<'sla-scan'> {
  readonly name = 'sla-scan' as const;
  private readonly configs: GoverningConfigs;

  constructor(
    private readonly db: TenantDatabase,
    calendars: NationalCalendarStore,
  ) {
    this.configs = new GoverningConfigs(calendars);
  }

  async handle(payload: JobPayload<'sla-scan'>, run: JobRun): Promise<unknown> {
    const atMs = Date.parse(payload.at);
    const at = new Date(atMs);
    return this.db.run(jobScope(payload.tenantId, run), async (em) => {
      await lockJobKey(em, run.id);
      const tickets = await TicketSlaStore.runningTickets(em, payload.tenantId, at);
      const govs = await this.configs.load(em, tickets);
      let evaluated = 0;
      const skipped: { ticketId: string; note: string }[] = [];
      const warnings: SlaNotification[] = [];
      for (let i = 0; i < tickets.length; i += CHUNK) {
        const chunk = tickets.slice(i, i + CHUNK);
        const byTicket = new Map<string, TicketEventEntity[]>();
        for (const e of await TicketSlaStore.events(
          em,
          chunk.map((t) => t.id),
        )) {
          if (e.at.getTime() > atMs) continue; // the history as it stood at `at`
          const list = byTicket.get(e.ticketId);
          if (list) list.push(e);
          else byTicket.set(e.ticketId, [e]);
        }
        for (const t of chunk) {
          const gov = govs.get(GoverningConfigs.key(t.contractId, t.configVersion));
          if (!gov) {
            skipped.push({ ticketId: t.id, note: `configuration version ${t.configVersion} not found` });
            continue;
          }
          if (!gov.config.sla) continue; // no policy, no clocks
          const evaluation = evaluateTicket(
            ticketToDomain(t, byTicket.get(t.id) ?? [], timeZoneOf(gov.config)),
            gov,
            atMs,
          );
          if (!evaluation.ok) {
            skipped.push({ ticketId: t.id, note: evaluation.note });
            continue;
          }
          evaluated++;
          warnings.push(...slaNotifications(t, { result: evaluation.result, configVersion: gov.version }));
        }
      }
      const raised = await TicketSlaStore.insertNotifications(em, warnings);
      const summary = {
        at: payload.at,
        running: tickets.length,
        evaluated,
        warnings: warnings.length,
        raised,
        skipped: skipped.slice(0, 20),
        skippedCount: skipped.length,
      };
      await JobOutbox.complete(em, run.id, summary);
      return summary;
    });
  }
}
