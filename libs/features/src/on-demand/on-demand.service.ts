import { Injectable } from '@nestjs/common';
import {
  isOnDemand,
  obligationChecklist,
  onDemandCallProblems,
  onDemandCallStatus,
  onDemandDueOn,
  onDemandServiceProblems,
  onDemandWindow,
  todayOf,
  type ObligationCheck,
} from '@ledger/contracts';
import { DomainError, ValidationError, problem } from '@ledger/kernel';
import { TenantDatabase, type OnDemandCallEntity } from '@ledger/persistence';
import type { EntityManager } from 'typeorm';
import { RequestContext } from '../auth/request-context.service';
import { ContractAccess } from '../contracts';
import { UUID, conflictsAsDomainErrors, isLocalDate, type ContractContext } from '../shared/contract-context';
import { deferredProblems } from '../graphql/validate-input.interceptor';
import { OnDemandRepository, toOnDemandCall } from './on-demand.repository';
import { recordOnDemandCallArgs, serveOnDemandCallArgs } from './on-demand.schemas';
import type {
  OnDemandCallModel,
  OnDemandObligationModel,
  OnDemandRegisterModel,
  RecordOnDemandCallInput,
  ServeOnDemandCallInput,
} from './on-demand.models';

/**
 * On-demand obligations (domain rule 14): the buyer calls, the vendor serves each call with its evidence. The
 * register is the pure checklist's on-demand rows over the term, judged today in the contract's time zone.
 */
@Injectable()
export class OnDemandService {
  constructor(
    private readonly db: TenantDatabase,
    private readonly repo: OnDemandRepository,
    private readonly context: RequestContext,
    private readonly access: ContractAccess,
  ) {}

  async register(contractId: string): Promise<OnDemandRegisterModel> {
    return this.db.run(this.context.scope(), async (em) => {
      const ctx = await this.access.requireWithConfig(em, contractId, { read: 'OnDemandCall' });
      const asOf = todayOf(ctx.config, Date.now());
      const calls = await this.repo.calls(em, ctx.contract.id);
      const byId = new Map(calls.map((c) => [c.id, c]));
      const { term } = ctx.config;
      const onDemand = ctx.config.obligations.filter(isOnDemand);
      // Over the term and the years after it that some obligation runs on (Tianjin: source code 5 years).
      const to = onDemand.map((o) => onDemandWindow(o, term).end).reduce((a, b) => (b > a ? b : a), term.end);
      const respond = new Map(onDemand.map((o) => [o.id, o.respondWithinDays ?? null]));
      const checklist = obligationChecklist({
        config: { ...ctx.config, obligations: onDemand },
        calendar: ctx.calendar,
        period: { from: term.start, to },
        asOf,
        deliveries: [],
        calls: calls.map(toOnDemandCall),
      });
      return {
        contractId: ctx.contract.id,
        asOf,
        obligations: checklist.items.map((i) => obligationModel(i, byId, asOf, respond.get(i.obligationId) ?? null)),
      };
    });
  }

