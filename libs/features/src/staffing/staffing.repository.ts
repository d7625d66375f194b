import { Injectable } from '@nestjs/common';
import { StaffMemberEntity, StaffReplacementEntity } from '@ledger/persistence';
import type { EntityManager } from 'typeorm';

export type NewStaffMember = Omit<StaffMemberEntity, 'id' | 'createdAt'>;
export type NewStaffReplacement = Omit<StaffReplacementEntity, 'id' | 'createdAt'>;

/** The roster's rows; what a query can see is decided by the transaction's scope (RLS). */
@Injectable()
export class StaffingRepository {
  /** The contract's members, in no particular order. */
  members(em: EntityManager, contractId: string): Promise<StaffMemberEntity[]> {
    return em.getRepository(StaffMemberEntity).find({ where: { contractId } });
  }

  /** The contract's members as the roster lists them: by start date, then person. */
  roster(em: EntityManager, contractId: string): Promise<StaffMemberEntity[]> {
    return em
      .getRepository(StaffMemberEntity)
      .find({ where: { contractId }, order: { fromDate: 'ASC', personId: 'ASC' } });
  }

  member(em: EntityManager, id: string, contractId: string): Promise<StaffMemberEntity | null> {
    return em.getRepository(StaffMemberEntity).findOne({ where: { id, contractId } });
  }

  insertMember(em: EntityManager, row: NewStaffMember): Promise<StaffMemberEntity> {
    const repo = em.getRepository(StaffMemberEntity);
    return repo.save(repo.create(row));
  }

  async endMember(em: EntityManager, m: StaffMemberEntity, toDate: string): Promise<void> {
    await em.getRepository(StaffMemberEntity).update({ tenantId: m.tenantId, id: m.id }, { toDate });
  }

  /** The replacement of a member, if one was recorded (a member is replaced at most once). */
  replacementOf(em: EntityManager, oldMemberId: string): Promise<StaffReplacementEntity | null> {
    return em.getRepository(StaffReplacementEntity).findOne({ where: { oldMemberId } });
  }

  replacements(em: EntityManager, contractId: string): Promise<StaffReplacementEntity[]> {
    return em
      .getRepository(StaffReplacementEntity)
      .find({ where: { contractId }, order: { changeOn: 'ASC', createdAt: 'ASC' } });
  }

  insertReplacement(em: EntityManager, row: NewStaffReplacement): Promise<StaffReplacementEntity> {
    const repo = em.getRepository(StaffReplacementEntity);
    return repo.save(repo.create(row));
  }
}
