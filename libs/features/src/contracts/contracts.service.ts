import { Injectable } from '@nestjs/common';
import { subject } from '@casl/ability';
import { getPreset, todayIn, type ParsedConfig } from '@ledger/contracts';
import { DomainError, ValidationError, prefixProblems, problem } from '@ledger/kernel';
import { TenantDatabase, type ContractEntity, type ContractVersionEntity } from '@ledger/persistence';
import type { EntityManager } from 'typeorm';
import { AbilityFactory } from '../auth/ability.factory';
import { RequestContext } from '../auth/request-context.service';
import { ConfigurationService } from '../configuration';
import type { JsonValue } from '../graphql/json.scalar';
import { PlatformRepository } from '../platform';
import type { TenantModel } from '../platform';
import {
  type ContractFilterInput,
  type ContractModel,
  type ContractPageModel,
  type ContractVersionModel,
  type CreateContractInput,
  type UpdateContractConfigurationInput,
} from './contracts.models';
import { ContractAccess } from './contract-access';
import { ContractsRepository, type TermState } from './contracts.repository';
import { deferredProblems } from '../graphql/validate-input.interceptor';
import { decodeCursor, encodeCursor } from './contract-cursor';
import { searchWords, updateContractConfigurationArgs } from './contracts.schemas';

type Raw = Record<string, unknown>;
const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);

@Injectable()
export class ContractsService {
  constructor(
    private readonly db: TenantDatabase,
    private readonly repo: ContractsRepository,
    private readonly platform: PlatformRepository,
    private readonly context: RequestContext,
    private readonly abilities: AbilityFactory,
    private readonly access: ContractAccess,
    private readonly configurations: ConfigurationService,
  ) {}

  async list(): Promise<ContractModel[]> {
    const ability = this.abilities.for(this.context.principal());
    return this.db.run(this.context.scope(), async (em) => {
      const contracts = (await this.repo.list(em)).filter((c) => ability.can('read', subject('Contract', { ...c })));
      // The versions (large documents) are read only when selected: ContractVersionsResolver.
      return this.withVersions(em, contracts, null);
    });
  }

  /**
   * The contract lists: filtered, by code, a page at a time. The scope is the existing list's (row-level security:
   * the tenant's contracts, the vendor's across tenants); an agency in the filter the caller does not read is
   * NOT_FOUND, as any id outside its reach.
   */
  async search(filter: ContractFilterInput, first: number, after?: string): Promise<ContractPageModel> {
    const ability = this.abilities.for(this.context.principal());
    // The arguments passed contractSearchArgs (contracts.schemas.ts): page size, words, states, agency ids, cursor.
    const words = searchWords(filter.text);
    const termStates = filter.termStates ?? [];
    const tenantIds = [...new Set(filter.tenantIds ?? [])];
    const cursor = after === undefined ? undefined : decodeCursor(after);
    return this.db.run(this.context.scope(), async (em) => {
      if (tenantIds.length && (await this.repo.tenants(em, tenantIds)).length !== tenantIds.length)
        throw new DomainError('NOT_FOUND', 'no such agency');
      // A role that reads no contract (the platform admin) gets an empty page; row-level security already shows it none.
      if (!ability.can('read', 'Contract')) return { nodes: [], totalCount: 0, endCursor: null, hasNextPage: false };
      const found = await this.repo.search(em, {
        words,
        termStates: termStates as TermState[],
        tenantIds,
        openBreaches: filter.openBreaches ?? undefined,
        // The term states of contracts of every agency: on the contracts' zone (each configuration's is Asia/Shanghai).
        today: todayIn(Date.now()),
        now: new Date(),
        limit: first,
        after: cursor ?? undefined,
      });
      const more = found.rows.length > first;
      const last = found.rows[Math.min(first, found.rows.length) - 1];
      const rows = found.rows.slice(0, first).filter((c) => ability.can('read', subject('Contract', { ...c })));
      const nodes = await this.withVersions(em, rows, null);
      return { nodes, totalCount: found.total, hasNextPage: more, endCursor: more && last ? encodeCursor(last) : null };
    });
  }

  /** The agencies (tenants) of every contract the caller reads, by name: the choices of the agency filter. */
  async agencies(): Promise<TenantModel[]> {
    if (!this.abilities.for(this.context.principal()).can('read', 'Contract')) return [];
    return this.db.run(this.context.scope(), async (em) =>
      (await this.repo.agencies(em)).map((t) => ({ id: t.id, code: t.code, name: t.name })),
    );
  }

  /** A contract outside the caller's reach is NOT_FOUND, whether it exists or not. */
  async get(id: string): Promise<ContractModel> {
    return this.db.run(this.context.scope(), async (em) => {
      const c = await this.access.require(em, id);
      return (await this.withVersions(em, [c], await this.repo.versions(em, [c.id])))[0];
    });
  }

