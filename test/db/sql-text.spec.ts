import { DataSource } from 'typeorm';
import { createDataSource } from '../../libs/persistence/src';
import { LOCK_JOB_KEY_SQL, RECORD_JOB_SQL, STALE_JOBS_SQL } from '../../libs/jobs/src/runtime/job-outbox';
import { RECOMPUTED_COUNTS_SQL, STALE_RESULTS_SQL } from '../../libs/features/src/calendar/calendar-jobs.store';
import { DASHBOARD_SQL } from '../../libs/features/src/dashboard/dashboard.repository';
import { EXPORT_CLOSE_LINES_SQL, EXPORT_SCHEDULES_SQL } from '../../libs/features/src/exports/render-export.store';
import {
  TICKET_METRIC_ROWS_SQL,
  TICKETS_DIGEST_SQL,
} from '../../libs/features/src/period-close/period-close-reads.store';
import {
  CLOSE_LINES_OF_CLOSES_SQL,
  CLOSE_LINES_OF_CONTRACT_SQL,
  INSERT_CLOSE_LINE_SQL,
} from '../../libs/features/src/period-close/period-close.store';
import { clockOverdueSql, RUNNING_CLOCKS_SQL } from '../../libs/features/src/shared/running-clocks.sql';
import {
  INSERT_NOTIFICATIONS_SQL,
  INSERT_SLA_RESULTS_SQL,
  RUNNING_CLOCK_PROBE_SQL,
  TicketSlaStore,
} from '../../libs/features/src/tickets/ticket-sla.store';

/*
 * The text of the plan-sensitive hand-written statements, exactly as the repositories and stores run them (their
 * exported constants). A change of any of them fails here: look at its plan (EXPLAIN on a realistic database, the
 * indexes the comments name) before updating the snapshot. Inline snapshots: nothing depends on a .snap file.
 */

/** Entity metadata without a connection: enough for a QueryBuilder to render its SQL. */
class OfflineDataSource extends DataSource {
  build(): Promise<void> {
    return this.buildMetadatas();
  }
}

