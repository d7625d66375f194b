import { Injectable } from '@nestjs/common';
import { subject } from '@casl/ability';
import { DomainError } from '@ledger/kernel';
import { TenantDatabase } from '@ledger/persistence';
import { AbilityFactory } from '../auth/ability.factory';
import { RequestContext } from '../auth/request-context.service';
import { ContractAccess } from '../contracts';
import { ContractsRepository } from '../contracts';
import { UUID } from '../graphql/ids';
import type { NotificationModel, StoredTicketSlaModel } from './notifications.models';
import { NotificationsRepository } from './notifications.repository';

/**
 * The SLA warnings and the stored SLA results, read by whoever reads the contract's tickets: the buyer's roles and
 * finance of the tenant, and the vendor holding the contract. Row-level security decides which rows a caller sees;
 * an id outside the caller's reach is NOT_FOUND, whether it exists or not.
 */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly db: TenantDatabase,
    private readonly repo: NotificationsRepository,
    private readonly contracts: ContractsRepository,
    private readonly context: RequestContext,
    private readonly abilities: AbilityFactory,
    private readonly access: ContractAccess,
  ) {}

  async list(contractId: string | null | undefined, limit: number): Promise<NotificationModel[]> {
    const p = this.context.principal();
    const ability = this.abilities.for(p);
    // The limit passed notificationsArgs (notifications.schemas.ts): 1..MAX_NOTIFICATIONS.
    return this.db.run(this.context.scope(), async (em) => {
      if (contractId != null) {
        const c = await this.access.require(em, contractId);
        if (!ability.can('read', subject('Ticket', { tenantId: c.tenantId, vendorOrgId: c.vendorOrgId })))
          throw new DomainError('FORBIDDEN', 'your role does not read ticket notifications');
        return this.repo.list(em, c.id, limit);
      }
      if (!ability.can('read', 'Ticket'))
        throw new DomainError(
          'FORBIDDEN',
          'notifications are for the parties of a contract (buyer roles, finance, the vendor)',
        );
      return this.repo.list(em, null, limit);
    });
  }

  async slaHistory(ticketId: string): Promise<StoredTicketSlaModel[]> {
    const p = this.context.principal();
    const ability = this.abilities.for(p);
    return this.db.run(this.context.scope(), async (em) => {
      const t = UUID.test(ticketId) ? await this.repo.ticket(em, ticketId) : null;
      const c = t ? await this.contracts.byId(em, t.contractId) : null;
      if (!t || !c || !ability.can('read', subject('Ticket', { tenantId: t.tenantId, vendorOrgId: c.vendorOrgId })))
        throw new DomainError('NOT_FOUND', 'no such ticket');
      return this.repo.slaHistory(em, t.id);
    });
  }
}
