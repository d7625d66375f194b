import {
  computeSchedule,
  getPreset,
  renderExplanation,
  type PaymentFactsInput,
  type Schedule,
} from '@ledger/contracts';
import { dec } from '@ledger/kernel';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import {
  COLUMNS,
  MONEY_FORMAT,
  buildScheduleTable,
  exportFileName,
  moneyCell,
  toCsv,
  toXlsx,
  type ExportCloseLine,
  type ScheduleExportItem,
} from './schedule-export';

/*
 * The renderer on the worked examples of domain.md (A–D), computed by the engine from the presets: render, parse
 * back (exceljs, csv-parse) and read the cells — amounts, deduction rows with their rule, basis and formula, 大写,
 * status, totals.
 */

const EXPORTED_AT = new Date('2027-03-01T02:30:00Z'); // 10:30 in Beijing
const H = Object.fromEntries(COLUMNS.map((c, i) => [c.key, i])) as Record<(typeof COLUMNS)[number]['key'], number>;

type Fixture = { code: string; name: string; preset: string; facts: PaymentFactsInput; asOf: string };
const FIXTURES: Record<'A' | 'B' | 'C' | 'D' | 'D-late', Fixture> = {
  A: {
    code: 'xuzhou-2026',
    name: '徐州医保基金安全监测运维服务',
    preset: 'xuzhou-2026',
    facts: {
      years: [{ year: 2026, score: '89.00', assessedOn: '2027-01-15' }],
      attendance: [{ actualPersonMonths: 105 }],
    },
    asOf: '2027-03-01',
  },
  B: {
    code: 'huaian-2025-2026',
    name: '淮安医保信息系统运维, "二期"',
    preset: 'huaian-2025-2026',
    facts: {
      years: [
        { year: 2025, score: '85.00', assessedOn: '2026-01-20' },
        { year: 2026, score: '78.00', assessedOn: '2027-01-20' },
      ],
      acceptance: { passed: true, date: '2027-01-10' },
      payments: [
        { lineId: 'contract-payments.advance', amount: '696000.00', paidOn: '2025-12-05' },
        { lineId: 'contract-payments.by-2025-12-31', amount: '957000.00', paidOn: '2025-12-30' },
      ],
    },
    asOf: '2027-02-01',
  },
  C: {
    code: 'qinghai-hospital-3y',
    name: '青海红十字医院电子票据维保',
    preset: 'qinghai-hospital-3y',
    facts: {
      periods: [
        {
          id: '2026-H1',
          score: '86.40',
          grade: 'B',
          assessedOn: '2026-07-10',
          validComplaints: 3,
          ledgerConfirmed: true,
        },
      ],
      // The VAT invoice for the amount payable (002:428) makes the line payable.
      invoices: [
        { lineId: 'half-year-payment.2026-H1', number: '63000001', amount: '5150.00', receivedOn: '2026-11-12' },
      ],
    },
    asOf: '2026-12-01',
  },
  D: {
    code: 'tianjin-2026-p8',
    name: '天津医保第8包',
    preset: 'tianjin-2026-p8',
    facts: {
      quarters: [
        { id: '2026-Q1', qualified: true },
        { id: '2026-Q2', qualified: true },
        { id: '2026-Q3', qualified: false },
        { id: '2026-Q4', qualified: true },
      ],
      acceptance: { passed: true, date: '2027-01-05' },
    },
    asOf: '2027-01-10',
  },
  'D-late': {
    code: 'tianjin-2026-p8',
    name: '天津医保第8包',
    preset: 'tianjin-2026-p8',
    facts: {
      quarters: [{ id: '2026-Q1', qualified: true }],
      payments: [
        { lineId: 'quarterly.2026-Q1', amount: '8281.00', paidOn: '2026-04-10' },
        { lineId: 'quarterly.2026-Q2', amount: '8281.00', paidOn: '2026-07-10' },
      ],
    },
    asOf: '2027-04-01',
  },
};

/**
 * A fixture's item. `keys` (`<line id>/<rule id>` → close line key) computes it as the recompute does after a
 * confirmed close: those lines settled, their deductions naming the close lines by key.
 */
