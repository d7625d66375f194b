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

  /** The given tickets (any order; as many ids as needed: one array parameter). */
  byIds(em: EntityManager, ids: readonly string[]): Promise<TicketEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return em.getRepository(TicketEntity).createQueryBuilder('t').where('t.id = ANY(CAST(:ids AS uuid[]))', { ids: [...ids] }).getMany();
  }

  list(em: EntityManager, contractId: string, state?: string): Promise<TicketEntity[]> {
    return em.getRepository(TicketEntity).find({ where: { contractId, ...(state ? { state } : {}) }, order: { createdAt: 'ASC', number: 'ASC' } });
  }

  async numbers(em: EntityManager, contractId: string): Promise<string[]> {
    const rows = await em.getRepository(TicketEntity).find({ select: { number: true }, where: { contractId } });
    return rows.map((r) => r.number);
  }

  /** The first `limit` tickets an import stored, by number. */
  async ofImport(em: EntityManager, tenantId: string, importId: string, limit: number): Promise<TicketEntity[]> {
    const ids: { id: string }[] = await em.query(`SELECT id FROM tickets WHERE tenant_id = $1 AND import_id = $2 ORDER BY number LIMIT $3`, [tenantId, importId, limit]);
    const order = new Map<string, number>(ids.map((r, i) => [r.id, i]));
    return (await this.byIds(em, [...order.keys()])).sort((a, b) => (order.get(a.id) as number) - (order.get(b.id) as number));
  }

  /**
   * The events of the given tickets (of one tenant), in order (ticket, seq): with the tenant, a range of the
   * (tenant_id, ticket_id, seq) index per ticket; the ids go as one array parameter, however many.
   */
  events(em: EntityManager, tenantId: string, ticketIds: readonly string[]): Promise<TicketEventEntity[]> {
    if (ticketIds.length === 0) return Promise.resolve([]);
    return em
      .getRepository(TicketEventEntity)
      .createQueryBuilder('e')
      .where('e.tenant_id = :tenantId', { tenantId })
      .andWhere('e.ticket_id = ANY(CAST(:ids AS uuid[]))', { ids: [...ticketIds] })
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
