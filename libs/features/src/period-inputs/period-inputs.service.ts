import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { kindOfPeriodId, periodInputSpec, termPeriodProblems, type ParsedConfig } from '@ledger/contracts';
import { JobDispatcher, JobOutbox, type JobRequest } from '@ledger/jobs';
import { scheduleJob } from '../period-close';
import { DomainError, ValidationError, problem, reasonOf, type Problem } from '@ledger/kernel';
import { TenantDatabase, type PeriodInputEntity, type PeriodInputKind } from '@ledger/persistence';
import {
  checkAssessmentInputs,
  componentsReading,
  type AssessmentScheme,
  type PeriodInputField,
} from '@ledger/scoring';
import { RequestContext } from '../auth/request-context.service';
import { ContractAccess } from '../contracts';
import type { JsonValue } from '../graphql/json.scalar';
import { conflictsAsDomainErrors } from '../shared/contract-context';
import { deferredProblems } from '../graphql/validate-input.interceptor';
import type { PeriodInputSpecModel } from './period-input-spec.models';
import type { PeriodInputsModel, SetPeriodInputsInput } from './period-inputs.models';
import { PeriodInputsRepository } from './period-inputs.repository';
import { setPeriodInputsArgs } from './period-inputs.schemas';

type Component = AssessmentScheme['components'][number];
type Values = Partial<Record<PeriodInputKind, unknown>>;

/** Which scheme components a buyer field feeds, as their rule kinds declare it (ticket metrics come from the ticket ledger). */
function componentsFor(kind: PeriodInputField, scheme: AssessmentScheme): Component[] {
  const ids = componentsReading(scheme, kind).map((r) => r.componentId);
  return scheme.components.filter((c) => ids.includes(c.id));
}

/** checkAssessmentInputs for one component, its paths re-rooted from `inputs.<input>` to the GraphQL input field. */
function componentProblems(scheme: AssessmentScheme, c: Component, value: unknown, path: string): Problem[] {
  const root = `inputs.${c.input}`;
  return checkAssessmentInputs({ ...scheme, components: [c] }, { [c.input]: value }).map((p) => ({
    ...p,
    path:
      p.path === root
        ? path
        : p.path.startsWith(`${root}.`) || p.path.startsWith(`${root}[`)
          ? path + p.path.slice(root.length)
          : `${path}.${p.path}`,
  }));
}

/**
 * The buyer's inputs of an assessment period: staff scores, satisfaction results, security incidents, complaints,
 * item scores, quarter qualification, acceptance. One row per (tenant, contract, period, kind); a field left out
 * (or null) keeps what was entered. Validated against the contract's assessment scheme with every problem at its
 * path; nothing is stored when anything is wrong. Editable until the period is closed (`locked`).
 */
@Injectable()
export class PeriodInputsService {
  constructor(
    private readonly db: TenantDatabase,
    private readonly repo: PeriodInputsRepository,
    private readonly context: RequestContext,
    private readonly access: ContractAccess,
    private readonly dispatcher: JobDispatcher,
  ) {}

