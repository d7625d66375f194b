import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The contract rows a vendor reads through `app_vendor_holds(tenant_id, contract_id)` in their SELECT policy. */
const TABLES = [
  'close_lines',
  'monthly_reports',
  'notifications',
  'payment_schedules',
  'payments',
  'period_closes',
  'period_inputs',
  'staff_members',
  'staff_replacements',
  'ticket_sla_clocks',
  'ticket_sla_month_counts',
  'ticket_sla_results',
] as const;

/** Those the dashboard migration (1764000000520) wrote with the tenant setting as an InitPlan. */
const INIT_PLAN_TENANT = new Set<string>(['ticket_sla_clocks', 'ticket_sla_month_counts']);

/**
 * The vendor's dashboards as fast as a buyer's per contract (issue 15, point 2). The SELECT policies of the contract
 * rows admitted the vendor with `app_vendor_holds(tenant_id, contract_id)`: a SQL function with a sub-select, which
 * the planner cannot inline, so it ran once per row read — a lookup of the contract (under its own policy) for every
 * running clock, month count, notification… of every contract. The buyer's arm (`tenant_id = app_tenant_id()`) is a
 * comparison; the vendor paid a function call per row on top (measured: one contract of 283 running clocks 6.4 ms for
 * the vendor against 1.1 ms for the buyer; the fault run's large contracts 1.1 s against 0.2 s).
 *
 * The same predicate as a row IN an uncorrelated sub-select over the vendor's contracts: PostgreSQL runs it once per
 * statement into a hash table (a "hashed SubPlan") and probes it per row. Same rows admitted: the contracts of the
 * scope's vendor organisation, read under contracts_read (row-level security still applies inside the sub-select),
 * matched on tenant and contract; nothing when no vendor is set (`vendor_org_id = NULL` holds for no row). The
 * tenant setting is read once per statement too (an InitPlan), as in 1764000000520; the buyer's arm comes first, so a
 * tenant scope never builds the hash. INSERT and UPDATE policies keep `app_vendor_holds` (one row each).
 */
export class VendorReadPolicies1764000000970 implements MigrationInterface {
  name = 'VendorReadPolicies1764000000970';

  async up(q: QueryRunner): Promise<void> {
    for (const table of TABLES)
      await q.query(`
        DROP POLICY ${table}_read ON ${table};
        CREATE POLICY ${table}_read ON ${table} FOR SELECT USING (
          tenant_id = (SELECT app_tenant_id())
          OR (tenant_id, contract_id) IN (SELECT c.tenant_id, c.id FROM contracts c WHERE c.vendor_org_id = (SELECT app_vendor_org_id())));
      `);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of TABLES) {
      const tenant = INIT_PLAN_TENANT.has(table) ? '(SELECT app_tenant_id())' : 'app_tenant_id()';
      await q.query(`
        DROP POLICY ${table}_read ON ${table};
        CREATE POLICY ${table}_read ON ${table} FOR SELECT USING (tenant_id = ${tenant} OR app_vendor_holds(tenant_id, contract_id));
      `);
    }
  }
}
