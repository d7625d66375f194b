import { randomUUID } from 'node:crypto';
import { subject } from '@casl/ability';
import { Injectable } from '@nestjs/common';
import {
  closablePeriods,
  computeSchedule,
  withCorrections,
  explain,
  explanationText,
  closePeriodKind,
  periodIdSchema,
  periodsWithin,
  todayOf,
  type ParsedConfig,
} from '@ledger/contracts';
import { Decimal, DomainError, ValidationError, problem, reasonOf } from '@ledger/kernel';
import { JobDispatcher, JobOutbox, type JobRecord, type JobRequest } from '@ledger/jobs';
import { computePeriodClose, type AssessmentView, type PeriodCloseComputation } from './period-close.computation';
import { NationalCalendarStore } from '../shared/national-calendar.store';
import { PeriodCloseStore, type CloseLineRow, type CloseRow } from './period-close.store';
import { scheduleJob } from './close-period.job';
import { TenantDatabase, type ContractEntity } from '@ledger/persistence';
import type { EntityManager } from 'typeorm';
import { AbilityFactory, type AppAbility } from '../auth/ability.factory';
import { RequestContext } from '../auth/request-context.service';
import { ContractAccess } from '../contracts';
import { checkedJson, type JsonValue } from '../graphql/json.scalar';
import { jobModel, type JobModel } from '../shared/job.models';
import { conflictsAsDomainErrors, contractSubject, isLocalDate, UUID } from '../shared/contract-context';
import { changedInputs, digestCloseInputs, type CloseInputKind } from './close-inputs.digest';
import type { TermPeriodModel } from '../shared/term-period.models';
import { CloseRefusal } from './period-close.errors';
import type {
  CloseLineModel,
  ClosePeriodInput,
  PeriodCloseModel,
  PeriodClosePreviewModel,
  RecordAdjustmentInput,
  ReopenPeriodCloseInput,
} from './period-close.models';

/**
 * Period closes: the preview (computes, stores nothing), the request (a pending close and its job, recorded in one
 * transaction and dispatched after commit), confirm (immutable from then on; the period's inputs are locked and the
 * schedule recomputed), reopen (the draft is superseded by a new revision computed again) and corrections of a
 * confirmed close (adjustment lines booked in a later open period). The computation itself runs in the worker
 * (libs/jobs ClosePeriodJob) with the same code as the preview.
 */
@Injectable()
export class PeriodCloseService {
  constructor(
    private readonly db: TenantDatabase,
    private readonly access: ContractAccess,
    private readonly context: RequestContext,
    private readonly abilities: AbilityFactory,
    private readonly calendars: NationalCalendarStore,
    private readonly dispatcher: JobDispatcher,
  ) {}

  async preview(contractId: string, period: string, asOfGiven: string | null): Promise<PeriodClosePreviewModel> {
    return this.db.run(this.context.scope(), async (em) => {
      // Everyone who reads the period's inputs (buyer roles, finance, the vendor holding the contract) may preview.
      const ctx = await this.access.requireWithConfig(em, contractId, { read: 'PeriodInputs' });
      const asOf = asOfGiven ?? todayOf(ctx.config, Date.now());
      const config: ParsedConfig & { version: number } = { ...ctx.config, version: ctx.version };
      checkPeriod(config, period, asOf);
      const computed = await computePeriodClose(em, {
        contractId: ctx.contract.id,
        config,
        calendar: ctx.calendar,
        period,
        asOf,
      });
      return previewModel({ ...computed, notes: [...computed.notes, explanationText(explain('close.note.preview'))] });
    });
  }

  /** The periods a close can target (closablePeriods of the current configuration). */
  async closablePeriods(contractId: string): Promise<TermPeriodModel[]> {
    return this.db.run(this.context.scope(), async (em) => {
      const ctx = await this.access.requireWithConfig(em, contractId, { read: 'PeriodInputs' });
      return closablePeriods(ctx.config).map(({ id, kind, start, end }) => ({ id, kind, start, end }));
    });
  }