describe('hand-written SQL text', () => {
  it('running clocks (dashboard tiles, contract list filter)', () => {
    expect(RUNNING_CLOCKS_SQL).toMatchInlineSnapshot(
      `"k.tenant_id = c.tenant_id AND k.contract_id = c.id AND k.is_current AND k.stop_month IS NULL AND k.ticket_open"`,
    );
    expect(clockOverdueSql('$3')).toMatchInlineSnapshot(
      `"(k.status = 'breached' OR k.deadline <= $3 OR EXISTS (SELECT 1 FROM notifications n WHERE n.tenant_id = k.tenant_id AND n.dedupe_key = 'sla-' || k.ticket_id || '-' || k.target_id || '-100'))"`,
    );
  });

  it('dashboard aggregates', () => {
    expect(DASHBOARD_SQL).toMatchInlineSnapshot(`
"
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
              (k.status = 'breached' OR k.deadline <= $3 OR EXISTS (SELECT 1 FROM notifications n WHERE n.tenant_id = k.tenant_id AND n.dedupe_key = 'sla-' || k.ticket_id || '-' || k.target_id || '-100')) AS over,
              (k.percent_used >= 75 OR EXISTS (SELECT 1 FROM notifications n WHERE n.tenant_id = k.tenant_id AND n.dedupe_key = 'sla-' || k.ticket_id || '-' || k.target_id || '-75')) AS risk
       FROM ticket_sla_clocks k
       WHERE k.tenant_id = c.tenant_id AND k.contract_id = c.id AND k.is_current AND k.stop_month IS NULL AND k.ticket_open
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
ORDER BY c.code, c.id"
`);
  });

  it('SLA scan: the scheduler probe and the scan selection', async () => {
    expect(RUNNING_CLOCK_PROBE_SQL).toMatchInlineSnapshot(`
"SELECT 1 FROM tickets t WHERE t.tenant_id = $1 AND t.state <> ALL($2::text[])
             AND EXISTS (SELECT 1 FROM ticket_events e WHERE e.tenant_id = t.tenant_id AND e.ticket_id = t.id AND e.kind IN ('received', 'submitted')) LIMIT 1"
`);
    const ds = new OfflineDataSource(
      createDataSource({ url: 'postgres://offline@127.0.0.1:1/none' }, { poolSize: 1 }).options,
    );
    await ds.build();
    const [sql] = TicketSlaStore.runningTicketsQuery(
      ds.manager,
      'tenant',
      new Date(0),
      'after',
      500,
    ).getQueryAndParameters();
    expect(sql).toMatchInlineSnapshot(
      `"SELECT "t"."id" AS "t_id", "t"."tenant_id" AS "t_tenant_id", "t"."contract_id" AS "t_contract_id", "t"."number" AS "t_number", "t"."title" AS "t_title", "t"."category" AS "t_category", "t"."business_area" AS "t_business_area", "t"."severity" AS "t_severity", "t"."special_attention" AS "t_special_attention", "t"."expected_close_date" AS "t_expected_close_date", "t"."extended_to" AS "t_extended_to", "t"."state" AS "t_state", "t"."checklist" AS "t_checklist", "t"."config_version" AS "t_config_version", "t"."source" AS "t_source", "t"."created_by" AS "t_created_by", "t"."created_at" AS "t_created_at", "t"."updated_at" AS "t_updated_at" FROM "tickets" "t" WHERE "t"."tenant_id" = $1 AND "t"."state" NOT IN ($2, $3, $4) AND EXISTS (SELECT 1 FROM ticket_events e WHERE e.tenant_id = "t"."tenant_id" AND e.ticket_id = "t"."id" AND e.kind IN ('received', 'submitted') AND e.at <= $5) AND "t"."id" > $6 ORDER BY "t"."id" ASC LIMIT 500"`,
    );
  });

  it('SLA results and warnings (multi-row inserts)', () => {
    expect(INSERT_SLA_RESULTS_SQL).toMatchInlineSnapshot(`
"INSERT INTO ticket_sla_results (tenant_id, contract_id, ticket_id, event_count, config_version, calendar_version, status, targets, evaluated_at)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::int[], $5::int[], $6::text[], $7::text[], $8::jsonb[], $9::timestamptz[]) ON CONFLICT DO NOTHING RETURNING id"
`);
    expect(INSERT_NOTIFICATIONS_SQL).toMatchInlineSnapshot(`
"INSERT INTO notifications (tenant_id, contract_id, ticket_id, dedupe_key, kind, severity, message, details)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::jsonb[]) ON CONFLICT DO NOTHING RETURNING id"
`);
  });

  it('period close: line insert and selects, ticket cursor, tickets digest', () => {
    expect(INSERT_CLOSE_LINE_SQL).toMatchInlineSnapshot(`
"INSERT INTO close_lines (tenant_id, contract_id, close_id, period, line_key, kind, payment_line_id, rule_id, label, amount, basis, formula, reason, corrects_close_id, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) ON CONFLICT (tenant_id, contract_id, line_key) DO NOTHING RETURNING id"
`);
    expect(CLOSE_LINES_OF_CLOSES_SQL).toMatchInlineSnapshot(`
"SELECT id, tenant_id AS "tenantId", contract_id AS "contractId", close_id AS "closeId", period, line_key AS "lineKey", kind,
  payment_line_id AS "paymentLineId", rule_id AS "ruleId", label, amount::text AS amount, basis, formula, reason,
  corrects_close_id AS "correctsCloseId", created_by AS "createdBy", created_at AS "createdAt" FROM close_lines WHERE close_id = ANY($1) OR corrects_close_id = ANY($1) ORDER BY created_at, line_key"
`);
    expect(CLOSE_LINES_OF_CONTRACT_SQL).toMatchInlineSnapshot(`
"SELECT id, tenant_id AS "tenantId", contract_id AS "contractId", close_id AS "closeId", period, line_key AS "lineKey", kind,
  payment_line_id AS "paymentLineId", rule_id AS "ruleId", label, amount::text AS amount, basis, formula, reason,
  corrects_close_id AS "correctsCloseId", created_by AS "createdBy", created_at AS "createdAt" FROM close_lines WHERE contract_id = $1 ORDER BY created_at, line_key"
`);
    expect(TICKET_METRIC_ROWS_SQL).toMatchInlineSnapshot(`
"SELECT t.number, t.state, t.special_attention,
              to_char(t.expected_close_date, 'YYYY-MM-DD') AS expected_close_date, to_char(t.extended_to, 'YYYY-MM-DD') AS extended_to,
              (SELECT e.at FROM ticket_events e
                WHERE e.tenant_id = t.tenant_id AND e.ticket_id = t.id AND e.kind = $3
                ORDER BY e.seq DESC LIMIT 1) AS completed_at
         FROM tickets t WHERE t.tenant_id = $1 AND t.contract_id = $2
        ORDER BY t.created_at, t.number"
`);
    expect(TICKETS_DIGEST_SQL).toMatchInlineSnapshot(`
"SELECT md5(coalesce(string_agg(concat_ws('|', t.number, t.special_attention, t.expected_close_date, t.extended_to, t.state IN ('withdrawn', 'unsolvable'),
              (SELECT extract(epoch FROM e.at) FROM ticket_events e WHERE e.tenant_id = t.tenant_id AND e.ticket_id = t.id AND e.kind = 'deployed' ORDER BY e.seq DESC LIMIT 1)),
            ',' ORDER BY t.number), '')) AS digest
       FROM tickets t WHERE t.contract_id = $1 AND (t.expected_close_date <= $2::date OR t.extended_to <= $2::date)"
`);
  });

  it('calendar recomputation: stale results page and per-contract counts', () => {
    expect(STALE_RESULTS_SQL).toMatchInlineSnapshot(`
"SELECT r.id, r.contract_id, r.ticket_id, r.event_count, r.config_version, r.calendar_version, r.targets, r.evaluated_at
           FROM ticket_sla_results r
          WHERE r.tenant_id = $1 AND NOT starts_with(r.calendar_version, $2 || '+cfg-') AND ($3::uuid IS NULL OR r.id > $3::uuid)
            -- A result already recomputed is represented by its successor (the chain goes on from there).
            AND NOT EXISTS (SELECT 1 FROM ticket_sla_results n WHERE n.supersedes_id = r.id)
          ORDER BY r.id LIMIT 500"
`);
    expect(RECOMPUTED_COUNTS_SQL).toMatchInlineSnapshot(`
"SELECT n.contract_id, count(*)::text AS recomputed,
              count(*) FILTER (WHERE (SELECT jsonb_agg(jsonb_build_array(t->'targetId', t->'deadline', t->'status', t->'elapsedMinutes', t->'provisional')) FROM jsonb_array_elements(n.targets) t)
                           IS DISTINCT FROM (SELECT jsonb_agg(jsonb_build_array(t->'targetId', t->'deadline', t->'status', t->'elapsedMinutes', t->'provisional')) FROM jsonb_array_elements(o.targets) t))::text AS changed
         FROM ticket_sla_results n JOIN ticket_sla_results o ON o.id = n.supersedes_id
        WHERE n.tenant_id = $1 AND starts_with(n.calendar_version, $2 || '+cfg-')
        GROUP BY n.contract_id ORDER BY n.contract_id"
`);
  });

  it('finance export: latest schedules and close lines', () => {
    expect(EXPORT_SCHEDULES_SQL).toMatchInlineSnapshot(`
"SELECT DISTINCT ON (contract_id) contract_id, schedule, config_version, calendar_version, to_char(as_of, 'YYYY-MM-DD') AS as_of
         FROM payment_schedules
        WHERE tenant_id = $1 AND contract_id = ANY($2::uuid[])
        ORDER BY contract_id, computed_at DESC, id DESC"
`);
    expect(EXPORT_CLOSE_LINES_SQL).toMatchInlineSnapshot(`
"SELECT l.contract_id, l.line_key, l.kind, l.payment_line_id, l.rule_id, l.label, l.amount::text AS amount, l.basis, l.formula, l.reason, l.period, p.status AS close_status
         FROM close_lines l
         LEFT JOIN period_closes p ON p.tenant_id = l.tenant_id AND p.id = l.close_id
        WHERE l.tenant_id = $1 AND l.contract_id = ANY($2::uuid[]) AND (p.status IS NULL OR p.status <> 'reopened')
        ORDER BY l.created_at, l.line_key"
`);
  });

  it('job outbox: record, claim (advisory lock), reconciler selection', () => {
    expect(RECORD_JOB_SQL).toMatchInlineSnapshot(
      `"INSERT INTO jobs (id, tenant_id, queue, name, payload, requested_by, vendor_org_id) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (id) DO NOTHING"`,
    );
    expect(LOCK_JOB_KEY_SQL).toMatchInlineSnapshot(`"SELECT pg_advisory_xact_lock(hashtextextended($1, 0))"`);
    expect(STALE_JOBS_SQL).toMatchInlineSnapshot(
      `"SELECT * FROM jobs WHERE status = 'queued' AND updated_at < now() - make_interval(secs => $1) ORDER BY updated_at LIMIT $2"`,
    );
  });
});
