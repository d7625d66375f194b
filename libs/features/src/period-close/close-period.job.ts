import { Injectable } from '@nestjs/common';
import {
  explanationText,
  jobIds,
  parseContractConfig,
  periodsWithin,
  toExplanation,
  type JobPayload,
  type PaymentFactsInput,
  type ScheduleDeduction,
  type ScheduleLine,
} from '@ledger/contracts';
import { TenantDatabase } from '@ledger/persistence';
import { NationalCalendarStore } from '../shared/national-calendar.store';
import { faultPoint } from '@ledger/jobs';
import { jobScope, UnrecoverableJobError, type JobHandler, type JobRun } from '@ledger/jobs';
import { JobOutbox, lockJobKey, type JobRequest } from '@ledger/jobs';
import { computePeriodClose, type PeriodCloseComputation } from './period-close.computation';
import { PeriodCloseReads } from './period-close-reads.store';
import { PeriodCloseStore, type CloseLineRow, type CloseRow, type NewCloseLine } from './period-close.store';

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

/** A close line's stable key: `close-<close id>/<payment line>/<rule>`, `#2`, `#3` … for a rule's further deductions on the same line. */
export function closeLineKey(closeId: string, paymentLineId: string, ruleId: string, occurrence: number): string {
  return `close-${closeId}/${paymentLineId}/${ruleId}${occurrence > 1 ? `#${occurrence}` : ''}`;
}

/** Every deduction on the lines the close accounts for, with the key its close line has (zero amounts get no line). */
function keyedDeductions(
  close: Pick<CloseRow, 'id' | 'period'>,
  computation: PeriodCloseComputation,
): { line: ScheduleLine; d: ScheduleDeduction; key: string }[] {
  return linesOfClose(close, computation, computation.schedule?.lines ?? []).flatMap((line) =>
    // A rule may deduct more than once on a line (a clawback and its fine): the occurrence number keeps each its own key.
    line.deductions.map((d, i) => ({
      line,
      d,
      key: closeLineKey(
        close.id,
        line.id,
        d.ruleId,
        line.deductions.slice(0, i).filter((x) => x.ruleId === d.ruleId).length + 1,
      ),
    })),
  );
}

/** One close line per deduction (non-zero) on the lines the close accounts for, under its `closeLineKey`. */
export function deductionLines(
  close: Pick<CloseRow, 'id' | 'period'>,
  computation: PeriodCloseComputation,
): NewCloseLine[] {
  return keyedDeductions(close, computation)
    .filter(({ d }) => d.amount !== '0.00')
    .map(({ line, d, key }) => ({
      period: close.period,
      lineKey: key,
      kind: 'deduction' as const,
      paymentLineId: line.id,
      ruleId: d.ruleId,
      label: d.label ?? null,
      amount: d.amount,
      basis: d.basis,
      // close_lines.formula is text: the structured form as JSON (old rows hold the English sentence).
      formula: explanationText(d.formula),
      reason: null,
      correctsCloseId: null,
    }));
}

/** Deductions that are derived, not a rule's figures: carried amounts follow the later lines, adjustments are their own close lines. */
const DERIVED_KINDS = new Set(['carried-forward', 'manual-adjustment']);

/**
 * The lines a confirmed close accounted for, as payment facts (`settled`): each with the deductions the close computed
 * on it — from its stored close line where there is one (the amount, basis and formula confirmed, and the key the
 * export reads it by), else from its result (a zero amount is stored as no line) — so a later configuration version
 * does not recompute them.
 */
export function settledLines(
  close: Pick<CloseRow, 'id' | 'period'>,
  computation: PeriodCloseComputation,
  stored: readonly Pick<CloseLineRow, 'lineKey' | 'label' | 'amount' | 'basis' | 'formula'>[],
): NonNullable<PaymentFactsInput['settled']> {
  const byKey = new Map(stored.map((s) => [s.lineKey, s]));
  const byLine = new Map<string, NonNullable<PaymentFactsInput['settled']>[number]>();
  for (const line of linesOfClose(close, computation, computation.schedule?.lines ?? []))
    byLine.set(line.id, { lineId: line.id, deductions: [] });
  for (const { line, d, key } of keyedDeductions(close, computation)) {
    if (DERIVED_KINDS.has(d.kind)) continue;
    const s = byKey.get(key);
    const label = s ? s.label : (d.label ?? null);
    byLine.get(line.id)?.deductions.push({
      ruleId: d.ruleId,
      kind: d.kind,
      ...(label ? { label } : {}),
      // Rows and results written before codes existed hold sentences and loose values: read as the engine writes them.
      basis: Object.fromEntries(Object.entries(s ? s.basis : d.basis).map(([k, v]) => [k, String(v)])),
      formula: toExplanation(s ? s.formula : d.formula),
      amount: s ? s.amount : d.amount,
      ...(s ? { key } : {}),
    });
  }
  return [...byLine.values()];
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