  async close(input: ClosePeriodInput): Promise<PeriodCloseModel> {
    const p = this.context.principal();
    const { close, jobs } = await this.db.run(this.context.scope(), async (em) => {
      const ctx = await this.access.requireWithConfig(em, input.contractId, {
        can: 'create',
        on: 'PeriodClose',
        otherwise: 'closing a period is for the buyer admin and staff',
      });
      const asOf = input.asOf ?? todayOf(ctx.config, Date.now());
      checkPeriod({ ...ctx.config, version: ctx.version }, input.period, asOf);
      const digest = await digestCloseInputs(em, ctx.contract.id, { period: input.period, asOf, config: ctx.config });
      const live = await PeriodCloseStore.live(em, ctx.contract.id, input.period);
      // A live close computed from inputs that changed since: a pending or draft one is superseded by the next
      // revision (computed again, on the current configuration); a confirmed one stays and says what changed.
      const changes =
        live && live.status !== 'confirmed'
          ? changedInputs(live, {
              digest,
              configVersion: ctx.version,
              calendar: ctx.calendar,
              calendarRecords: await this.calendars.records(em),
            })
          : [];
      if (live && changes.length) {
        await conflictsAsDomainErrors('the period is being closed by another request', () =>
          PeriodCloseStore.reopen(em, live.id, p.userId, null, { code: 'INPUTS_CHANGED', changes }),
        );
      }
      const { close, created } = await conflictsAsDomainErrors('the period is being closed by another request', () =>
        PeriodCloseStore.request(em, {
          tenantId: ctx.contract.tenantId,
          contractId: ctx.contract.id,
          period: input.period,
          configVersion: ctx.version,
          asOf: changes.length && live ? (input.asOf ?? live.asOf) : asOf,
          requestedBy: p.userId,
          inputsDigest: digest,
        }),
      );
      const jobs = created
        ? [await JobOutbox.record(em, closeJob(close), { tenantId: close.tenantId, userId: p.userId })]
        : [];
      return { close, jobs };
    });
    await this.dispatcher.dispatch(jobs);
    return this.get(close.id);
  }

  /**
   * Confirms a computed draft. Refused while the inputs it was computed from have changed (request the close again
   * for the next revision), and while inputs are missing unless the buyer gives a reason, recorded on the close with
   * the missing inputs.
   */
  async confirm(closeId: string, reasonGiven: string | null): Promise<PeriodCloseModel> {
    const p = this.context.principal();
    const ability = this.abilities.for(p);
    const reason = reasonGiven?.trim() ?? '';
    const jobs = await this.db.run(this.context.scope(), async (em) => {
      const { close, contract, config } = await this.visibleClose(em, closeId, true);
      this.require(ability, 'update', contract);
      if (close.status !== 'draft')
        throw new DomainError(
          'CONFLICT',
          `only a computed draft can be confirmed; this close is ${close.status}`,
          [],
          reasonOf('close.notDraft'),
        );
      const changes = changedInputs(close, {
        digest: await digestCloseInputs(em, contract.id, { ...close, config }),
        configVersion: contract.currentVersion,
        calendar: await this.calendars.calendarOf(em, config),
        calendarRecords: await this.calendars.records(em),
      });
      if (changes.length) {
        throw new CloseRefusal(
          'CLOSE_INPUTS_CHANGED',
          `the inputs changed since revision ${close.revision} was computed (${changes.join(', ')}): request the close again for the next revision`,
          changes.map((c) => problem(c, 'close.inputChanged')),
          reasonOf('close.inputsChanged'),
        );
      }
      // Rule 18: a close whose period lies in a provisional calendar year waits for the published calendar.
      const provisional = close.result?.provisionalYears ?? [];
      if (provisional.length) {
        throw new CloseRefusal(
          'CLOSE_PROVISIONAL_CALENDAR',
          `the period lies in ${provisional.join(', ')}, whose national working-day calendar is provisional: confirm after it is published and the close recomputed`,
          [problem('closeId', 'close.provisionalCalendar', { years: provisional })],
          reasonOf('close.provisionalCalendar', { years: provisional.join('、') }),
        );
      }
      const missing = close.result?.missing ?? [];
      if (missing.length && !reason) {
        throw new CloseRefusal(
          'CLOSE_INPUTS_MISSING',
          `${missing.length} input(s) are missing: confirming without them needs a reason`,
          [problem('reason', 'close.reasonRequired')],
          reasonOf('close.inputsMissing', { count: missing.length }),
        );
      }
      await PeriodCloseStore.confirm(em, close.id, p.userId, missing.length ? { reason, missing } : undefined);
      await PeriodCloseStore.lockInputs(em, contract.id, periodsWithin(close.period));
      return [
        await JobOutbox.record(
          em,
          scheduleJob({ tenantId: close.tenantId, contractId: contract.id, trigger: `confirm-${close.id}` }),
          { tenantId: close.tenantId, userId: p.userId },
        ),
      ];
    });
    await this.dispatcher.dispatch(jobs);
    return this.get(closeId);
  }

