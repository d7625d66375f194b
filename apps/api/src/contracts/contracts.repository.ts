import { Injectable } from '@nestjs/common';
import { ContractEntity, ContractVersionEntity, UserEntity } from '@ledger/persistence';
import type { EntityManager } from 'typeorm';

@Injectable()
export class ContractsRepository {
  list(em: EntityManager): Promise<ContractEntity[]> {
    return em.getRepository(ContractEntity).find({ order: { code: 'ASC' } });
  }

  byId(em: EntityManager, id: string): Promise<ContractEntity | null> {
    return em.getRepository(ContractEntity).findOne({ where: { id } });
  }

  byCode(em: EntityManager, code: string): Promise<ContractEntity | null> {
    return em.getRepository(ContractEntity).findOne({ where: { code } });
  }

  versions(em: EntityManager, contractIds: string[]): Promise<ContractVersionEntity[]> {
    if (contractIds.length === 0) return Promise.resolve([]);
    return em
      .getRepository(ContractVersionEntity)
      .createQueryBuilder('v')
      .where('v.contract_id IN (:...ids)', { ids: contractIds })
      .orderBy('v.contract_id')
      .addOrderBy('v.version')
      .getMany();
  }

  /** Display names by user id, of the users the caller's scope may read (row-level security decides). */
  async displayNames(em: EntityManager, userIds: string[]): Promise<Map<string, string>> {
    if (userIds.length === 0) return new Map();
    const users = await em.getRepository(UserEntity).createQueryBuilder('u').select(['u.id', 'u.displayName']).where('u.id IN (:...ids)', { ids: userIds }).getMany();
    return new Map(users.map((u) => [u.id, u.displayName]));
  }

  insert(em: EntityManager, row: Omit<ContractEntity, 'id' | 'createdAt' | 'updatedAt'>): Promise<ContractEntity> {
    return em.getRepository(ContractEntity).save(em.getRepository(ContractEntity).create(row));
  }

  async setCurrent(em: EntityManager, c: ContractEntity, patch: Pick<ContractEntity, 'currentVersion' | 'amount' | 'termStart' | 'termEnd'>): Promise<void> {
    await em.getRepository(ContractEntity).update({ tenantId: c.tenantId, id: c.id }, patch);
  }

  insertVersion(em: EntityManager, row: Omit<ContractVersionEntity, 'createdAt'>): Promise<ContractVersionEntity> {
    return em.getRepository(ContractVersionEntity).save(em.getRepository(ContractVersionEntity).create(row));
  }
}
