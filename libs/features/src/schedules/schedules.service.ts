import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { subject } from '@casl/ability';
import { Decimal, DomainError, ValidationError, problem, reasonOf } from '@ledger/kernel';
import { JobDispatcher, JobOutbox } from '@ledger/jobs';
import { ScheduleStore, type PaymentRow, type ScheduleSnapshot } from './schedule.store';
import { scheduleJob } from '../period-close';
import { TenantDatabase, type ContractEntity } from '@ledger/persistence';
import { AbilityFactory } from '../auth/ability.factory';
import { RequestContext } from '../auth/request-context.service';
import { ContractAccess } from '../contracts';
import { ContractsRepository } from '../contracts';
import { jobModel, type JobModel } from '../shared/job.models';
import { contractSubject, isLocalDate, UUID } from '../shared/contract-context';
import type {
  InvoiceModel,
  MarkPaidInput,
  PaymentModel,
  RecordInvoiceInput,
  ScheduleFilterInput,
  StoredScheduleModel,
} from './schedules.models';
import { recordInvoiceArgs } from './schedules.schemas';
import { deferredProblems } from '../graphql/validate-input.interceptor';
import { todayOf } from '@ledger/contracts';

/**
 * Stored payment schedules (computed by the schedule job from confirmed closes, adjustments and payments) and the
 * payments finance marks. Finance and the buyer read every contract of the tenant; the vendor the contracts it holds.
 */
@Injectable()
export class SchedulesService {
  constructor(
    private readonly db: TenantDatabase,
    private readonly contracts: ContractsRepository,
    private readonly context: RequestContext,
    private readonly abilities: AbilityFactory,
    private readonly access: ContractAccess,
    private readonly dispatcher: JobDispatcher,
  ) {}

  async forContract(contractId: string): Promise<StoredScheduleModel | null> {
    const ability = this.abilities.for(this.context.principal());
    const found = UUID.test(contractId)
      ? await this.db.run(this.context.scope(), (em) => ScheduleStore.contractSchedule(em, contractId))
      : null;
    // A contract outside the caller's reach is NOT_FOUND, whether it exists or not (as ContractAccess answers).
    if (
      !found ||
      !ability.can('read', subject('Contract', { tenantId: found.tenantId, vendorOrgId: found.vendorOrgId }))
    )
      throw new DomainError('NOT_FOUND', 'no such contract');
    if (!ability.can('read', subject('Payment', { tenantId: found.tenantId, vendorOrgId: found.vendorOrgId })))
      throw new DomainError('NOT_FOUND', 'no such contract');
    return found.snapshot ? model(found, found.snapshot, found.payments) : null;
  }

  /** Every contract the caller reads that has a stored schedule, lines filtered by due month and status. */
  async list(filter: ScheduleFilterInput | null): Promise<StoredScheduleModel[]> {
    // The filter passed paymentSchedulesArgs (schedules.schemas.ts): a month YYYY-MM, a line status.
    const ability = this.abilities.for(this.context.principal());
    return this.db.run(this.context.scope(), async (em) => {
      const contracts = (await this.contracts.list(em)).filter((c) =>
        ability.can('read', contractSubject('Payment', c)),
      );
      const snapshots = await ScheduleStore.latest(
        em,
        contracts.map((c) => c.id),
      );
      const out: StoredScheduleModel[] = [];
      for (const s of snapshots) {
        const c = contracts.find((x) => x.id === s.contractId) as ContractEntity;
        const m = model(c, s, await ScheduleStore.payments(em, c.id));
        const lines = m.schedule.lines.filter(
          (l) =>
            (filter?.dueMonth == null || (l.dueDate ?? '').startsWith(filter.dueMonth)) &&
            (filter?.status == null || l.status === filter.status),
        );
        if (lines.length || (filter?.dueMonth == null && filter?.status == null))
          out.push({ ...m, schedule: { ...m.schedule, lines } });
      }
      return out.sort((a, b) => a.contractCode.localeCompare(b.contractCode));
    });
  }

  async markPaid(input: MarkPaidInput): Promise<PaymentModel> {
    const p = this.context.principal();
    // The amount, the date and the line id passed markPaidArgs (schedules.schemas.ts).
    const { payment, jobs } = await this.db.run(this.context.scope(), async (em) => {
      const contract = await this.access.require(
        em,
        input.contractId,
        { read: 'Payment' },
        { can: 'create', on: 'Payment', otherwise: 'marking payments is for finance' },
      );
      const [snapshot] = await ScheduleStore.latest(em, [contract.id]);
      const line = snapshot?.schedule.lines.find((l) => l.id === input.lineId);
      if (!line) throw new ValidationError([problem('lineId', 'unknown.scheduleLine')]);
      if (line.status === 'withheld' || line.status === 'forfeited') {
        throw new DomainError(
          'CONFLICT',
          `line ${line.id} is ${line.status}: ${line.reasons.join('; ')}`,
          [],
          reasonOf(line.status === 'withheld' ? 'payment.lineWithheld' : 'payment.lineForfeited'),
        );
      }
      const payment = await ScheduleStore.insertPayment(em, {
        tenantId: contract.tenantId,
        contractId: contract.id,
        lineId: line.id,
        amount: new Decimal(input.amount).toFixed(2),
        paidOn: input.paidOn,
        reference: input.reference?.trim() || null,
        markedBy: p.userId,
      });
      const jobs = [
        await JobOutbox.record(
          em,
          scheduleJob({ tenantId: contract.tenantId, contractId: contract.id, trigger: `payment-${payment.id}` }),
          { tenantId: contract.tenantId, userId: p.userId },
        ),
      ];
      return { payment, jobs };
    });
    await this.dispatcher.dispatch(jobs);
    return paymentModel(payment);
  }

