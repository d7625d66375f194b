import { Injectable } from '@nestjs/common';
import { subject } from '@casl/ability';
import { DomainError, ValidationError, problem } from '@ledger/kernel';
import { TenantDatabase, type UserRole } from '@ledger/persistence';
import { QueryFailedError, type EntityManager } from 'typeorm';
import { AbilityFactory } from '../auth/ability.factory';
import type { UserModel } from '../auth/auth.models';
import { hashPassword } from '../auth/password';
import { RequestContext } from '../auth/request-context.service';
import type {
  CreateTenantInput,
  CreateUserInput,
  CreateVendorOrganizationInput,
  TenantModel,
  VendorOrganizationModel,
} from './platform.models';
import { PlatformRepository } from './platform.repository';
import { UUID } from '../graphql/ids';
import { deferredProblems } from '../graphql/validate-input.interceptor';
import { createUserArgs } from './platform.schemas';

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
    return this.db.run(this.context.scope(), async (em) => {
      if ((await this.repo.tenants(em)).some((t) => t.code === input.code))
        throw new DomainError('CONFLICT', `a tenant with code "${input.code}" exists`);
      return this.repo.insertTenant(em, { code: input.code, name: input.name.trim() });
    });
  }

  async tenants(): Promise<TenantModel[]> {
    this.require('read', 'Tenant');
    return this.db.run(this.context.scope(), (em) => this.repo.tenants(em));
  }

  async createVendorOrganization(input: CreateVendorOrganizationInput): Promise<VendorOrganizationModel> {
    this.require('create', 'VendorOrganization');
    return this.db.run(this.context.scope(), async (em) => {
      if ((await this.repo.vendors(em)).some((v) => v.name === input.name.trim()))
        throw new DomainError('CONFLICT', `a vendor organisation "${input.name}" exists`);
      return this.repo.insertVendor(em, { name: input.name.trim() });
    });
  }

  /** The directory as the caller may read it: every supplier for buyers and the platform, its own for a vendor. */
  async vendorOrganizations(): Promise<VendorOrganizationModel[]> {
    const ability = this.abilities.for(this.context.principal());
    const vendors = await this.db.run(this.context.scope(), (em) => this.repo.vendors(em));
    return vendors.filter((v) => ability.can('read', subject('VendorOrganization', { ...v })));
  }

  /** Read by id; a record outside the caller's reach is NOT_FOUND, never FORBIDDEN (no existence leak). */
  async vendorOrganization(id: string): Promise<VendorOrganizationModel> {
    const ability = this.abilities.for(this.context.principal());
    const vendor = UUID.test(id) ? await this.db.run(this.context.scope(), (em) => this.repo.vendor(em, id)) : null;
    if (!vendor || !ability.can('read', subject('VendorOrganization', { ...vendor })))
      throw new DomainError('NOT_FOUND', 'no such vendor organisation');
    return vendor;
  }

  /**
   * The platform admin adds users of any role. A buyer admin adds buyer staff, finance users and other buyer
   * admins of its own tenant only: the tenant comes from the session; naming another tenant is NOT_FOUND.
   */
  async createUser(input: CreateUserInput): Promise<UserModel> {
    const caller = this.context.principal();
    // The shape problems (createUserArgs), reported with the tenant rules below, which see the session's tenant.
    const problems = deferredProblems(input, createUserArgs);
    if (caller.role === 'buyer-admin') {
      if (input.tenantId !== undefined && input.tenantId !== null && input.tenantId !== caller.tenantId)
        throw new DomainError('NOT_FOUND', 'no such tenant');
      if (!['buyer-admin', 'buyer-staff', 'finance'].includes(input.role)) {
        throw new ValidationError([problem('input.role', 'user.buyerAdminRoles')]);
      }
      input = { ...input, tenantId: caller.tenantId ?? undefined };
      if (!this.abilities.for(caller).can('create', subject('User', { tenantId: caller.tenantId })))
        throw new DomainError('FORBIDDEN', 'your role may not create users');
    } else {
      this.require('create', 'User');
    }
    const email = input.email.trim().toLowerCase();
    const role = input.role as UserRole;
    const tenantRole = role === 'buyer-admin' || role === 'buyer-staff' || role === 'finance';
    if (tenantRole && !input.tenantId) problems.push(problem('input.tenantId', 'user.tenantRequired', { role }));
    if (!tenantRole && input.tenantId) problems.push(problem('input.tenantId', 'user.noTenant', { role }));
    if (problems.length) throw new ValidationError(problems);
    const passwordHash = await hashPassword(input.password);
    return this.db
      .run(this.context.scope(), async (em) => {
        if (input.tenantId && !(await this.repo.tenant(em, input.tenantId)))
          throw new ValidationError([problem('input.tenantId', 'unknown.tenant')]);
        if (input.vendorOrgId && !(await this.repo.vendor(em, input.vendorOrgId)))
          throw new ValidationError([problem('input.vendorOrgId', 'unknown.vendor')]);
        return this.repo.insertUser(em, {
          email,
          passwordHash,
          displayName: input.displayName.trim(),
          role,
          tenantId: input.tenantId ?? null,
          vendorOrgId: input.vendorOrgId ?? null,
        });
      })
      .catch((e: unknown) => {
        // Emails are unique across the platform, but RLS hides other tenants' users: only the unique index sees them.
        // One answer for every taken email, whoever holds it, so the answer says nothing about other tenants.
        if (
          e instanceof QueryFailedError &&
          (e.driverError as { code?: string; constraint?: string }).code === '23505'
        ) {
          throw new DomainError('CONFLICT', 'this email address is already in use', [
            problem('input.email', 'user.emailInUse'),
          ]);
        }
        throw e;
      });
  }

  /** Platform admin: every user; buyer admin: its tenant's users. */
  async users(): Promise<UserModel[]> {
    this.require('read', 'User');
    return this.db.run(this.context.scope(), (em) => this.repo.users(em));
  }

  /**
   * Disable (no sign-in, every session refused at once) or enable a user. Platform admin: any user; buyer admin:
   * its tenant's users (another tenant's user is NOT_FOUND). Nobody disables their own account.
   */
  async setUserDisabled(id: string, disabled: boolean): Promise<UserModel> {
    const caller = this.context.principal();
    if (disabled && id === caller.userId) throw new ValidationError([problem('id', 'user.disableSelf')]);
    return this.updateUser(id, (em) => this.repo.setDisabled(em, id, disabled ? new Date() : null));
  }

  /**
   * Sign out everywhere: every token issued to the user so far is refused. Anyone for themselves (no id, or their
   * own); the platform admin for any user, a buyer admin for its tenant's users.
   */
  async revokeUserSessions(id: string | undefined): Promise<UserModel> {
    const caller = this.context.principal();
    const target = id ?? caller.userId;
    if (target === caller.userId) {
      return this.db.run(this.context.scope(), async (em) => {
        await this.repo.bumpTokenVersion(em, target);
        const user = await this.repo.user(em, target);
        if (!user) throw new DomainError('NOT_FOUND', 'no such user');
        return user;
      });
    }
    return this.updateUser(target, (em) => this.repo.bumpTokenVersion(em, target));
  }

  /** Another user's account: the role may update users at all (else FORBIDDEN), and this one is within reach (else NOT_FOUND). */
  private async updateUser(id: string, change: (em: EntityManager) => Promise<void>): Promise<UserModel> {
    const ability = this.abilities.for(this.context.principal());
    if (!ability.can('update', 'User')) throw new DomainError('FORBIDDEN', 'your role may not manage users');
    const found = UUID.test(id) ? id : null;
    return this.db.run(this.context.scope(), async (em) => {
      const user = found ? await this.repo.user(em, found) : null;
      if (!user || !ability.can('update', subject('User', { tenantId: user.tenantId })))
        throw new DomainError('NOT_FOUND', 'no such user');
      await change(em);
      const updated = await this.repo.user(em, user.id);
      if (!updated) throw new DomainError('NOT_FOUND', 'no such user');
      return updated;
    });
  }
}
