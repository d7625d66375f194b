import { Injectable } from '@nestjs/common';
import { TicketEntity, TicketEventEntity } from '@ledger/persistence';
import type { EntityManager } from 'typeorm';

export type NewTicket = Omit<TicketEntity, 'id' | 'createdAt' | 'updatedAt'>;
export type NewTicketEvent = Omit<TicketEventEntity, 'id' | 'recordedAt'>;

@Injectable()
export class TicketsRepository {
  byId(em: EntityManager, id: string, lock = false): Promise<TicketEntity | null> {
    return em.getRepository(TicketEntity).findOne({ where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
  }

  list(em: EntityManager, contractId: string, state?: string): Promise<TicketEntity[]> {
    return em.getRepository(TicketEntity).find({ where: { contractId, ...(state ? { state } : {}) }, order: { createdAt: 'ASC', number: 'ASC' } });
  }

  async numbers(em: EntityManager, contractId: string): Promise<string[]> {
    const rows = await em.getRepository(TicketEntity).find({ select: { number: true }, where: { contractId } });
    return rows.map((r) => r.number);
  }

  events(em: EntityManager, ticketIds: string[]): Promise<TicketEventEntity[]> {
    if (ticketIds.length === 0) return Promise.resolve([]);
    return em
      .getRepository(TicketEventEntity)
      .createQueryBuilder('e')
      .where('e.ticket_id IN (:...ids)', { ids: ticketIds })
      .orderBy('e.ticket_id')
      .addOrderBy('e.seq')
      .getMany();
  }

  insert(em: EntityManager, row: NewTicket): Promise<TicketEntity> {
    return em.getRepository(TicketEntity).save(em.getRepository(TicketEntity).create(row));
  }

  async update(em: EntityManager, t: TicketEntity, patch: Partial<Pick<TicketEntity, 'state' | 'checklist' | 'expectedCloseDate' | 'extendedTo' | 'specialAttention'>>): Promise<void> {
    await em.getRepository(TicketEntity).update({ tenantId: t.tenantId, id: t.id }, patch);
  }

  async insertEvents(em: EntityManager, rows: NewTicketEvent[]): Promise<void> {
    if (rows.length === 0) return;
    await em.getRepository(TicketEventEntity).insert(rows);
  }
}
