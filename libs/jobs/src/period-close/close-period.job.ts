import { Injectable } from '@nestjs/common';
import {
  explanationText,
  jobIds,
  parseContractConfig,
  periodsWithin,
  type JobPayload,
  type ScheduleLine,
} from '@ledger/contracts';
import { TenantDatabase } from '@ledger/persistence';
import { NationalCalendarStore } from '../calendar/national-calendar.store';
import { faultPoint } from '../runtime/fault-point';
import { jobScope, UnrecoverableJobError, type JobHandler, type JobRun } from '../runtime/job-handler';
import { JobOutbox, lockJobKey, type JobRequest } from '../runtime/job-outbox';
import { computePeriodClose, type PeriodCloseComputation } from './period-close.computation';
import { PeriodCloseReads } from './period-close.reads';
import { PeriodCloseStore, type CloseRow, type NewCloseLine } from './period-close.store';

export type ClosePeriodOutcome = { closeId: string; computed: boolean; status: string; lines: number };

/**
 * Computes a requested period close into a draft, exactly once. One transaction: an advisory lock on the close,
 * the close row locked; if it is no longer pending the run is a no-op (a retry, a duplicate, a second worker);
 * otherwise compute on the close's own configuration version and date, insert the deduction lines under their
 * unique key, mark the close draft and the job completed — all or nothing.
 */
@Injectable()
export class ClosePeriodJob implements JobHandler<'close-period'> {
  readonly name = 'close-period' as const;

  constructor(
    private readonly db: TenantDatabase,
    private readonly calendars: NationalCalendarStore,
  ) {}

  async handle(payload: JobPayload<'close-period'>, run: JobRun): Promise<ClosePeriodOutcome> {
    return this.db
      .run(jobScope(payload.tenantId, run), async (em) => {
        await lockJobKey(em, `period-close-${payload.closeId}`);
        const close = await PeriodCloseStore.get(em, payload.closeId, true);
        if (!close || close.tenantId !== payload.tenantId)
          throw new UnrecoverableJobError(
            `period close ${payload.closeId} does not exist in tenant ${payload.tenantId}`,
          );
        if (close.status !== 'pending') {
          await JobOutbox.complete(em, close.jobId, { closeId: close.id, computed: false, status: close.status });
          return { closeId: close.id, computed: false, status: close.status, lines: 0 };
        }
        faultPoint('close:before-compute');
        const version = await PeriodCloseReads.version(
          em,
          { tenantId: close.tenantId, id: close.contractId },
          close.configVersion,
        );
        if (!version)
          throw new UnrecoverableJobError(
            `configuration version ${close.configVersion} of contract ${close.contractId} is missing`,
          );
        const config = { ...parseContractConfig(version.configuration), version: close.configVersion };
        const calendar = await this.calendars.calendarOf(em, config);
        const computation = await computePeriodClose(em, {
          contractId: close.contractId,
          config,
          calendar,
          period: close.period,
          asOf: close.asOf,
        });
        const lines = deductionLines(close, computation);
        const half = Math.ceil(lines.length / 2);
        await PeriodCloseStore.insertLines(em, close, lines.slice(0, half));
        faultPoint('close:mid-write');
        await PeriodCloseStore.insertLines(em, close, lines.slice(half));
        await PeriodCloseStore.markDraft(em, close.id, computation);
        await JobOutbox.complete(em, close.jobId, {
          closeId: close.id,
          computed: true,
          status: 'draft',
          score: computation.assessment.score,
          lines: lines.length,
        });
        return { closeId: close.id, computed: true, status: 'draft', lines: lines.length };
      })
      .then((outcome) => {
        faultPoint('close:after-commit');
        return outcome;
      });
  }
}

/** The schedule lines a close accounts for: those of periods within it, and year lines of the year it completes. */
export function linesOfClose(
  close: Pick<CloseRow, 'period'>,
  computation: PeriodCloseComputation,
  lines: readonly ScheduleLine[],
): ScheduleLine[] {
  // A year close covers its halves, quarters and months; a half-year its quarters and months; and so on.
  const within = new Set(periodsWithin(close.period));
  const year = Number(close.period.slice(0, 4));
  const completedYear = computation.year?.year ?? (/^\d{4}$/.test(close.period) ? year : null);
  return lines.filter(
    (l) =>
      (l.period !== undefined && within.has(l.period)) ||
      (l.period === undefined && completedYear !== null && l.year === completedYear),
  );
}

/** One close line per deduction (non-zero) on the lines the close accounts for, keyed `close-<close id>/<payment line>/<rule>` (`#2`, `#3` … for a rule's further deductions on the same line). */
export function deductionLines(
  close: Pick<CloseRow, 'id' | 'period'>,
  computation: PeriodCloseComputation,
): NewCloseLine[] {
  return linesOfClose(close, computation, computation.schedule.lines).flatMap((l) =>
    l.deductions
      // A rule may deduct more than once on a line (a clawback and its fine): the occurrence number keeps each its own key.
      .map((d, i) => ({ d, n: l.deductions.slice(0, i).filter((x) => x.ruleId === d.ruleId).length + 1 }))
      .filter(({ d }) => d.amount !== '0.00')
      .map(({ d, n }) => ({
        period: close.period,
        lineKey: `close-${close.id}/${l.id}/${d.ruleId}${n > 1 ? `#${n}` : ''}`,
        kind: 'deduction' as const,
        paymentLineId: l.id,
        ruleId: d.ruleId,
        label: d.label ?? null,
        amount: d.amount,
        basis: d.basis,
        // close_lines.formula is text: the structured form as JSON (old rows hold the English sentence).
        formula: explanationText(d.formula),
        reason: null,
        correctsCloseId: null,
      })),
  );
}

/** The schedule recompute a confirmed close (or a payment, or an adjustment) triggers. */
export function scheduleJob(k: {
  tenantId: string;
  contractId: string;
  trigger: string;
}): JobRequest<'recompute-schedule'> {
  return {
    id: jobIds.schedule(k),
    name: 'recompute-schedule',
    payload: { tenantId: k.tenantId, contractId: k.contractId },
  };
}
