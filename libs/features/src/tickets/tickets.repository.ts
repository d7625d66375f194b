import { Injectable } from '@nestjs/common';
import { TicketEntity, TicketEventEntity } from '@ledger/persistence';
import type { EntityManager } from 'typeorm';

export type NewTicket = Omit<TicketEntity, 'id' | 'createdAt' | 'updatedAt'>;
export type NewTicketEvent = Omit<TicketEventEntity, 'id' | 'recordedAt'>;

export type TicketSearch = {
  contractId: string;
  states?: readonly string[];
  severities?: readonly string[];
  specialAttention?: boolean;
  overdue?: boolean;
  text?: string;
  now: Date;
  limit: number;
  after?: { createdAt: string; id: string };
};

@Injectable()
export class TicketsRepository {
  byId(em: EntityManager, id: string, lock = false): Promise<TicketEntity | null> {
    return em
      .getRepository(TicketEntity)
      .findOne({ where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
  }

  /** The given tickets (any order; as many ids as needed: one array parameter). */
  byIds(em: EntityManager, ids: readonly string[]): Promise<TicketEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return em
      .getRepository(TicketEntity)
      .createQueryBuilder('t')
      .where('t.id = ANY(CAST(:ids AS uuid[]))', { ids: [...ids] })
      .getMany();
  }

  list(em: EntityManager, contractId: string, state?: string): Promise<TicketEntity[]> {
    return em
      .getRepository(TicketEntity)
      .find({ where: { contractId, ...(state ? { state } : {}) }, order: { createdAt: 'ASC', number: 'ASC' } });
  }

  /**
   * One page of the board: newest first, keyed by (created_at, id) so a page never repeats or skips a ticket when
   * new ones arrive. `overdue` reads the stored running clocks (ticket_sla_clocks, kept by the SLA results trigger)
   * at `now`, as the dashboard does. Returns `limit + 1` rows so the caller knows whether another page follows.
   */
  async search(
    em: EntityManager,
    q: TicketSearch,
  ): Promise<{ rows: TicketEntity[]; total: number; keys: { createdAt: string; id: string }[] }> {
    const where: string[] = ['t.contract_id = $1'];
    const values: unknown[] = [q.contractId];
    const add = (sql: (n: string) => string, value: unknown) => {
      values.push(value);
      where.push(sql(`$${values.length}`));
    };
    if (q.states?.length) add((n) => `t.state = ANY(${n}::text[])`, q.states);
    if (q.severities?.length) add((n) => `t.severity = ANY(${n}::text[])`, q.severities);
    if (q.specialAttention !== undefined) add((n) => `t.special_attention = ${n}`, q.specialAttention);
    if (q.text)
      add(
        (n) => `(t.number ILIKE ${n} ESCAPE '\\' OR coalesce(t.title, '') ILIKE ${n} ESCAPE '\\')`,
        `%${q.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
      );
    if (q.overdue !== undefined) {
      add(
        (
          n,
        ) => `${q.overdue ? '' : 'NOT '}EXISTS (SELECT 1 FROM ticket_sla_clocks k WHERE k.tenant_id = t.tenant_id AND k.ticket_id = t.id AND k.is_current
          AND k.stop_month IS NULL AND k.ticket_open AND (k.status = 'breached' OR k.deadline <= ${n}))`,
        q.now,
      );
    }
    const filtered = where.join(' AND ');
    const [{ n: total }] = await em.query(`SELECT count(*)::int AS n FROM tickets t WHERE ${filtered}`, values);
    const page = [...values];
    let pageWhere = filtered;
    if (q.after) {
      page.push(q.after.createdAt, q.after.id);
      pageWhere += ` AND (t.created_at, t.id) < ($${page.length - 1}::timestamptz, $${page.length}::uuid)`;
    }
    page.push(q.limit + 1);
    // The key as text to the microsecond: a JS Date would cut it to the millisecond and repeat rows across pages.
    const ids: { id: string; ts: string }[] = await em.query(
      `SELECT t.id, to_char(t.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS ts FROM tickets t WHERE ${pageWhere} ORDER BY t.created_at DESC, t.id DESC LIMIT $${page.length}`,
      page,
    );
    const order = new Map<string, number>(ids.map((r, i) => [r.id, i]));
    const rows = (await this.byIds(em, [...order.keys()])).sort(
      (a, b) => (order.get(a.id) as number) - (order.get(b.id) as number),
    );
    return { rows, total, keys: ids.map((r) => ({ createdAt: r.ts, id: r.id })) };
  }

  /** The first `limit` tickets an import stored, by number. */
  async ofImport(em: EntityManager, tenantId: string, importId: string, limit: number): Promise<TicketEntity[]> {
    const ids: { id: string }[] = await em.query(
      `SELECT id FROM tickets WHERE tenant_id = $1 AND import_id = $2 ORDER BY number LIMIT $3`,
      [tenantId, importId, limit],
    );
    const order = new Map<string, number>(ids.map((r, i) => [r.id, i]));
    return (await this.byIds(em, [...order.keys()])).sort(
      (a, b) => (order.get(a.id) as number) - (order.get(b.id) as number),
    );
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

  async update(
    em: EntityManager,
    t: TicketEntity,
    patch: Partial<Pick<TicketEntity, 'state' | 'checklist' | 'expectedCloseDate' | 'extendedTo' | 'specialAttention'>>,
  ): Promise<void> {
    await em.getRepository(TicketEntity).update({ tenantId: t.tenantId, id: t.id }, patch);
  }

  async insertEvents(em: EntityManager, rows: NewTicketEvent[]): Promise<void> {
    if (rows.length === 0) return;
    await em.getRepository(TicketEventEntity).insert(rows);
  }
}
