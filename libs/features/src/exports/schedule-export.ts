import {
  deductionKindText,
  describeCalendarVersion,
  formatMoney,
  renderBasis,
  renderExplanation,
  toChineseCapital,
  type LineStatus,
  type Schedule,
  type ScheduleLine,
} from '@ledger/contracts';
import { dec, type Decimal } from '@ledger/kernel';
import { formatInstant } from '@ledger/sla';
import ExcelJS from 'exceljs';

/*
 * Finance export of payment schedules (CSV and XLSX). Pure: schedules in, bytes out; no database, no clock (the
 * export time is a parameter). Both formats are written from the same table (`buildScheduleTable`), so a CSV and an
 * XLSX of the same data hold the same cells.
 *
 * Money: every amount is a decimal string from the schedule (two decimals); sums are computed with Decimal from the
 * lines, never with numbers. In the CSV an amount is its exact text (`2333333.33`, no grouping, so Excel reads it as a
 * number). In the XLSX an amount is a numeric cell with the format `#,##0.00`, so finance can sort and add up
 * columns — but only when that number is exact: exceljs writes a number as `String(n)`, the shortest text that
 * reads back to the same double, which for a two-decimal amount with at most 15 significant digits (below 10^13
 * yuan) is the amount's own text. Each amount is checked (`dec(String(Number(s))).eq(s)`); one that would not be
 * exact is written as text instead. Nothing in the file is computed by Excel: the totals rows are written as values.
 */

/** The contract an exported schedule belongs to. */
export type ExportContract = { code: string; name: string; tenantName?: string; vendorName?: string; amount: string };

/** A stored close line (deduction computed by a close, or a buyer's adjustment) of the contract. */
export type ExportCloseLine = {
  /** The stable key a schedule deduction names it by (`closeLineKey`). */
  lineKey: string;
  kind: 'deduction' | 'adjustment';
  paymentLineId: string | null;
  ruleId: string | null;
  label: string | null;
  amount: string;
  basis: Record<string, unknown>;
  /** As stored: a code with parameters, or (rows written before codes existed) an English sentence. */
  formula: unknown;
  reason: string | null;
  /** The period it belongs to, and the status of the close that computed it (none for an adjustment). */
  period?: string | null;
  closeStatus?: string | null;
};

export type ScheduleExportItem = {
  contract: ExportContract;
  schedule: Schedule;
  lines?: readonly ExportCloseLine[];
  configVersion: number;
  calendarVersion: string;
  asOf: string;
};

export type ScheduleExportOptions = {
  exportedAt: Date;
  /** A tenant-wide export (every contract of the tenant): adds the grand total. */
  tenantWide?: boolean;
  /** Contracts of a tenant-wide export left out because they have no stored schedule (named in the header). */
  omitted?: readonly string[];
};

export const STATUS_LABELS: Record<LineStatus, string> = {
  scheduled: '计划',
  due: '到期',
  withheld: '暂扣',
  paid: '已付',
  forfeited: '不予支付',
};

export const ROW_KINDS = {
  line: '付款节点',
  deduction: '扣款',
  record: '结算记录',
  note: '说明',
  total: '合计',
  grandTotal: '总计',
} as const;