  async set(input: SetPeriodInputsInput): Promise<PeriodInputsModel> {
    const p = this.context.principal();
    const jobs: JobRequest<'recompute-schedule'>[] = [];
    const model = await conflictsAsDomainErrors(
      `inputs of ${input.period} were set concurrently; load them and try again`,
      () =>
        this.db.run(this.context.scope(), async (em) => {
          const ctx = await this.access.requireWithConfig(
            em,
            input.contractId,
            { read: 'PeriodInputs' },
            {
              can: 'update',
              on: 'PeriodInputs',
              otherwise: 'period inputs are the buyer’s (admin or staff); the vendor reads them',
            },
          );
          const { values, problems } = this.validate(input, ctx.config);
          if (problems.length) throw new ValidationError(problems);
          const existing = await this.repo.forPeriod(em, ctx.contract.id, input.period);
          const kinds = Object.keys(values) as PeriodInputKind[];
          if (kinds.length === 0) throw new ValidationError([problem('input', 'list.empty')]);
          const locked = existing.filter((r) => r.locked && kinds.includes(r.kind));
          if (locked.length)
            throw new DomainError(
              'CONFLICT',
              `period ${input.period} is closed: ${locked.map((r) => r.kind).join(', ')} can no longer change`,
              [],
              reasonOf('period.locked', { period: input.period }),
            );
          const now = new Date();
          for (const kind of kinds) {
            const row = existing.find((r) => r.kind === kind);
            if (row)
              await this.repo.change(em, row, {
                value: values[kind] as object,
                configVersion: ctx.version,
                updatedBy: p.userId,
                updatedAt: now,
              });
            else {
              await this.repo.insert(em, {
                tenantId: ctx.contract.tenantId,
                contractId: ctx.contract.id,
                period: input.period,
                kind,
                value: values[kind],
                configVersion: ctx.version,
                locked: false,
                updatedBy: p.userId,
                updatedAt: now,
              });
            }
          }
          // A ledger (台账) confirmation is a payment fact: the schedule follows it.
          if (kinds.includes('ledgerConfirmed')) {
            const id = randomUUID();
            jobs.push(
              await JobOutbox.record(
                em,
                scheduleJob({ tenantId: ctx.contract.tenantId, contractId: ctx.contract.id, trigger: `ledger-${id}` }),
                { tenantId: ctx.contract.tenantId, userId: p.userId },
              ),
            );
          }
          return this.model(
            ctx.contract.id,
            input.period,
            await this.repo.forPeriod(em, ctx.contract.id, input.period),
            ctx.config,
          );
        }),
    );
    await this.dispatcher.dispatch(jobs);
    return model;
  }

  async get(contractId: string, period: string): Promise<PeriodInputsModel> {
    return this.db.run(this.context.scope(), async (em) => {
      const ctx = await this.access.requireWithConfig(em, contractId, { read: 'PeriodInputs' });
      const problems = this.periodProblems(period, ctx.config);
      if (problems.length) throw new ValidationError(problems);
      return this.model(ctx.contract.id, period, await this.repo.forPeriod(em, ctx.contract.id, period), ctx.config);
    });
  }

  /** What the buyer enters for the period: derived from the configuration (periodInputSpec), nothing stored is read. */
  async spec(contractId: string, period: string): Promise<PeriodInputSpecModel> {
    return this.db.run(this.context.scope(), async (em) => {
      const ctx = await this.access.requireWithConfig(em, contractId, { read: 'PeriodInputs' });
      const spec = periodInputSpec(ctx.config, period);
      if (!spec) {
        const problems = this.periodProblems(period, ctx.config);
        throw new ValidationError(problems.length ? problems : [problem('period', 'period.format')]);
      }
      return {
        contractId: ctx.contract.id,
        period: spec.period,
        closeKind: spec.closeKind,
        assessed: spec.assessed,
        quarterQualified: spec.quarterQualified,
        components: spec.components.map(({ shape, ...read }) => ({ ...read, ...shape })),
      };
    });
  }

  private periodProblems(period: string, config: ParsedConfig): Problem[] {
    return termPeriodProblems(period, config.term);
  }

