import { Injectable } from '@nestjs/common';
import { evaluateTicket, revisionMove, slaFiguresDiffer, timeZoneOf, type JobPayload } from '@ledger/contracts';
import { JobOutbox, UnrecoverableJobError, jobScope, lockJobKey, type JobHandler, type JobRun } from '@ledger/jobs';
import { TenantDatabase } from '@ledger/persistence';
import { NationalCalendarStore } from '../shared/national-calendar.store';
import { GoverningConfigs, slaNotifications, TicketSlaStore, ticketToDomain, type SlaNotification } from '../tickets';
import { SlaRevisionsStore } from './sla-revisions.store';

export type SlaRevisionOutcome = { revisionId: string; moved: number; kept: number; changed: number; warnings: number };

/**
 * `sla-revision`: moves the contract's open tickets that are on an older configuration version onto the version the
 * buyer admin adopted (sla_revisions.to_version). Each moves when its severity is one the new policy knows (else it
 * keeps its version and is counted as kept); its SLA is evaluated now on the new version and stored as a new result
 * naming the one it replaces and that result's version (`supersedes_id`, `previous_config_version`); the old result
 * stays. Warnings a moved ticket now deserves are raised once (their dedupe keys); the contract gets one notice with
 * the counts. Idempotent: a moved ticket is no longer on an older version, and the revision is finished once.
 */
@Injectable()
export class SlaRevisionJob implements JobHandler<'sla-revision'> {
  readonly name = 'sla-revision' as const;
  private readonly configs: GoverningConfigs;

  constructor(
    private readonly db: TenantDatabase,
    calendars: NationalCalendarStore,
  ) {
    this.configs = new GoverningConfigs(calendars);
  }

  async handle(payload: JobPayload<'sla-revision'>, run: JobRun): Promise<SlaRevisionOutcome> {
    return this.db.run(jobScope(payload.tenantId, run), async (em) => {
      await lockJobKey(em, run.id);
      const revision = await SlaRevisionsStore.get(em, payload.revisionId, true);
      if (!revision || revision.tenantId !== payload.tenantId)
        throw new UnrecoverableJobError(
          `SLA revision ${payload.revisionId} does not exist in tenant ${payload.tenantId}`,
        );
      if (revision.status === 'done') {
        const again = {
          revisionId: revision.id,
          moved: revision.moved ?? 0,
          kept: revision.kept ?? 0,
          changed: revision.changed ?? 0,
          warnings: 0,
        };
        await JobOutbox.complete(em, run.id, again);
        return again;
      }
      const { contractId, toVersion } = revision;
      const rows = await SlaRevisionsStore.movable(em, contractId, toVersion);
      // Only the version moved to is evaluated: the old results are read as stored.
      const govs = await this.configs.load(em, [{ contractId, configVersion: toVersion }]);
      const gov = govs.get(GoverningConfigs.key(contractId, toVersion));
      if (!gov)
        throw new UnrecoverableJobError(`configuration version ${toVersion} of contract ${contractId} is missing`);
      const tickets = new Map(
        (await Promise.all(rows.map((r) => TicketSlaStore.ticket(em, r.id)))).flatMap((t) => (t ? [[t.id, t]] : [])),
      );
      const events = new Map<string, Awaited<ReturnType<typeof TicketSlaStore.events>>>();
      for (const e of await TicketSlaStore.events(
        em,
        rows.map((r) => r.id),
        payload.tenantId,
      )) {
        const list = events.get(e.ticketId);
        if (list) list.push(e);
        else events.set(e.ticketId, [e]);
      }
      const now = Date.now();
      let moved = 0;
      let kept = 0;
      let changed = 0;
      const warnings: SlaNotification[] = [];
      for (const r of rows) {
        const ticket = tickets.get(r.id);
        if (!ticket || !revisionMove(ticket, gov.config).move) {
          kept++;
          continue;
        }
        await SlaRevisionsStore.moveTicket(em, r.id, toVersion);
        moved++;
        const all = events.get(r.id) ?? [];
        const evaluation = evaluateTicket(ticketToDomain(ticket, all, timeZoneOf(gov.config)), gov, now);
        if (!evaluation.ok) continue; // no clock has started yet: nothing to store, as for any ticket before receipt
        const { result, status } = evaluation;
        await SlaRevisionsStore.insertMoved(em, {
          tenantId: payload.tenantId,
          contractId,
          ticketId: r.id,
          eventCount: all.length,
          toVersion,
          fromVersion: r.config_version,
          supersedes: r.result_id,
          result,
          status,
        });
        if (!r.result_targets || slaFiguresDiffer(r.result_targets, result.targets)) changed++;
        warnings.push(...slaNotifications(ticket, { result, configVersion: toVersion }));
      }
      const raised = await TicketSlaStore.insertNotifications(em, [
        ...warnings,
        {
          tenantId: payload.tenantId,
          contractId,
          ticketId: null,
          dedupeKey: `sla-revised-${revision.id}`,
          kind: 'sla-revised',
          severity: 'info',
          message: `未结工单已改按第 ${toVersion} 版配置计算 SLA：${moved} 张改按新版本重算，其中 ${changed} 张的截止时间、状态或用时有变化${kept ? `；${kept} 张的严重级别在新版本中不存在，仍按原版本计算` : ''}。原因：${revision.reason}`,
          details: { revisionId: revision.id, toVersion, moved, kept, changed },
        },
      ]);
      await SlaRevisionsStore.finish(em, revision.id, { moved, kept, changed });
      const outcome = { revisionId: revision.id, moved, kept, changed, warnings: raised };
      await JobOutbox.complete(em, run.id, outcome);
      return outcome;
    });
  }
}
