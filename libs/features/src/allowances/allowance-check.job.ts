import { Injectable } from '@nestjs/common';
import { allowanceUsage, parseContractConfig, renderExplanation, type JobPayload } from '@ledger/contracts';
import { JobOutbox, UnrecoverableJobError, jobScope, lockJobKey, type JobHandler, type JobRun } from '@ledger/jobs';
import { TenantDatabase } from '@ledger/persistence';
import { PeriodCloseReads } from '../period-close';
import { TicketSlaStore, type SlaNotification } from '../tickets';
import { allowanceWorkOf, toAllowanceWork } from './allowances.repository';

export type AllowanceCheckOutcome = { contractId: string; raised: number };

/**
 * After work was logged: the contract's allowances on its current configuration, and a notification for each
 * threshold a scope has reached — 80 % (allowance-warning), 100 % (allowance-used-up), beyond (allowance-beyond).
 * Once per allowance, scope and threshold (the dedupe key), so a retry or a later line raises nothing twice. Runs in
 * the tenant's scope: the buyer's notifications are the tenant's rows, whoever logged the work.
 */
@Injectable()
export class AllowanceCheckJob implements JobHandler<'allowance-check'> {
  readonly name = 'allowance-check' as const;

  constructor(private readonly db: TenantDatabase) {}

  async handle(payload: JobPayload<'allowance-check'>, run: JobRun): Promise<AllowanceCheckOutcome> {
    return this.db.run(jobScope(payload.tenantId, run), async (em) => {
      await lockJobKey(em, `allowance-${payload.contractId}`);
      const contract = await PeriodCloseReads.contract(em, payload.contractId);
      if (!contract || contract.tenantId !== payload.tenantId)
        throw new UnrecoverableJobError(`contract ${payload.contractId} does not exist in tenant ${payload.tenantId}`);
      const version = await PeriodCloseReads.version(em, contract, contract.currentVersion);
      if (!version) throw new UnrecoverableJobError(`configuration of contract ${contract.id} is missing`);
      const config = parseContractConfig(version.configuration);
      const usage = allowanceUsage(config, (await allowanceWorkOf(em, contract.id)).map(toAllowanceWork));
      const notices: SlaNotification[] = usage.flatMap((u) => {
        const steps: { key: string; kind: SlaNotification['kind']; severity: SlaNotification['severity'] }[] = [];
        if (u.reached.includes(80)) steps.push({ key: '80', kind: 'allowance-warning', severity: 'warning' });
        if (u.reached.includes(100)) steps.push({ key: '100', kind: 'allowance-used-up', severity: 'warning' });
        if (u.level === 'beyond') steps.push({ key: 'beyond', kind: 'allowance-beyond', severity: 'critical' });
        return steps.map((s) => ({
          tenantId: contract.tenantId,
          contractId: contract.id,
          ticketId: null,
          dedupeKey: `allowance-${contract.id}-${u.allowanceId}-${u.scope}-${s.key}`,
          kind: s.kind,
          severity: s.severity,
          // The figures as they stood when the threshold was reached, in Chinese (as every stored notice).
          message: renderExplanation(u.explained),
          details: { allowanceId: u.allowanceId, scope: u.scope, used: u.used, amount: u.amount, beyond: u.beyond },
        }));
      });
      const outcome = { contractId: contract.id, raised: await TicketSlaStore.insertNotifications(em, notices) };
      await JobOutbox.complete(em, run.id, outcome);
      return outcome;
    });
  }
}
