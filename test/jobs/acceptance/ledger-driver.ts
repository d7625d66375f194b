import { deductionKindText, describeCalendarVersion, toChineseCapital } from '@ledger/contracts';
import { dec } from '@ledger/kernel';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import request from 'supertest';
import { COLUMNS, MONEY_FORMAT, STATUS_LABELS } from '../../../libs/features/src/exports/schedule-export';
import type { TestApi } from '../../api/api-app';
import { eventually } from '../worker-harness';

/*
 * A thin driver of the ledger through its public surface only: GraphQL (as the demo users) and the export download
 * over REST. Everything a test asserts comes back from the API, the worker or the downloaded files.
 */

export type GqlError = {
  message: string;
  extensions: { code: string; problems?: { path: string; message: string }[] };
};
export type Gql = { data?: Record<string, unknown> | null; errors?: GqlError[] };

export type Line = {
  kind: string;
  amount: string;
  ruleId: string | null;
  paymentLineId: string | null;
  formula: string;
  reason: string | null;
};
export type Breakdown = { componentId: string; points: string; explanation: string };
export type Metric = {
  period: string;
  id: string;
  value: string | null;
  numerator: string | null;
  denominator: string | null;
};
export type Close = {
  id: string;
  period: string;
  status: string;
  revision: number;
  asOf: string;
  score: string | null;
  grade: string | null;
  configVersion: number;
  calendarVersion: string | null;
  lines: Line[];
  job: { id: string; status: string; attempts: number; lastError: string | null } | null;
  result: {
    assessment: {
      period: string;
      score: string | null;
      unclampedScore: string | null;
      grade: string | null;
      breakdown: Breakdown[];
      missing: { input: string }[];
    };
    assessments: { period: string; score: string | null }[];
    year: { year: number; score: string } | null;
    metrics: Metric[];
    missing: { period: string; input: string; message: string }[];
    facts: Record<string, unknown>;
  } | null;
};
export type Deduction = { ruleId: string; kind: string; label: string | null; amount: string; formula: string };
export type ScheduleLine = {
  id: string;
  label: string;
  year: number;
  period: string | null;
  gross: string;
  deductionTotal: string;
  net: string;
  paid: string;
  dueDate: string | null;
  status: string;
  reasons: string[];
  deductions: Deduction[];
};
export type StoredSchedule = {
  contractId: string;
  contractCode: string;
  configVersion: number;
  calendarVersion: string;
  asOf: string;
  basis: { closes: { id: string; period: string; revision: number }[]; payments: string[]; adjustments: string[] };
  schedule: {
    asOf: string;
    lines: ScheduleLine[];
    totals: { gross: string; deductions: string; net: string; paid: string };
    vendorBalanceOwed: string;
    notes: string[];
  };
};
export type ExportView = {
  id: string;
  contractId: string | null;
  status: string;
  format: string;
  fileName: string | null;
  byteSize: number | null;
  error: string | null;
  downloadPath: string | null;
};

const CLOSE_FIELDS = `id period status revision asOf score grade configVersion calendarVersion
  lines { kind amount ruleId paymentLineId formula reason }
  job { id status attempts lastError }
  result { assessment { period score unclampedScore grade breakdown { componentId points explanation } missing { input } }
    assessments { period score } year { year score } metrics { period id value numerator denominator } missing { period input message } facts }`;
const SCHEDULE_FIELDS = `contractId contractCode configVersion calendarVersion asOf basis
  schedule { asOf lines { id label year period gross deductionTotal net paid dueDate status reasons deductions { ruleId kind label amount formula } }
    totals { gross deductions net paid } vendorBalanceOwed notes }`;
const EXPORT_FIELDS = 'id contractId status format fileName byteSize error downloadPath';

/** Column key → index in the exported table. */
export const COL = Object.fromEntries(COLUMNS.map((c, i) => [c.key, i])) as Record<
  (typeof COLUMNS)[number]['key'],
  number
>;
export type ColumnKey = keyof typeof COL;
const MONEY_KEYS = new Set<string>(COLUMNS.filter((c) => 'money' in c && c.money).map((c) => c.key));

export class LedgerDriver {
  private readonly tokens: Record<string, string> = {};

