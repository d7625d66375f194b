import { CN_NATIONAL_CALENDAR } from '@ledger/sla';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The national working-day calendar as versioned data (issue 13, domain rule 18). Before, the years were compiled
 * into libs/sla and a new year needed a release; now the running system reads them from here:
 *  - `national_calendar_years`: one row per publication of a year, append-only, in `id` order. The calendar "as of
 *    id S" is, per year, the latest row with id ≤ S (composeNationalCalendar in libs/sla), so every stored result's
 *    calendar version can be rebuilt. `source`: 'shipped' (seeded from the data shipped with the product when the
 *    database is first started), 'package' (a year a later release ships, loaded into an existing database),
 *    'admin' (published at run time by the platform admin from the State Council notice — notice required).
 *    Rows are loaded at start in the system scope; the platform admin inserts; everyone signed in reads (the table
 *    holds no tenant data). Audited like every platform table.
 *  - `ticket_sla_results.previous_calendar_version` / `supersedes_id`: a result recomputed because the calendar it
 *    used changed (a provisional year published, a correction) names the result and the version it replaces; the
 *    old row stays (results are never rewritten).
 *  - the system scope may read tenant ids (to ask each tenant's recomputation after a publication).
 * The years shipped with this release are loaded here (source 'shipped'); a later release's new or changed years
 * are loaded at start by NationalCalendarSync (source 'package'), which also asks for the recomputation.
 */
export class NationalCalendar1764000000800 implements MigrationInterface {
  name = 'NationalCalendar1764000000800';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE national_calendar_years (
        id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        year int NOT NULL CHECK (year BETWEEN 1949 AND 2200),
        holidays jsonb NOT NULL,
        make_up_workdays jsonb NOT NULL,
        source text NOT NULL CHECK (source IN ('shipped', 'package', 'admin')),
        release text,
        notice jsonb,
        correction text,
        published_by uuid REFERENCES users (id),
        published_at timestamptz NOT NULL DEFAULT now(),
        CHECK (source = 'admin' OR release IS NOT NULL),
        CHECK (source <> 'admin' OR notice IS NOT NULL)
      );
      CREATE INDEX national_calendar_years_year_idx ON national_calendar_years (year, id);
      ALTER TABLE national_calendar_years ENABLE ROW LEVEL SECURITY;
      ALTER TABLE national_calendar_years FORCE ROW LEVEL SECURITY;
      CREATE POLICY national_calendar_years_read ON national_calendar_years FOR SELECT USING (true);
      CREATE POLICY national_calendar_years_insert ON national_calendar_years FOR INSERT
        WITH CHECK ((app_is_platform_admin() AND source = 'admin') OR (app_is_system() AND source IN ('shipped', 'package')));
      CREATE TRIGGER national_calendar_years_append_only BEFORE UPDATE OR DELETE ON national_calendar_years FOR EACH ROW EXECUTE FUNCTION reject_change();
      CREATE TRIGGER national_calendar_years_audit AFTER INSERT ON national_calendar_years FOR EACH ROW EXECUTE FUNCTION audit_row();
      GRANT SELECT, INSERT ON national_calendar_years TO ledger_app;

      ALTER TABLE ticket_sla_results ADD COLUMN previous_calendar_version text, ADD COLUMN supersedes_id uuid REFERENCES ticket_sla_results (id);
      CREATE INDEX ticket_sla_results_supersedes_idx ON ticket_sla_results (supersedes_id) WHERE supersedes_id IS NOT NULL;

      CREATE POLICY tenants_read_system ON tenants FOR SELECT USING (app_is_system());
    `);
    // The insert policy admits shipped rows in the system scope only (transaction-local, like the application's).
    await q.query(`SELECT set_config('app.system', 'on', true), set_config('app.operation', 'calendar:seed', true)`);
    for (const y of CN_NATIONAL_CALENDAR.years) {
      await q.query(
        `INSERT INTO national_calendar_years (year, holidays, make_up_workdays, source, release) VALUES ($1, $2, $3, 'shipped', $4)`,
        [y.year, JSON.stringify(y.holidays), JSON.stringify(y.makeUpWorkdays), CN_NATIONAL_CALENDAR.version],
      );
    }
    await q.query(`SELECT set_config('app.system', '', true), set_config('app.operation', '', true)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP POLICY tenants_read_system ON tenants;
      ALTER TABLE ticket_sla_results DROP COLUMN supersedes_id, DROP COLUMN previous_calendar_version;
      DROP TABLE national_calendar_years;
    `);
  }
}
