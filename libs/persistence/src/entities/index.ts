import { AuditLogEntity } from './audit-log.entity';
import { ContractVersionEntity } from './contract-version.entity';
import { ContractEntity } from './contract.entity';
import { TenantEntity } from './tenant.entity';
import { TicketEventEntity } from './ticket-event.entity';
import { TicketEntity } from './ticket.entity';
import { UserEntity } from './user.entity';
import { VendorOrganizationEntity } from './vendor-organization.entity';
import { MonthlyReportEntity } from './monthly-report.entity';
import { PeriodInputEntity } from './period-input.entity';
import { StaffMemberEntity } from './staff-member.entity';
import { StaffReplacementEntity } from './staff-replacement.entity';
import { OnDemandCallEntity } from './on-demand-call.entity';
import { AllowanceWorkEntity } from './allowance-work.entity';
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
export {
  AllowanceWorkEntity,
  MonthlyReportEntity,
  OnDemandCallEntity,
  PeriodInputEntity,
  StaffMemberEntity,
  StaffReplacementEntity,
};
export { MONTHLY_REPORT_STATUSES, type MonthlyReportStatus } from './monthly-report.entity';
export { PERIOD_INPUT_KINDS, type PeriodInputKind } from './period-input.entity';

export const ENTITIES = [
  TenantEntity,
  VendorOrganizationEntity,
  UserEntity,
  ContractEntity,
  ContractVersionEntity,
  AuditLogEntity,
  TicketEntity,
  TicketEventEntity,
  ProcurementProjectEntity,
  ProcurementPackageEntity,
  ProcurementBidEntity,
  ProcurementEvaluatorSheetEntity,
  MonthlyReportEntity,
  PeriodInputEntity,
  StaffMemberEntity,
  StaffReplacementEntity,
  OnDemandCallEntity,
  AllowanceWorkEntity,
];
