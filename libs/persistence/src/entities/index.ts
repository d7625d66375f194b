import { AuditLogEntity } from './audit-log.entity';
import { ContractVersionEntity } from './contract-version.entity';
import { ContractEntity } from './contract.entity';
import { TenantEntity } from './tenant.entity';
import { TicketEventEntity } from './ticket-event.entity';
import { TicketEntity } from './ticket.entity';
import { UserEntity } from './user.entity';
import { VendorOrganizationEntity } from './vendor-organization.entity';
import { ProcurementBidEntity } from './procurement-bid.entity';
import { ProcurementEvaluatorSheetEntity } from './procurement-evaluator-sheet.entity';
import { ProcurementPackageEntity } from './procurement-package.entity';
import { ProcurementProjectEntity } from './procurement-project.entity';

export { AuditLogEntity, ContractEntity, ContractVersionEntity, TenantEntity, UserEntity, VendorOrganizationEntity };
export { USER_ROLES, type UserRole } from './user.entity';
export { TicketEntity, TicketEventEntity };

export { ProcurementBidEntity, ProcurementEvaluatorSheetEntity, ProcurementPackageEntity, ProcurementProjectEntity };
export { PREFERENCE_BASES, type PreferenceBasis } from './procurement-bid.entity';
export { PROCUREMENT_PROJECT_STATUSES, type ProcurementProjectStatus } from './procurement-project.entity';

export const ENTITIES = [TenantEntity, VendorOrganizationEntity, UserEntity, ContractEntity, ContractVersionEntity, AuditLogEntity, TicketEntity, TicketEventEntity, ProcurementProjectEntity, ProcurementPackageEntity, ProcurementBidEntity, ProcurementEvaluatorSheetEntity];
