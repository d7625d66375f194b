import { Injectable } from '@nestjs/common';
import { addDays, checkReplacement, checkTeamMinimums, staffTurnover, todayOf } from '@ledger/contracts';
import { DomainError, ValidationError, problem, reasonOf } from '@ledger/kernel';
import { TenantDatabase, type StaffMemberEntity, type StaffReplacementEntity } from '@ledger/persistence';
import type { EntityManager } from 'typeorm';
import { RequestContext } from '../auth/request-context.service';
import { ContractAccess } from '../contracts';
import { UUID, conflictsAsDomainErrors, isLocalDate, type ContractContext } from '../shared/contract-context';
import { deferredProblems } from '../graphql/validate-input.interceptor';
import { StaffingRepository } from './staffing.repository';
import { addStaffMemberArgs, recordReplacementArgs } from './staffing.schemas';
import type {
  AddStaffMemberInput,
  RecordReplacementInput,
  StaffMemberModel,
  StaffReplacementModel,
  StaffRosterModel,
} from './staffing.models';

const isDate = isLocalDate;

/**
 * The vendor's staff roster of a contract and its replacements. The vendor writes, the buyer reads. A replacement
 * is recorded even when it breaks the contract's notice or handover rule (it happened; the buyer must see the
 * breach): the problems are stored with it and returned. Malformed input is refused with every problem.
 */
@Injectable()
export class StaffingService {
  constructor(
    private readonly db: TenantDatabase,
    private readonly repo: StaffingRepository,
    private readonly context: RequestContext,
    private readonly access: ContractAccess,
  ) {}

  async addMember(input: AddStaffMemberInput): Promise<StaffMemberModel> {
    const p = this.context.principal();
    return this.db.run(this.context.scope(), async (em) => {
      const ctx = await this.writable(em, input.contractId);
      const { config } = ctx;
      // The shape problems (addStaffMemberArgs), reported with the contract's: role, term, overlaps.
      const problems = deferredProblems(input, addStaffMemberArgs);
      const role = config.staffing.roles.find((r) => r.id === input.roleId);
      if (!role)
        problems.push(
          problem('input.roleId', 'unknown.role', {
            value: input.roleId,
            known: config.staffing.roles.map((r) => r.id),
          }),
        );
      if (isDate(input.fromDate) && (input.fromDate < config.term.start || input.fromDate > config.term.end))
        problems.push(
          problem('input.fromDate', 'date.outsideTerm', {
            value: input.fromDate,
            start: config.term.start,
            end: config.term.end,
          }),
        );
      const members = await this.repo.members(em, ctx.contract.id);
      const overlapping = members.find(
        (m) =>
          m.personId === input.personId.trim() &&
          (m.toDate === null || m.toDate >= input.fromDate) &&
          (input.toDate == null || m.fromDate <= input.toDate),
      );
      if (overlapping)
        problems.push(
          problem('input.personId', 'staffing.alreadyRostered', { value: input.personId, from: overlapping.fromDate }),
        );
      if (problems.length) throw new ValidationError(problems);
      const saved = await this.repo.insertMember(em, {
        tenantId: ctx.contract.tenantId,
        contractId: ctx.contract.id,
        personId: input.personId.trim(),
        name: input.name.trim(),
        roleId: input.roleId,
        placement: input.placement ?? role?.placement ?? 'on-site',
        fromDate: input.fromDate,
        toDate: input.toDate ?? null,
        createdBy: p.userId,
      });
      return memberModel(saved);
    });
  }

  async recordReplacement(input: RecordReplacementInput): Promise<StaffReplacementModel> {
    const p = this.context.principal();
    return conflictsAsDomainErrors('this staff member was replaced concurrently', () =>
      this.db.run(this.context.scope(), async (em) => {
        const ctx = await this.writable(em, input.contractId);
        const { config } = ctx;
        const old = UUID.test(input.oldMemberId)
          ? await this.repo.member(em, input.oldMemberId, ctx.contract.id)
          : null;
        if (!old) throw new DomainError('NOT_FOUND', 'no such staff member on this contract');
        if (await this.repo.replacementOf(em, old.id))
          throw new DomainError(
            'CONFLICT',
            `${old.name} has already been replaced`,
            [],
            reasonOf('staffing.alreadyReplaced', { name: old.name }),
          );

        // The shape problems (recordReplacementArgs), reported with those against the term and the replaced member.
        const problems = deferredProblems(input, recordReplacementArgs);
        if (isDate(input.changeOn)) {
          if (input.changeOn < config.term.start || input.changeOn > config.term.end)
            problems.push(
              problem('input.changeOn', 'date.outsideTerm', {
                value: input.changeOn,
                start: config.term.start,
                end: config.term.end,
              }),
            );
          else if (input.changeOn <= old.fromDate)
            problems.push(
              problem('input.changeOn', 'staffing.changeBeforeJoin', { name: old.name, joined: old.fromDate }),
            );
          else if (old.toDate !== null && old.toDate < addDays(input.changeOn, -1))
            problems.push(
              problem('input.changeOn', 'staffing.changeAfterLeave', {
                name: old.name,
                left: old.toDate,
                value: input.changeOn,
              }),
            );
        }
        if (problems.length) throw new ValidationError(problems);

        // The contract's replacement rule (notice, handover, interview): recorded and reported, not refused.
        const check = checkReplacement(
          config,
          {
            roleId: old.roleId,
            appliedOn: input.appliedOn,
            changeOn: input.changeOn,
            ...(input.handoverFrom != null ? { handoverFrom: input.handoverFrom } : {}),
            ...(input.handoverTo != null ? { handoverTo: input.handoverTo } : {}),
            ...(input.interviewPassed != null ? { interviewPassed: input.interviewPassed } : {}),
          },
          { calendar: ctx.calendar },
        );
        const breaches = check.problems.map((x) => ({ ...x, path: `input.${x.path}` }));
        await this.repo.endMember(em, old, addDays(input.changeOn, -1));
        const next = await this.repo.insertMember(em, {
          tenantId: old.tenantId,
          contractId: old.contractId,
          personId: input.newPersonId.trim(),
          name: input.newName.trim(),
          roleId: old.roleId,
          placement: old.placement,
          fromDate: input.changeOn,
          toDate: null,
          createdBy: p.userId,
        });
        const saved = await this.repo.insertReplacement(em, {
          tenantId: old.tenantId,
          contractId: old.contractId,
          oldMemberId: old.id,
          newMemberId: next.id,
          roleId: old.roleId,
          appliedOn: input.appliedOn,
          changeOn: input.changeOn,
          handoverFrom: input.handoverFrom ?? null,
          handoverTo: input.handoverTo ?? null,
          interviewPassed: input.interviewPassed ?? null,
          reason: input.reason?.trim() || null,
          problems: breaches,
          createdBy: p.userId,
        });
        return replacementModel(saved, ctx);
      }),
    );
  }

