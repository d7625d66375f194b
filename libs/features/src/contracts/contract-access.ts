import { Injectable } from '@nestjs/common';
import { subject } from '@casl/ability';
import { parseContractConfig } from '@ledger/contracts';
import { NationalCalendarStore } from '../shared/national-calendar.store';
import { DomainError } from '@ledger/kernel';
import type { ContractEntity } from '@ledger/persistence';
import type { EntityManager } from 'typeorm';
import { AbilityFactory, type Action } from '../auth/ability.factory';
import { RequestContext } from '../auth/request-context.service';
import { UUID } from '../graphql/ids';
import type { ContractContext } from '../shared/contract-context';
import { ContractsRepository } from './contracts.repository';

/** What is checked on a contract's tenant and vendor: the contract itself, or what belongs to it. */
export type ContractScopedSubject =
  'Contract' | 'Ticket' | 'MonthlyReport' | 'PeriodInputs' | 'StaffRoster' | 'OnDemandCall' | 'PeriodClose' | 'Payment';

/**
 * One further permission on the contract: `read` of a subject is refused as NOT_FOUND (what the caller may not read
 * does not exist for them); any other action as FORBIDDEN with the reason given.
 */
export type ContractNeed =
  { read: ContractScopedSubject } | { can: Exclude<Action, 'read'>; on: ContractScopedSubject; otherwise: string };

/**
 * The one access check of the features that act on a contract: the contract as far as row-level security and the
 * caller's role reach (NOT_FOUND otherwise, whether it exists or not: a malformed id, another tenant's, another
 * vendor's), then each need in order. The caller and its abilities come from the request context, once.
 */
@Injectable()
export class ContractAccess {
  constructor(
    private readonly contracts: ContractsRepository,
    private readonly context: RequestContext,
    private readonly abilities: AbilityFactory,
    private readonly calendars: NationalCalendarStore,
  ) {}

  async require(em: EntityManager, contractId: string, ...needs: readonly ContractNeed[]): Promise<ContractEntity> {
    const contract = UUID.test(contractId) ? await this.contracts.byId(em, contractId) : null;
    const checked = this.check(contract, needs);
    if (checked instanceof DomainError) throw checked;
    return checked;
  }

  /**
   * `require` for several contracts in one statement (a page of dashboards): each id maps to its contract or to the
   * refusal `require` would have thrown for it.
   */
  async requireEach(
    em: EntityManager,
    contractIds: readonly string[],
    ...needs: readonly ContractNeed[]
  ): Promise<Map<string, ContractEntity | DomainError>> {
    const found = new Map(
      (
        await this.contracts.byIds(
          em,
          contractIds.filter((id) => UUID.test(id)),
        )
      ).map((c) => [c.id, c]),
    );
    return new Map(contractIds.map((id) => [id, this.check(found.get(id) ?? null, needs)]));
  }

  private check(contract: ContractEntity | null, needs: readonly ContractNeed[]): ContractEntity | DomainError {
    const ability = this.abilities.for(this.context.principal());
    if (!contract || !ability.can('read', subject('Contract', { ...contract })))
      return new DomainError('NOT_FOUND', 'no such contract');
    const on = (s: ContractScopedSubject) =>
      subject(s, { tenantId: contract.tenantId, vendorOrgId: contract.vendorOrgId });
    for (const need of needs) {
      if ('read' in need) {
        if (!ability.can('read', on(need.read))) return new DomainError('NOT_FOUND', 'no such contract');
      } else if (!ability.can(need.can, on(need.on))) return new DomainError('FORBIDDEN', need.otherwise);
    }
    return contract;
  }

  /** The contract (as `require`) with its current configuration parsed and its working calendar on the current national calendar. */
  async requireWithConfig(
    em: EntityManager,
    contractId: string,
    ...needs: readonly ContractNeed[]
  ): Promise<ContractContext> {
    const contract = await this.require(em, contractId, ...needs);
    const row = await this.contracts.version(em, contract, contract.currentVersion);
    if (!row) throw new DomainError('NOT_FOUND', 'no such contract');
    const config = parseContractConfig(row.configuration);
    return {
      contract,
      config,
      version: contract.currentVersion,
      calendar: await this.calendars.calendarOf(em, config),
    };
  }
}