  constructor(private readonly api: TestApi) {}

  async login(...who: string[]): Promise<void> {
    for (const w of who) this.tokens[w] = await this.api.login(`${w}@demo.local`);
  }

  token(who: string): string {
    const t = this.tokens[who];
    if (!t) throw new Error(`${who} has not logged in`);
    return t;
  }

  async raw(who: string, query: string, variables: Record<string, unknown> = {}): Promise<Gql> {
    return (await this.api.gql(query, variables, this.token(who))).body as Gql;
  }

  /** The data of an operation that must succeed (its errors are the failure message otherwise). */
  async ok<T = Record<string, unknown>>(
    who: string,
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<T> {
    const r = await this.raw(who, query, variables);
    if (r.errors?.length || !r.data)
      throw new Error(`${who}: ${query.slice(0, 80)}… failed: ${JSON.stringify(r.errors, null, 1)}`);
    return r.data as T;
  }

  async createContract(
    admin: string,
    presetId: string,
    code: string,
    name: string,
  ): Promise<{ id: string; amount: string; tenantId: string }> {
    const { vendorOrganizations } = await this.ok<{ vendorOrganizations: { id: string; name: string }[] }>(
      admin,
      '{ vendorOrganizations { id name } }',
    );
    const vendor = vendorOrganizations.find((v) => v.name === '演示运维服务有限公司') ?? vendorOrganizations[0];
    const r = await this.ok<{ createContract: { id: string; amount: string; tenantId: string } }>(
      admin,
      'mutation ($i: CreateContractInput!) { createContract(input: $i) { id amount tenantId } }',
      {
        i: { code, name, vendorOrgId: vendor.id, presetId },
      },
    );
    return r.createContract;
  }

  async setInputs(who: string, input: Record<string, unknown>): Promise<void> {
    await this.ok(who, 'mutation ($i: SetPeriodInputsInput!) { setPeriodInputs(input: $i) { period } }', { i: input });
  }

  /**
   * Imports tickets from CSV rows (header → value), all or nothing: uploads the file to `POST /imports/tickets`, waits
   * for the import job, and answers how many tickets it stored (a failed import throws with its problems).
   */
  async importTickets(who: string, contractId: string, rows: Record<string, string>[]): Promise<number> {
    const headers = Object.keys(rows[0]);
    const csv = [headers.join(','), ...rows.map((r) => headers.map((h) => r[h] ?? '').join(','))].join('\r\n');
    const res = await request(this.api.app.getHttpServer())
      .post(`/imports/tickets?contractId=${contractId}&mode=ALL_OR_NOTHING`)
      .set('authorization', `Bearer ${this.token(who)}`)
      .set('content-type', 'text/csv')
      .send(Buffer.from(`\ufeff${csv}`, 'utf8'));
    if (res.status !== 202)
      throw new Error(`${who}: the upload was refused (${res.status}): ${JSON.stringify(res.body)}`);
    await this.api.jobsIdle();
    // Embedded mode has finished the job by now; with a worker, poll until it has.
    const r = await eventually(
      async () => {
        const seen = await this.ok<{
          ticketImport: { status: string; rowsImported: number; error: string | null; problems: unknown[] };
        }>(who, 'query ($id: ID!) { ticketImport(id: $id) { status rowsImported error problems { path message } } }', {
          id: res.body.id,
        });
        return seen.ticketImport.status === 'COMPLETED' || seen.ticketImport.status === 'FAILED' ? seen : undefined;
      },
      60_000,
      100,
    );
    if (r.ticketImport.status !== 'COMPLETED')
      throw new Error(
        `${who}: the import ${r.ticketImport.status}: ${r.ticketImport.error} ${JSON.stringify(r.ticketImport.problems)}`,
      );
    return r.ticketImport.rowsImported;
  }

  /** The vendor saves and submits a month's report; the buyer accepts it. */
  async reportMonth(
    vendor: string,
    buyer: string,
    contractId: string,
    month: string,
    attendance: { personId: string; roleId: string; daysPresent: string }[],
  ): Promise<void> {
    const saved = await this.ok<{ saveMonthlyReport: { id: string } }>(
      vendor,
      'mutation ($i: SaveMonthlyReportInput!) { saveMonthlyReport(input: $i) { id } }',
      {
        i: { contractId, month, report: { attendance, deliveries: [], serviceEvents: [] } },
      },
    );
    const id = saved.saveMonthlyReport.id;
    await this.ok(vendor, 'mutation ($r: ID!) { submitMonthlyReport(reportId: $r) { status } }', { r: id });
    const accepted = await this.ok<{ acceptMonthlyReport: { status: string } }>(
      buyer,
      'mutation ($r: ID!) { acceptMonthlyReport(reportId: $r) { status } }',
      { r: id },
    );
    if (accepted.acceptMonthlyReport.status !== 'accepted')
      throw new Error(`report ${month} is ${accepted.acceptMonthlyReport.status}`);
  }

  async close(who: string, id: string): Promise<Close> {
    return (
      await this.ok<{ periodClose: Close }>(who, `query ($id: ID!) { periodClose(id: $id) { ${CLOSE_FIELDS} } }`, {
        id,
      })
    ).periodClose;
  }

  /** closePeriod → the worker computes the draft (polled) → the admin confirms it. Returns the draft and the confirmed close. */
  async closeAndConfirm(
    closer: string,
    admin: string,
    contractId: string,
    period: string,
    asOf: string,
  ): Promise<{ draft: Close; confirmed: Close }> {
    const pending = (
      await this.ok<{ closePeriod: Close }>(
        closer,
        `mutation ($i: ClosePeriodInput!) { closePeriod(input: $i) { ${CLOSE_FIELDS} } }`,
        { i: { contractId, period, asOf } },
      )
    ).closePeriod;
    // The worker may have computed the draft before closePeriod reads the close back.
    if (!['pending', 'draft'].includes(pending.status) || pending.period !== period || pending.asOf !== asOf)
      throw new Error(`closePeriod answered ${JSON.stringify(pending)}`);
    let last: Close = pending;
    const draft = await eventually(
      async () => {
        last = await this.close(admin, pending.id);
        // A job that failed (or failed twice with the same kind of error, retrying with backoff) will not come good in a test.
        if (last.job?.status === 'failed' || (last.job?.lastError && last.job.attempts >= 2)) {
          throw new Error(
            `the close job of ${period} ${last.job.status === 'failed' ? 'failed' : `keeps failing (${last.job.attempts} attempts)`}: ${last.job.lastError}`,
          );
        }
        return last.status === 'draft' ? last : undefined;
      },
      60_000,
      100,
    ).catch((e: Error) => {
      throw new Error(`${e.message}: ${period} stayed ${last.status}; job ${JSON.stringify(last.job)}`);
    });
    // A reason for any missing input (recorded only when inputs are missing; a complete close ignores it).
    const confirmed = (
      await this.ok<{ confirmPeriodClose: Close }>(
        admin,
        `mutation ($id: ID!, $r: String) { confirmPeriodClose(closeId: $id, reason: $r) { ${CLOSE_FIELDS} } }`,
        { id: draft.id, r: 'acceptance scenario: confirmed as the scenario says' },
      )
    ).confirmPeriodClose;
    return { draft, confirmed };
  }

  /** The stored schedule once its basis holds every given confirmed close (the schedule job runs in the worker). */
  async scheduleAfter(who: string, contractId: string, closeIds: readonly string[]): Promise<StoredSchedule> {
    let last: StoredSchedule | null = null;
    return eventually(
      async () => {
        last = (
          await this.ok<{ paymentSchedule: StoredSchedule | null }>(
            who,
            `query ($c: ID!) { paymentSchedule(contractId: $c) { ${SCHEDULE_FIELDS} } }`,
            { c: contractId },
          )
        ).paymentSchedule;
        return last && closeIds.every((id) => last?.basis.closes.some((c) => c.id === id)) ? last : undefined;
      },
      60_000,
      100,
    ).catch((e: Error) => {
      throw new Error(
        `${e.message}: the schedule's basis is ${JSON.stringify(last && (last as StoredSchedule).basis)}, waiting for ${closeIds.join(', ')}`,
      );
    });
  }

  /** requestExport → export(id) until READY (the worker renders it) → GET the file with the caller's Bearer token. */
  async exportFile(
    who: string,
    contractId: string,
    format: 'CSV' | 'XLSX',
  ): Promise<{ view: ExportView; bytes: Buffer; contentType: string; disposition: string }> {
    const queued = (
      await this.ok<{ requestExport: ExportView }>(
        who,
        `mutation ($i: RequestExportInput!) { requestExport(input: $i) { ${EXPORT_FIELDS} } }`,
        { i: { contractId, format } },
      )
    ).requestExport;
    if (queued.status !== 'QUEUED') throw new Error(`requestExport answered ${JSON.stringify(queued)}`);
    const view = await eventually(
      async () => {
        const v = (
          await this.ok<{ export: ExportView }>(who, `query ($id: ID!) { export(id: $id) { ${EXPORT_FIELDS} } }`, {
            id: queued.id,
          })
        ).export;
        if (v.status === 'FAILED') throw new Error(`export ${format} failed: ${v.error}`);
        return v.status === 'READY' ? v : undefined;
      },
      60_000,
      100,
    );
    const res = await request(this.api.app.getHttpServer())
      .get(view.downloadPath as string)
      .set('authorization', `Bearer ${this.token(who)}`)
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    if (res.status !== 200) throw new Error(`download ${view.downloadPath}: HTTP ${res.status} ${String(res.body)}`);
    return {
      view,
      bytes: res.body as Buffer,
      contentType: String(res.headers['content-type']),
      disposition: String(res.headers['content-disposition']),
    };
  }
}

/** An exported file read back: the header block (label → value) and the table rows as text (money as two-decimal text). */
export type ExportedSheet = { block: Record<string, string>; table: string[][]; moneyCellsNumeric: boolean };

function toSheet(rows: string[][], moneyCellsNumeric: boolean): ExportedSheet {
  const at = rows.findIndex((r) => r[0] === '类型');
  if (at < 0) throw new Error('no column header row 类型 in the export');
  const header = rows[at];
  if (header.join('|') !== COLUMNS.map((c) => c.header).join('|'))
    throw new Error(`unexpected columns: ${header.join('|')}`);
  const block = Object.fromEntries(
    rows
      .slice(0, at)
      .filter((r) => r[0])
      .map((r) => [r[0], r[1]]),
  );
  return { block, table: rows.slice(at + 1).filter((r) => r.some((c) => c !== '')), moneyCellsNumeric };
}

/** Parses the XLSX with exceljs. Money cells must be numbers formatted #,##0.00 (or exact text beyond 10^13). */
export async function readXlsx(bytes: Buffer): Promise<ExportedSheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(new Uint8Array(bytes).buffer); // a copy as a plain ArrayBuffer, the type exceljs declares
  const ws = wb.getWorksheet('付款计划');
  if (!ws) throw new Error('the XLSX has no sheet 付款计划');
  const rows: string[][] = [];
  let numeric = true;
  let headerSeen = false;
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    rows[n - 1] = COLUMNS.map((c, i) => {
      const cell = row.getCell(i + 1);
      const v = cell.value;
      if (headerSeen && MONEY_KEYS.has(c.key) && v !== null && v !== undefined && v !== '') {
        if (typeof v !== 'number' || cell.numFmt !== MONEY_FORMAT) numeric = false;
      }
      if (v === null || v === undefined) return '';
      if (typeof v === 'number') return MONEY_KEYS.has(c.key) ? v.toFixed(2) : String(v);
      if (v instanceof Date) return v.toISOString();
      if (typeof v === 'object')
        throw new Error(
          `cell ${c.header} of row ${n} is not a plain value (formula or rich text): ${JSON.stringify(v)}`,
        );
      return String(v);
    });
    if (rows[n - 1][0] === '类型') headerSeen = true;
  });
  return toSheet(
    Array.from(rows, (r) => r ?? []),
    numeric,
  );
}