  async recordCall(input: RecordOnDemandCallInput): Promise<OnDemandCallModel> {
    const p = this.context.principal();
    return conflictsAsDomainErrors('this call was recorded concurrently', () =>
      this.db.run(this.context.scope(), async (em) => {
        const ctx = await this.access.requireWithConfig(
          em,
          input.contractId,
          { read: 'OnDemandCall' },
          { can: 'create', on: 'OnDemandCall', otherwise: 'the buyer calls on an on-demand obligation' },
        );
        const problems = deferredProblems(input, recordOnDemandCallArgs);
        const subject = input.subject?.trim() ?? '';
        const obligation = ctx.config.obligations.find((o) => o.id === input.obligationId);
        const dueOn = obligation ? onDemandDueOn(obligation, input.calledOn, input.dueOn) : (input.dueOn ?? null);
        if (isLocalDate(input.calledOn) && (input.dueOn == null || isLocalDate(input.dueOn))) {
          const recorded = (await this.repo.calls(em, ctx.contract.id)).map(toOnDemandCall);
          const known = new Set(problems.map((x) => `${x.path}|${x.code}`));
          for (const x of onDemandCallProblems(
            ctx.config,
            { obligationId: input.obligationId, calledOn: input.calledOn, dueOn, subject },
            recorded,
          ))
            if (!known.has(`${x.path}|${x.code}`)) problems.push(x);
        }
        if (problems.length || dueOn === null) throw new ValidationError(problems);
        const saved = await this.repo.insert(em, {
          tenantId: ctx.contract.tenantId,
          contractId: ctx.contract.id,
          obligationId: input.obligationId,
          calledOn: input.calledOn,
          dueOn,
          subject,
          calledBy: p.userId,
        });
        return callModel(saved, todayOf(ctx.config, Date.now()));
      }),
    );
  }

  async serveCall(input: ServeOnDemandCallInput): Promise<OnDemandCallModel> {
    const p = this.context.principal();
    return conflictsAsDomainErrors('this call was served concurrently', () =>
      this.db.run(this.context.scope(), async (em) => {
        const ctx = await this.access.requireWithConfig(
          em,
          input.contractId,
          { read: 'OnDemandCall' },
          { can: 'update', on: 'OnDemandCall', otherwise: 'the vendor holding the contract records its service' },
        );
        const call = await this.call(em, ctx, input.callId);
        const today = todayOf(ctx.config, Date.now());
        const problems = deferredProblems(input, serveOnDemandCallArgs);
        if (isLocalDate(input.servedOn)) {
          problems.push(...onDemandServiceProblems(call, input.servedOn));
          if (input.servedOn > today)
            problems.push(problem('input.servedOn', 'date.afterAsOf', { value: input.servedOn, asOf: today }));
        }
        if (problems.length) throw new ValidationError(problems);
        const saved = await this.repo.serve(em, call, {
          servedOn: input.servedOn,
          evidence: input.evidence.trim(),
          servedBy: p.userId,
        });
        return callModel(saved, today);
      }),
    );
  }

  private async call(em: EntityManager, ctx: ContractContext, id: string): Promise<OnDemandCallEntity> {
    const c = UUID.test(id) ? await this.repo.call(em, id, ctx.contract.id) : null;
    if (!c) throw new DomainError('NOT_FOUND', 'no such call on this contract');
    return c;
  }
}

function callModel(c: OnDemandCallEntity, asOf: string): OnDemandCallModel {
  return {
    id: c.id,
    contractId: c.contractId,
    obligationId: c.obligationId,
    calledOn: c.calledOn,
    dueOn: c.dueOn,
    subject: c.subject,
    status: onDemandCallStatus(c, asOf),
    servedOn: c.servedOn,
    serviceEvidence: c.serviceEvidence,
  };
}

function obligationModel(
  i: ObligationCheck,
  rows: ReadonlyMap<string, OnDemandCallEntity>,
  asOf: string,
  respondWithinDays: number | null,
): OnDemandObligationModel {
  const tally = i.onDemand?.tally;
  const calls = (i.onDemand?.calls ?? []).flatMap((c) => {
    const row = rows.get(c.id);
    return row ? [callModel(row, asOf)] : [];
  });
  return {
    obligationId: i.obligationId,
    label: i.label,
    occurrence: i.occurrence,
    from: i.window.from,
    to: i.window.to,
    capacity: tally?.capacity ?? 0,
    respondWithinDays,
    called: tally?.calls ?? 0,
    served: tally?.served ?? 0,
    late: tally?.late ?? 0,
    missed: tally?.missed ?? 0,
    pending: tally?.pending ?? 0,
    beyondCapacity: tally?.beyondCapacity ?? 0,
    status: i.status,
    calls,
    stored: i.explained,
  };
}