  async create(input: CreateContractInput): Promise<ContractModel> {
    const p = this.context.principal();
    if (!p.tenantId || !this.abilities.for(p).can('create', subject('Contract', { tenantId: p.tenantId }))) {
      throw new DomainError('FORBIDDEN', 'only a buyer admin creates contracts');
    }
    // The input passed createContractArgs (contracts.schemas.ts): exactly one of a known preset or a configuration.
    const hasPreset = input.presetId != null;
    const { config, raw } = this.validated(
      hasPreset ? getPreset(input.presetId as string).config : input.configuration,
      hasPreset ? 'preset' : 'input.configuration',
    );
    const tenantId = p.tenantId;
    return this.db.run(this.context.scope(), async (em) => {
      if (!(await this.platform.vendor(em, input.vendorOrgId)))
        throw new ValidationError([problem('input.vendorOrgId', 'unknown.vendor')]);
      if (await this.repo.byCode(em, input.code))
        throw new DomainError('CONFLICT', `a contract with code "${input.code}" exists`);
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
    // The change note's problem (updateContractConfigurationArgs), reported after the contract is found, with the
    // configuration's.
    const problems = deferredProblems(input, updateContractConfigurationArgs);
    const raw = input.configuration;
    const check = this.configurations.validate(raw);
    if (!check.ok) problems.push(...prefixProblems('input.configuration', check.problems));
    // A valid configuration is an object (the schema's root is one): this only tells the type so.
    else if (!isObject(raw)) problems.push(problem('input.configuration', 'object.expected'));
    return this.db.run(this.context.scope(), async (em) => {
      const c = await this.access.require(em, input.contractId, {
        can: 'update',
        on: 'Contract',
        otherwise: 'only a buyer admin changes a contract',
      });
      if (problems.length || !check.ok || !isObject(raw)) throw new ValidationError(problems);
      const next = c.currentVersion + 1;
      const version = await this.repo.insertVersion(em, {
        tenantId: c.tenantId,
        contractId: c.id,
        version: next,
        configuration: { ...raw, version: next },
        changeNote: input.changeNote.trim(),
        createdBy: this.context.principal().userId,
      });
      const patch = {
        currentVersion: next,
        amount: check.config.money.amount,
        termStart: check.config.term.start,
        termEnd: check.config.term.end,
      };
      await this.repo.setCurrent(em, c, patch);
      const earlier = await this.repo.versions(em, [c.id]);
      return (
        await this.withVersions(em, [{ ...c, ...patch }], [...earlier.filter((v) => v.version !== next), version])
      )[0];
    });
  }

  /** The same validation as checkContractConfiguration: what the check accepts, a save stores (as written). */
  private validated(raw: unknown, path: string): { config: ParsedConfig; raw: Raw } {
    const check = this.configurations.validate(raw);
    if (!check.ok) throw new ValidationError(prefixProblems(path, check.problems));
    // A valid configuration is an object (the schema's root is one): this only tells the type so.
    if (!isObject(raw)) throw new ValidationError([problem(path, 'object.expected')]);
    return { config: check.config, raw };
  }

  /** Each version with its author's display name (a UUID is no name; a user the caller may not read stays null). */
  /**
   * The contracts as the API shows them; with `versions`, their configurations and versions too, else those are read
   * when selected (ContractVersionsResolver, batched per request).
   */
  private async withVersions(
    em: EntityManager,
    contracts: ContractEntity[],
    versions: ContractVersionEntity[] | null,
  ): Promise<ContractModel[]> {
    const tenants = new Map(
      (await this.repo.tenants(em, [...new Set(contracts.map((c) => c.tenantId))])).map((t) => [t.id, t.name]),
    );
    const byContract = versions === null ? null : await this.versionModels(em, versions);
    return contracts.map((c) => {
      const own = byContract?.get(c.id) ?? [];
      return {
        ...c,
        tenantName: tenants.get(c.tenantId) ?? null,
        ...(byContract === null
          ? {}
          : { configuration: own.find((v) => v.version === c.currentVersion)?.configuration ?? {}, versions: own }),
      };
    });
  }

  /** Every version of each of these contracts, oldest first, with its author's name (ContractVersionsResolver). */
  async versionsOf(contractIds: readonly string[]): Promise<Map<string, ContractVersionModel[]>> {
    return this.db.run(this.context.scope(), async (em) =>
      this.versionModels(em, await this.repo.versions(em, [...contractIds])),
    );
  }

  private async versionModels(
    em: EntityManager,
    versions: ContractVersionEntity[],
  ): Promise<Map<string, ContractVersionModel[]>> {
    const names = await this.repo.displayNames(em, [
      ...new Set(versions.flatMap((v) => (v.createdBy ? [v.createdBy] : []))),
    ]);
    const out = new Map<string, ContractVersionModel[]>();
    for (const v of [...versions].sort((a, b) => a.version - b.version))
      out.set(v.contractId, [
        ...(out.get(v.contractId) ?? []),
        {
          version: v.version,
          configuration: v.configuration as JsonValue,
          changeNote: v.changeNote,
          createdBy: v.createdBy,
          createdByName: v.createdBy ? (names.get(v.createdBy) ?? null) : null,
          createdAt: v.createdAt,
        },
      ]);
    return out;
  }
}