/** The table's columns, in order. `money` columns hold amounts. */
export const COLUMNS = [
  { key: 'kind', header: '类型', width: 10 },
  { key: 'code', header: '合同编号', width: 18 },
  { key: 'name', header: '合同名称', width: 30 },
  { key: 'lineId', header: '节点编号', width: 22 },
  { key: 'label', header: '付款节点', width: 24 },
  { key: 'basis', header: '计算依据', width: 40 },
  { key: 'year', header: '年度', width: 8 },
  { key: 'period', header: '期间', width: 10 },
  { key: 'gross', header: '应付金额(元)', width: 16, money: true },
  { key: 'rule', header: '扣款规则', width: 24 },
  { key: 'ruleBasis', header: '扣款依据', width: 40 },
  { key: 'formula', header: '扣款计算', width: 50 },
  { key: 'deduction', header: '扣款金额(元)', width: 16, money: true },
  { key: 'net', header: '实付金额(元)', width: 16, money: true },
  { key: 'netCapital', header: '实付金额大写', width: 30 },
  { key: 'paid', header: '已付金额(元)', width: 16, money: true },
  { key: 'withheld', header: '暂扣金额(元)', width: 16, money: true },
  { key: 'outstanding', header: '待付金额(元)', width: 16, money: true },
  { key: 'vendorOwed', header: '供应商应退/欠款(元)', width: 18, money: true },
  { key: 'dueDate', header: '应付日期', width: 12 },
  { key: 'status', header: '状态', width: 10 },
  { key: 'reason', header: '原因', width: 60 },
] as const;

export type ColumnKey = (typeof COLUMNS)[number]['key'];
const MONEY_KEYS = new Set<ColumnKey>(COLUMNS.filter((c) => 'money' in c).map((c) => c.key));
export type TableRow = Partial<Record<ColumnKey, string>>;

export type ScheduleTable = {
  /** Label / value pairs above the table (导出时间, 配置版本, 日历版本, …). */
  header: [string, string][];
  rows: TableRow[];
};

export type ContractTotals = {
  gross: Decimal;
  deductions: Decimal;
  net: Decimal;
  paid: Decimal;
  withheld: Decimal;
  outstanding: Decimal;
  vendorOwed: Decimal;
};

const TOTAL_LABELS = {
  gross: '应付',
  deductions: '扣款',
  net: '实付',
  paid: '已付',
  withheld: '暂扣',
  outstanding: '待付',
} as const;

const ZERO = (): ContractTotals => ({
  gross: dec(0),
  deductions: dec(0),
  net: dec(0),
  paid: dec(0),
  withheld: dec(0),
  outstanding: dec(0),
  vendorOwed: dec(0),
});

/** Withheld and outstanding of one line, as the engine counts them (compute-schedule.ts, totals). */
function lineFigures(l: ScheduleLine): { withheld: Decimal; outstanding: Decimal } {
  const net = dec(l.net);
  const open = net.minus(dec(l.paid));
  return {
    withheld: l.status === 'withheld' ? net : dec(0),
    outstanding: l.status === 'due' || l.status === 'scheduled' ? (open.isNegative() ? dec(0) : open) : dec(0),
  };
}

/** A contract's totals, summed with Decimal from its lines (what the reader sees adds up) plus its vendor balance. */
export function contractTotals(schedule: Schedule): ContractTotals {
  const t = ZERO();
  for (const l of schedule.lines) {
    const f = lineFigures(l);
    t.gross = t.gross.plus(dec(l.gross));
    t.deductions = t.deductions.plus(dec(l.deductionTotal));
    t.net = t.net.plus(dec(l.net));
    t.paid = t.paid.plus(dec(l.paid));
    t.withheld = t.withheld.plus(f.withheld);
    t.outstanding = t.outstanding.plus(f.outstanding);
  }
  t.vendorOwed = dec(schedule.vendorBalanceOwed);
  return t;
}

const addTotals = (a: ContractTotals, b: ContractTotals): ContractTotals => ({
  gross: a.gross.plus(b.gross),
  deductions: a.deductions.plus(b.deductions),
  net: a.net.plus(b.net),
  paid: a.paid.plus(b.paid),
  withheld: a.withheld.plus(b.withheld),
  outstanding: a.outstanding.plus(b.outstanding),
  vendorOwed: a.vendorOwed.plus(b.vendorOwed),
});

// Texts come from the one dictionary (libs/contracts/src/explain): the file is in Chinese, as its readers are.
const basisText = (basis: Record<string, unknown>): string => renderBasis(basis, 'zh-CN');

/** The rule as the buyer named it, else its kind in words (rule ids and kinds are keys, not words). */
const ruleText = (label: string | null | undefined, kind: string | null | undefined): string =>
  label || (kind ? deductionKindText(kind, 'zh-CN') : '');