  async roster(contractId: string, asOf?: string | null): Promise<StaffRosterModel> {
    return this.db.run(this.context.scope(), async (em) => {
      const ctx = await this.readable(em, contractId);
      const { config } = ctx;
      const today = todayOf(config, Date.now());
      const day =
        asOf ?? (today < config.term.start ? config.term.start : today > config.term.end ? config.term.end : today);
      const members = await this.repo.roster(em, ctx.contract.id);
      const replacements = await this.repo.replacements(em, ctx.contract.id);
      const turnover = staffTurnover(
        config,
        replacements.map((r) => ({ roleId: r.roleId, on: r.changeOn })),
      );
      const active = members.filter((m) => m.fromDate <= day && (m.toDate === null || m.toDate >= day));
      const team = checkTeamMinimums(
        config,
        active.map((m) => ({ personId: m.personId, roleId: m.roleId })),
      );
      return {
        contractId: ctx.contract.id,
        asOf: day,
        members: members.map(memberModel),
        replacements: replacements.map((r) => replacementModel(r, ctx)),
        turnover: turnover.classes.map((c) => ({
          class: c.class,
          roles: c.roles,
          plannedHeadcount: c.plannedHeadcount,
          replaced: c.replaced,
          ratePercent: c.display,
          capPercent: c.capPercent,
          withinCap: c.withinCap,
          stored: c.explained,
        })),
        team: { ok: team.ok, problems: team.problems, details: { minimums: team.minimums, roles: team.roles } },
      };
    });
  }

  private readable(em: EntityManager, contractId: string): Promise<ContractContext> {
    return this.access.requireWithConfig(em, contractId, { read: 'StaffRoster' });
  }

  private writable(em: EntityManager, contractId: string): Promise<ContractContext> {
    return this.access.requireWithConfig(
      em,
      contractId,
      { read: 'StaffRoster' },
      { can: 'create', on: 'StaffRoster', otherwise: 'the vendor holding the contract keeps its staff roster' },
    );
  }
}

function memberModel(m: StaffMemberEntity): StaffMemberModel {
  return {
    id: m.id,
    contractId: m.contractId,
    personId: m.personId,
    name: m.name,
    roleId: m.roleId,
    placement: m.placement,
    fromDate: m.fromDate,
    toDate: m.toDate,
  };
}

/** The stored problems are those found when it was recorded; the working-day counts are recomputed for display. */
function replacementModel(
  r: StaffReplacementEntity,
  { config, calendar }: Pick<ContractContext, 'config' | 'calendar'>,
): StaffReplacementModel {
  let notice: number | null = null;
  let handover: number | null = null;
  let notes: string[] = [];
  try {
    const check = checkReplacement(
      config,
      {
        roleId: r.roleId,
        appliedOn: r.appliedOn,
        changeOn: r.changeOn,
        ...(r.handoverFrom ? { handoverFrom: r.handoverFrom } : {}),
        ...(r.handoverTo ? { handoverTo: r.handoverTo } : {}),
        ...(r.interviewPassed !== null ? { interviewPassed: r.interviewPassed } : {}),
      },
      { calendar },
    );
    notice = check.noticeWorkingDays;
    handover = check.handoverWorkingDays;
    notes = check.notes;
  } catch (e) {
    notes = [e instanceof Error ? e.message : String(e)];
  }
  return {
    id: r.id,
    contractId: r.contractId,
    oldMemberId: r.oldMemberId,
    newMemberId: r.newMemberId,
    roleId: r.roleId,
    appliedOn: r.appliedOn,
    changeOn: r.changeOn,
    handoverFrom: r.handoverFrom,
    handoverTo: r.handoverTo,
    interviewPassed: r.interviewPassed,
    reason: r.reason,
    ok: r.problems.length === 0,
    problems: r.problems,
    noticeWorkingDays: notice,
    handoverWorkingDays: handover,
    notes,
  };
}
