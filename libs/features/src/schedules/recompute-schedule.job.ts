import { Injectable } from '@nestjs/common';
import {
  computeSchedule,
  mergeConfirmedFacts,
  parseContractConfig,
  todayOf,
  withCorrections,
  type JobPayload,
  type PaymentFactsInput,
} from '@ledger/contracts';
import { TenantDatabase } from '@ledger/persistence';
import { NationalCalendarStore } from '../shared/national-calendar.store';
import { createHash } from 'crypto';
import { jobScope, UnrecoverableJobError, type JobHandler, type JobRun } from '@ledger/jobs';
import { JobOutbox, lockJobKey } from '@ledger/jobs';
import type { PeriodCloseComputation } from '../period-close';
import { PeriodCloseReads } from '../period-close';
import { PeriodCloseStore } from '../period-close';
import { settledLines } from '../period-close';
import { ScheduleStore, type ScheduleBasis } from './schedule.store';

export type ScheduleOutcome = {
  contractId: string;
  stored: boolean;
  basisKey: string;
  net: string;
  vendorBalanceOwed: string;
};

/**
 * Recomputes a contract's payment schedule on its current configuration from what is settled: the confirmed closes'
 * facts (merged, later periods last) and the deductions they computed on their lines (kept, with their close lines'
 * keys: a later configuration version does not rewrite a confirmed period), the adjustment lines (corrections) and
 * the payments finance marked. Stores a snapshot keyed by a hash of that basis and the date (statuses such as due
 * depend on it), so a retry or a recompute with nothing new stores nothing.
 */
@Injectable()
export class RecomputeScheduleJob implements JobHandler<'recompute-schedule'> {
  readonly name = 'recompute-schedule' as const;

  constructor(
    private readonly db: TenantDatabase,
    private readonly calendars: NationalCalendarStore,
  ) {}

  async handle(payload: JobPayload<'recompute-schedule'>, run: JobRun, nowMs = Date.now()): Promise<ScheduleOutcome> {
    return this.db.run(jobScope(payload.tenantId, run), async (em) => {
      await lockJobKey(em, `schedule-${payload.contractId}`);
      const contract = await PeriodCloseReads.contract(em, payload.contractId);
      if (!contract || contract.tenantId !== payload.tenantId)
        throw new UnrecoverableJobError(`contract ${payload.contractId} does not exist in tenant ${payload.tenantId}`);
      const version = await PeriodCloseReads.version(em, contract, contract.currentVersion);
      if (!version)
        throw new UnrecoverableJobError(
          `configuration version ${contract.currentVersion} of contract ${contract.id} is missing`,
        );
      const config = { ...parseContractConfig(version.configuration), version: contract.currentVersion };
      const asOf = todayOf(config, nowMs);

      const closes = await PeriodCloseStore.confirmed(em, contract.id);
      const ordered = closes
        .map((c) => ({ c, r: c.result as PeriodCloseComputation }))
        .sort((a, b) =>
          a.c.period === b.c.period ? a.c.revision - b.c.revision : a.c.period.localeCompare(b.c.period),
        );
      const merged = mergeConfirmedFacts(ordered.map(({ c, r }) => ({ period: c.period, facts: r.facts })));
      const payments = await ScheduleStore.payments(em, contract.id);
      const invoices = await ScheduleStore.invoices(em, contract.id);
      const closeLines = await PeriodCloseStore.lines(em, { contractId: contract.id });
      const adjustments = closeLines.filter((l) => l.kind === 'adjustment');
      // The lines each confirmed close accounted for keep its deductions and their close lines' keys (a later close
      // of a period within an earlier one's lines, should one exist, is the later word).
      const settled = new Map<string, NonNullable<PaymentFactsInput['settled']>[number]>();
      for (const { c, r } of ordered) {
        const own = closeLines.filter((l) => l.closeId === c.id);
        for (const s of settledLines(c, r, own)) settled.set(s.lineId, s);
      }
      // Ledger confirmations come after a close: read live and laid over the confirmed facts.
      const periods = [...(merged.periods ?? [])];
      const ledger = await PeriodCloseStore.ledgerConfirmations(em, contract.id);
      for (const l of ledger) {
        const i = periods.findIndex((p) => p.id === l.period);
        if (i >= 0) periods[i] = { ...periods[i], ledgerConfirmed: l.confirmed };
        else periods.push({ id: l.period, ledgerConfirmed: l.confirmed });
      }
      const facts: PaymentFactsInput = {
        ...merged,
        periods,
        payments: payments.map((p) => ({ lineId: p.lineId, amount: p.amount, paidOn: p.paidOn })),
        invoices: invoices.map((i) => ({
          lineId: i.lineId,
          number: i.number,
          amount: i.amount,
          receivedOn: i.receivedOn,
        })),
        adjustments: adjustments.map((a) => ({
          id: a.id,
          amount: a.amount,
          reason: a.reason ?? '',
          ...(a.paymentLineId ? { lineId: a.paymentLineId } : {}),
          key: a.lineKey,
        })),
        settled: [...settled.values()],
      };
      const schedule = computeSchedule(withCorrections(config), facts, { asOf });
      const basis: ScheduleBasis = {
        configVersion: config.version,
        asOf,
        closes: ordered.map(({ c }) => ({ id: c.id, period: c.period, revision: c.revision })),
        payments: payments.map((p) => p.id),
        // Only when there are some: a contract without invoices keeps the basis key it had (no snapshot churn).
        ...(invoices.length ? { invoices: invoices.map((i) => i.id) } : {}),
        adjustments: adjustments.map((a) => a.id),
        settledKeys: [...settled.values()].flatMap((l) => l.deductions.flatMap((d) => (d.key ? [d.key] : []))),
        ledgerConfirmed: ledger.filter((l) => l.confirmed).map((l) => l.period),
      };
      const basisKey = createHash('sha256').update(JSON.stringify(basis)).digest('hex');
      const stored = await ScheduleStore.insert(em, {
        tenantId: contract.tenantId,
        contractId: contract.id,
        basisKey,
        configVersion: config.version,
        calendarVersion: (await this.calendars.calendarOf(em, config)).version,
        asOf,
        schedule,
        basis,
        net: schedule.totals.net,
        vendorBalanceOwed: schedule.vendorBalanceOwed,
      });
      const outcome = {
        contractId: contract.id,
        stored,
        basisKey,
        net: schedule.totals.net,
        vendorBalanceOwed: schedule.vendorBalanceOwed,
      };
      await JobOutbox.complete(em, run.id, outcome);
      return outcome;
    });
  }
}