const CLOSE_STATUS_LABELS: Record<string, string> = {
  pending: '待计算',
  draft: '草稿',
  confirmed: '已确认',
  reopened: '已重开',
  failed: '计算失败',
};

/** `2026-11-24 18:05` in Asia/Shanghai (UTC+8, no daylight saving). */
export function shanghaiTime(at: Date): string {
  return formatInstant(at.getTime(), 'Asia/Shanghai').slice(0, 16).replace('T', ' ');
}

/**
 * The stored close lines the schedule's deductions are, by the key each deduction carries (`closeLineKey`: the
 * recompute wrote it from the confirmed close, or from the adjustment). Lines no deduction names are listed as records.
 */
function storedByKey(
  schedule: Schedule,
  stored: readonly ExportCloseLine[],
): { byKey: Map<string, ExportCloseLine>; unreferenced: ExportCloseLine[] } {
  const byKey = new Map(stored.map((s) => [s.lineKey, s]));
  const named = new Set(schedule.lines.flatMap((l) => l.deductions.flatMap((d) => d.closeLineKey ?? [])));
  return { byKey, unreferenced: stored.filter((s) => !named.has(s.lineKey)) };
}

const totalsRow = (t: ContractTotals): TableRow => ({
  gross: formatMoney(t.gross),
  deduction: formatMoney(t.deductions),
  net: formatMoney(t.net),
  netCapital: toChineseCapital(t.net),
  paid: formatMoney(t.paid),
  withheld: formatMoney(t.withheld),
  outstanding: formatMoney(t.outstanding),
  vendorOwed: formatMoney(t.vendorOwed),
});

/**
 * The export as one table: per contract, one row per schedule line, one row per deduction beneath it (rule, basis
 * key=value, formula, amount), stored records that the schedule does not contain, the schedule's notes, and a 合计
 * row; a 总计 row for a tenant-wide export. Totals are Decimal sums of the lines; where they differ from the totals
 * stored with the schedule (a payment naming an unknown line), a 说明 row gives both.
 */