  /**
   * Finance records a VAT invoice received for a schedule line (Qinghai 002:428): the line's `invoice-received`
   * condition reads it once the schedule is recomputed (the job is recorded in the same transaction). Refused with
   * every problem at its path: a line the schedule does not have, a day after today, the same number on the line twice.
   */
  async recordInvoice(input: RecordInvoiceInput): Promise<InvoiceModel> {
    const p = this.context.principal();
    const { invoice, jobs } = await this.db.run(this.context.scope(), async (em) => {
      const ctx = await this.access.requireWithConfig(
        em,
        input.contractId,
        { read: 'Payment' },
        { can: 'create', on: 'Payment', otherwise: 'recording invoices is for finance' },
      );
      const problems = deferredProblems(input, recordInvoiceArgs);
      const [snapshot] = await ScheduleStore.latest(em, [ctx.contract.id]);
      if (!snapshot?.schedule.lines.some((l) => l.id === input.lineId))
        problems.push(problem('input.lineId', 'unknown.scheduleLine'));
      const today = todayOf(ctx.config, Date.now());
      if (isLocalDate(input.receivedOn) && input.receivedOn > today)
        problems.push(problem('input.receivedOn', 'date.afterAsOf', { value: input.receivedOn, asOf: today }));
      const number = input.number.trim();
      const twin = (await ScheduleStore.invoices(em, ctx.contract.id)).find(
        (i) => i.lineId === input.lineId && i.number === number,
      );
      if (twin)
        problems.push(problem('input.number', 'invoice.duplicate', { value: number, receivedOn: twin.receivedOn }));
      if (problems.length) throw new ValidationError(problems);
      const invoice = await ScheduleStore.insertInvoice(em, {
        tenantId: ctx.contract.tenantId,
        contractId: ctx.contract.id,
        lineId: input.lineId,
        number,
        amount: new Decimal(input.amount).toFixed(2),
        receivedOn: input.receivedOn,
        recordedBy: p.userId,
      });
      const jobs = [
        await JobOutbox.record(
          em,
          scheduleJob({
            tenantId: ctx.contract.tenantId,
            contractId: ctx.contract.id,
            trigger: `invoice-${invoice.id}`,
          }),
          { tenantId: ctx.contract.tenantId, userId: p.userId },
        ),
      ];
      return { invoice, jobs };
    });
    await this.dispatcher.dispatch(jobs);
    return {
      id: invoice.id,
      contractId: invoice.contractId,
      lineId: invoice.lineId,
      number: invoice.number,
      amount: invoice.amount,
      receivedOn: invoice.receivedOn,
    };
  }

  /** Asks for a recomputation (e.g. for today's statuses); a recompute with nothing new stores nothing. */
  async recompute(contractId: string): Promise<JobModel> {
    const p = this.context.principal();
    const job = await this.db.run(this.context.scope(), async (em) => {
      const contract = await this.access.require(em, contractId, { read: 'Payment' });
      if (p.role === 'vendor') throw new DomainError('FORBIDDEN', 'the buyer and finance recompute schedules');
      const id = randomUUID();
      const req = await JobOutbox.record(
        em,
        scheduleJob({ tenantId: contract.tenantId, contractId: contract.id, trigger: `manual-${id}` }),
        { tenantId: contract.tenantId, userId: p.userId },
      );
      return req;
    });
    await this.dispatcher.dispatch([job]);
    return this.db.run(this.context.scope(), async (em) =>
      jobModel((await JobOutbox.get(em, job.id)) as NonNullable<Awaited<ReturnType<typeof JobOutbox.get>>>),
    );
  }
}

function paymentModel(p: PaymentRow): PaymentModel {
  return {
    id: p.id,
    contractId: p.contractId,
    lineId: p.lineId,
    amount: p.amount,
    paidOn: p.paidOn,
    reference: p.reference,
    createdAt: p.createdAt,
  };
}

function model(
  c: Pick<ContractEntity, 'id' | 'code' | 'name'>,
  s: ScheduleSnapshot,
  payments: PaymentRow[],
): StoredScheduleModel {
  return {
    contractId: c.id,
    contractCode: c.code,
    contractName: c.name,
    configVersion: s.configVersion,
    calendarVersion: s.calendarVersion,
    asOf: s.asOf,
    computedAt: s.computedAt,
    basis: s.basis,
    schedule: s.schedule,
    payments: payments.map(paymentModel),
  };
}
