import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the contract dashboard (apps/api/src/dashboard) reads, kept cheap at SaaS scale (issue 5):
 *
 *  - `ticket_sla_clocks`: one row per ticket and SLA target with the target's state in the ticket's **latest**
 *    stored result (`ticket_sla_results`; latest = event count, then evaluation, then computation time — the order of
 *    `ticketSlaHistory`), and whether the ticket was open then. Without it, "SLA compliance this month" means
 *    finding the latest result of every ticket of the contract and unpacking its targets on each request: O(tickets
 *    of the contract). The running tiles read the open tickets' running clocks only (a partial, covering index).
 *  - `ticket_sla_month_counts`: the current clocks that stopped in each month, met and breached, per severity and
 *    target: the month's compliance tiles are a handful of rows whatever the contract's size.
 *  Both are a projection derived entirely from `ticket_sla_results`, kept by a statement-level trigger on it
 *  (set-based: a COPY or a batched insert of many results costs one pass, not a trigger per row); no application code
 *  writes them. Concurrent result inserts for one contract are serialised by a transaction-level advisory lock on
 *  the contract taken in the trigger, so "is this the latest result" is decided on committed data and the counts move
 *  by exact deltas. A target that disappears from a ticket's latest result (a configuration change) is marked
 *  `is_current = false`, never deleted: the application role gets no DELETE, as everywhere else.
 *  - `payment_schedules (contract_id, computed_at DESC, id)` and `payments (contract_id, paid_on, created_at)`:
 *    ScheduleStore (paymentSchedule) reads by contract id alone (`WHERE contract_id = ANY($1)`); the existing
 *    indexes lead with tenant_id, which that query does not give (row-level security adds `tenant_id =
 *    app_tenant_id() OR …`, an OR no index can use), so the planner read every tenant's snapshots and payments.
 *
 * Same pattern as the other tables: RLS enabled and forced, read by the contract's tenant and the vendor holding
 * it, written in the tenant's scope (the SLA jobs run there); not audited (derived data, like ticket_sla_results).
 * The policies compare with `(SELECT app_tenant_id())`, evaluated once per statement rather than once per row.
 */