function item(
  key: keyof typeof FIXTURES,
  lines: ExportCloseLine[] = [],
  keys: Record<string, string> = {},
): ScheduleExportItem {
  const f = FIXTURES[key];
  const config = getPreset(f.preset).config;
  const live: Schedule = computeSchedule(config, f.facts, { asOf: f.asOf });
  const settled = live.lines
    .filter((l) => Object.keys(keys).some((k) => k.startsWith(`${l.id}/`)))
    .map((l) => ({
      lineId: l.id,
      deductions: l.deductions.map((d) => ({
        ...d,
        ...(keys[`${l.id}/${d.ruleId}`] ? { key: keys[`${l.id}/${d.ruleId}`] } : {}),
      })),
    }));
  const schedule = settled.length ? computeSchedule(config, { ...f.facts, settled }, { asOf: f.asOf }) : live;
  return {
    contract: {
      code: f.code,
      name: f.name,
      amount: String(config.money.amount),
      tenantName: '测试采购人',
      vendorName: '演示运维服务有限公司',
    },
    schedule,
    lines,
    configVersion: 2,
    calendarVersion: 'cn-national@2026-test',
    asOf: f.asOf,
  };
}

/** The sheet back as rows of cells (1-based cell index → array index 0). */
async function readXlsx(bytes: Buffer): Promise<{ ws: ExcelJS.Worksheet; rows: ExcelJS.CellValue[][] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(new Uint8Array(bytes).buffer); // a copy as a plain ArrayBuffer, the type exceljs declares
  const ws = wb.getWorksheet('付款计划');
  if (!ws) throw new Error('no sheet 付款计划');
  const rows: ExcelJS.CellValue[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    rows[n - 1] = COLUMNS.map((_, i) => row.getCell(i + 1).value);
  });
  return { ws, rows };
}

const readCsv = (bytes: Buffer): string[][] => parse(bytes, { bom: true, relax_column_count: false }) as string[][];

/** Rows of the table (after the column header row), as text: numbers as two-decimal text. */
function tableOf(rows: (ExcelJS.CellValue | string)[][]): string[][] {
  const start = rows.findIndex((r) => r[0] === '类型');
  if (start < 0) throw new Error('no column header row');
  expect(rows[start].map(String)).toEqual(COLUMNS.map((c) => c.header));
  return rows
    .slice(start + 1)
    .map((r) => r.map((v) => (v === null || v === undefined ? '' : typeof v === 'number' ? v.toFixed(2) : String(v))));
}

const pick = (row: string[], ...keys: (keyof typeof H)[]) => keys.map((k) => row[H[k]]);
const rowsOf = (table: string[][], kind: string, lineId?: string) =>
  table.filter((r) => r[H.kind] === kind && (lineId === undefined || r[H.lineId] === lineId));

type Case = {
  key: keyof typeof FIXTURES;
  /** [lineId, gross, deductionTotal, net, 大写, paid, dueDate, 状态] */
  lines: string[][];
  /** [lineId, rule, amount, formula?] */
  deductions: string[][];
  /** [gross, deductions, net, 大写, paid, withheld, outstanding, vendorOwed] */
  total: string[];
};

