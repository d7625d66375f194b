import { AuditLogEntity } from './audit-log.entity';
import { ContractVersionEntity } from './contract-version.entity';
import { ContractEntity } from './contract.entity';
import { TenantEntity } from './tenant.entity';
import { TicketEventEntity } from './ticket-event.entity';
import { TicketEntity } from './ticket.entity';
import { UserEntity } from './user.entity';
import { VendorOrganizationEntity } from './vendor-organization.entity';

export { AuditLogEntity, ContractEntity, ContractVersionEntity, TenantEntity, UserEntity, VendorOrganizationEntity };
export { USER_ROLES, type UserRole } from './user.entity';
export { TicketEntity, TicketEventEntity };

export const ENTITIES = [TenantEntity, VendorOrganizationEntity, UserEntity, ContractEntity, ContractVersionEntity, AuditLogEntity, TicketEntity, TicketEventEntity];
