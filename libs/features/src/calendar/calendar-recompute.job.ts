import { Injectable } from '@nestjs/common';
import { evaluateTicket, jobIds, slaFiguresDiffer, timeZoneOf, type JobPayload } from '@ledger/contracts';
import { TenantDatabase } from '@ledger/persistence';
import { changedYears, fnv1a32, nationalPartOf } from '@ledger/sla';
import type { EntityManager } from 'typeorm';
import { JobDispatcher } from '@ledger/jobs';
import { jobScope, type JobHandler, type JobRun } from '@ledger/jobs';
import { JobOutbox, lockJobKey, type JobRequest } from '@ledger/jobs';
import { GoverningConfigs, slaNotifications, TicketSlaStore, ticketToDomain, type SlaNotification } from '../tickets';
import { NationalCalendarStore } from '../shared/national-calendar.store';
import { CALENDAR_RECOMPUTE_BATCH, CalendarJobsStore, type StoredResultRow } from './calendar-jobs.store';

/** The job asking a tenant's recomputation onto `nationalVersion`, from the first result or after `after`. */
export function calendarRecomputeJob(
  tenantId: string,
  nationalVersion: string,
  after: string | null,
): JobRequest<'calendar-recompute'> {
  return {
    id: jobIds.calendarRecompute({ tenantId, versionHash: fnv1a32(nationalVersion), after }),
    name: 'calendar-recompute',
    payload: { tenantId, nationalVersion, after },
  };
}

const yearOf = (iso: string | null | undefined): number | undefined => (iso ? Number(iso.slice(0, 4)) : undefined);

/** The calendar years a stored result read: from its earliest start to its latest deadline, stop or evaluation. */
function yearsRead(r: StoredResultRow): number[] {
  const starts = r.targets.map((t) => yearOf(t.start)).filter((y): y is number => y !== undefined);
  const ends = r.targets
    .flatMap((t) => [yearOf(t.deadline), yearOf(t.stop)])
    .filter((y): y is number => y !== undefined);
  if (starts.length === 0) return [];
  const from = Math.min(...starts);
  // evaluated_at is UTC: on 31 December it may already be the next local year, so that year counts too (a superset).
  const evaluated =
    r.evaluated_at.getUTCFullYear() +
    (r.evaluated_at.getUTCMonth() === 11 && r.evaluated_at.getUTCDate() === 31 ? 1 : 0);
  const to = Math.max(...ends, evaluated, from);
  const out: number[] = [];
  for (let y = from; y <= to; y++) out.push(y);
  return out;
}

export type CalendarRecomputeOutcome = {
  nationalVersion: string;
  superseded: boolean;
  examined: number;
  recomputed: number;
  changed: number;
  warnings: number;
  next: string | null;
};

/**
 * `calendar-recompute`: after a national calendar publication (or a newly shipped year), recomputes a tenant's stored
 * SLA results whose calendar version differs from the current one on a year they read (a provisional year now
 * published, a corrected year) — only those. Each is evaluated again at its own evaluation time on the same events
 * and configuration, and stored as a new result that names the one it replaces and its version
 * (`previous_calendar_version`, `supersedes_id`); the old row stays. A result at the ticket's present raises its
 * warnings again where a deadline moved — once (the dedupe key carries the version). The last batch tells each
 * affected contract how many results were recomputed and how many changed. Idempotent: the result rows are unique
 * per version, the warnings per key, the next batch's job id is deterministic, and the completion mark commits with
 * the rest. A job for a version that is no longer current does nothing (the newer publication asked its own).
 */
@Injectable()
export class CalendarRecomputeJob implements JobHandler<'calendar-recompute'> {
  readonly name = 'calendar-recompute' as const;
  private readonly configs: GoverningConfigs;

  constructor(
    private readonly db: TenantDatabase,
    private readonly calendars: NationalCalendarStore,
    private readonly dispatcher: JobDispatcher,
  ) {
    this.configs = new GoverningConfigs(calendars);
  }