const CASES: Case[] = [
  {
    key: 'A',
    lines: [
      [
        'settlement',
        '2400000.00',
        '66666.67',
        '2333333.33',
        '贰佰叁拾叁万叁仟叁佰叁拾叁元叁角叁分',
        '0.00',
        '2027-01-15',
        '到期',
      ],
    ],
    deductions: [
      ['settlement', '年度综合评分考核扣减费用', '0.00', '2026 year score 89.00 ≥ 80: no deduction'],
      [
        'settlement',
        '缺岗扣减费用',
        '66666.67',
        'absence: 2,400,000.00 × 3 ÷ 108 = 66,666.67 (planned 108 person-months, actual 105)',
      ],
    ],
    total: [
      '2400000.00',
      '66666.67',
      '2333333.33',
      '贰佰叁拾叁万叁仟叁佰叁拾叁元叁角叁分',
      '0.00',
      '0.00',
      '2333333.33',
      '0.00',
    ],
  },
  {
    key: 'B',
    lines: [
      [
        'contract-payments.advance',
        '696000.00',
        '0.00',
        '696000.00',
        '陆拾玖万陆仟元整',
        '696000.00',
        '2025-11-27',
        '已付',
      ],
      [
        'contract-payments.by-2025-12-31',
        '957000.00',
        '0.00',
        '957000.00',
        '玖拾伍万柒仟元整',
        '957000.00',
        '2025-12-31',
        '已付',
      ],
      ['contract-payments.balance', '87000.00', '40000.00', '47000.00', '肆万柒仟元整', '0.00', '2026-12-31', '暂扣'],
    ],
    deductions: [
      ['contract-payments.by-2025-12-31', '综合评分低于80分扣款', '0.00', '2025 year score 85.00 ≥ 80: no deduction'],
      [
        'contract-payments.balance',
        '综合评分低于80分扣款',
        '40000.00',
        '2026 year score 78.00: 2 point(s) below 80 × 20,000.00 = 40,000.00, cap 20 % of the 2026 fee 1,160,000.00 = 232,000.00 not reached',
      ],
    ],
    total: ['1740000.00', '40000.00', '1700000.00', '壹佰柒拾万元整', '1653000.00', '47000.00', '0.00', '0.00'],
  },
  {
    key: 'C',
    lines: [
      ['half-year-payment.2026-H1', '7000.00', '1850.00', '5150.00', '伍仟壹佰伍拾元整', '0.00', '2026-11-10', '到期'],
      ['half-year-payment.2026-H2', '7000.00', '0.00', '7000.00', '柒仟元整', '0.00', '', '计划'],
    ],
    deductions: [
      [
        'half-year-payment.2026-H1',
        '考核评价结果B级/C级',
        '140.00',
        '2026-H1 grade B: 2 % of 7,000.00 = 140.00; paid 1 month(s) later',
      ],
      ['half-year-payment.2026-H1', '有效投诉每次扣除500元', '1500.00'],
      ['half-year-payment.2026-H1', '半年有效投诉≥3次再扣半年付款总额的3%', '210.00'],
    ],
    total: ['42000.00', '1850.00', '40150.00', '肆万零壹佰伍拾元整', '0.00', '0.00', '40150.00', '0.00'],
  },
  {
    key: 'D',
    lines: [
      ['quarterly.2026-Q1', '8281.00', '0.00', '8281.00', '捌仟贰佰捌拾壹元整', '0.00', '2026-03-31', '到期'],
      ['quarterly.2026-Q2', '8281.00', '0.00', '8281.00', '捌仟贰佰捌拾壹元整', '0.00', '2026-06-30', '到期'],
      ['quarterly.2026-Q3', '8281.00', '0.00', '8281.00', '捌仟贰佰捌拾壹元整', '0.00', '2026-09-30', '暂扣'],
      ['quarterly.2026-Q4', '8281.00', '0.00', '8281.00', '捌仟贰佰捌拾壹元整', '0.00', '2026-12-31', '到期'],
    ],
    deductions: [],
    total: ['33124.00', '0.00', '33124.00', '叁万叁仟壹佰贰拾肆元整', '0.00', '8281.00', '24843.00', '0.00'],
  },
  {
    key: 'D-late',
    lines: [['quarterly.2026-Q1', '8281.00', '8281.00', '0.00', '零元整', '8281.00', '2026-03-31', '不予支付']],
    deductions: [],
    total: ['33124.00', '33124.00', '0.00', '零元整', '16562.00', '0.00', '0.00', '21530.60'],
  },
];

