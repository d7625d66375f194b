import { Injectable } from '@nestjs/common';
import type { AllowanceWork } from '@ledger/contracts';
import { AllowanceWorkEntity, TicketEntity } from '@ledger/persistence';
import { In, type EntityManager } from 'typeorm';

export type NewAllowanceWork = Pick<
  AllowanceWorkEntity,
  'tenantId' | 'contractId' | 'allowanceId' | 'ticketId' | 'workedOn' | 'amount' | 'description' | 'loggedBy'
>;
export type WorkRow = AllowanceWorkEntity & { ticketNumber: string | null };

/** A contract's work lines in the order they were logged, with their tickets' numbers (RLS decides what is seen). */
export async function allowanceWorkOf(em: EntityManager, contractId: string): Promise<WorkRow[]> {
  const rows = await em
    .getRepository(AllowanceWorkEntity)
    .find({ where: { contractId }, order: { createdAt: 'ASC', id: 'ASC' } });
  const ticketIds = [...new Set(rows.flatMap((r) => (r.ticketId ? [r.ticketId] : [])))];
  const tickets = ticketIds.length
    ? await em.getRepository(TicketEntity).find({ where: { id: In(ticketIds) }, select: { id: true, number: true } })
    : [];
  const numbers = new Map(tickets.map((t) => [t.id, t.number]));
  return rows.map((r) => Object.assign(r, { ticketNumber: r.ticketId ? (numbers.get(r.ticketId) ?? null) : null }));
}

/** The engine's view of a work line. */
export const toAllowanceWork = (r: WorkRow): AllowanceWork => ({
  id: r.id,
  allowanceId: r.allowanceId,
  workedOn: r.workedOn,
  amount: r.amount,
  ticketId: r.ticketId,
  ticketNumber: r.ticketNumber,
});

@Injectable()
export class AllowancesRepository {
  work(em: EntityManager, contractId: string): Promise<WorkRow[]> {
    return allowanceWorkOf(em, contractId);
  }

  ticket(em: EntityManager, id: string, contractId: string): Promise<TicketEntity | null> {
    return em.getRepository(TicketEntity).findOne({ where: { id, contractId } });
  }

  insert(em: EntityManager, row: NewAllowanceWork): Promise<AllowanceWorkEntity> {
    const repo = em.getRepository(AllowanceWorkEntity);
    return repo.save(repo.create(row));
  }
}
