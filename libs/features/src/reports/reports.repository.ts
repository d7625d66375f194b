import { Injectable } from '@nestjs/common';
import { MonthlyReportEntity } from '@ledger/persistence';
import type { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

/** Queries only; what a query can see is decided by the transaction's scope (RLS). */
@Injectable()
export class ReportsRepository {
  byId(em: EntityManager, id: string): Promise<MonthlyReportEntity | null> {
    return em.getRepository(MonthlyReportEntity).findOne({ where: { id } });
  }

  byMonth(em: EntityManager, contractId: string, month: string): Promise<MonthlyReportEntity | null> {
    return em.getRepository(MonthlyReportEntity).findOne({ where: { contractId, month } });
  }

  list(em: EntityManager, contractId: string): Promise<MonthlyReportEntity[]> {
    return em.getRepository(MonthlyReportEntity).find({ where: { contractId }, order: { month: 'ASC' } });
  }

  insert(em: EntityManager, row: Omit<MonthlyReportEntity, 'id' | 'createdAt'>): Promise<MonthlyReportEntity> {
    return em.getRepository(MonthlyReportEntity).save(em.getRepository(MonthlyReportEntity).create(row));
  }

  async update(
    em: EntityManager,
    r: MonthlyReportEntity,
    patch: Partial<Omit<MonthlyReportEntity, 'id' | 'tenantId' | 'contractId' | 'month' | 'createdAt'>>,
  ): Promise<MonthlyReportEntity> {
    await em
      .getRepository(MonthlyReportEntity)
      .update({ tenantId: r.tenantId, id: r.id }, patch as QueryDeepPartialEntity<MonthlyReportEntity>);
    return { ...r, ...patch };
  }
}
