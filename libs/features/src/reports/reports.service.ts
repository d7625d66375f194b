import { Injectable } from '@nestjs/common';
import {
  monthlyReportSchema,
  summariseMonthlyReport,
  todayOf,
  validateMonthlyReport,
  type OnDemandCall,
} from '@ledger/contracts';
import { DomainError, ValidationError, prefixProblems, reasonOf } from '@ledger/kernel';
import { TenantDatabase, type MonthlyReportEntity } from '@ledger/persistence';
import type { EntityManager } from 'typeorm';
import { RequestContext } from '../auth/request-context.service';
import { ContractAccess, type ContractNeed } from '../contracts';
import type { JsonValue } from '../graphql/json.scalar';
import { UUID, conflictsAsDomainErrors, type ContractContext } from '../shared/contract-context';
import type { MonthlyReportModel, SaveMonthlyReportInput } from './reports.models';
import { ReportsRepository } from './reports.repository';
import { saveMonthlyReportArgs } from './reports.schemas';
import { deferredProblems } from '../graphql/validate-input.interceptor';
import { onDemandCallsOf } from '../on-demand';

/**
 * The vendor's monthly report. Lifecycle: the vendor saves a draft (validated: every problem, nothing stored on
 * error) and submits it; the buyer accepts it or returns it with a comment; a returned report becomes a draft
 * again when the vendor saves it. An accepted report is locked: every change answers CONFLICT, and a database
 * trigger rejects any UPDATE or DELETE of it.
 */
@Injectable()
export class ReportsService {
  constructor(
    private readonly db: TenantDatabase,
    private readonly repo: ReportsRepository,
    private readonly context: RequestContext,
    private readonly access: ContractAccess,
  ) {}

  async save(input: SaveMonthlyReportInput): Promise<MonthlyReportModel> {
    const p = this.context.principal();
    return conflictsAsDomainErrors(`the report of ${input.month} was saved concurrently; load it and try again`, () =>
      this.db.run(this.context.scope(), async (em) => {
        const ctx = await this.readable(em, input.contractId, {
          can: 'create',
          on: 'MonthlyReport',
          otherwise: 'only the vendor holding the contract writes its monthly reports',
        });
        // The month's format and the report's shape (saveMonthlyReportArgs), after the contract is found.
        const problems = deferredProblems(input, saveMonthlyReportArgs);
        if (problems.length) throw new ValidationError(problems);
        const raw = input.report;

        const existing = await this.repo.byMonth(em, ctx.contract.id, input.month);
        if (existing) this.assertStatus(existing, ['draft', 'returned'], 'save');
        const check = validateMonthlyReport({ ...(raw as Record<string, JsonValue>), month: input.month }, ctx.config, {
          calendar: ctx.calendar,
        });
        if (!check.ok) throw new ValidationError(prefixProblems('input.report', check.problems));
        const payload: Record<string, unknown> = check.report;
        const saved = existing
          ? await this.repo.update(em, existing, {
              status: 'draft',
              payload,
              configVersion: ctx.version,
              savedBy: p.userId,
              savedAt: new Date(),
            })
          : await this.repo.insert(em, {
              tenantId: ctx.contract.tenantId,
              contractId: ctx.contract.id,
              month: input.month,
              status: 'draft',
              payload,
              configVersion: ctx.version,
              buyerComment: null,
              savedBy: p.userId,
              savedAt: new Date(),
              submittedBy: null,
              submittedAt: null,
              decidedBy: null,
              decidedAt: null,
            });
        return this.toModel(saved, ctx, await onDemandCallsOf(em, ctx.contract.id, ctx.config));
      }),
    );
  }

  /** Draft → submitted; the report is validated again against the contract's current configuration. */
  async submit(reportId: string): Promise<MonthlyReportModel> {
    const p = this.context.principal();
    return conflictsAsDomainErrors('the report changed concurrently; load it and try again', () =>
      this.db.run(this.context.scope(), async (em) => {
        const { report, ctx } = await this.loadReport(em, reportId, {
          can: 'create',
          on: 'MonthlyReport',
          otherwise: 'only the vendor submits its monthly report',
        });
        this.assertStatus(report, ['draft'], 'submit');
        const check = validateMonthlyReport(report.payload, ctx.config, { calendar: ctx.calendar });
        if (!check.ok)
          throw new ValidationError(
            prefixProblems('report', check.problems),
            'the report no longer fits the contract configuration; save it again',
          );
        const saved = await this.repo.update(em, report, {
          status: 'submitted',
          configVersion: ctx.version,
          submittedBy: p.userId,
          submittedAt: new Date(),
        });
        return this.toModel(saved, ctx, await onDemandCallsOf(em, ctx.contract.id, ctx.config));
      }),
    );
  }

