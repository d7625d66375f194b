import { AbilityBuilder, createMongoAbility, type ForcedSubject, type MongoAbility } from '@casl/ability';
import { Injectable } from '@nestjs/common';
import type { Principal } from './principal';

export type Action = 'manage' | 'create' | 'read' | 'update';
export type SubjectName =
  'Tenant' | 'VendorOrganization' | 'User' | 'Contract' | 'Ticket' | 'Job' | 'JobBacklog' | 'NationalCalendar';
type Subjects =
  | SubjectName
  | (ForcedSubject<'Contract'> & { tenantId: string; vendorOrgId?: string })
  | (ForcedSubject<'Ticket'> & { tenantId: string; vendorOrgId: string })
  | (ForcedSubject<'User'> & { tenantId: string | null })
  | (ForcedSubject<'VendorOrganization'> & { id: string })
  | ForcedSubject<'Tenant'>
  | (ForcedSubject<'Job'> & { tenantId: string; vendorOrgId: string | null })
  | ReportSubjects;
/** Monthly reports, period inputs and the staff roster: checked with the contract's tenant and vendor. */
type ContractScoped = { tenantId: string; vendorOrgId: string };
type ReportSubjects =
  | 'MonthlyReport'
  | 'PeriodInputs'
  | 'StaffRoster'
  | 'OnDemandCall'
  | 'PeriodClose'
  | 'Payment'
  | (ForcedSubject<'PeriodClose'> & ContractScoped)
  | (ForcedSubject<'Payment'> & ContractScoped)
  | (ForcedSubject<'MonthlyReport'> & ContractScoped)
  | (ForcedSubject<'PeriodInputs'> & ContractScoped)
  | (ForcedSubject<'StaffRoster'> & ContractScoped)
  | (ForcedSubject<'OnDemandCall'> & ContractScoped);
/** Procurement (Tianjin): the buyer tenant's only; vendors hold no procurement ability (bidders are not users). */
export type ProcurementSubject =
  'ProcurementProject' | 'ProcurementPackage' | 'ProcurementBid' | 'ProcurementEvaluatorSheet';
type ProcurementSubjects =
  ProcurementSubject | { [K in ProcurementSubject]: ForcedSubject<K> & { tenantId: string } }[ProcurementSubject];
const PROCUREMENT: ProcurementSubject[] = [
  'ProcurementProject',
  'ProcurementPackage',
  'ProcurementBid',
  'ProcurementEvaluatorSheet',
];
export type AppAbility = MongoAbility<[Action, Subjects | ProcurementSubjects]>;

/** A value no record has: a role without a tenant (or vendor) then matches nothing. */
const NONE = '00000000-0000-0000-0000-000000000000';

/**
 * What each role may do, checked on loaded records in the services. Row-level security already limits
 * what can be loaded to the caller's tenant (or a vendor's held contracts); abilities add the role rules.
 */
@Injectable()
export class AbilityFactory {
  for(p: Principal): AppAbility {
    const { can, build } = new AbilityBuilder<AppAbility>(createMongoAbility);
    switch (p.role) {
      case 'platform-admin':
        can('manage', 'Tenant');
        can('manage', 'VendorOrganization');
        can('manage', 'User');
        // Counts of waiting and failed jobs over every tenant (no job's content: jobs_read gives it none).
        can('read', 'JobBacklog');
        // The national working-day calendar: publishes a year from the State Council notice (every role reads it).
        can(['read', 'create'], 'NationalCalendar');
        break;
      case 'buyer-admin':
        can('read', 'VendorOrganization');
        can(['read', 'create', 'update'], 'Contract', { tenantId: p.tenantId ?? NONE });
        // 'update': disable, enable and sign out everywhere the users of its own tenant.
        can(['read', 'create', 'update'], 'User', { tenantId: p.tenantId ?? NONE });
        // Reports: the buyer decides ('update'); the vendor saves and submits ('create'). Period inputs: the buyer's.
        can(['read', 'update'], ['MonthlyReport', 'PeriodInputs'], { tenantId: p.tenantId ?? NONE });
        can('read', 'StaffRoster', { tenantId: p.tenantId ?? NONE });
        // On-demand obligations (rule 14): the buyer calls ('create'); the vendor records the service ('update').
        can(['read', 'create'], 'OnDemandCall', { tenantId: p.tenantId ?? NONE });
        can(['read', 'create', 'update'], 'Ticket', { tenantId: p.tenantId ?? NONE });
        can(['read', 'create'], PROCUREMENT, { tenantId: p.tenantId ?? NONE });
        // Period closes: the buyer admin closes, confirms, reopens and corrects ('update'); payments are finance's.
        can(['read', 'create', 'update'], 'PeriodClose', { tenantId: p.tenantId ?? NONE });
        can('read', 'Payment', { tenantId: p.tenantId ?? NONE });
        // Jobs (the outbox): the tenant's, as jobs_read says; the platform admin reads none (no tenant data).
        can('read', 'Job', { tenantId: p.tenantId ?? NONE });
        break;
      case 'buyer-staff':
      case 'finance':
        can('read', 'VendorOrganization');
        can('read', 'Contract', { tenantId: p.tenantId ?? NONE });
        can(p.role === 'buyer-staff' ? ['read', 'update'] : 'read', ['MonthlyReport', 'PeriodInputs'], {
          tenantId: p.tenantId ?? NONE,
        });
        can('read', 'StaffRoster', { tenantId: p.tenantId ?? NONE });
        can(p.role === 'buyer-staff' ? ['read', 'create'] : 'read', 'OnDemandCall', { tenantId: p.tenantId ?? NONE });
        // Buyer staff submit and move tickets as the buyer; finance only reads them.
        can(p.role === 'buyer-staff' ? ['read', 'create', 'update'] : 'read', 'Ticket', {
          tenantId: p.tenantId ?? NONE,
        });
        // Buyer staff record bids and evaluator sheets; finance only reads procurement.
        can(p.role === 'buyer-staff' ? ['read', 'create'] : 'read', PROCUREMENT, { tenantId: p.tenantId ?? NONE });
        // Buyer staff may request a close (computing a draft); only the buyer admin confirms. Finance marks payments.
        can(p.role === 'buyer-staff' ? ['read', 'create'] : 'read', 'PeriodClose', { tenantId: p.tenantId ?? NONE });
        can(p.role === 'finance' ? ['read', 'create'] : 'read', 'Payment', { tenantId: p.tenantId ?? NONE });
        can('read', 'Job', { tenantId: p.tenantId ?? NONE });
        break;
      case 'vendor':
        can('read', 'VendorOrganization', { id: p.vendorOrgId ?? NONE });
        can('read', 'Contract', { vendorOrgId: p.vendorOrgId ?? NONE });
        can(['read', 'create'], ['MonthlyReport', 'StaffRoster'], { vendorOrgId: p.vendorOrgId ?? NONE });
        can('read', 'PeriodInputs', { vendorOrgId: p.vendorOrgId ?? NONE });
        can(['read', 'update'], 'OnDemandCall', { vendorOrgId: p.vendorOrgId ?? NONE });
        can(['read', 'update'], 'Ticket', { vendorOrgId: p.vendorOrgId ?? NONE });
        can('read', ['PeriodClose', 'Payment'], { vendorOrgId: p.vendorOrgId ?? NONE });
        // The jobs it asked for (jobs_read also requires it still holds the job's contract).
        can('read', 'Job', { vendorOrgId: p.vendorOrgId ?? NONE });
        break;
    }
    return build();
  }
}
