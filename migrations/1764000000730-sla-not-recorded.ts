import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * SLA targets "not recorded" (issue 12, domain.md rule 13): on a ticket that ended (closed, or unsolvable by
 * agreement) without a target's stop event, the engine now reports `not_recorded`, read to the end instead of a clock
 * running on to today. The dashboard projection (1764000000520) learns the status:
 *  - `ticket_sla_clocks.status` accepts 'not_recorded'; such a clock's `stopped_at`/`stop_month` is the ticket's end
 *    (the result's `explanation.params.until`), so it is counted in the month the ticket ended;
 *  - `ticket_sla_month_counts.not_recorded`: counted apart — neither met nor breached (before, everything not met
 *    was counted as breached).
 * Backfill: results stored before this change said 'breached' or 'running' for such a clock with no stop. A current
 * clock of an ended ticket with no stop is exactly that case (the latest result was computed after the end), so it
 * becomes not_recorded at the ticket's first closed/unsolvable event (month on Beijing time, the zone of every
 * contract so far); the month counts are then rebuilt from the clocks. Stored results themselves are never rewritten.
 */
export class SlaNotRecorded1764000000730 implements MigrationInterface {
  name = 'SlaNotRecorded1764000000730';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE ticket_sla_clocks DROP CONSTRAINT ticket_sla_clocks_status_check;
      ALTER TABLE ticket_sla_clocks ADD CONSTRAINT ticket_sla_clocks_status_check CHECK (status IN ('met', 'breached', 'running', 'not_recorded'));
      ALTER TABLE ticket_sla_month_counts ADD COLUMN not_recorded int NOT NULL DEFAULT 0;
    `);
    await q.query(`
      CREATE OR REPLACE FUNCTION ticket_sla_clocks_project() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_advisory_xact_lock(hashtext('ticket_sla_clocks'), hashtext(x.contract_id::text))
          FROM (SELECT DISTINCT contract_id FROM new_results ORDER BY contract_id) x;
        WITH latest AS (
          SELECT DISTINCT ON (n.tenant_id, n.ticket_id) n.*
          FROM new_results n
          ORDER BY n.tenant_id, n.ticket_id, n.event_count DESC, n.evaluated_at DESC, n.computed_at DESC, n.id DESC
        ), fresh AS (
          SELECT l.tenant_id, l.contract_id, l.ticket_id, l.id AS result_id, l.targets, t.severity, t.state NOT IN ('closed', 'withdrawn', 'unsolvable') AS ticket_open
          FROM latest l
          JOIN tickets t ON t.tenant_id = l.tenant_id AND t.id = l.ticket_id
          WHERE NOT EXISTS (
            SELECT 1 FROM ticket_sla_results r
            WHERE r.tenant_id = l.tenant_id AND r.ticket_id = l.ticket_id AND r.id <> l.id
              AND (r.event_count, r.evaluated_at, r.computed_at) > (l.event_count, l.evaluated_at, l.computed_at))
        ), elements AS (
          SELECT f.*, e.value AS target,
                 -- A not-recorded clock ends with the ticket: its stop is the end the engine read it to.
                 coalesce(e.value->>'stop', CASE WHEN e.value->>'status' = 'not_recorded' THEN e.value->'explanation'->'params'->>'until' END) AS stop_text
          FROM fresh f CROSS JOIN LATERAL jsonb_array_elements(f.targets) e
        ), targets AS (
          SELECT x.tenant_id, x.contract_id, x.ticket_id, x.result_id, x.severity, x.ticket_open,
                 x.target->>'targetId' AS target_id, coalesce(x.target->>'name', x.target->>'targetId') AS target_name, x.target->>'status' AS status,
                 x.stop_text::timestamptz AS stopped_at, left(x.stop_text, 7) AS stop_month,
                 (x.target->>'deadline')::timestamptz AS deadline, (x.target->>'percentUsed')::numeric AS percent_used
          FROM elements x
        ), delta AS (
          SELECT x.tenant_id, x.contract_id, x.stop_month, x.severity, x.target_id, max(x.target_name) AS target_name,
                 sum(CASE WHEN x.status = 'met' THEN x.d ELSE 0 END)::int AS met,
                 sum(CASE WHEN x.status = 'breached' THEN x.d ELSE 0 END)::int AS breached,
                 sum(CASE WHEN x.status = 'not_recorded' THEN x.d ELSE 0 END)::int AS not_recorded
          FROM (
            SELECT k.tenant_id, k.contract_id, k.stop_month, k.severity, k.target_id, k.target_name, k.status, -1 AS d
            FROM ticket_sla_clocks k JOIN fresh f ON k.tenant_id = f.tenant_id AND k.ticket_id = f.ticket_id
            WHERE k.is_current AND k.stop_month IS NOT NULL
            UNION ALL
            SELECT t.tenant_id, t.contract_id, t.stop_month, t.severity, t.target_id, t.target_name, t.status, 1 AS d
            FROM targets t WHERE t.stop_month IS NOT NULL
          ) x
          GROUP BY x.tenant_id, x.contract_id, x.stop_month, x.severity, x.target_id
        ), counted AS (
          INSERT INTO ticket_sla_month_counts AS c (tenant_id, contract_id, month, severity, target_id, target_name, met, breached, not_recorded)
          SELECT tenant_id, contract_id, stop_month, severity, target_id, target_name, met, breached, not_recorded FROM delta WHERE met <> 0 OR breached <> 0 OR not_recorded <> 0
          ON CONFLICT (tenant_id, contract_id, month, severity, target_id) DO UPDATE SET
            met = c.met + EXCLUDED.met, breached = c.breached + EXCLUDED.breached, not_recorded = c.not_recorded + EXCLUDED.not_recorded, target_name = EXCLUDED.target_name
          RETURNING 1
        ), gone AS (
          UPDATE ticket_sla_clocks k SET is_current = false, updated_at = now()
          FROM fresh f
          WHERE k.tenant_id = f.tenant_id AND k.ticket_id = f.ticket_id AND k.is_current
            AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements(f.targets) e WHERE e.value->>'targetId' = k.target_id)
          RETURNING 1
        )
        INSERT INTO ticket_sla_clocks (tenant_id, contract_id, ticket_id, target_id, target_name, severity, result_id, status, stopped_at, stop_month, deadline, percent_used, ticket_open, is_current, updated_at)
        SELECT tenant_id, contract_id, ticket_id, target_id, target_name, severity, result_id, status, stopped_at, stop_month, deadline, percent_used, ticket_open, true, now()
        FROM targets
        ON CONFLICT (tenant_id, ticket_id, target_id) DO UPDATE SET
          contract_id = EXCLUDED.contract_id, target_name = EXCLUDED.target_name, severity = EXCLUDED.severity, result_id = EXCLUDED.result_id,
          status = EXCLUDED.status, stopped_at = EXCLUDED.stopped_at, stop_month = EXCLUDED.stop_month, deadline = EXCLUDED.deadline,
          percent_used = EXCLUDED.percent_used, ticket_open = EXCLUDED.ticket_open, is_current = true, updated_at = EXCLUDED.updated_at;
        RETURN NULL;
      END $$;
    `);

    const tables = ['ticket_sla_clocks', 'ticket_sla_month_counts', 'ticket_events'];
    await q.query(tables.map((t) => `ALTER TABLE ${t} NO FORCE ROW LEVEL SECURITY;`).join('\n'));
    await q.query(`
      UPDATE ticket_sla_clocks k
         SET status = 'not_recorded', stopped_at = e.ended_at, stop_month = to_char(e.ended_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM'), updated_at = now()
        FROM (SELECT tenant_id, ticket_id, min(at) AS ended_at FROM ticket_events WHERE kind IN ('closed', 'unsolvable') GROUP BY tenant_id, ticket_id) e
       WHERE k.tenant_id = e.tenant_id AND k.ticket_id = e.ticket_id AND k.is_current AND NOT k.ticket_open AND k.stopped_at IS NULL;
      DELETE FROM ticket_sla_month_counts;
      INSERT INTO ticket_sla_month_counts (tenant_id, contract_id, month, severity, target_id, target_name, met, breached, not_recorded)
      SELECT tenant_id, contract_id, stop_month, severity, target_id, max(target_name),
             count(*) FILTER (WHERE status = 'met'), count(*) FILTER (WHERE status = 'breached'), count(*) FILTER (WHERE status = 'not_recorded')
      FROM ticket_sla_clocks WHERE is_current AND stop_month IS NOT NULL
      GROUP BY tenant_id, contract_id, stop_month, severity, target_id;
    `);
    await q.query(tables.map((t) => `ALTER TABLE ${t} FORCE ROW LEVEL SECURITY;`).join('\n'));
  }

  async down(q: QueryRunner): Promise<void> {
    // Not-recorded clocks become "not met" again, as 1764000000520 counted them; the wider CHECK and the column stay
    // (the function above writes them, and readers of the earlier schema ignore them).
    await q.query(`
      UPDATE ticket_sla_month_counts SET breached = breached + not_recorded, not_recorded = 0 WHERE not_recorded <> 0;
    `);
  }
}
