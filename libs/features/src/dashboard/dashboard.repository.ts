import { Injectable } from '@nestjs/common';
import { Client } from 'pg';
import type { EntityManager } from 'typeorm';
import { RUNNING_CLOCKS_SQL, clockOverdueSql } from '../shared/running-clocks.sql';

export type StoppedRow = {
  severity: string;
  target_id: string;
  name: string;
  met: number;
  breached: number;
  not_recorded: number;
};
export type RunningRow = {
  severity: string | null;
  target_id: string | null;
  name: string | null;
  running: number;
  at_risk: number;
  overdue: number;
  open_breaches: number;
};

export type DashboardRow = {
  id: string;
  tenant_id: string;
  vendor_org_id: string;
  code: string;
  name: string;
  stopped: StoppedRow[];
  running: RunningRow[];
  last_close: {
    id: string;
    period: string;
    revision: number;
    score: string | null;
    grade: string | null;
    confirmed_at: string;
  } | null;
  next_payment: {
    line_id: string;
    label: string;
    status: string;
    due_date: string | null;
    net: string;
    paid: string;
    outstanding: string;
    as_of: string;
    computed_at: string;
  } | null;
  notifications: { total: number; critical: number; warning: number; latest_at: string | null };
  /** The severities of the contract's current configuration (id → name), for the words a reader sees. */
  severities: { id: string; name: string }[] | null;
};

/**
 * The dashboard is one statement per request (one round trip inside the transaction), whatever the number of
 * contracts: a row per contract the caller's scope shows (row-level security), each tile a correlated sub-select
 * bounded by tenant_id and contract_id, so its cost does not grow with other contracts or tenants —
 *  - the month's stopped clocks: ticket_sla_month_counts (a row per severity and target, kept by the SLA results
 *    trigger, migrations/1764000000520-dashboard-indexes.ts);
 *  - running clocks of open tickets: ticket_sla_clocks_running_idx, index-only; the 75 % and 100 % warnings the SLA
 *    jobs raised are probed by their dedupe key (UNIQUE (tenant_id, dedupe_key)) only for a clock the stored figures
 *    do not already show at risk or overdue;
 *  - last confirmed close: period_closes_live_idx; next payment: payment_schedules_latest_idx, then the lines of that
 *    one snapshot; warnings of the month: notifications_contract_idx, once per ticket and target (a clock warned at
 *    75 % and then 100 % is one warning, at 100 %), and only where the target's current clock bears it out — still
 *    running on an open ticket, or stopped at or past the threshold. A warning raised for a point of history that
 *    later events overtook (a ticket entered after the fact, event by event, warns at each step; the demo does
 *    that) is not counted once its clock is met below the threshold or not recorded.
 * It runs as a named prepared statement on the transaction's connection: the plan is made once per connection
 * instead of on every request (planning this statement costs about as much as executing it).
 */
@Injectable()
export class DashboardRepository {
  /** `contractIds` null: every contract the scope shows; otherwise only those (e.g. one page of contractSearch). */
  async read(
    em: EntityManager,
    args: { contractIds: readonly string[] | null; month: string; monthStart: Date; monthEnd: Date; now: Date },
  ): Promise<DashboardRow[]> {
    const values = [args.contractIds, args.month, args.now, args.monthStart, args.monthEnd];
    const connection = (await em.queryRunner?.connect()) as unknown;
    if (connection instanceof Client)
      return (await connection.query<DashboardRow>({ name: 'contract-dashboard-v2', text: DASHBOARD_SQL, values }))
        .rows;
    return em.query(DASHBOARD_SQL, values);
  }
}

