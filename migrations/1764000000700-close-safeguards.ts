import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A safe close (issue 12, point 5).
 *
 *  - inputs_digest: a digest per kind of input (period inputs, tickets, accepted reports) taken when the close is
 *    requested. A later request compares it with the ledger: a pending or draft close whose inputs changed is
 *    superseded by the next revision; a confirmed one is reported as changed (it is never recomputed).
 *  - reopen_code / reopen_changes: why a close was superseded by the system (INPUTS_CHANGED and which inputs),
 *    beside the buyer's free-text reopen_reason; rendered from the console's dictionaries.
 *  - confirm_reason / confirmed_missing: a close confirmed while inputs were missing records the buyer's reason and
 *    the missing inputs it was confirmed without.
 *
 * The guard trigger already lets a draft's status and confirmation columns change; the new columns are set once,
 * at insert (digest), at confirm (reason) or at reopen (code), and a confirmed or reopened close stays immutable.
 */
export class CloseSafeguards1764000000700 implements MigrationInterface {
  name = 'CloseSafeguards1764000000700';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE period_closes
        ADD COLUMN inputs_digest jsonb,
        ADD COLUMN reopen_code text CHECK (reopen_code IN ('INPUTS_CHANGED')),
        ADD COLUMN reopen_changes text[],
        ADD COLUMN confirm_reason text,
        ADD COLUMN confirmed_missing jsonb,
        ADD CONSTRAINT period_closes_confirm_reason_check CHECK (confirmed_missing IS NULL OR (confirm_reason IS NOT NULL AND confirm_reason <> ''));
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE period_closes DROP CONSTRAINT period_closes_confirm_reason_check,
        DROP COLUMN confirmed_missing, DROP COLUMN confirm_reason, DROP COLUMN reopen_changes, DROP COLUMN reopen_code, DROP COLUMN inputs_digest;
    `);
  }
}
