import { Injectable } from '@nestjs/common';
import { TicketEntity, TicketEventEntity } from '@ledger/persistence';
import type { EntityManager } from 'typeorm';

export type NewTicket = Omit<TicketEntity, 'id' | 'createdAt' | 'updatedAt'>;
export type NewTicketEvent = Omit<TicketEventEntity, 'id' | 'recordedAt'>;

/** What every ticket of one bulk insert shares (one contract, one configuration version, one importing user). */
export type BulkTicketCommon = { tenantId: string; contractId: string; configVersion: number; source: 'api' | 'import'; createdBy: string | null; importId: string | null };

/** One ticket of a bulk insert; its id is chosen by the caller so that its events can name it without a round trip. */
export type BulkTicket = Pick<TicketEntity, 'id' | 'number' | 'title' | 'category' | 'businessArea' | 'severity' | 'specialAttention' | 'expectedCloseDate' | 'extendedTo' | 'state' | 'checklist'> & {
  /** Events the import gave the ticket (tickets.import_event_count); null outside an import. */
  importEventCount: number | null;
};

/** One event of a bulk insert; `at` is an ISO instant with its offset. */
export type BulkTicketEvent = { ticketId: string; seq: number; kind: string; at: string; actorSide: 'buyer' | 'vendor'; note: string | null; payload: Record<string, string | boolean> | null };

/**
 * Rows per statement of a bulk insert: one `INSERT … SELECT FROM unnest($n::type[], …)` carries this many rows as a
 * handful of array parameters (the protocol's 65 535-parameter limit does not apply to array elements). Large enough
 * that the per-statement round trip and planning vanish, small enough that one statement's arrays stay a few MB.
 */
export const TICKETS_PER_STATEMENT = 5000;
export const EVENTS_PER_STATEMENT = 40000;

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

  /** Which of the given numbers are taken on the contract (an import checks its own numbers, not the whole ledger). */
  async takenNumbers(em: EntityManager, tenantId: string, contractId: string, numbers: readonly string[]): Promise<string[]> {
    if (numbers.length === 0) return [];
    const rows: { number: string }[] = await em.query(`SELECT number FROM tickets WHERE tenant_id = $1 AND contract_id = $2 AND number = ANY($3::text[])`, [tenantId, contractId, [...numbers]]);
    return rows.map((r) => r.number);
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

  /**
   * Many tickets of one contract in a few multi-row statements (`TICKETS_PER_STATEMENT` rows each): the same rows,
   * constraints, row-level security and audit trigger as one INSERT per ticket, without a round trip per row.
   */
  async insertMany(em: EntityManager, common: BulkTicketCommon, rows: readonly BulkTicket[]): Promise<void> {
    for (let i = 0; i < rows.length; i += TICKETS_PER_STATEMENT) {
      const chunk = rows.slice(i, i + TICKETS_PER_STATEMENT);
      const col = <T>(f: (r: BulkTicket) => T): T[] => chunk.map(f);
      await em.query(
        `INSERT INTO tickets (tenant_id, contract_id, config_version, source, created_by, import_id,
           id, number, title, category, business_area, severity, special_attention, expected_close_date, extended_to, state, checklist, import_event_count)
         SELECT $1::uuid, $2::uuid, $3::int, $4::text, $5::uuid, $6::uuid, * FROM unnest($7::uuid[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::bool[], $14::date[], $15::date[], $16::text[], $17::jsonb[], $18::int[])`,
        [
          common.tenantId,
          common.contractId,
          common.configVersion,
          common.source,
          common.createdBy,
          common.importId,
          col((r) => r.id),
          col((r) => r.number),
          col((r) => r.title),
          col((r) => r.category),
          col((r) => r.businessArea),
          col((r) => r.severity),
          col((r) => r.specialAttention),
          col((r) => r.expectedCloseDate),
          col((r) => r.extendedTo),
          col((r) => r.state),
          col((r) => (r.checklist ? JSON.stringify(r.checklist) : null)),
          col((r) => r.importEventCount),
        ],
      );
    }
  }

  /** Many events of one contract's tickets, by the same user, in multi-row statements (`EVENTS_PER_STATEMENT` rows each). */
  async insertEventsMany(em: EntityManager, common: { tenantId: string; contractId: string; actorUserId: string | null }, rows: readonly BulkTicketEvent[]): Promise<void> {
    for (let i = 0; i < rows.length; i += EVENTS_PER_STATEMENT) {
      const chunk = rows.slice(i, i + EVENTS_PER_STATEMENT);
      const col = <T>(f: (r: BulkTicketEvent) => T): T[] => chunk.map(f);
      await em.query(
        `INSERT INTO ticket_events (tenant_id, contract_id, actor_user_id, ticket_id, seq, kind, at, actor_side, note, payload)
         SELECT $1::uuid, $2::uuid, $3::uuid, * FROM unnest($4::uuid[], $5::int[], $6::text[], $7::timestamptz[], $8::text[], $9::text[], $10::jsonb[])`,
        [
          common.tenantId,
          common.contractId,
          common.actorUserId,
          col((r) => r.ticketId),
          col((r) => r.seq),
          col((r) => r.kind),
          col((r) => r.at),
          col((r) => r.actorSide),
          col((r) => r.note),
          col((r) => (r.payload ? JSON.stringify(r.payload) : null)),
        ],
      );
    }
  }
}
