import { Injectable } from '@nestjs/common';
import {
  ProcurementBidEntity,
  ProcurementEvaluatorSheetEntity,
  ProcurementPackageEntity,
  ProcurementProjectEntity,
} from '@ledger/persistence';
import type { EntityManager } from 'typeorm';

/** Plain reads and inserts; row-level security limits every query to the caller's tenant. */
@Injectable()
export class ProcurementRepository {
  projects(em: EntityManager): Promise<ProcurementProjectEntity[]> {
    return em.getRepository(ProcurementProjectEntity).find({ order: { code: 'ASC' } });
  }

  project(em: EntityManager, id: string): Promise<ProcurementProjectEntity | null> {
    return em.getRepository(ProcurementProjectEntity).findOne({ where: { id } });
  }

  projectByCode(em: EntityManager, code: string): Promise<ProcurementProjectEntity | null> {
    return em.getRepository(ProcurementProjectEntity).findOne({ where: { code } });
  }

  insertProject(
    em: EntityManager,
    row: Pick<ProcurementProjectEntity, 'tenantId' | 'code' | 'name' | 'createdBy'>,
  ): Promise<ProcurementProjectEntity> {
    const repo = em.getRepository(ProcurementProjectEntity);
    return repo.save(repo.create({ ...row, status: 'open' }));
  }

  package(em: EntityManager, id: string): Promise<ProcurementPackageEntity | null> {
    return em.getRepository(ProcurementPackageEntity).findOne({ where: { id } });
  }

  /** A project's packages by number (the procurement page lists them). */
  packages(em: EntityManager, projectId: string): Promise<ProcurementPackageEntity[]> {
    return em.getRepository(ProcurementPackageEntity).find({ where: { projectId }, order: { number: 'ASC' } });
  }

  packageByNumber(em: EntityManager, projectId: string, number: number): Promise<ProcurementPackageEntity | null> {
    return em.getRepository(ProcurementPackageEntity).findOne({ where: { projectId, number } });
  }

  insertPackage(
    em: EntityManager,
    row: Omit<ProcurementPackageEntity, 'id' | 'createdAt'>,
  ): Promise<ProcurementPackageEntity> {
    const repo = em.getRepository(ProcurementPackageEntity);
    return repo.save(repo.create(row));
  }

  bids(em: EntityManager, packageId: string): Promise<ProcurementBidEntity[]> {
    return em
      .getRepository(ProcurementBidEntity)
      .find({ where: { packageId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  bid(em: EntityManager, id: string): Promise<ProcurementBidEntity | null> {
    return em.getRepository(ProcurementBidEntity).findOne({ where: { id } });
  }

  bidByName(em: EntityManager, packageId: string, bidderName: string): Promise<ProcurementBidEntity | null> {
    return em.getRepository(ProcurementBidEntity).findOne({ where: { packageId, bidderName } });
  }

  insertBid(em: EntityManager, row: Omit<ProcurementBidEntity, 'id' | 'createdAt'>): Promise<ProcurementBidEntity> {
    const repo = em.getRepository(ProcurementBidEntity);
    return repo.save(repo.create(row));
  }

  sheets(em: EntityManager, packageId: string): Promise<ProcurementEvaluatorSheetEntity[]> {
    return em
      .getRepository(ProcurementEvaluatorSheetEntity)
      .find({ where: { packageId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  sheet(
    em: EntityManager,
    packageId: string,
    evaluator: string,
    bidId: string,
  ): Promise<ProcurementEvaluatorSheetEntity | null> {
    return em.getRepository(ProcurementEvaluatorSheetEntity).findOne({ where: { packageId, evaluator, bidId } });
  }

  insertSheet(
    em: EntityManager,
    row: Omit<ProcurementEvaluatorSheetEntity, 'id' | 'createdAt'>,
  ): Promise<ProcurementEvaluatorSheetEntity> {
    const repo = em.getRepository(ProcurementEvaluatorSheetEntity);
    return repo.save(repo.create(row));
  }
}