export function buildScheduleTable(
  items: readonly ScheduleExportItem[],
  options: ScheduleExportOptions,
): ScheduleTable {
  const join = (f: (i: ScheduleExportItem) => string) =>
    items.length === 1 ? f(items[0]) : items.map((i) => `${i.contract.code}: ${f(i)}`).join('；');
  const tenantNames = [...new Set(items.map((i) => i.contract.tenantName).filter((x): x is string => !!x))];
  const vendorNames = [...new Set(items.map((i) => i.contract.vendorName).filter((x): x is string => !!x))];
  const header: [string, string][] = [
    ['导出时间', `${shanghaiTime(options.exportedAt)}（北京时间）`],
    [
      '导出范围',
      options.tenantWide
        ? `全部合同（${items.length} 份）`
        : items.map((i) => `${i.contract.code} ${i.contract.name}`).join('；'),
    ],
  ];
  if (tenantNames.length) header.push(['采购人', tenantNames.join('；')]);
  if (vendorNames.length) header.push(['供应商', vendorNames.join('；')]);
  header.push(
    ['配置版本', join((i) => `配置第 ${i.configVersion} 版`)],
    ['日历版本', join((i) => describeCalendarVersion(i.calendarVersion, 'zh-CN'))],
    ['计算基准日', join((i) => i.asOf)],
  );
  if (options.omitted?.length) header.push(['未包含', `尚无付款计划：${options.omitted.join('、')}`]);
  header.push(['金额单位', '人民币元，两位小数；合计按明细精确求和']);

  const rows: TableRow[] = [];
  let grand = ZERO();
  for (const item of items) {
    const { contract: c, schedule } = item;
    const ids = { code: c.code, name: c.name };
    const { byKey, unreferenced } = storedByKey(schedule, item.lines ?? []);
    for (const l of schedule.lines) {
      const f = lineFigures(l);
      rows.push({
        kind: ROW_KINDS.line,
        ...ids,
        lineId: l.id,
        label: l.label,
        basis: renderExplanation(l.basis, 'zh-CN'),
        year: String(l.year),
        period: l.period ?? '',
        gross: l.gross,
        deduction: l.deductionTotal,
        net: l.net,
        netCapital: toChineseCapital(l.net),
        paid: l.paid,
        withheld: formatMoney(f.withheld),
        outstanding: formatMoney(f.outstanding),
        dueDate: l.dueDate ?? '',
        status: STATUS_LABELS[l.status] ?? l.status,
        reason: l.reasons.map((r) => renderExplanation(r, 'zh-CN')).join('；'),
      });
      for (const d of l.deductions) {
        const s = d.closeLineKey ? byKey.get(d.closeLineKey) : undefined;
        const recorded = s
          ? [s.period ? `${s.period} 结算记录` : '结算记录', s.reason].filter((x): x is string => !!x).join('：')
          : '';
        rows.push({
          kind: ROW_KINDS.deduction,
          ...ids,
          lineId: l.id,
          label: l.label,
          year: String(l.year),
          period: l.period ?? '',
          rule: ruleText(d.label, d.kind),
          ruleBasis: basisText(d.basis),
          formula: renderExplanation(d.formula, 'zh-CN'),
          deduction: d.amount,
          reason: recorded,
        });
      }
    }
    for (const s of unreferenced) {
      const where = [
        s.period ? `${s.period} 结算` : '',
        s.closeStatus ? `（${CLOSE_STATUS_LABELS[s.closeStatus] ?? s.closeStatus}）` : '',
      ].join('');
      rows.push({
        kind: ROW_KINDS.record,
        ...ids,
        lineId: s.paymentLineId ?? '',
        rule: ruleText(s.label, s.kind),
        ruleBasis: basisText(s.basis),
        formula: renderExplanation(s.formula, 'zh-CN'),
        deduction: formatMoney(dec(s.amount)),
        reason: [`未计入当前付款计划，仅供核对${where ? `：${where}` : ''}`, s.reason]
          .filter((x): x is string => !!x)
          .join('；'),
      });
    }
    const t = contractTotals(schedule);
    const stored = schedule.totals;
    const differs = (['gross', 'deductions', 'net', 'paid', 'withheld', 'outstanding'] as const).filter(
      (k) => stored?.[k] !== undefined && !dec(stored[k]).eq(t[k]),
    );
    const notes = schedule.notes.map((n) => renderExplanation(n, 'zh-CN'));
    if (differs.length)
      notes.push(
        `明细合计与计划存储的合计不同：${differs.map((k) => `${TOTAL_LABELS[k]} ${formatMoney(t[k])} ≠ ${stored[k]}`).join('，')}（以明细为准）`,
      );
    for (const n of notes) rows.push({ kind: ROW_KINDS.note, ...ids, reason: n });
    rows.push({
      kind: ROW_KINDS.total,
      ...ids,
      label: '合计',
      basis: `合同金额 ${formatMoney(dec(c.amount))}`,
      ...totalsRow(t),
    });
    grand = addTotals(grand, t);
  }
  if (options.tenantWide)
    rows.push({
      kind: ROW_KINDS.grandTotal,
      name: `全部合同（${items.length} 份）`,
      label: '总计',
      ...totalsRow(grand),
    });
  return { header, rows };
}

// ---------------------------------------------------------------------------------------------------- CSV