  async decide(reportId: string, decision: 'accepted' | 'returned', comment?: string): Promise<MonthlyReportModel> {
    const p = this.context.principal();
    return conflictsAsDomainErrors('the report changed concurrently; load it and try again', () =>
      this.db.run(this.context.scope(), async (em) => {
        const { report, ctx } = await this.loadReport(em, reportId, {
          can: 'update',
          on: 'MonthlyReport',
          otherwise: 'only the buyer (admin or staff) decides on a monthly report',
        });
        this.assertStatus(report, ['submitted'], decision === 'accepted' ? 'accept' : 'return');
        // A return's comment is required (returnMonthlyReportArgs).
        const saved = await this.repo.update(em, report, {
          status: decision,
          buyerComment: decision === 'returned' ? (comment as string).trim() : comment?.trim() || report.buyerComment,
          decidedBy: p.userId,
          decidedAt: new Date(),
        });
        return this.toModel(saved, ctx, await onDemandCallsOf(em, ctx.contract.id, ctx.config));
      }),
    );
  }

  async list(contractId: string): Promise<MonthlyReportModel[]> {
    return this.db.run(this.context.scope(), async (em) => {
      const ctx = await this.readable(em, contractId);
      const calls = await onDemandCallsOf(em, ctx.contract.id, ctx.config);
      return (await this.repo.list(em, ctx.contract.id)).map((r) => this.toModel(r, ctx, calls));
    });
  }

  async get(id: string): Promise<MonthlyReportModel> {
    return this.db.run(this.context.scope(), async (em) => {
      const { report, ctx } = await this.loadReport(em, id);
      return this.toModel(report, ctx, await onDemandCallsOf(em, ctx.contract.id, ctx.config));
    });
  }

  /** The contract whose reports the caller reads (NOT_FOUND otherwise), checked for what the operation needs. */
  private readable(em: EntityManager, contractId: string, ...needs: ContractNeed[]): Promise<ContractContext> {
    return this.access.requireWithConfig(em, contractId, { read: 'MonthlyReport' }, ...needs);
  }

  /** A report outside the caller's reach is NOT_FOUND, whether it exists or not. */
  private async loadReport(
    em: EntityManager,
    id: string,
    ...needs: ContractNeed[]
  ): Promise<{ report: MonthlyReportEntity; ctx: ContractContext }> {
    const report = UUID.test(id) ? await this.repo.byId(em, id) : null;
    if (!report) throw new DomainError('NOT_FOUND', 'no such monthly report');
    try {
      return { report, ctx: await this.readable(em, report.contractId, ...needs) };
    } catch (e) {
      if (e instanceof DomainError && e.code === 'NOT_FOUND')
        throw new DomainError('NOT_FOUND', 'no such monthly report');
      throw e;
    }
  }

  private assertStatus(r: MonthlyReportEntity, allowed: MonthlyReportEntity['status'][], action: string): void {
    if (allowed.includes(r.status)) return;
    if (r.status === 'accepted')
      throw new DomainError(
        'CONFLICT',
        `the report of ${r.month} is accepted and locked; a correction goes into a later period`,
        [],
        reasonOf('report.locked', { month: r.month }),
      );
    throw new DomainError(
      'CONFLICT',
      `cannot ${action} the report of ${r.month}: it is ${r.status}`,
      [],
      reasonOf('report.wrongState', { month: r.month }),
    );
  }

  private toModel(
    r: MonthlyReportEntity,
    { config, calendar }: Pick<ContractContext, 'config' | 'calendar'>,
    calls: readonly OnDemandCall[],
  ): MonthlyReportModel {
    let summary: MonthlyReportModel['summary'] = null;
    let summaryError: string | null = null;
    try {
      const asOf = todayOf(config, Date.now());
      const s = summariseMonthlyReport(monthlyReportSchema.parse(r.payload), config, { asOf, calendar, calls });
      const count = (status: string) => s.obligations.items.filter((i) => i.status === status).length;
      summary = {
        asOf,
        // The month's working days (the person-months' denominator) come from a provisional year: 暂定.
        personMonths: { ...s.personMonths.display, provisional: calendar.isProvisionalDate(`${r.month}-01`) },
        obligations: { met: count('met'), late: count('late'), missing: count('missing'), pending: count('pending') },
        details: s,
      };
    } catch (e) {
      summaryError = e instanceof Error ? e.message : String(e);
    }
    return {
      id: r.id,
      contractId: r.contractId,
      month: r.month,
      status: r.status,
      report: r.payload as JsonValue,
      configVersion: r.configVersion,
      buyerComment: r.buyerComment,
      savedBy: r.savedBy,
      savedAt: r.savedAt,
      submittedBy: r.submittedBy,
      submittedAt: r.submittedAt,
      decidedBy: r.decidedBy,
      decidedAt: r.decidedAt,
      summary,
      summaryError,
    };
  }
}
