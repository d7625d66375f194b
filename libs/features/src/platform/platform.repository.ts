import { Injectable } from '@nestjs/common';
import { TenantEntity, UserEntity, VendorOrganizationEntity, type UserRole } from '@ledger/persistence';
import type { EntityManager } from 'typeorm';

/** Queries only; the scope (and so what RLS lets through) is set by the caller's transaction. */
@Injectable()
export class PlatformRepository {
  insertTenant(em: EntityManager, row: { code: string; name: string }): Promise<TenantEntity> {
    return em.getRepository(TenantEntity).save(em.getRepository(TenantEntity).create(row));
  }

  tenants(em: EntityManager): Promise<TenantEntity[]> {
    return em.getRepository(TenantEntity).find({ order: { code: 'ASC' } });
  }

  tenant(em: EntityManager, id: string): Promise<TenantEntity | null> {
    return em.getRepository(TenantEntity).findOne({ where: { id } });
  }

  insertVendor(em: EntityManager, row: { name: string }): Promise<VendorOrganizationEntity> {
    return em.getRepository(VendorOrganizationEntity).save(em.getRepository(VendorOrganizationEntity).create(row));
  }

  vendors(em: EntityManager): Promise<VendorOrganizationEntity[]> {
    return em.getRepository(VendorOrganizationEntity).find({ order: { name: 'ASC' } });
  }

  vendor(em: EntityManager, id: string): Promise<VendorOrganizationEntity | null> {
    return em.getRepository(VendorOrganizationEntity).findOne({ where: { id } });
  }

  async insertUser(
    em: EntityManager,
    row: {
      email: string;
      passwordHash: string;
      displayName: string;
      role: UserRole;
      tenantId: string | null;
      vendorOrgId: string | null;
    },
  ): Promise<UserEntity> {
    const saved = await em.getRepository(UserEntity).save(em.getRepository(UserEntity).create(row));
    const { passwordHash: _omit, ...visible } = saved;
    return visible as UserEntity;
  }

  user(em: EntityManager, id: string): Promise<UserEntity | null> {
    return em.getRepository(UserEntity).findOne({ where: { id } });
  }

  users(em: EntityManager): Promise<UserEntity[]> {
    return em.getRepository(UserEntity).find({ order: { email: 'ASC' } });
  }

  /**
   * Disables or enables a user (RLS limits the rows the caller can reach). Disabling raises the token version too,
   * so enabling again does not bring the old sessions back.
   */
  async setDisabled(em: EntityManager, id: string, disabledAt: Date | null): Promise<void> {
    const set = disabledAt ? { disabledAt, tokenVersion: () => 'token_version + 1' } : { disabledAt: null };
    await em.createQueryBuilder().update(UserEntity).set(set).where('id = :id', { id }).execute();
  }

  /** Ends every session of the user: tokens carry the old version and the guard refuses them. */
  async bumpTokenVersion(em: EntityManager, id: string): Promise<void> {
    await em
      .createQueryBuilder()
      .update(UserEntity)
      .set({ tokenVersion: () => 'token_version + 1' })
      .where('id = :id', { id })
      .execute();
  }
}