/** RFC 4180: a field with a comma, quote, CR or LF is quoted, quotes doubled. */
function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Text that a spreadsheet would run as a formula is prefixed with an apostrophe (CSV injection); amounts are never text. */
function neutralised(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** The table as CSV: UTF-8 with a byte-order mark (Excel then reads the Chinese correctly), CRLF, every row as wide as the table. */
export function toCsv(items: readonly ScheduleExportItem[], options: ScheduleExportOptions): Buffer {
  const table = buildScheduleTable(items, options);
  const width = COLUMNS.length;
  const pad = (cells: string[]) => [...cells, ...Array<string>(Math.max(0, width - cells.length)).fill('')];
  const lines: string[][] = [
    ...table.header.map(([k, v]) => pad([k, neutralised(v)])),
    pad([]),
    COLUMNS.map((c) => c.header),
    ...table.rows.map((r) =>
      COLUMNS.map((c) => (MONEY_KEYS.has(c.key) ? (r[c.key] ?? '') : neutralised(r[c.key] ?? ''))),
    ),
  ];
  return Buffer.from(`\uFEFF${lines.map((l) => l.map(csvField).join(',')).join('\r\n')}\r\n`, 'utf8');
}

// ---------------------------------------------------------------------------------------------------- XLSX

export const MONEY_FORMAT = '#,##0.00';

/** The amount as an exact number cell when the double's shortest text is the amount itself; otherwise the text. */
export function moneyCell(text: string): number | string {
  const n = Number(text);
  return Number.isFinite(n) && dec(String(n)).eq(dec(text)) && dec(text).abs().lt(dec('1e13')) ? n : text;
}

/** The table as an XLSX workbook: one sheet 付款计划, the header block, frozen column headers, amounts as `#,##0.00`. */
export async function toXlsx(items: readonly ScheduleExportItem[], options: ScheduleExportOptions): Promise<Buffer> {
  const table = buildScheduleTable(items, options);
  const wb = new ExcelJS.Workbook();
  wb.creator = '运维合同履约台账';
  wb.created = options.exportedAt;
  wb.modified = options.exportedAt;
  const ws = wb.addWorksheet('付款计划');
  ws.columns = COLUMNS.map((c) => ({ key: c.key, width: c.width }));
  for (const [k, v] of table.header) {
    const row = ws.addRow([k, v]);
    row.getCell(1).font = { bold: true };
  }
  ws.addRow([]);
  const headerRow = ws.addRow(COLUMNS.map((c) => c.header));
  headerRow.font = { bold: true };
  headerRow.alignment = { vertical: 'middle', wrapText: true };
  headerRow.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
  });
  ws.views = [{ state: 'frozen', ySplit: headerRow.number, xSplit: 0 }];
  ws.autoFilter = { from: { row: headerRow.number, column: 1 }, to: { row: headerRow.number, column: COLUMNS.length } };
  for (const r of table.rows) {
    const row = ws.addRow(
      COLUMNS.map((c) => (MONEY_KEYS.has(c.key) && r[c.key] ? moneyCell(r[c.key] as string) : (r[c.key] ?? null))),
    );
    COLUMNS.forEach((c, i) => {
      if (MONEY_KEYS.has(c.key)) {
        const cell = row.getCell(i + 1);
        cell.numFmt = MONEY_FORMAT;
        cell.alignment = { horizontal: 'right' };
      }
    });
    if (r.kind === ROW_KINDS.total || r.kind === ROW_KINDS.grandTotal) row.font = { bold: true };
    if (r.kind === ROW_KINDS.deduction || r.kind === ROW_KINDS.record) row.getCell(1).alignment = { indent: 1 };
  }
  const bytes = await wb.xlsx.writeBuffer();
  return Buffer.from(bytes as ArrayBuffer);
}

/** `付款计划-<code>-<date>.<ext>`, or `付款计划-全部合同-<date>.<ext>` for a tenant-wide export. */
export function exportFileName(
  format: 'csv' | 'xlsx',
  codes: readonly string[],
  exportedAt: Date,
  tenantWide: boolean,
): string {
  const date = shanghaiTime(exportedAt).slice(0, 10);
  const what = tenantWide ? '全部合同' : codes.join('_');
  return `付款计划-${what.replace(/[\\/:*?"<>|\r\n]/g, '_')}-${date}.${format}`;
}

export const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;