  async handle(payload: JobPayload<'calendar-recompute'>, run: JobRun): Promise<CalendarRecomputeOutcome> {
    const follow: JobRequest[] = [];
    const outcome = await this.db.run(jobScope(payload.tenantId, run), async (em) => {
      await lockJobKey(em, run.id);
      const national = await this.calendars.national(em);
      const base = {
        nationalVersion: payload.nationalVersion,
        examined: 0,
        recomputed: 0,
        changed: 0,
        warnings: 0,
        next: null,
      };
      if (national.version !== payload.nationalVersion) {
        const done = { ...base, superseded: true };
        await JobOutbox.complete(em, run.id, done);
        return done;
      }
      const records = await this.calendars.records(em);
      const rows = await CalendarJobsStore.staleResults(em, payload.tenantId, national.version, payload.after);
      const affected = rows.filter(
        (r) => changedYears(records, nationalPartOf(r.calendar_version), national.version, yearsRead(r)).length > 0,
      );
      const counts = affected.length
        ? await this.recompute(em, payload.tenantId, affected)
        : { recomputed: 0, changed: 0, warnings: 0 };
      const next = rows.length === CALENDAR_RECOMPUTE_BATCH ? rows[rows.length - 1].id : null;
      if (next)
        follow.push(
          await JobOutbox.record(em, calendarRecomputeJob(payload.tenantId, payload.nationalVersion, next), {
            tenantId: payload.tenantId,
          }),
        );
      else await this.announce(em, payload.tenantId, national.version);
      const done = { ...base, superseded: false, examined: rows.length, ...counts, next };
      await JobOutbox.complete(em, run.id, done);
      return done;
    });
    if (follow.length) await this.dispatcher.dispatch(follow);
    return outcome;
  }

  private async recompute(
    em: EntityManager,
    tenantId: string,
    affected: readonly StoredResultRow[],
  ): Promise<{ recomputed: number; changed: number; warnings: number }> {
    const ticketIds = [...new Set(affected.map((r) => r.ticket_id))];
    const tickets = new Map((await CalendarJobsStore.tickets(em, ticketIds)).map((t) => [t.id, t]));
    const events = new Map<string, Awaited<ReturnType<typeof TicketSlaStore.events>>>();
    for (const e of await TicketSlaStore.events(em, ticketIds, tenantId)) {
      const list = events.get(e.ticketId);
      if (list) list.push(e);
      else events.set(e.ticketId, [e]);
    }
    const govs = await this.configs.load(
      em,
      affected.map((r) => ({ contractId: r.contract_id, configVersion: r.config_version })),
    );
    const existingKeys = new Set(await CalendarJobsStore.dedupeKeys(em, tenantId, ticketIds));
    let recomputed = 0;
    let changed = 0;
    const warnings: SlaNotification[] = [];
    for (const r of affected) {
      const ticket = tickets.get(r.ticket_id);
      const gov = govs.get(GoverningConfigs.key(r.contract_id, r.config_version));
      const all = events.get(r.ticket_id) ?? [];
      if (!ticket || !gov || all.length < r.event_count) continue;
      const evaluation = evaluateTicket(
        ticketToDomain(ticket, all.slice(0, r.event_count), timeZoneOf(gov.config)),
        gov,
        r.evaluated_at.getTime(),
      );
      if (!evaluation.ok) continue;
      const { result, status } = evaluation;
      if (!(await CalendarJobsStore.insertRecomputed(em, tenantId, r, { ...result, status }))) continue;
      recomputed++;
      const moved = slaFiguresDiffer(r.targets, result.targets);
      if (moved) changed++;
      // Warnings describe the present: only a result at the ticket's last event raises them again.
      if (all.length !== r.event_count) continue;
      const before = new Map(r.targets.map((t) => [t.targetId, t]));
      for (const w of slaNotifications(ticket, { result, configVersion: r.config_version })) {
        if (!existingKeys.has(w.dedupeKey)) warnings.push(w);
        else {
          const old = before.get(String(w.details.targetId));
          if (old && (old.deadline !== w.details.deadline || old.provisional !== (w.details.provisional === 1))) {
            warnings.push({
              ...w,
              dedupeKey: `${w.dedupeKey}-cal-${fnv1a32(nationalPartOf(result.calendarVersion))}`,
              message: `${w.message}（按新的国家工作日历重算，原截止 ${old.deadline.slice(0, 16).replace('T', ' ')}${old.provisional ? '（暂定）' : ''}）`,
              details: { ...w.details, previousDeadline: old.deadline, previousCalendarVersion: r.calendar_version },
            });
          }
        }
      }
    }
    return { recomputed, changed, warnings: await TicketSlaStore.insertNotifications(em, warnings) };
  }

  /** One notice per contract with results recomputed onto this version: how many, and how many changed. */
  private async announce(em: EntityManager, tenantId: string, nationalVersion: string): Promise<void> {
    const rows = await CalendarJobsStore.recomputedCounts(em, tenantId, nationalVersion);
    const notices: SlaNotification[] = rows.map((r) => ({
      tenantId,
      contractId: r.contract_id,
      ticketId: null,
      dedupeKey: `calendar-recomputed-${r.contract_id}-${fnv1a32(nationalVersion)}`,
      kind: 'calendar-recomputed',
      severity: 'info',
      message: `国家工作日历已更新：本合同 ${r.recomputed} 条 SLA 结果已按新日历重算，其中 ${r.changed} 条的截止时间、状态或用时有变化。`,
      details: { recomputed: Number(r.recomputed), changed: Number(r.changed), nationalVersion },
    }));
    await TicketSlaStore.insertNotifications(em, notices);
  }
}