/** Parses the CSV with csv-parse (BOM, RFC 4180, every row as wide as the table). */
export function readCsv(bytes: Buffer): ExportedSheet {
  if (bytes[0] !== 0xef || bytes[1] !== 0xbb || bytes[2] !== 0xbf)
    throw new Error('the CSV has no UTF-8 byte-order mark');
  const rows = parse(bytes, { bom: true, relax_column_count: false }) as string[][];
  return toSheet(rows, false);
}

export const pick = (row: string[], ...keys: ColumnKey[]): string[] => keys.map((k) => row[COL[k]]);
export const rowsOf = (sheet: ExportedSheet, kind: string, lineId?: string): string[][] =>
  sheet.table.filter((r) => r[COL.kind] === kind && (lineId === undefined || r[COL.lineId] === lineId));

/**
 * The exported table against the stored schedule it was rendered from, for any contract: one 付款节点 row per line
 * (gross, deductions, net with its 大写, paid, due date, status), its deduction rows beneath it in order, the 合计 row =
 * the stored totals = the exact sums of the line rows, 大写 of the total net, and the vendor's balance. Returns the
 * failures (empty when consistent), so a test can show all of them at once.
 */
export function consistencyProblems(sheet: ExportedSheet, code: string, stored: StoredSchedule): string[] {
  const problems: string[] = [];
  const eq = (what: string, got: unknown, want: unknown) => {
    if (JSON.stringify(got) !== JSON.stringify(want))
      problems.push(`${what}: got ${JSON.stringify(got)}, want ${JSON.stringify(want)}`);
  };
  const s = stored.schedule;
  const lineRows = rowsOf(sheet, '付款节点');
  eq(
    'line rows',
    lineRows.map((r) => r[COL.lineId]),
    s.lines.map((l) => l.id),
  );
  for (const l of s.lines) {
    const at = sheet.table.findIndex((r) => r[COL.kind] === '付款节点' && r[COL.lineId] === l.id);
    if (at < 0) continue;
    const row = sheet.table[at];
    eq(`${l.id} contract code`, row[COL.code], code);
    eq(`${l.id} cells`, pick(row, 'gross', 'deduction', 'net', 'netCapital', 'paid', 'dueDate', 'status'), [
      l.gross,
      l.deductionTotal,
      l.net,
      toChineseCapital(l.net),
      l.paid,
      l.dueDate ?? '',
      STATUS_LABELS[l.status as keyof typeof STATUS_LABELS],
    ]);
    eq(`${l.id} withheld`, row[COL.withheld], l.status === 'withheld' ? l.net : '0.00');
    const beneath = sheet.table.slice(at + 1, at + 1 + l.deductions.length);
    eq(
      `${l.id} deduction rows`,
      beneath.map((r) => [r[COL.kind], r[COL.rule], r[COL.deduction], r[COL.formula]]),
      l.deductions.map((d) => ['扣款', d.label || deductionKindText(d.kind, 'zh-CN'), d.amount, d.formula]),
    );
  }
  const totals = rowsOf(sheet, '合计');
  eq('one 合计 row', totals.length, 1);
  const total = totals[0] ?? [];
  eq('合计 cells', pick(total, 'code', 'gross', 'deduction', 'net', 'netCapital', 'paid', 'vendorOwed'), [
    code,
    s.totals.gross,
    s.totals.deductions,
    s.totals.net,
    toChineseCapital(s.totals.net),
    s.totals.paid,
    s.vendorBalanceOwed,
  ]);
  for (const k of ['gross', 'deduction', 'net', 'paid', 'withheld', 'outstanding'] as const) {
    eq(
      `合计 ${k} = Σ line rows`,
      total[COL[k]],
      lineRows.reduce((a, r) => a.plus(dec(r[COL[k]] || '0')), dec(0)).toFixed(2),
    );
  }
  eq(
    'no 说明 row about differing totals',
    rowsOf(sheet, '说明').filter((r) => r[COL.reason].startsWith('明细合计')),
    [],
  );
  eq(
    'header block',
    [sheet.block['配置版本'], sheet.block['日历版本'], sheet.block['计算基准日']],
    [`配置第 ${stored.configVersion} 版`, describeCalendarVersion(stored.calendarVersion, 'zh-CN'), stored.asOf],
  );
  return problems;
}

/** The status a line whose conditions are all met has on the schedule's date: due once its date has come. */
export const dueOrScheduled = (dueDate: string, asOf: string): string => (dueDate <= asOf ? 'due' : 'scheduled');