  private validate(input: SetPeriodInputsInput, config: ParsedConfig): { values: Values; problems: Problem[] } {
    // The formats (setPeriodInputsArgs), reported with the problems against the configuration.
    const problems = deferredProblems(input, setPeriodInputsArgs);
    const wrong = (path: string) => problems.some((x) => x.path === path);
    if (!wrong('input.period'))
      problems.push(...this.periodProblems(input.period, config).map((x) => ({ ...x, path: 'input.period' })));
    const values: Values = {};
    const scheme = config.assessment;
    const kind = wrong('input.period') ? null : kindOfPeriodId(input.period);

    const schemeField = (field: 'staffScores' | 'securityIncidents' | 'itemScores', value: unknown): void => {
      if (value === undefined || value === null) return;
      const path = `input.${field}`;
      if (!scheme) {
        problems.push(problem(path, 'unknown.noAssessmentScheme'));
        return;
      }
      const cs = componentsFor(field, scheme);
      if (cs.length === 0) {
        problems.push(problem(path, 'unknown.noComponent', { field }));
        return;
      }
      for (const c of cs) problems.push(...componentProblems(scheme, c, value, path));
      values[field] = value;
    };
    if (
      scheme &&
      kind &&
      kind !== scheme.period &&
      [input.staffScores, input.satisfaction, input.securityIncidents, input.itemScores].some(
        (v) => v !== undefined && v !== null,
      )
    ) {
      problems.push(
        problem('input.period', 'period.kindMismatch', { expected: scheme.period, value: input.period, kind }),
      );
    }
    schemeField('staffScores', input.staffScores);
    schemeField('securityIncidents', input.securityIncidents);
    schemeField('itemScores', input.itemScores);

    if (input.satisfaction !== undefined && input.satisfaction !== null) {
      const s = input.satisfaction;
      const cs = scheme ? componentsFor('satisfaction', scheme) : [];
      if (!scheme) problems.push(problem('input.satisfaction', 'unknown.noAssessmentScheme'));
      else if (typeof s !== 'object' || Array.isArray(s))
        problems.push(
          problem('input.satisfaction', 'periodInputs.satisfactionObject', { known: cs.map((c) => c.input) }),
        );
      else {
        for (const key of Object.keys(s)) {
          const c = cs.find((x) => x.input === key);
          if (!c)
            problems.push(
              problem(`input.satisfaction.${key}`, 'unknown.satisfactionInput', { known: cs.map((x) => x.input) }),
            );
          else problems.push(...componentProblems(scheme, c, s[key], `input.satisfaction.${key}`));
        }
        if (Object.keys(s).length === 0) problems.push(problem('input.satisfaction', 'list.empty'));
        values.satisfaction = s;
      }
    }
    if (input.complaints) {
      values.complaints = { valid: input.complaints.valid, invalid: input.complaints.invalid };
    }
    if (input.quarterQualified !== undefined && input.quarterQualified !== null) {
      if (kind && kind !== 'quarter')
        problems.push(problem('input.quarterQualified', 'period.quarterRequired', { value: input.period, kind }));
      values.quarterQualified = input.quarterQualified;
    }
    if (input.ledgerConfirmed !== undefined && input.ledgerConfirmed !== null)
      values.ledgerConfirmed = input.ledgerConfirmed;
    if (input.acceptance) {
      const date = input.acceptance.date ?? null;
      if (date !== null && !wrong('input.acceptance.date') && date < config.term.start)
        problems.push(problem('input.acceptance.date', 'date.beforeTerm', { value: date, start: config.term.start }));
      const interest = input.acceptance.clawbackInterest;
      values.acceptance = {
        passed: input.acceptance.passed,
        date,
        // The source is kept as typed (trimmed): the rate must be traceable to where the buyer read it.
        ...(interest ? { clawbackInterest: { ...interest, source: interest.source.trim() } } : {}),
      };
    }
    return { values, problems };
  }

  private model(
    contractId: string,
    period: string,
    rows: PeriodInputEntity[],
    config: ParsedConfig,
  ): PeriodInputsModel {
    const v = (k: PeriodInputKind): unknown => rows.find((r) => r.kind === k)?.value ?? null;
    const missing: string[] = [];
    const scheme = config.assessment;
    if (scheme && kindOfPeriodId(period) === scheme.period) {
      for (const field of ['staffScores', 'securityIncidents', 'itemScores'] as const)
        if (componentsFor(field, scheme).length && v(field) === null) missing.push(field);
      const sat = (v('satisfaction') ?? {}) as Record<string, unknown>;
      for (const c of componentsFor('satisfaction', scheme))
        if (sat[c.input] === undefined) missing.push(`satisfaction.${c.input}`);
    }
    const updated = rows.map((r) => r.updatedAt).sort((a, b) => b.getTime() - a.getTime())[0] ?? null;
    return {
      contractId,
      period,
      staffScores: v('staffScores') as JsonValue | null,
      satisfaction: v('satisfaction') as JsonValue | null,
      securityIncidents: v('securityIncidents') as JsonValue | null,
      complaints: v('complaints') as PeriodInputsModel['complaints'],
      itemScores: v('itemScores') as JsonValue | null,
      quarterQualified: v('quarterQualified') as boolean | null,
      acceptance: v('acceptance') as PeriodInputsModel['acceptance'],
      ledgerConfirmed: v('ledgerConfirmed') as boolean | null,
      locked: rows.some((r) => r.locked),
      missing,
      updatedAt: updated,
    };
  }
}
