import { Injectable, Logger } from '@nestjs/common';
import type { JobPayload, Schedule } from '@ledger/contracts';
import { TenantDatabase } from '@ledger/persistence';
import type { EntityManager } from 'typeorm';
import { jobScope, UnrecoverableJobError, type JobHandler, type JobRun } from '@ledger/jobs';
import { JobOutbox, lockJobKey } from '@ledger/jobs';
import {
  CONTENT_TYPES,
  exportFileName,
  toCsv,
  toXlsx,
  type ExportCloseLine,
  type ScheduleExportItem,
} from './schedule-export';
import { RenderExportStore, type ExportJobRow, type ExportScheduleRow } from './render-export.store';

export type RenderExportResult = {
  exportId: string;
  status: 'ready' | 'failed' | 'queued';
  fileName?: string;
  bytes?: number;
  error?: string;
  noop?: boolean;
};

/** A stored schedule that cannot be rendered: rendering is pure, so retrying would fail the same way. */
class ExportRenderError extends Error {}

function assertSchedule(code: string, s: unknown): asserts s is Schedule {
  const x = s as Partial<Schedule> | null;
  if (
    !x ||
    !Array.isArray(x.lines) ||
    typeof x.totals !== 'object' ||
    typeof x.vendorBalanceOwed !== 'string' ||
    !Array.isArray(x.notes)
  ) {
    throw new ExportRenderError(
      `the stored payment schedule of ${code} is not a schedule (lines, totals, vendorBalanceOwed, notes)`,
    );
  }
}

/**
 * Renders a finance export (CSV or XLSX) of the contract's current payment schedule — the latest stored
 * `payment_schedules` row by computed_at — or of every contract of the tenant when the export has no contract.
 *
 * One transaction in the tenant's scope: advisory lock on the job id, the export row (gone → unrecoverable; no
 * longer queued → the work is done, complete as a no-op), the schedules, names and close lines, then the file and
 * `status = 'ready'` (or `'failed'` with the reason) written once, and the job completed in the same transaction.
 *
 * No stored schedule: a one-contract export fails with a clear error rather than computing a schedule here. The
 * export is a finance document and shows exactly the snapshot the ledger stored (with its configuration version,
 * calendar version and date); computing another one here would duplicate the recompute-schedule job and could
 * differ from it. A tenant-wide export leaves such contracts out and names them in its header; it fails only when
 * no contract has a schedule.
 */
@Injectable()
export class RenderExportJob implements JobHandler<'render-export'> {
  readonly name = 'render-export' as const;
  private readonly logger = new Logger('RenderExportJob');

  constructor(private readonly db: TenantDatabase) {}

  handle(payload: JobPayload<'render-export'>, run: JobRun): Promise<RenderExportResult> {
    return this.db.run(jobScope(payload.tenantId, run), async (em) => {
      await lockJobKey(em, run.id);
      const row = await RenderExportStore.exportRow(em, payload.exportId, payload.tenantId);
      if (!row)
        throw new UnrecoverableJobError(`export ${payload.exportId} does not exist in tenant ${payload.tenantId}`);
      if (row.status !== 'queued') {
        const result: RenderExportResult = { exportId: row.id, status: row.status, noop: true };
        await JobOutbox.complete(em, run.id, result);
        return result;
      }

      let result: RenderExportResult;
      try {
        result = await this.render(em, row);
      } catch (e) {
        if (!(e instanceof ExportRenderError)) throw e;
        result = await this.fail(em, row, e.message);
      }
      await JobOutbox.complete(em, run.id, result);
      return result;
    });
  }

  private async render(em: EntityManager, row: ExportJobRow): Promise<RenderExportResult> {
    const tenantWide = row.contract_id === null;
    const contracts = await RenderExportStore.contracts(em, row.tenant_id, row.contract_id);
    if (contracts.length === 0)
      return this.fail(
        em,
        row,
        tenantWide ? 'the tenant has no contracts: nothing to export' : `contract ${row.contract_id} no longer exists`,
      );
    const ids = contracts.map((c) => c.id);
    const schedules = await RenderExportStore.schedules(em, row.tenant_id, ids);
    const byContract = new Map(schedules.map((s) => [s.contract_id, s]));
    const missing = contracts.filter((c) => !byContract.has(c.id)).map((c) => c.code);
    if (missing.length === contracts.length) {
      return this.fail(
        em,
        row,
        `no payment schedule has been computed yet for ${tenantWide ? 'any contract of the tenant' : `contract ${contracts[0].code}`} (a schedule is stored when a period close is confirmed, or a payment or adjustment is recorded); nothing to export`,
      );
    }
    const lineRows = await RenderExportStore.closeLines(em, row.tenant_id, ids);

    const items: ScheduleExportItem[] = contracts
      .filter((c) => byContract.has(c.id))
      .map((c) => {
        const s = byContract.get(c.id) as ExportScheduleRow;
        assertSchedule(c.code, s.schedule);
        const lines: ExportCloseLine[] = lineRows
          .filter((l) => l.contract_id === c.id)
          .map((l) => ({
            lineKey: l.line_key,
            kind: l.kind,
            paymentLineId: l.payment_line_id,
            ruleId: l.rule_id,
            label: l.label,
            amount: l.amount,
            basis: l.basis ?? {},
            formula: l.formula,
            reason: l.reason,
            period: l.period,
            closeStatus: l.close_status,
          }));
        return {
          contract: {
            code: c.code,
            name: c.name,
            amount: c.amount,
            ...(c.tenant_name ? { tenantName: c.tenant_name } : {}),
            ...(c.vendor_name ? { vendorName: c.vendor_name } : {}),
          },
          schedule: s.schedule,
          lines,
          configVersion: s.config_version,
          calendarVersion: s.calendar_version,
          asOf: s.as_of,
        };
      });

    const now = await RenderExportStore.now(em);
    const options = { exportedAt: now, tenantWide, omitted: missing };
    let content: Buffer;
    try {
      content = row.format === 'xlsx' ? await toXlsx(items, options) : toCsv(items, options);
    } catch (e) {
      throw new ExportRenderError(`the schedule could not be rendered: ${e instanceof Error ? e.message : String(e)}`);
    }
    const fileName = exportFileName(
      row.format,
      items.map((i) => i.contract.code),
      now,
      tenantWide,
    );
    await RenderExportStore.ready(em, row.id, { content, fileName, contentType: CONTENT_TYPES[row.format] });
    return { exportId: row.id, status: 'ready', fileName, bytes: content.length };
  }

  private async fail(em: EntityManager, row: ExportJobRow, error: string): Promise<RenderExportResult> {
    this.logger.warn({ exportId: row.id, error }, 'export failed');
    await RenderExportStore.failed(em, row.id, error.slice(0, 2000));
    return { exportId: row.id, status: 'failed', error };
  }
}
