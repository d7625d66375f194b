import { Injectable } from '@nestjs/common';
import { subject } from '@casl/ability';
import { PRESET_IDS, getPreset, type ParsedConfig } from '@ledger/contracts';
import { DomainError, ValidationError, prefixProblems, type Problem, problem } from '@ledger/kernel';
import { TenantDatabase, type ContractEntity, type ContractVersionEntity } from '@ledger/persistence';
import type { EntityManager } from 'typeorm';
import { AbilityFactory } from '../auth/ability.factory';
import { RequestContext } from '../auth/request-context.service';
import { ConfigurationService } from '../configuration/configuration.service';
import type { JsonValue } from '../graphql/json.scalar';
import { PlatformRepository } from '../platform/platform.repository';
import type { ContractModel, CreateContractInput, UpdateContractConfigurationInput } from './contracts.models';
import { ContractsRepository } from './contracts.repository';
import { UUID } from '../graphql/ids';

const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

type Raw = Record<string, unknown>;

@Injectable()
export class ContractsService {
  constructor(
    private readonly db: TenantDatabase,
    private readonly repo: ContractsRepository,
    private readonly platform: PlatformRepository,
    private readonly context: RequestContext,
    private readonly abilities: AbilityFactory,
    private readonly configurations: ConfigurationService,
  ) {}

  async list(): Promise<ContractModel[]> {
    const ability = this.abilities.for(this.context.principal());
    return this.db.run(this.context.scope(), async (em) => {
      const contracts = (await this.repo.list(em)).filter((c) => ability.can('read', subject('Contract', { ...c })));
      return this.withVersions(em, contracts, await this.repo.versions(em, contracts.map((c) => c.id)));
    });
  }

  /** A contract outside the caller's reach is NOT_FOUND, whether it exists or not. */
  async get(id: string): Promise<ContractModel> {
    const ability = this.abilities.for(this.context.principal());
    return this.db.run(this.context.scope(), async (em) => {
      const c = UUID.test(id) ? await this.repo.byId(em, id) : null;
      if (!c || !ability.can('read', subject('Contract', { ...c }))) throw new DomainError('NOT_FOUND', 'no such contract');
      return (await this.withVersions(em, [c], await this.repo.versions(em, [c.id])))[0];
    });
  }

  async create(input: CreateContractInput): Promise<ContractModel> {
    const p = this.context.principal();
    if (!p.tenantId || !this.abilities.for(p).can('create', subject('Contract', { tenantId: p.tenantId }))) {
      throw new DomainError('FORBIDDEN', 'only a buyer admin creates contracts');
    }
    const problems: Problem[] = [];
    if (!CODE.test(input.code)) problems.push(problem('input.code', 'text.code'));
    if (input.name.trim() === '') problems.push(problem('input.name', 'text.empty'));
    if (!UUID.test(input.vendorOrgId)) problems.push(problem('input.vendorOrgId', 'text.uuid'));
    const hasPreset = input.presetId != null;
    if (hasPreset === (input.configuration != null)) problems.push(problem('input', 'choice.exactlyOne', { first: 'presetId', second: 'configuration' }));
    if (hasPreset && !(PRESET_IDS as readonly string[]).includes(input.presetId as string)) problems.push(problem('input.presetId', 'unknown.preset', { value: String(input.presetId) }));
    if (problems.length) throw new ValidationError(problems);

    const raw = (hasPreset ? getPreset(input.presetId as string).config : input.configuration) as unknown as Raw;
    const config = this.validated(raw, hasPreset ? 'preset' : 'input.configuration');
    const tenantId = p.tenantId;
    return this.db.run(this.context.scope(), async (em) => {
      if (!(await this.platform.vendor(em, input.vendorOrgId))) throw new ValidationError([problem('input.vendorOrgId', 'unknown.vendor')]);
      if (await this.repo.byCode(em, input.code)) throw new DomainError('CONFLICT', `a contract with code "${input.code}" exists`);
      const contract = await this.repo.insert(em, {
        tenantId,
        vendorOrgId: input.vendorOrgId,
        code: input.code,
        name: input.name.trim(),
        presetId: input.presetId ?? null,
        currentVersion: 1,
        amount: config.money.amount,
        termStart: config.term.start,
        termEnd: config.term.end,
      });
      const version = await this.repo.insertVersion(em, {
        tenantId,
        contractId: contract.id,
        version: 1,
        configuration: { ...raw, version: 1 },
        changeNote: hasPreset ? `created from preset ${input.presetId}` : 'created',
        createdBy: p.userId,
      });
      return (await this.withVersions(em, [contract], [version]))[0];
    });
  }

  /** A change is a new version; earlier versions stay as they were. */
  async updateConfiguration(input: UpdateContractConfigurationInput): Promise<ContractModel> {
    const ability = this.abilities.for(this.context.principal());
    const problems: Problem[] = [];
    if (input.changeNote.trim() === '') problems.push(problem('input.changeNote', 'contract.changeNoteRequired'));
    const raw = input.configuration as unknown as Raw;
    const check = this.configurations.validate(raw);
    if (!check.ok) problems.push(...prefixProblems('input.configuration', check.problems));
    return this.db.run(this.context.scope(), async (em) => {
      const c = UUID.test(input.contractId) ? await this.repo.byId(em, input.contractId) : null;
      if (!c || !ability.can('read', subject('Contract', { ...c }))) throw new DomainError('NOT_FOUND', 'no such contract');
      if (!ability.can('update', subject('Contract', { ...c }))) throw new DomainError('FORBIDDEN', 'only a buyer admin changes a contract');
      if (problems.length || !check.ok) throw new ValidationError(problems);
      const next = c.currentVersion + 1;
      const version = await this.repo.insertVersion(em, {
        tenantId: c.tenantId,
        contractId: c.id,
        version: next,
        configuration: { ...raw, version: next },
        changeNote: input.changeNote.trim(),
        createdBy: this.context.principal().userId,
      });
      const patch = { currentVersion: next, amount: check.config.money.amount, termStart: check.config.term.start, termEnd: check.config.term.end };
      await this.repo.setCurrent(em, c, patch);
      const earlier = await this.repo.versions(em, [c.id]);
      return (await this.withVersions(em, [{ ...c, ...patch }], [...earlier.filter((v) => v.version !== next), version]))[0];
    });
  }

  /** The same validation as checkContractConfiguration: what the check accepts, a save stores. */
  private validated(raw: Raw, path: string): ParsedConfig {
    const check = this.configurations.validate(raw);
    if (!check.ok) throw new ValidationError(prefixProblems(path, check.problems));
    return check.config;
  }

  /** Each version with its author's display name (a UUID is no name; a user the caller may not read stays null). */
  private async withVersions(em: EntityManager, contracts: ContractEntity[], versions: ContractVersionEntity[]): Promise<ContractModel[]> {
    const names = await this.repo.displayNames(em, [...new Set(versions.flatMap((v) => (v.createdBy ? [v.createdBy] : [])))]);
    return contracts.map((c) => {
      const own = versions.filter((v) => v.contractId === c.id).sort((a, b) => a.version - b.version);
      const current = own.find((v) => v.version === c.currentVersion);
      return {
        ...c,
        configuration: (current?.configuration ?? {}) as JsonValue,
        versions: own.map((v) => ({ version: v.version, configuration: v.configuration as JsonValue, changeNote: v.changeNote, createdBy: v.createdBy, createdByName: v.createdBy ? (names.get(v.createdBy) ?? null) : null, createdAt: v.createdAt })),
      };
    });
  }
}
