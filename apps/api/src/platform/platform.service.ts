import { Injectable } from '@nestjs/common';
import { subject } from '@casl/ability';
import { DomainError, ValidationError, type Problem } from '@ledger/kernel';
import { TenantDatabase, USER_ROLES, type UserRole } from '@ledger/persistence';
import { AbilityFactory } from '../auth/ability.factory';
import type { UserModel } from '../auth/auth.models';
import { hashPassword } from '../auth/password';
import { RequestContext } from '../auth/request-context.service';
import type { CreateTenantInput, CreateUserInput, CreateVendorOrganizationInput, TenantModel, VendorOrganizationModel } from './platform.models';
import { PlatformRepository } from './platform.repository';
import { UUID } from '../graphql/ids';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const CODE = /^[a-z0-9][a-z0-9-]{1,62}$/;

@Injectable()
export class PlatformService {
  constructor(
    private readonly db: TenantDatabase,
    private readonly repo: PlatformRepository,
    private readonly context: RequestContext,
    private readonly abilities: AbilityFactory,
  ) {}

  private require(action: 'create' | 'read', subjectName: 'Tenant' | 'VendorOrganization' | 'User'): void {
    if (!this.abilities.for(this.context.principal()).can(action, subjectName)) {
      throw new DomainError('FORBIDDEN', `your role may not ${action} ${subjectName} records`);
    }
  }

  async me(): Promise<UserModel> {
    const p = this.context.principal();
    const user = await this.db.run(this.context.scope(), (em) => this.repo.user(em, p.userId));
    if (!user) throw new DomainError('NOT_FOUND', 'no such user');
    return user;
  }

  async createTenant(input: CreateTenantInput): Promise<TenantModel> {
    this.require('create', 'Tenant');
    const problems: Problem[] = [];
    if (!CODE.test(input.code)) problems.push({ path: 'input.code', message: 'lower-case letters, digits and dashes, 2–63 characters' });
    if (input.name.trim() === '') problems.push({ path: 'input.name', message: 'must not be empty' });
    if (problems.length) throw new ValidationError(problems);
    return this.db.run(this.context.scope(), async (em) => {
      if ((await this.repo.tenants(em)).some((t) => t.code === input.code)) throw new DomainError('CONFLICT', `a tenant with code "${input.code}" exists`);
      return this.repo.insertTenant(em, { code: input.code, name: input.name.trim() });
    });
  }

  async tenants(): Promise<TenantModel[]> {
    this.require('read', 'Tenant');
    return this.db.run(this.context.scope(), (em) => this.repo.tenants(em));
  }

  async createVendorOrganization(input: CreateVendorOrganizationInput): Promise<VendorOrganizationModel> {
    this.require('create', 'VendorOrganization');
    if (input.name.trim() === '') throw new ValidationError([{ path: 'input.name', message: 'must not be empty' }]);
    return this.db.run(this.context.scope(), async (em) => {
      if ((await this.repo.vendors(em)).some((v) => v.name === input.name.trim())) throw new DomainError('CONFLICT', `a vendor organisation "${input.name}" exists`);
      return this.repo.insertVendor(em, { name: input.name.trim() });
    });
  }

  vendorOrganizations(): Promise<VendorOrganizationModel[]> {
    return this.db.run(this.context.scope(), (em) => this.repo.vendors(em));
  }

  /** Read by id; a record outside the caller's reach is NOT_FOUND, never FORBIDDEN (no existence leak). */
  async vendorOrganization(id: string): Promise<VendorOrganizationModel> {
    const ability = this.abilities.for(this.context.principal());
    const vendor = UUID.test(id) ? await this.db.run(this.context.scope(), (em) => this.repo.vendor(em, id)) : null;
    if (!vendor || !ability.can('read', subject('VendorOrganization', { ...vendor }))) throw new DomainError('NOT_FOUND', 'no such vendor organisation');
    return vendor;
  }

  /**
   * The platform admin adds users of any role. A buyer admin adds buyer staff, finance users and other buyer
   * admins of its own tenant only: the tenant comes from the session; naming another tenant is NOT_FOUND.
   */
  async createUser(input: CreateUserInput): Promise<UserModel> {
    const caller = this.context.principal();
    if (caller.role === 'buyer-admin') {
      if (input.tenantId !== undefined && input.tenantId !== null && input.tenantId !== caller.tenantId) throw new DomainError('NOT_FOUND', 'no such tenant');
      if (!['buyer-admin', 'buyer-staff', 'finance'].includes(input.role)) {
        throw new ValidationError([{ path: 'input.role', message: 'a buyer admin adds buyer-admin, buyer-staff or finance users' }]);
      }
      input = { ...input, tenantId: caller.tenantId ?? undefined };
      if (!this.abilities.for(caller).can('create', subject('User', { tenantId: caller.tenantId }))) throw new DomainError('FORBIDDEN', 'your role may not create users');
    } else {
      this.require('create', 'User');
    }
    const email = input.email.trim().toLowerCase();
    const problems: Problem[] = [];
    if (!EMAIL.test(email)) problems.push({ path: 'input.email', message: 'not an email address' });
    if (input.password.length < 10) problems.push({ path: 'input.password', message: 'at least 10 characters' });
    if (input.displayName.trim() === '') problems.push({ path: 'input.displayName', message: 'must not be empty' });
    const role = input.role as UserRole;
    if (!(USER_ROLES as readonly string[]).includes(input.role)) problems.push({ path: 'input.role', message: `one of ${USER_ROLES.join(', ')}` });
    const tenantRole = role === 'buyer-admin' || role === 'buyer-staff' || role === 'finance';
    if (tenantRole && !input.tenantId) problems.push({ path: 'input.tenantId', message: `a ${role} belongs to a tenant` });
    if (!tenantRole && input.tenantId) problems.push({ path: 'input.tenantId', message: `a ${role} has no tenant` });
    if (role === 'vendor' && !input.vendorOrgId) problems.push({ path: 'input.vendorOrgId', message: 'a vendor user belongs to a vendor organisation' });
    if (role !== 'vendor' && input.vendorOrgId) problems.push({ path: 'input.vendorOrgId', message: `a ${role} has no vendor organisation` });
    for (const key of ['tenantId', 'vendorOrgId'] as const) {
      const v = input[key];
      if (v && !UUID.test(v)) problems.push({ path: `input.${key}`, message: 'not an id' });
    }
    if (problems.length) throw new ValidationError(problems);
    const passwordHash = await hashPassword(input.password);
    return this.db.run(this.context.scope(), async (em) => {
      if (input.tenantId && !(await this.repo.tenant(em, input.tenantId))) throw new ValidationError([{ path: 'input.tenantId', message: 'no such tenant' }]);
      if (input.vendorOrgId && !(await this.repo.vendor(em, input.vendorOrgId))) throw new ValidationError([{ path: 'input.vendorOrgId', message: 'no such vendor organisation' }]);
      if (await this.repo.userByEmail(em, email)) throw new DomainError('CONFLICT', `a user with email ${email} exists`);
      return this.repo.insertUser(em, { email, passwordHash, displayName: input.displayName.trim(), role, tenantId: input.tenantId ?? null, vendorOrgId: input.vendorOrgId ?? null });
    });
  }
}