export const DASHBOARD_SQL = `
SELECT c.id, c.tenant_id, c.vendor_org_id, c.code, c.name,
  (SELECT coalesce(jsonb_agg(jsonb_build_object('severity', m.severity, 'target_id', m.target_id, 'name', m.target_name, 'met', m.met, 'breached', m.breached, 'not_recorded', m.not_recorded) ORDER BY m.severity, m.target_id), '[]'::jsonb)
     FROM ticket_sla_month_counts m
     WHERE m.tenant_id = c.tenant_id AND m.contract_id = c.id AND m.month = $2 AND (m.met <> 0 OR m.breached <> 0 OR m.not_recorded <> 0)) AS stopped,
  (SELECT coalesce(jsonb_agg(r), '[]'::jsonb) FROM (
     SELECT k.severity, k.target_id, min(k.target_name) AS name, count(*)::int AS running,
            count(*) FILTER (WHERE k.risk AND NOT k.over)::int AS at_risk, count(*) FILTER (WHERE k.over)::int AS overdue,
            count(DISTINCT k.ticket_id) FILTER (WHERE k.over)::int AS open_breaches
     FROM (
       SELECT k.severity, k.target_id, k.target_name, k.ticket_id,
              ${clockOverdueSql('$3')} AS over,
              (k.percent_used >= 75 OR EXISTS (SELECT 1 FROM notifications n WHERE n.tenant_id = k.tenant_id AND n.dedupe_key = 'sla-' || k.ticket_id || '-' || k.target_id || '-75')) AS risk
       FROM ticket_sla_clocks k
       WHERE ${RUNNING_CLOCKS_SQL}
     ) k
     GROUP BY GROUPING SETS ((k.severity, k.target_id), ())) r) AS running,
  (SELECT jsonb_build_object('id', p.id, 'period', p.period, 'revision', p.revision, 'score', p.score::text, 'grade', p.grade, 'confirmed_at', p.confirmed_at)
     FROM period_closes p
     WHERE p.tenant_id = c.tenant_id AND p.contract_id = c.id AND p.status = 'confirmed'
     ORDER BY p.period DESC, p.confirmed_at DESC LIMIT 1) AS last_close,
  (SELECT jsonb_build_object('line_id', l.value->>'id', 'label', l.value->>'label', 'status', l.value->>'status', 'due_date', l.value->>'dueDate',
            'net', l.value->>'net', 'paid', l.value->>'paid', 'outstanding', ((l.value->>'net')::numeric - (l.value->>'paid')::numeric)::text,
            'as_of', s.as_of::text, 'computed_at', s.computed_at)
     FROM (SELECT ps.schedule, ps.as_of, ps.computed_at FROM payment_schedules ps
           WHERE ps.tenant_id = c.tenant_id AND ps.contract_id = c.id ORDER BY ps.computed_at DESC, ps.id LIMIT 1) s
     CROSS JOIN LATERAL jsonb_array_elements(s.schedule->'lines') WITH ORDINALITY l
     WHERE l.value->>'status' IN ('scheduled', 'due')
     ORDER BY l.value->>'dueDate' NULLS LAST, l.ordinality LIMIT 1) AS next_payment,
  (SELECT jsonb_build_object('total', count(*), 'critical', count(*) FILTER (WHERE w.level >= 100),
            'warning', count(*) FILTER (WHERE w.level < 100), 'latest_at', max(w.latest_at))
     FROM (
       -- The highest threshold warned, capped by what the current clock reached (a running clock on an open ticket: as warned).
       SELECT least(max((n.details->>'threshold')::int),
                    CASE WHEN k.stop_month IS NULL AND k.ticket_open THEN 100 WHEN k.percent_used >= 100 THEN 100 WHEN k.percent_used >= 75 THEN 75 ELSE 0 END) AS level,
              max(n.created_at) AS latest_at
       FROM notifications n
       JOIN ticket_sla_clocks k ON k.tenant_id = n.tenant_id AND k.ticket_id = n.ticket_id AND k.target_id = n.details->>'targetId' AND k.is_current
       WHERE n.tenant_id = c.tenant_id AND n.contract_id = c.id AND n.created_at >= $4 AND n.created_at < $5
         AND n.kind IN ('sla-at-risk', 'sla-breached') AND k.status <> 'not_recorded'
       GROUP BY n.ticket_id, k.target_id, k.stop_month, k.ticket_open, k.percent_used) w
     WHERE w.level > 0) AS notifications,
  (SELECT v.configuration->'sla'->'policy'->'severities' FROM contract_versions v
     WHERE v.tenant_id = c.tenant_id AND v.contract_id = c.id AND v.version = c.current_version) AS severities
FROM contracts c
WHERE ($1::uuid[] IS NULL OR c.id = ANY($1::uuid[]))
ORDER BY c.code, c.id`;
