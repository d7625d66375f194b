import { Injectable } from '@nestjs/common';
import { TicketEntity } from '@ledger/persistence';
import type { EntityManager } from 'typeorm';
import type { JsonValue } from '../graphql/json.scalar';
import type { NotificationModel, StoredTicketSlaModel } from './notifications.models';

type NotificationRow = {
  id: string;
  tenant_id: string;
  contract_id: string;
  ticket_id: string | null;
  dedupe_key: string;
  kind: string;
  severity: string;
  message: string;
  details: JsonValue;
  created_at: Date;
};

type SlaResultRow = {
  id: string;
  contract_id: string;
  ticket_id: string;
  event_count: number;
  config_version: number;
  calendar_version: string;
  previous_calendar_version: string | null;
  previous_config_version: number | null;
  supersedes_id: string | null;
  status: string;
  targets: JsonValue;
  provisional: boolean;
  evaluated_at: Date;
  computed_at: Date;
};

/** Queries only; what a query can see is decided by the transaction's scope (RLS: the tenant, or the vendor holding the contract). */
@Injectable()
export class NotificationsRepository {
  /** The ticket whose SLA results are asked for (the caller checks who may read it). */
  ticket(em: EntityManager, id: string): Promise<TicketEntity | null> {
    return em.getRepository(TicketEntity).findOne({ where: { id } });
  }

  async list(em: EntityManager, contractId: string | null, limit: number): Promise<NotificationModel[]> {
    const rows: NotificationRow[] = await em.query(
      `SELECT * FROM notifications WHERE ($1::uuid IS NULL OR contract_id = $1::uuid) ORDER BY created_at DESC, id LIMIT $2`,
      [contractId, limit],
    );
    return rows.map((r) => ({
      id: r.id,
      tenantId: r.tenant_id,
      contractId: r.contract_id,
      ticketId: r.ticket_id,
      kind: r.kind,
      severity: r.severity,
      message: r.message,
      details: r.details,
      dedupeKey: r.dedupe_key,
      createdAt: r.created_at,
    }));
  }

  /** The stored results of a ticket, latest history point first (then the latest evaluation). */
  async slaHistory(em: EntityManager, ticketId: string): Promise<StoredTicketSlaModel[]> {
    const rows: SlaResultRow[] = await em.query(
      // The flag lives in each target of the jsonb; rows stored before provisional years were used have none.
      `SELECT *, jsonb_path_exists(targets, '$[*] ? (@.provisional == true)') AS provisional
         FROM ticket_sla_results WHERE ticket_id = $1 ORDER BY event_count DESC, evaluated_at DESC, computed_at DESC`,
      [ticketId],
    );
    return rows.map((r) => ({
      id: r.id,
      ticketId: r.ticket_id,
      contractId: r.contract_id,
      eventCount: r.event_count,
      configVersion: r.config_version,
      calendarVersion: r.calendar_version,
      previousCalendarVersion: r.previous_calendar_version,
      previousConfigVersion: r.previous_config_version,
      supersedesId: r.supersedes_id,
      status: r.status,
      targets: r.targets,
      provisional: r.provisional,
      evaluatedAt: r.evaluated_at,
      computedAt: r.computed_at,
    }));
  }
}
