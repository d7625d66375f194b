import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** The generated numbers' form: LX-0001 … LX-9999, then LX-10000 … */
export const formatTicketNumber = (n: number): string => `LX-${String(n).padStart(4, '0')}`;

/**
 * Takes the contract's next number: made on first use from the highest LX-n among its tickets, then incremented.
 * The row lock holds concurrent creates of the contract in line until this transaction ends (migration 960).
 */
export const NEXT_TICKET_NUMBER_SQL = `INSERT INTO ticket_number_counters AS c (tenant_id, contract_id, last_number)
  VALUES ($1, $2, 1 + (SELECT coalesce(max(substring(number FROM '^LX-([0-9]{1,9})$')::int), 0)
                         FROM tickets WHERE tenant_id = $1 AND contract_id = $2 AND number ~ '^LX-[0-9]{1,9}$'))
  ON CONFLICT (tenant_id, contract_id) DO UPDATE SET last_number = c.last_number + 1
  RETURNING last_number`;

/** Ticket numbers per contract, in the caller's transaction (the buyer's scope: RLS shows its own rows only). */
@Injectable()
export class TicketNumbersRepository {
  /** The next generated number not already taken (by a number typed by hand or imported). */
  async next(em: EntityManager, tenantId: string, contractId: string): Promise<string> {
    for (;;) {
      const [{ last_number }]: { last_number: number }[] = await em.query(NEXT_TICKET_NUMBER_SQL, [
        tenantId,
        contractId,
      ]);
      const number = formatTicketNumber(last_number);
      if (!(await this.taken(em, tenantId, contractId, number))) return number;
    }
  }

  /** Whether the contract has a ticket with this number (one index probe). */
  async taken(em: EntityManager, tenantId: string, contractId: string, number: string): Promise<boolean> {
    const rows: unknown[] = await em.query(
      `SELECT 1 FROM tickets WHERE tenant_id = $1 AND contract_id = $2 AND number = $3 LIMIT 1`,
      [tenantId, contractId, number],
    );
    return rows.length > 0;
  }
}