  async reopen(input: ReopenPeriodCloseInput): Promise<PeriodCloseModel> {
    const p = this.context.principal();
    const ability = this.abilities.for(p);
    // The reason and the date passed reopenPeriodCloseArgs (period-close.schemas.ts).
    const { next, jobs } = await this.db.run(this.context.scope(), async (em) => {
      const { close, contract, config } = await this.visibleClose(em, input.closeId, true);
      this.require(ability, 'update', contract);
      if (close.status === 'confirmed')
        throw new DomainError(
          'CONFLICT',
          'a confirmed close is immutable: correct it with an adjustment in a later open period',
          [],
          reasonOf('close.confirmedImmutable'),
        );
      if (close.status === 'reopened')
        throw new DomainError('CONFLICT', 'this close was already reopened', [], reasonOf('close.alreadyReopened'));
      await PeriodCloseStore.reopen(em, close.id, p.userId, input.reason.trim());
      // The next revision computes on the contract's current configuration.
      const asOf = input.asOf ?? close.asOf;
      const inputsDigest = await digestCloseInputs(em, contract.id, { period: close.period, asOf, config });
      const { close: next } = await PeriodCloseStore.request(em, {
        tenantId: close.tenantId,
        contractId: contract.id,
        period: close.period,
        configVersion: contract.currentVersion,
        asOf,
        requestedBy: p.userId,
        inputsDigest,
      });
      return {
        next,
        jobs: [await JobOutbox.record(em, closeJob(next), { tenantId: next.tenantId, userId: p.userId })],
      };
    });
    await this.dispatcher.dispatch(jobs);
    return this.get(next.id);
  }

  async recordAdjustment(input: RecordAdjustmentInput): Promise<CloseLineModel> {
    const p = this.context.principal();
    const ability = this.abilities.for(p);
    // The amount and the reason passed recordAdjustmentArgs (period-close.schemas.ts).
    const { line, jobs } = await this.db.run(this.context.scope(), async (em) => {
      const { close, contract, config } = await this.visibleClose(em, input.correctsCloseId, false);
      this.require(ability, 'update', contract);
      if (close.status !== 'confirmed')
        throw new DomainError(
          'CONFLICT',
          `only a confirmed close is corrected by an adjustment; a ${close.status} close is reopened and recomputed instead`,
          [],
          reasonOf('close.adjustOnlyConfirmed'),
        );
      // A line of this contract's schedule (not another contract's, not a made-up id): where the correction is set off.
      if (input.paymentLineId != null) {
        const lines = computeSchedule(withCorrections(config), {}, { asOf: close.asOf }).lines.map((l) => l.id);
        if (!lines.includes(input.paymentLineId))
          throw new ValidationError([
            problem('paymentLineId', 'unknown.scheduleLine', { value: input.paymentLineId, known: lines }),
          ]);
      }
      // Booked in the first later period that is not confirmed (domain rule 11: history is never edited).
      const live = await PeriodCloseStore.list(em, contract.id);
      const booking = closablePeriods(config).find(
        (x) => x.id > close.period && !live.some((c) => c.period === x.id && c.status === 'confirmed'),
      );
      if (!booking)
        throw new DomainError(
          'CONFLICT',
          `no open ${closePeriodKind(config)} period after ${close.period} in the term to book the correction in`,
          [],
          reasonOf('close.noOpenPeriod', { period: close.period }),
        );
      const key = `adjust-${close.id}-${randomUUID()}`;
      await PeriodCloseStore.insertLines(
        em,
        { tenantId: contract.tenantId, contractId: contract.id, id: null },
        [
          {
            period: booking.id,
            lineKey: key,
            kind: 'adjustment',
            paymentLineId: input.paymentLineId ?? null,
            ruleId: null,
            label: '调整',
            amount: new Decimal(input.amount).toFixed(2),
            basis: { corrects: close.period },
            formula: explanationText(
              explain('close.adjustment', {
                period: close.period,
                revision: close.revision,
                reason: input.reason.trim(),
              }),
            ),
            reason: input.reason.trim(),
            correctsCloseId: close.id,
          },
        ],
        p.userId,
      );
      const [line] = (await PeriodCloseStore.lines(em, { contractId: contract.id })).filter((l) => l.lineKey === key);
      return {
        line,
        jobs: [
          await JobOutbox.record(
            em,
            scheduleJob({ tenantId: contract.tenantId, contractId: contract.id, trigger: `adjust-${line.id}` }),
            { tenantId: contract.tenantId, userId: p.userId },
          ),
        ],
      };
    });
    await this.dispatcher.dispatch(jobs);
    return lineModel(line);
  }

