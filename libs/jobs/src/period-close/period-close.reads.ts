import { ContractEntity, ContractVersionEntity, MonthlyReportEntity, PeriodInputEntity, TicketEntity, TicketEventEntity } from '@ledger/persistence';
import type { EntityManager } from 'typeorm';

/** What a period close reads. What a query sees is decided by the transaction's scope (RLS). */
export const PeriodCloseReads = {
  contract(em: EntityManager, id: string): Promise<ContractEntity | null> {
    return em.getRepository(ContractEntity).findOne({ where: { id } });
  },

  version(em: EntityManager, c: { tenantId: string; id: string }, version: number): Promise<ContractVersionEntity | null> {
    return em.getRepository(ContractVersionEntity).findOne({ where: { tenantId: c.tenantId, contractId: c.id, version } });
  },

  periodInputs(em: EntityManager, contractId: string): Promise<PeriodInputEntity[]> {
    return em.getRepository(PeriodInputEntity).find({ where: { contractId }, order: { period: 'ASC', kind: 'ASC' } });
  },

  acceptedReports(em: EntityManager, contractId: string): Promise<MonthlyReportEntity[]> {
    return em.getRepository(MonthlyReportEntity).find({ where: { contractId, status: 'accepted' }, order: { month: 'ASC' } });
  },

  tickets(em: EntityManager, contractId: string): Promise<TicketEntity[]> {
    return em.getRepository(TicketEntity).find({ where: { contractId }, order: { createdAt: 'ASC', number: 'ASC' } });
  },

  events(em: EntityManager, ticketIds: string[]): Promise<TicketEventEntity[]> {
    if (ticketIds.length === 0) return Promise.resolve([]);
    return em.getRepository(TicketEventEntity).createQueryBuilder('e').where('e.ticket_id = ANY(:ids)', { ids: ticketIds }).orderBy('e.ticket_id').addOrderBy('e.seq').getMany();
  },
};