describe('schedule export: domain.md examples rendered and read back', () => {
  describe.each(CASES)('$key', (c) => {
    const check = (table: string[][]) => {
      for (const [lineId, ...expected] of c.lines) {
        const [row] = rowsOf(table, '付款节点', lineId);
        expect([lineId, ...pick(row, 'gross', 'deduction', 'net', 'netCapital', 'paid', 'dueDate', 'status')]).toEqual([
          lineId,
          ...expected,
        ]);
        expect(row[H.code]).toBe(FIXTURES[c.key].code);
      }
      for (const [lineId, rule, amount, formula] of c.deductions) {
        const row = rowsOf(table, '扣款', lineId).find((r) => r[H.rule] === rule);
        expect(row && pick(row, 'rule', 'deduction')).toEqual([rule, amount]);
        // The engine's formula (a code) reads as the former English sentence in English, and the file holds its Chinese text.
        const d = item(c.key)
          .schedule.lines.find((l) => l.id === lineId)
          ?.deductions.find((x) => x.label === rule);
        if (formula) expect(renderExplanation(d?.formula, 'en')).toBe(formula);
        expect(row?.[H.formula]).toBe(renderExplanation(d?.formula, 'zh-CN'));
        expect(row?.[H.ruleBasis]).toMatch(/^[\u4e00-\u9fff]/); // basis keys in words, not key=value
      }
      // Every deduction of the schedule has its row beneath its line, in order.
      const schedule = item(c.key).schedule;
      for (const l of schedule.lines) {
        const at = table.findIndex((r) => r[H.kind] === '付款节点' && r[H.lineId] === l.id);
        expect(
          table.slice(at + 1, at + 1 + l.deductions.length).map((r) => [r[H.kind], r[H.deduction], r[H.formula]]),
        ).toEqual(l.deductions.map((d) => ['扣款', d.amount, renderExplanation(d.formula, 'zh-CN')]));
      }
      const [total] = rowsOf(table, '合计');
      expect(
        pick(total, 'gross', 'deduction', 'net', 'netCapital', 'paid', 'withheld', 'outstanding', 'vendorOwed'),
      ).toEqual(c.total);
      // The totals row is the exact sum of the line rows.
      const lines = rowsOf(table, '付款节点');
      for (const k of ['gross', 'deduction', 'net', 'paid', 'withheld', 'outstanding'] as const) {
        expect(lines.reduce((a, r) => a.plus(dec(r[H[k]])), dec(0)).toFixed(2)).toBe(total[H[k]]);
      }
      // And it agrees with the totals the engine stored (no 说明 row about a difference).
      expect(rowsOf(table, '说明').filter((r) => r[H.reason].startsWith('明细合计'))).toEqual([]);
    };

    it('XLSX: cells, numeric amounts formatted #,##0.00, 大写 text', async () => {
      const { ws, rows } = await readXlsx(await toXlsx([item(c.key)], { exportedAt: EXPORTED_AT }));
      check(tableOf(rows));
      const headerAt = rows.findIndex((r) => r[0] === '类型') + 1;
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: headerAt });
      // Amount cells are numbers with the money format; the 大写 cells are text.
      const firstLine = ws.getRow(headerAt + 1);
      expect(typeof firstLine.getCell(H.gross + 1).value).toBe('number');
      expect(firstLine.getCell(H.gross + 1).numFmt).toBe(MONEY_FORMAT);
      expect(typeof firstLine.getCell(H.netCapital + 1).value).toBe('string');
      // The header block.
      const block = Object.fromEntries(rows.slice(0, headerAt - 2).map((r) => [String(r[0]), String(r[1])]));
      expect(block).toMatchObject({
        导出时间: '2027-03-01 10:30（北京时间）',
        配置版本: '配置第 2 版',
        日历版本: '2026 国家日历',
        计算基准日: FIXTURES[c.key].asOf,
        采购人: '测试采购人',
      });
    });

    it('CSV: UTF-8 with BOM, RFC 4180, same cells', () => {
      const bytes = toCsv([item(c.key)], { exportedAt: EXPORTED_AT });
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const rows = readCsv(bytes);
      expect(new Set(rows.map((r) => r.length))).toEqual(new Set([COLUMNS.length]));
      check(tableOf(rows));
      expect(rows.find((r) => r[0] === '配置版本')?.[1]).toBe('配置第 2 版');
    });
  });

  it("the Huai'an name with a comma and quotes survives CSV quoting; lines end CRLF", () => {
    const bytes = toCsv([item('B')], { exportedAt: EXPORTED_AT });
    expect(bytes.toString('utf8')).toContain('"淮安医保信息系统运维, ""二期"""');
    expect(bytes.toString('utf8').split('\r\n').length).toBeGreaterThan(5);
    expect(tableOf(readCsv(bytes))[0][H.name]).toBe('淮安医保信息系统运维, "二期"');
  });

  it('a tenant-wide export adds a 总计 row: Decimal sums of the contracts, with 大写', async () => {
    const items = [item('A'), item('B'), item('C'), item('D')];
    const table = tableOf(
      (await readXlsx(await toXlsx(items, { exportedAt: EXPORTED_AT, tenantWide: true, omitted: ['beijing-2020'] })))
        .rows,
    );
    expect(rowsOf(table, '合计')).toHaveLength(4);
    const [grand] = rowsOf(table, '总计');
    // 2,333,333.33 + 1,700,000.00 + 40,150.00 + 33,124.00 = 4,106,607.33
    expect(pick(grand, 'name', 'gross', 'deduction', 'net', 'netCapital', 'withheld')).toEqual([
      '全部合同（4 份）',
      '4215124.00',
      '108516.67',
      '4106607.33',
      '肆佰壹拾万陆仟陆佰零柒元叁角叁分',
      '55281.00',
    ]);
    const csv = readCsv(toCsv(items, { exportedAt: EXPORTED_AT, tenantWide: true, omitted: ['beijing-2020'] }));
    expect(rowsOf(tableOf(csv), '总计')[0][H.net]).toBe('4106607.33');
    expect(csv.find((r) => r[0] === '未包含')?.[1]).toBe('尚无付款计划：beijing-2020');
    expect(csv.find((r) => r[0] === '配置版本')?.[1]).toBe(
      'xuzhou-2026: 配置第 2 版；huaian-2025-2026: 配置第 2 版；qinghai-hospital-3y: 配置第 2 版；tianjin-2026-p8: 配置第 2 版',
    );
  });

  it('stored close lines: the one a deduction names by key gives its close and reason to the row; others are listed, not totalled', () => {
    const stored: ExportCloseLine[] = [
      {
        lineKey: 'close-c1/settlement/absence',
        kind: 'deduction',
        paymentLineId: 'settlement',
        ruleId: 'absence',
        label: '缺岗扣减费用',
        amount: '66666.67',
        basis: { absentPersonMonths: '3' },
        formula: 'absence: 2,400,000.00 × 3 ÷ 108 = 66,666.67 (planned 108 person-months, actual 105)',
        reason: null,
        period: '2026',
        closeStatus: 'confirmed',
      },
      {
        lineKey: 'adjust-c1-1',
        kind: 'adjustment',
        paymentLineId: 'settlement',
        ruleId: null,
        label: null,
        amount: '-1000.00',
        basis: { adjustment: 'adj-1' },
        formula: 'manual adjustment adj-1',
        reason: '多扣退回',
        period: '2026',
        closeStatus: 'draft',
      },
    ];
    const table = buildScheduleTable([item('A', stored, { 'settlement/absence': 'close-c1/settlement/absence' })], {
      exportedAt: EXPORTED_AT,
    }).rows;
    const absence = table.find((r) => r.kind === '扣款' && r.rule === '缺岗扣减费用');
    expect(absence?.reason).toBe('2026 结算记录');
    const records = table.filter((r) => r.kind === '结算记录');
    expect(records.map((r) => [r.deduction, r.reason])).toEqual([
      ['-1000.00', '未计入当前付款计划，仅供核对：2026 结算（草稿）；多扣退回'],
    ]);
    expect(table.find((r) => r.kind === '合计')?.deduction).toBe('66666.67');
  });

  it('no re-joining by formula text or amount: a stored line no deduction names by key is a record, however alike', () => {
    const computed = item('A')
      .schedule.lines.find((l) => l.id === 'settlement')
      ?.deductions.find((d) => d.ruleId === 'absence');
    const twin: ExportCloseLine = {
      lineKey: 'close-c0/settlement/absence',
      kind: 'deduction',
      paymentLineId: 'settlement',
      ruleId: 'absence',
      label: '缺岗扣减费用',
      amount: computed?.amount ?? '',
      basis: {},
      formula: computed?.formula,
      reason: '旧版本的结算',
      period: '2026',
      closeStatus: 'confirmed',
    };
    const table = buildScheduleTable([item('A', [twin])], { exportedAt: EXPORTED_AT }).rows;
    expect(table.find((r) => r.kind === '扣款' && r.rule === '缺岗扣减费用')?.reason).toBe('');
    expect(table.filter((r) => r.kind === '结算记录').map((r) => [r.deduction, r.formula])).toEqual([
      ['66666.67', renderExplanation(computed?.formula, 'zh-CN')],
    ]);
  });

  it('totals that differ from the stored ones are explained in a 说明 row (the lines win)', () => {
    const a = item('A');
    const tampered = { ...a, schedule: { ...a.schedule, totals: { ...a.schedule.totals, paid: '10.00' } } };
    const rows = buildScheduleTable([tampered], { exportedAt: EXPORTED_AT }).rows;
    expect(rows.find((r) => r.kind === '说明')?.reason).toBe(
      '明细合计与计划存储的合计不同：已付 0.00 ≠ 10.00（以明细为准）',
    );
    expect(rows.find((r) => r.kind === '合计')?.paid).toBe('0.00');
  });

  it('CSV injection: text that starts like a formula is neutralised; negative amounts stay numbers', () => {
    const a = item('D-late');
    const evil = { ...a, contract: { ...a.contract, name: '=HYPERLINK("http://x")' } };
    const table = tableOf(readCsv(toCsv([evil], { exportedAt: EXPORTED_AT })));
    expect(table[0][H.name]).toBe('\'=HYPERLINK("http://x")');
    expect(table.some((r) => r[H.deduction].startsWith('-'))).toBe(true); // the carried-forward/forfeit rows
  });

  it('money cells: exact numbers below 10^13, text beyond (no float error ever written)', () => {
    expect(moneyCell('2333333.33')).toBe(2333333.33);
    expect(moneyCell('0.10')).toBe(0.1);
    expect(moneyCell('-8281.00')).toBe(-8281);
    expect(moneyCell('9999999999999.99')).toBe(9999999999999.99); // 15 significant digits: what Excel shows
    expect(moneyCell('10000000000000.01')).toBe('10000000000000.01');
    expect(moneyCell('12345678901234567.89')).toBe('12345678901234567.89');
  });

  it('file names', () => {
    expect(exportFileName('xlsx', ['xuzhou-2026'], EXPORTED_AT, false)).toBe('付款计划-xuzhou-2026-2027-03-01.xlsx');
    expect(exportFileName('csv', ['a', 'b'], new Date('2027-03-01T17:00:00Z'), true)).toBe(
      '付款计划-全部合同-2027-03-02.csv',
    );
  });
});

