import { Injectable } from '@nestjs/common';
import {
  allowanceUsage,
  allowanceWorkProblems,
  calendarPeriod,
  jobIds,
  todayOf,
  type AllowanceUsage,
} from '@ledger/contracts';
import { ValidationError, problem } from '@ledger/kernel';
import { JobDispatcher, JobOutbox, type JobRequest } from '@ledger/jobs';
import { TenantDatabase } from '@ledger/persistence';
import { RequestContext } from '../auth/request-context.service';
import { ContractAccess } from '../contracts';
import { deferredProblems } from '../graphql/validate-input.interceptor';
import { PeriodCloseStore } from '../period-close';
import { UUID, isLocalDate } from '../shared/contract-context';
import type {
  AllowanceRegisterModel,
  AllowanceUsageModel,
  AllowanceWorkModel,
  LogAllowanceWorkInput,
} from './allowances.models';
import { AllowancesRepository, toAllowanceWork, type WorkRow } from './allowances.repository';
import { logAllowanceWorkArgs } from './allowances.schemas';

/**
 * Free-work allowances (domain rule 15): the vendor logs work on requests; both parties read used / remaining and
 * the work beyond. Reading and logging follow the staff roster's abilities (the vendor's staffing, the buyer reads).
 * A logged line is checked by the allowance-check job, which raises the 80 % / 100 % / beyond warnings.
 */
@Injectable()
export class AllowancesService {
  constructor(
    private readonly db: TenantDatabase,
    private readonly repo: AllowancesRepository,
    private readonly context: RequestContext,
    private readonly access: ContractAccess,
    private readonly dispatcher: JobDispatcher,
  ) {}

  async register(contractId: string): Promise<AllowanceRegisterModel> {
    return this.db.run(this.context.scope(), async (em) => {
      const ctx = await this.access.requireWithConfig(em, contractId, { read: 'StaffRoster' });
      const work = await this.repo.work(em, ctx.contract.id);
      const usage = allowanceUsage(ctx.config, work.map(toAllowanceWork));
      const free = new Map(ctx.config.staffing.allowances.map((a) => [a.id, a.free]));
      return {
        contractId: ctx.contract.id,
        asOf: todayOf(ctx.config, Date.now()),
        usage: usage.map((u) => usageModel(u, free.get(u.allowanceId) ?? true)),
        work: workModels(work, usage),
      };
    });
  }

  async logWork(input: LogAllowanceWorkInput): Promise<AllowanceRegisterModel> {
    const p = this.context.principal();
    const job = await this.db.run(this.context.scope(), async (em): Promise<JobRequest<'allowance-check'>> => {
      const ctx = await this.access.requireWithConfig(
        em,
        input.contractId,
        { read: 'StaffRoster' },
        { can: 'create', on: 'StaffRoster', otherwise: 'the vendor holding the contract logs its work' },
      );
      const problems = deferredProblems(input, logAllowanceWorkArgs);
      const amount = input.amount.trim();
      if (input.ticketId != null && UUID.test(input.ticketId)) {
        if (!(await this.repo.ticket(em, input.ticketId, ctx.contract.id)))
          problems.push(problem('input.ticketId', 'allowance.noSuchTicket', { value: input.ticketId }));
      }
      if (isLocalDate(input.workedOn) && !problems.some((x) => x.path === 'input.amount')) {
        const closed = (await PeriodCloseStore.confirmed(em, ctx.contract.id)).flatMap((c) => {
          const b = calendarPeriod(c.period);
          return b ? [{ period: c.period, start: b.start, end: b.end }] : [];
        });
        problems.push(
          ...allowanceWorkProblems(
            ctx.config,
            { allowanceId: input.allowanceId, workedOn: input.workedOn, amount, ticketId: input.ticketId ?? null },
            closed,
          ),
        );
      }
      if (problems.length) throw new ValidationError(problems);
      const saved = await this.repo.insert(em, {
        tenantId: ctx.contract.tenantId,
        contractId: ctx.contract.id,
        allowanceId: input.allowanceId,
        ticketId: input.ticketId ?? null,
        workedOn: input.workedOn,
        amount,
        description: input.description.trim(),
        loggedBy: p.userId,
      });
      const payload = { tenantId: saved.tenantId, contractId: saved.contractId, workId: saved.id };
      return JobOutbox.record(
        em,
        { id: jobIds.allowanceCheck(payload), name: 'allowance-check', payload },
        { tenantId: saved.tenantId, userId: p.userId, vendorOrgId: p.vendorOrgId },
      );
    });
    await this.dispatcher.dispatch([job]);
    return this.register(input.contractId);
  }
}

function usageModel(u: AllowanceUsage, free: boolean): AllowanceUsageModel {
  return {
    allowanceId: u.allowanceId,
    description: u.description,
    unit: u.unit,
    per: u.per,
    free,
    scope: u.scope,
    amount: u.amount,
    used: u.used,
    remaining: u.remaining,
    percent: u.percent,
    level: u.level,
    beyond: u.beyond,
    stored: u.explained,
  };
}

function workModels(rows: readonly WorkRow[], usage: readonly AllowanceUsage[]): AllowanceWorkModel[] {
  const beyond = new Map(usage.flatMap((u) => u.beyondEntries.map((e) => [e.id, e.amount] as const)));
  return rows.map((r) => ({
    id: r.id,
    contractId: r.contractId,
    allowanceId: r.allowanceId,
    ticketId: r.ticketId,
    ticketNumber: r.ticketNumber,
    workedOn: r.workedOn,
    amount: r.amount,
    description: r.description,
    beyond: beyond.get(r.id) ?? null,
  }));
}