  async get(closeId: string): Promise<PeriodCloseModel> {
    const ability = this.abilities.for(this.context.principal());
    return this.db.run(this.context.scope(), async (em) => {
      const { close, contract, config } = await this.visibleClose(em, closeId, false);
      const lines = await PeriodCloseStore.lines(em, { closeIds: [close.id] });
      const changes = await this.changesOf(em, ability, contract, config, [close]);
      return closeModel(close, lines, await JobOutbox.get(em, close.jobId), changes.get(close.id) ?? []);
    });
  }

  async list(contractId: string): Promise<PeriodCloseModel[]> {
    const ability = this.abilities.for(this.context.principal());
    return this.db.run(this.context.scope(), async (em) => {
      const ctx = await this.access.requireWithConfig(em, contractId, { read: 'PeriodClose' });
      const closes = await PeriodCloseStore.list(em, ctx.contract.id);
      const lines = await PeriodCloseStore.lines(em, { closeIds: closes.map((c) => c.id) });
      const changes = await this.changesOf(em, ability, ctx.contract, ctx.config, closes);
      const out: PeriodCloseModel[] = [];
      for (const c of closes)
        out.push(
          closeModel(
            c,
            lines.filter((l) => l.closeId === c.id || l.correctsCloseId === c.id),
            await JobOutbox.get(em, c.jobId),
            changes.get(c.id) ?? [],
          ),
        );
      return out;
    });
  }

  async job(id: string): Promise<JobModel> {
    const ability = this.abilities.for(this.context.principal());
    return this.db.run(this.context.scope(), async (em) => {
      const job = /^[A-Za-z0-9._-]{1,300}$/.test(id) ? await JobOutbox.get(em, id) : null;
      // jobs_read and the ability agree: the tenant's jobs, a vendor's own; none for the platform admin.
      if (!job || !ability.can('read', subject('Job', { tenantId: job.tenantId, vendorOrgId: job.vendorOrgId })))
        throw new DomainError('NOT_FOUND', 'no such job');
      return jobModel(job);
    });
  }

  /**
   * What changed since each live close (draft or confirmed) was requested. Only for the buyer roles who close: they
   * read every input (another role's scope may see fewer rows and would report a change that is not one).
   */
  private async changesOf(
    em: EntityManager,
    ability: AppAbility,
    contract: ContractEntity,
    config: ParsedConfig,
    closes: readonly CloseRow[],
  ): Promise<Map<string, CloseInputKind[]>> {
    const out = new Map<string, CloseInputKind[]>();
    if (!ability.can('create', contractSubject('PeriodClose', contract))) return out;
    for (const c of closes) {
      if (c.status !== 'draft' && c.status !== 'confirmed') continue;
      out.set(
        c.id,
        changedInputs(c, {
          digest: await digestCloseInputs(em, contract.id, { ...c, config }),
          configVersion: contract.currentVersion,
          calendar: await this.calendars.calendarOf(em, config),
          calendarRecords: await this.calendars.records(em),
        }),
      );
    }
    return out;
  }

