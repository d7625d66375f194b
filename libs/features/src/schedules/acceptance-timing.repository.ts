import { Injectable } from '@nestjs/common';
import { TicketEntity } from '@ledger/persistence';
import { In, type EntityManager } from 'typeorm';

/** The contract's tickets of some severities (the acceptance timing's major failures); RLS decides what is seen. */
@Injectable()
export class AcceptanceTimingRepository {
  ticketsOfSeverities(em: EntityManager, contractId: string, severities: readonly string[]): Promise<TicketEntity[]> {
    if (severities.length === 0) return Promise.resolve([]);
    return em
      .getRepository(TicketEntity)
      .find({ where: { contractId, severity: In([...severities]) }, order: { number: 'ASC' } });
  }
}
