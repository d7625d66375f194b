import { Injectable } from '@nestjs/common';
import { PeriodInputEntity } from '@ledger/persistence';
import type { EntityManager } from 'typeorm';

export type NewPeriodInput = Omit<PeriodInputEntity, 'id' | 'createdAt'>;
export type PeriodInputChange = Pick<PeriodInputEntity, 'configVersion' | 'updatedBy' | 'updatedAt'> & {
  value: object;
};

/** The buyer's period inputs; what a query can see is decided by the transaction's scope (RLS). */
@Injectable()
export class PeriodInputsRepository {
  /** The period's rows, one per kind entered. */
  forPeriod(em: EntityManager, contractId: string, period: string): Promise<PeriodInputEntity[]> {
    return em.getRepository(PeriodInputEntity).find({ where: { contractId, period } });
  }

  async change(em: EntityManager, row: PeriodInputEntity, change: PeriodInputChange): Promise<void> {
    await em.getRepository(PeriodInputEntity).update({ tenantId: row.tenantId, id: row.id }, change);
  }

  insert(em: EntityManager, row: NewPeriodInput): Promise<PeriodInputEntity> {
    const repo = em.getRepository(PeriodInputEntity);
    return repo.save(repo.create(row));
  }
}