  private require(ability: AppAbility, action: 'update', contract: ContractEntity): void {
    if (!ability.can(action, contractSubject('PeriodClose', contract)))
      throw new DomainError('FORBIDDEN', 'confirming, reopening and correcting closes is for the buyer admin');
  }

  private async visibleClose(
    em: EntityManager,
    id: string,
    lock: boolean,
  ): Promise<{ close: CloseRow; contract: ContractEntity; config: ParsedConfig }> {
    const close = UUID.test(id) ? await PeriodCloseStore.get(em, id, lock) : null;
    if (!close) throw new DomainError('NOT_FOUND', 'no such period close');
    const ctx = await this.access.requireWithConfig(em, close.contractId, { read: 'PeriodClose' }).catch(() => null);
    if (!ctx) throw new DomainError('NOT_FOUND', 'no such period close');
    return { close, contract: ctx.contract, config: ctx.config };
  }
}

/** The job that computes a close. */
function closeJob(close: CloseRow): JobRequest<'close-period'> {
  return { id: close.jobId, name: 'close-period', payload: { tenantId: close.tenantId, closeId: close.id } };
}

function checkPeriod(config: ParsedConfig, period: string, asOf: string): void {
  if (!isLocalDate(asOf)) throw new ValidationError([problem('asOf', 'date.format')]);
  if (!periodIdSchema.safeParse(period).success) throw new ValidationError([problem('period', 'period.format')]);
  const periods = closablePeriods(config);
  if (!periods.some((x) => x.id === period)) {
    // Without an assessment scheme a contract closes by its default kind; `known` lists the periods it can close.
    throw new ValidationError([
      problem('period', 'period.notOfKind', {
        value: period,
        kind: closePeriodKind(config),
        known: periods.map((x) => x.id),
      }),
    ]);
  }
}

/**
 * A stored assessment with its base: results stored before the close kept it carry the figures it is found from,
 * unclamped score − Σ points (exact decimals; both were computed from it).
 */
function withBase(a: Omit<AssessmentView, 'base'> & { base?: string | null }): AssessmentView {
  if (a.base !== undefined || a.unclampedScore === null) return { ...a, base: a.base ?? null };
  const base = a.breakdown.reduce((s, b) => s.minus(b.points), new Decimal(a.unclampedScore));
  return { ...a, base: base.toFixed(2) };
}

/** The computation as the preview serves it; the inputs used are the period inputs as entered (JSON from the database). */
function previewModel(c: PeriodCloseComputation): PeriodClosePreviewModel {
  return { ...c, inputsUsed: c.inputsUsed.map((u) => ({ ...u, value: checkedJson(u.value) })) };
}

export function lineModel(l: CloseLineRow): CloseLineModel {
  return { ...l, closeId: l.closeId ?? (l.correctsCloseId as string), basis: l.basis as JsonValue };
}

function closeModel(
  c: CloseRow,
  lines: CloseLineRow[],
  job: JobRecord | null,
  inputsChanged: CloseInputKind[],
): PeriodCloseModel {
  return {
    id: c.id,
    contractId: c.contractId,
    period: c.period,
    revision: c.revision,
    status: c.status,
    configVersion: c.configVersion,
    calendarVersion: c.calendarVersion,
    asOf: c.asOf,
    score: c.score,
    grade: c.grade,
    jobId: c.jobId,
    requestedAt: c.requestedAt,
    computedAt: c.computedAt,
    confirmedAt: c.confirmedAt,
    reopenedAt: c.reopenedAt,
    reopenReason: c.reopenReason,
    reopenCode: c.reopenCode,
    reopenChanges: c.reopenChanges ?? [],
    confirmReason: c.confirmReason,
    confirmedMissing: (c.confirmedMissing ?? []) as PeriodCloseModel['confirmedMissing'],
    inputsChanged,
    // A result stored before rule 18 has no provisionalYears; breakdown `details` is the stored JSON the model serves.
    result: (c.result
      ? {
          ...c.result,
          provisionalYears: c.result.provisionalYears ?? [],
          assessment: withBase(c.result.assessment),
          assessments: c.result.assessments.map(withBase),
        }
      : null) as PeriodClosePreviewModel | null,
    lines: lines.map(lineModel),
    job: job ? jobModel(job) : null,
  };
}
