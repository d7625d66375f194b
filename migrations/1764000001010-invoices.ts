import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * VAT invoices the buyer received for payment lines (Qinghai 002:428 "每次付款前，乙方应按应付金额向甲方提供增值税普通发票"):
 * the `invoice-received` payment condition reads them. Finance (the tenant) records them; the vendor reads; no line is
 * changed or deleted (a reissued invoice is a new row: the latest is read). Same invoice number once per line.
 */
export class Invoices1764000001010 implements MigrationInterface {
  name = 'Invoices1764000001010';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE invoices (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL,
        contract_id uuid NOT NULL,
        line_id text NOT NULL CHECK (line_id <> ''),
        number text NOT NULL CHECK (btrim(number) <> ''),
        amount numeric(18, 2) NOT NULL CHECK (amount > 0),
        received_on date NOT NULL,
        recorded_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        UNIQUE (id),
        UNIQUE (tenant_id, contract_id, line_id, number),
        FOREIGN KEY (tenant_id, contract_id) REFERENCES contracts (tenant_id, id)
      );
      CREATE INDEX invoices_contract_idx ON invoices (tenant_id, contract_id);
      ALTER TABLE invoices ENABLE ROW LEVEL SECURITY;
      ALTER TABLE invoices FORCE ROW LEVEL SECURITY;
      CREATE POLICY invoices_read ON invoices FOR SELECT USING (
        tenant_id = (SELECT app_tenant_id())
        OR (tenant_id, contract_id) IN (SELECT c.tenant_id, c.id FROM contracts c WHERE c.vendor_org_id = (SELECT app_vendor_org_id())));
      CREATE POLICY invoices_insert ON invoices FOR INSERT WITH CHECK (tenant_id = app_tenant_id());
      CREATE TRIGGER invoices_audit AFTER INSERT OR UPDATE OR DELETE ON invoices FOR EACH ROW EXECUTE FUNCTION audit_row();
      GRANT SELECT, INSERT ON invoices TO ledger_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE invoices;`);
  }
}