describe('schedule export in zh-CN: no English sentence, raw key, JSON, UUID or UTC time in any cell', () => {
  // Allowed Latin: the allowlist (SLA, L1–L4, ID, CSV, XLSX, PDF, units); contract codes and line ids sit in
  // their own identifier columns (合同编号, 节点编号) and are skipped; period ids (2026-H1, 2026-Q3) are not words.
  const ALLOWED = new Set(['SLA', 'ID', 'CSV', 'XLSX', 'PDF']);
  const IDENTIFIER_COLUMNS = new Set([H.code, H.lineId]);
  // Contract codes are identifiers the buyer chose (xuzhou-2026); they may head a multi-contract header value.
  const CODES = Object.values(FIXTURES).map((f) => f.code);
  const offences = (raw: string): string[] => {
    const cell = CODES.reduce((c, code) => c.split(code).join(''), raw);
    const found: string[] = [];
    for (const w of cell.match(/[A-Za-z]{3,}/g) ?? []) if (!ALLOWED.has(w)) found.push(w);
    if (/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(cell)) found.push('ISO timestamp');
    if (/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i.test(cell)) found.push('UUID');
    if (/[{[]\s*"/.test(cell)) found.push('JSON');
    if (/\w=\S/.test(cell)) found.push('key=value');
    return found;
  };
  const stored: ExportCloseLine[] = [
    // A row stored before explanations were codes, named by the deduction it is: its sentence is not shown.
    {
      lineKey: 'close-c1/settlement/absence',
      kind: 'deduction',
      paymentLineId: 'settlement',
      ruleId: 'absence',
      label: '缺岗扣减费用',
      amount: '66666.67',
      basis: { absentPersonMonths: '3' },
      formula: 'absence: 2,400,000.00 × 3 ÷ 108 = 66,666.67 (planned 108 person-months, actual 105)',
      reason: null,
      period: '2026',
      closeStatus: 'confirmed',
    },
  ];
  const all = () => [
    item('A', stored, { 'settlement/absence': 'close-c1/settlement/absence' }),
    item('B'),
    item('C'),
    item('D'),
    item('D-late'),
  ];

  const scan = (rows: string[][]): string[] =>
    rows.flatMap((r, i) =>
      r.flatMap((cell, j) =>
        i > 0 && IDENTIFIER_COLUMNS.has(j) && rows.findIndex((x) => x[0] === '类型') < i
          ? []
          : offences(cell).map((o) => `row ${i + 1} col ${j + 1} "${cell}": ${o}`),
      ),
    );

  it('XLSX: every cell', async () => {
    const { rows } = await readXlsx(await toXlsx(all(), { exportedAt: EXPORTED_AT, tenantWide: true }));
    const text = rows.map((r) => r.map((v) => (v === null || v === undefined ? '' : String(v))));
    expect(scan(text)).toEqual([]);
    expect(text.find((r) => r[0] === '导出时间')?.[1]).toBe('2027-03-01 10:30（北京时间）');
  });

  it('CSV: every cell', () => {
    expect(scan(readCsv(toCsv(all(), { exportedAt: EXPORTED_AT, tenantWide: true })))).toEqual([]);
  });
});
