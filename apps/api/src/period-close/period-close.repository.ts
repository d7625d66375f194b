import { Injectable } from '@nestjs/common';
import { MonthlyReportEntity, PeriodInputEntity, TicketEntity, TicketEventEntity } from '@ledger/persistence';
import type { EntityManager } from 'typeorm';

/** Reads only: the period close preview stores nothing. What a query sees is decided by the transaction's scope (RLS). */
@Injectable()
export class PeriodCloseRepository {
  periodInputs(em: EntityManager, contractId: string): Promise<PeriodInputEntity[]> {
    return em.getRepository(PeriodInputEntity).find({ where: { contractId } });
  }

  acceptedReports(em: EntityManager, contractId: string): Promise<MonthlyReportEntity[]> {
    return em.getRepository(MonthlyReportEntity).find({ where: { contractId, status: 'accepted' }, order: { month: 'ASC' } });
  }

  tickets(em: EntityManager, contractId: string): Promise<TicketEntity[]> {
    return em.getRepository(TicketEntity).find({ where: { contractId }, order: { createdAt: 'ASC', number: 'ASC' } });
  }

  events(em: EntityManager, ticketIds: string[]): Promise<TicketEventEntity[]> {
    if (ticketIds.length === 0) return Promise.resolve([]);
    return em.getRepository(TicketEventEntity).createQueryBuilder('e').where('e.ticket_id IN (:...ids)', { ids: ticketIds }).orderBy('e.ticket_id').addOrderBy('e.seq').getMany();
  }
}