export class DashboardIndexes1764000000520 implements MigrationInterface {
  name = 'DashboardIndexes1764000000520';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE ticket_sla_clocks (
        tenant_id uuid NOT NULL,
        contract_id uuid NOT NULL,
        ticket_id uuid NOT NULL,
        target_id text NOT NULL,
        target_name text NOT NULL,
        severity text NOT NULL,
        -- The stored result this row reflects (the ticket's latest when is_current).
        result_id uuid NOT NULL,
        status text NOT NULL CHECK (status IN ('met', 'breached', 'running')),
        stopped_at timestamptz,
        -- YYYY-MM of the stop on the contract's calendar (the stored instant carries the calendar's offset).
        stop_month text CHECK (stop_month IS NULL OR stop_month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
        deadline timestamptz NOT NULL,
        percent_used numeric(12, 2) NOT NULL,
        -- The ticket was not closed, withdrawn or unsolvable when this result was projected (every ticket event
        -- stores a new result, so this follows the ticket's state).
        ticket_open boolean NOT NULL,
        is_current boolean NOT NULL DEFAULT true,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, ticket_id, target_id),
        -- No foreign key to tickets: rows are written only by the trigger below, from a result joined to its ticket
        -- (the result has that foreign key); checking it again per clock doubled the cost of a bulk load of results.
        CHECK ((stop_month IS NULL) = (stopped_at IS NULL))
      );
      -- Running clocks of open tickets (a small share of a contract's clocks), index-only.
      CREATE INDEX ticket_sla_clocks_running_idx ON ticket_sla_clocks (tenant_id, contract_id, severity, target_id)
        INCLUDE (ticket_id, status, deadline, percent_used, target_name) WHERE is_current AND stop_month IS NULL AND ticket_open;

      -- The current clocks that stopped in a month, counted per severity and target (kept with the projection).
      CREATE TABLE ticket_sla_month_counts (
        tenant_id uuid NOT NULL,
        contract_id uuid NOT NULL,
        month text NOT NULL CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
        severity text NOT NULL,
        target_id text NOT NULL,
        target_name text NOT NULL,
        met int NOT NULL,
        breached int NOT NULL,
        PRIMARY KEY (tenant_id, contract_id, month, severity, target_id),
        FOREIGN KEY (tenant_id, contract_id) REFERENCES contracts (tenant_id, id)
      );
    `);
    for (const table of ['ticket_sla_clocks', 'ticket_sla_month_counts']) {
      // The tenant setting is read once per statement (an InitPlan), not once per row as app_tenant_id() inline is.
      await q.query(`
        ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;
        ALTER TABLE ${table} FORCE ROW LEVEL SECURITY;
        CREATE POLICY ${table}_read ON ${table} FOR SELECT USING (tenant_id = (SELECT app_tenant_id()) OR app_vendor_holds(tenant_id, contract_id));
        CREATE POLICY ${table}_insert ON ${table} FOR INSERT WITH CHECK (tenant_id = (SELECT app_tenant_id()));
        CREATE POLICY ${table}_update ON ${table} FOR UPDATE USING (tenant_id = (SELECT app_tenant_id())) WITH CHECK (tenant_id = (SELECT app_tenant_id()));
        GRANT SELECT, INSERT, UPDATE ON ${table} TO ledger_app;
      `);
    }

    await q.query(`
      -- Projects the inserted results (a transition table: one pass per statement) onto ticket_sla_clocks and the
      -- month counts. All the CTEs read the state before the statement: the counts move by (new stopped clocks) −
      -- (the previous current stopped clocks) of the tickets whose latest result this is.
      CREATE FUNCTION ticket_sla_clocks_project() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- One writer per contract at a time, so the latest-result test below sees every committed result.
        PERFORM pg_advisory_xact_lock(hashtext('ticket_sla_clocks'), hashtext(x.contract_id::text))
          FROM (SELECT DISTINCT contract_id FROM new_results ORDER BY contract_id) x;
        -- A new statement: under READ COMMITTED it sees what the lock holder committed.
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
        ), targets AS (
          SELECT f.tenant_id, f.contract_id, f.ticket_id, f.result_id, f.severity, f.ticket_open,
                 e.value->>'targetId' AS target_id, coalesce(e.value->>'name', e.value->>'targetId') AS target_name, e.value->>'status' AS status,
                 (e.value->>'stop')::timestamptz AS stopped_at, left(e.value->>'stop', 7) AS stop_month,
                 (e.value->>'deadline')::timestamptz AS deadline, (e.value->>'percentUsed')::numeric AS percent_used
          FROM fresh f CROSS JOIN LATERAL jsonb_array_elements(f.targets) e
        ), delta AS (
          SELECT x.tenant_id, x.contract_id, x.stop_month, x.severity, x.target_id, max(x.target_name) AS target_name,
                 sum(CASE WHEN x.status = 'met' THEN x.d ELSE 0 END)::int AS met, sum(CASE WHEN x.status = 'met' THEN 0 ELSE x.d END)::int AS breached
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
          INSERT INTO ticket_sla_month_counts AS c (tenant_id, contract_id, month, severity, target_id, target_name, met, breached)
          SELECT tenant_id, contract_id, stop_month, severity, target_id, target_name, met, breached FROM delta WHERE met <> 0 OR breached <> 0
          ON CONFLICT (tenant_id, contract_id, month, severity, target_id) DO UPDATE SET
            met = c.met + EXCLUDED.met, breached = c.breached + EXCLUDED.breached, target_name = EXCLUDED.target_name
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
      CREATE TRIGGER ticket_sla_results_project AFTER INSERT ON ticket_sla_results
        REFERENCING NEW TABLE AS new_results FOR EACH STATEMENT EXECUTE FUNCTION ticket_sla_clocks_project();
    `);

    // Results stored before this migration. The owner is subject to the forced policies (no tenant set here), so
    // they are lifted for the backfill and forced again in the same transaction.
    const tables = ['ticket_sla_results', 'tickets', 'ticket_sla_clocks', 'ticket_sla_month_counts'];
    await q.query(tables.map((t) => `ALTER TABLE ${t} NO FORCE ROW LEVEL SECURITY;`).join('\n'));
    await q.query(`
      INSERT INTO ticket_sla_clocks (tenant_id, contract_id, ticket_id, target_id, target_name, severity, result_id, status, stopped_at, stop_month, deadline, percent_used, ticket_open)
      SELECT l.tenant_id, l.contract_id, l.ticket_id, e.value->>'targetId', coalesce(e.value->>'name', e.value->>'targetId'), t.severity, l.id, e.value->>'status',
             (e.value->>'stop')::timestamptz, left(e.value->>'stop', 7), (e.value->>'deadline')::timestamptz, (e.value->>'percentUsed')::numeric,
             t.state NOT IN ('closed', 'withdrawn', 'unsolvable')
      FROM (SELECT DISTINCT ON (tenant_id, ticket_id) * FROM ticket_sla_results
            ORDER BY tenant_id, ticket_id, event_count DESC, evaluated_at DESC, computed_at DESC, id DESC) l
      JOIN tickets t ON t.tenant_id = l.tenant_id AND t.id = l.ticket_id
      CROSS JOIN LATERAL jsonb_array_elements(l.targets) e;
      INSERT INTO ticket_sla_month_counts (tenant_id, contract_id, month, severity, target_id, target_name, met, breached)
      SELECT tenant_id, contract_id, stop_month, severity, target_id, max(target_name), count(*) FILTER (WHERE status = 'met'), count(*) FILTER (WHERE status <> 'met')
      FROM ticket_sla_clocks WHERE is_current AND stop_month IS NOT NULL
      GROUP BY tenant_id, contract_id, stop_month, severity, target_id;
    `);
    await q.query(tables.map((t) => `ALTER TABLE ${t} FORCE ROW LEVEL SECURITY;`).join('\n'));

    await q.query(`
      CREATE INDEX payment_schedules_contract_latest_idx ON payment_schedules (contract_id, computed_at DESC, id);
      CREATE INDEX payments_contract_paid_idx ON payments (contract_id, paid_on, created_at);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX payments_contract_paid_idx;
      DROP INDEX payment_schedules_contract_latest_idx;
      DROP TRIGGER ticket_sla_results_project ON ticket_sla_results;
      DROP FUNCTION ticket_sla_clocks_project();
      DROP TABLE ticket_sla_month_counts, ticket_sla_clocks;
    `);
  }
}
