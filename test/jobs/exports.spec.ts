import { computeSchedule, getPreset, jobIds, type PaymentFactsInput } from '@ledger/contracts';
import { JobOutbox } from '@ledger/jobs';
import { TenantDatabase } from '@ledger/persistence';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import request from 'supertest';
import { RenderExportJob } from '../../libs/features/src/exports/render-export.job';
import { COLUMNS } from '../../libs/features/src/exports/schedule-export';
import { startApi, type TestApi } from '../api/api-app';
import { asSuperuser } from '../support/test-database';

/*
 * Finance exports end to end on the real API and PostgreSQL (embedded job mode: no REDIS_URL, jobs run in-process):
 * requestExport → the render-export job → export(id) READY → GET /exports/:id/download with the token → the file
 * parsed back. Stored payment schedules are inserted as the superuser (what the recompute-schedule job stores),
 * computed by the engine from the presets on domain.md's examples A (Xuzhou) and D (Tianjin P8).
 */

type Gql = { data?: Record<string, unknown> | null; errors?: { message: string; extensions: { code: string } }[] };
type ExportView = {
  id: string;
  contractId: string | null;
  status: string;
  format: string;
  fileName: string | null;
  byteSize: number | null;
  jobId: string;
  createdAt: string;
  completedAt: string | null;
  error: string | null;
  downloadPath: string | null;
};

const FIELDS = 'id contractId status format fileName byteSize jobId createdAt completedAt error downloadPath';
const REQUEST = `mutation ($i: RequestExportInput!) { requestExport(input: $i) { ${FIELDS} } }`;
const GET = `query ($id: ID!) { export(id: $id) { ${FIELDS} } }`;
const H = Object.fromEntries(COLUMNS.map((c, i) => [c.key, i])) as Record<(typeof COLUMNS)[number]['key'], number>;

const binary = (res: request.Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

async function xlsxRows(bytes: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(new Uint8Array(bytes).buffer); // a copy as a plain ArrayBuffer, the type exceljs declares
  const ws = wb.getWorksheet('付款计划');
  const rows: string[][] = [];
  ws?.eachRow({ includeEmpty: true }, (row, n) => {
    rows[n - 1] = COLUMNS.map((_, i) => {
      const v = row.getCell(i + 1).value;
      return v === null || v === undefined ? '' : typeof v === 'number' ? v.toFixed(2) : String(v);
    });
  });
  return rows.map((r) => r ?? []);
}
const tableOf = (rows: string[][]) => rows.slice(rows.findIndex((r) => r[0] === '类型') + 1);
const blockOf = (rows: string[][]) =>
  Object.fromEntries(
    rows
      .slice(
        0,
        rows.findIndex((r) => r[0] === '类型'),
      )
      .filter((r) => r[0])
      .map((r) => [r[0], r[1]]),
  );

describe('finance exports (real PostgreSQL, demo seed, jobs in-process)', () => {
  let api: TestApi;
  const tokens: Record<string, string> = {};
  const contracts: Record<string, { id: string; tenantId: string }> = {};
  const call = async (who: string | null, query: string, variables: Record<string, unknown> = {}): Promise<Gql> =>
    (await api.gql(query, variables, who ? tokens[who] : undefined)).body as Gql;
  const requestExport = async (who: string, input: Record<string, unknown>): Promise<ExportView> => {
    const r = await call(who, REQUEST, { i: input });
    expect(r.errors).toBeUndefined();
    return r.data?.requestExport as ExportView;
  };
  const getExport = async (who: string, id: string): Promise<ExportView> => {
    const r = await call(who, GET, { id });
    expect(r.errors).toBeUndefined();
    return r.data?.export as ExportView;
  };
  const download = (who: string | null, path: string) => {
    const r = request(api.app.getHttpServer()).get(path).buffer(true).parse(binary);
    return who ? r.set('authorization', `Bearer ${tokens[who]}`) : r;
  };

  /**
   * Stores a schedule the way the recompute job does (latest computed_at is current). `keys` (`<line id>/<rule id>` →
   * close line key): those lines settled by a confirmed close, their deductions naming its close lines.
   */
  const storeSchedule = async (
    code: string,
    facts: PaymentFactsInput,
    asOf: string,
    computedAt: string,
    basisKey: string,
    keys: Record<string, string> = {},
  ) => {
    const c = contracts[code];
    const live = computeSchedule(getPreset(code).config, facts, { asOf });
    const settled = live.lines
      .filter((l) => Object.keys(keys).some((k) => k.startsWith(`${l.id}/`)))
      .map((l) => ({
        lineId: l.id,
        deductions: l.deductions.map((d) => {
          const key = keys[`${l.id}/${d.ruleId}`];
          return key ? { ...d, key } : d;
        }),
      }));
    const schedule = computeSchedule(getPreset(code).config, { ...facts, settled }, { asOf });
    await asSuperuser(api.database.name, (db) =>
      db.query(
        `INSERT INTO payment_schedules (tenant_id, contract_id, basis_key, config_version, calendar_version, as_of, schedule, basis, net, vendor_balance_owed, computed_at)
         VALUES ($1, $2, $3, 1, 'cn-national@2026-test', $4, $5, $6, $7, $8, $9)`,
        [
          c.tenantId,
          c.id,
          basisKey,
          asOf,
          JSON.stringify(schedule),
          JSON.stringify({ facts }),
          schedule.totals.net,
          schedule.vendorBalanceOwed,
          computedAt,
        ],
      ),
    );
    return schedule;
  };

  beforeAll(async () => {
    api = await startApi({ SEED_DEMO: 'auto' });
    for (const who of [
      'xuzhou.finance',
      'xuzhou.staff',
      'xuzhou.admin',
      'huaian.finance',
      'tianjin.admin',
      'tianjin.finance',
      'vendor',
      'admin',
    ])
      tokens[who] = await api.login(`${who}@demo.local`);
    for (const who of ['xuzhou.admin', 'huaian.finance', 'tianjin.admin']) {
      for (const c of (await call(who, '{ contracts { id code tenantId } }')).data?.contracts as {
        id: string;
        code: string;
        tenantId: string;
      }[])
        contracts[c.code] = c;
    }
    // Xuzhou: an older snapshot without attendance, then the current one (example A: absence 66,666.67).
    await storeSchedule(
      'xuzhou-2026',
      { years: [{ year: 2026, score: '89.00', assessedOn: '2027-01-15' }] },
      '2027-02-01',
      '2027-02-01T08:00:00Z',
      'old',
    );
    await storeSchedule(
      'xuzhou-2026',
      { years: [{ year: 2026, score: '89.00', assessedOn: '2027-01-15' }], attendance: [{ actualPersonMonths: 105 }] },
      '2027-03-01',
      '2027-03-01T08:00:00Z',
      'current',
      { 'settlement/absence': 'settlement/absence' },
    );
    // Tianjin P8 (example D): four quarters of 8,281.00, Q3 withheld. The other seven Tianjin packages have no schedule.
    await storeSchedule(
      'tianjin-2026-p8',
      {
        quarters: [
          { id: '2026-Q1', qualified: true },
          { id: '2026-Q2', qualified: true },
          { id: '2026-Q3', qualified: false },
          { id: '2026-Q4', qualified: true },
        ],
        acceptance: { passed: true, date: '2027-01-05' },
      },
      '2027-01-10',
      '2027-01-10T08:00:00Z',
      'current',
    );
    // The confirmed 2026 close of Xuzhou that recorded the absence deduction, with its reason.
    const x = contracts['xuzhou-2026'];
    await asSuperuser(api.database.name, async (db) => {
      const [close] = (
        await db.query(
          `INSERT INTO period_closes (tenant_id, contract_id, period, revision, config_version, as_of, job_id, status, calendar_version, result, computed_at, confirmed_at)
           VALUES ($1, $2, '2026', 1, 1, '2027-03-01', 'close-test-xuzhou-2026', 'confirmed', 'cn-national@2026-test', '{}', now(), now()) RETURNING id`,
          [x.tenantId, x.id],
        )
      ).rows;
      await db.query(
        `INSERT INTO close_lines (tenant_id, contract_id, close_id, period, line_key, kind, payment_line_id, rule_id, label, amount, basis, formula, reason)
         VALUES ($1, $2, $3, '2026', 'settlement/absence', 'deduction', 'settlement', 'absence', '缺岗扣减费用', 66666.67, '{}', $4, '全年缺岗3人月')`,
        [
          x.tenantId,
          x.id,
          close.id,
          'absence: 2,400,000.00 × 3 ÷ 108 = 66,666.67 (planned 108 person-months, actual 105)',
        ],
      );
    });
  }, 180_000);

  afterAll(async () => {
    await api?.close();
  });

  let xuzhouXlsx: ExportView;

  it('finance: XLSX of one contract → queued → job → ready → download → the latest schedule, line by line, with 大写', async () => {
    const queued = await requestExport('xuzhou.finance', { contractId: contracts['xuzhou-2026'].id, format: 'XLSX' });
    expect(queued).toMatchObject({
      status: 'QUEUED',
      format: 'XLSX',
      contractId: contracts['xuzhou-2026'].id,
      fileName: null,
      downloadPath: null,
      error: null,
    });
    expect(queued.jobId).toBe(jobIds.export({ tenantId: contracts['xuzhou-2026'].tenantId, exportId: queued.id }));
    await api.jobsIdle();
    xuzhouXlsx = await getExport('xuzhou.finance', queued.id);
    expect(xuzhouXlsx).toMatchObject({ status: 'READY', downloadPath: `/exports/${queued.id}/download`, error: null });
    expect(xuzhouXlsx.fileName).toMatch(/^付款计划-xuzhou-2026-\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect(xuzhouXlsx.completedAt).not.toBeNull();

    const res = await download('xuzhou.finance', xuzhouXlsx.downloadPath as string);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="${(xuzhouXlsx.fileName as string).replace('付款计划', 'payment-schedule')}"; filename*=UTF-8''${encodeURIComponent(xuzhouXlsx.fileName as string)}`,
    );
    expect((res.body as Buffer).length).toBe(xuzhouXlsx.byteSize);

    const rows = await xlsxRows(res.body as Buffer);
    expect(blockOf(rows)).toMatchObject({
      配置版本: '配置第 1 版',
      日历版本: '2026 国家日历',
      计算基准日: '2027-03-01',
      采购人: expect.stringContaining('徐州'),
    });
    const table = tableOf(rows);
    const line = table.find((r) => r[H.kind] === '付款节点') as string[];
    expect([line[H.lineId], line[H.gross], line[H.deduction], line[H.net], line[H.netCapital], line[H.status]]).toEqual(
      ['settlement', '2400000.00', '66666.67', '2333333.33', '贰佰叁拾叁万叁仟叁佰叁拾叁元叁角叁分', '到期'],
    );
    // The rule as the buyer named it, its basis and formula in words (no rule ids or key=value pairs).
    const absence = table.find((r) => r[H.kind] === '扣款' && r[H.rule] === '缺岗扣减费用') as string[];
    expect([absence[H.deduction], absence[H.ruleBasis], absence[H.reason]]).toEqual([
      '66666.67',
      '基数 2400000.00；缺勤人月 3；实际人月 105；计划人月 108',
      '2026 结算记录：全年缺岗3人月',
    ]);
    const total = table.find((r) => r[H.kind] === '合计') as string[];
    expect([total[H.net], total[H.netCapital], total[H.outstanding], total[H.vendorOwed]]).toEqual([
      '2333333.33',
      '贰佰叁拾叁万叁仟叁佰叁拾叁元叁角叁分',
      '2333333.33',
      '0.00',
    ]);
  });

  it('the job is idempotent: running it again is a no-op, the file is written once', async () => {
    const payload = { tenantId: contracts['xuzhou-2026'].tenantId, exportId: xuzhouXlsx.id };
    const again = await api.app.get(RenderExportJob).handle(payload, { id: xuzhouXlsx.jobId, attempt: 2 });
    expect(again).toEqual({ exportId: xuzhouXlsx.id, status: 'ready', noop: true });
    expect(await getExport('xuzhou.finance', xuzhouXlsx.id)).toEqual(xuzhouXlsx);
    const job = await api.app
      .get(TenantDatabase)
      .run({ kind: 'tenant', tenantId: payload.tenantId, userId: '' }, (em) => JobOutbox.get(em, xuzhouXlsx.jobId));
    expect(job).toMatchObject({ status: 'completed', name: 'render-export', attempts: 0 });
    // The exports row is immutable once ready, whoever asks (the guard trigger).
    await expect(
      asSuperuser(api.database.name, (db) =>
        db.query(`UPDATE exports SET file_name = 'x' WHERE id = $1`, [xuzhouXlsx.id]),
      ),
    ).rejects.toThrow(/immutable/);
  });

  it('tenant-wide CSV (Tianjin buyer admin): UTF-8 BOM, contracts without a schedule named, 总计 row', async () => {
    const queued = await requestExport('tianjin.admin', { format: 'CSV' });
    expect(queued.contractId).toBeNull();
    await api.jobsIdle();
    const ready = await getExport('tianjin.finance', queued.id); // the tenant's finance sees it too
    expect(ready).toMatchObject({ status: 'READY' });
    expect(ready.fileName).toMatch(/^付款计划-全部合同-\d{4}-\d{2}-\d{2}\.csv$/);
    const res = await download('tianjin.finance', ready.downloadPath as string);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    const bytes = res.body as Buffer;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(bytes, { bom: true }) as string[][];
    expect(blockOf(rows)).toMatchObject({
      导出范围: '全部合同（1 份）',
      未包含: expect.stringMatching(/^尚无付款计划：tianjin-2026-p1、.*tianjin-2026-p7$/),
    });
    const table = tableOf(rows);
    expect(table.filter((r) => r[H.kind] === '付款节点').map((r) => [r[H.lineId], r[H.gross], r[H.status]])).toEqual([
      ['quarterly.2026-Q1', '8281.00', '到期'],
      ['quarterly.2026-Q2', '8281.00', '到期'],
      ['quarterly.2026-Q3', '8281.00', '暂扣'],
      ['quarterly.2026-Q4', '8281.00', '到期'],
    ]);
    const grand = table.find((r) => r[H.kind] === '总计') as string[];
    expect([grand[H.net], grand[H.netCapital], grand[H.withheld], grand[H.outstanding]]).toEqual([
      '33124.00',
      '叁万叁仟壹佰贰拾肆元整',
      '8281.00',
      '24843.00',
    ]);
  });

  it('the vendor exports a contract it holds and downloads it; a tenant-wide export is refused', async () => {
    const queued = await requestExport('vendor', { contractId: contracts['xuzhou-2026'].id, format: 'CSV' });
    await api.jobsIdle();
    const ready = await getExport('vendor', queued.id);
    expect(ready.status).toBe('READY');
    const res = await download('vendor', ready.downloadPath as string);
    expect(res.status).toBe(200);
    expect(
      tableOf(parse(res.body as Buffer, { bom: true }) as string[][]).find((r) => r[H.kind] === '合计')?.[H.net],
    ).toBe('2333333.33');
    // The buyer sees the vendor's export of its contract; the vendor does not see the buyer's.
    expect((await getExport('xuzhou.staff', queued.id)).status).toBe('READY');
    expect((await call('vendor', GET, { id: xuzhouXlsx.id })).errors?.[0].extensions.code).toBe('NOT_FOUND');
    expect((await download('vendor', xuzhouXlsx.downloadPath as string)).status).toBe(404);

    const wide = await call('vendor', REQUEST, { i: { format: 'XLSX' } });
    expect(wide.errors?.[0].extensions.code).toBe('FORBIDDEN');
    expect((await call('admin', REQUEST, { i: { format: 'XLSX' } })).errors?.[0].extensions.code).toBe('FORBIDDEN');
    expect(
      (await call('admin', REQUEST, { i: { contractId: contracts['xuzhou-2026'].id, format: 'XLSX' } })).errors?.[0]
        .extensions.code,
    ).toBe('NOT_FOUND');
  });

  it('a contract without a stored schedule: the export fails with the reason; the download answers 409', async () => {
    const queued = await requestExport('huaian.finance', {
      contractId: contracts['huaian-2025-2026'].id,
      format: 'XLSX',
    });
    await api.jobsIdle();
    const failed = await getExport('huaian.finance', queued.id);
    expect(failed).toMatchObject({ status: 'FAILED', fileName: null, downloadPath: null });
    expect(failed.error).toMatch(/^no payment schedule has been computed yet for contract huaian-2025-2026/);
    const res = await download('huaian.finance', `/exports/${queued.id}/download`);
    expect(res.status).toBe(409);
    expect(JSON.parse((res.body as Buffer).toString('utf8'))).toMatchObject({ code: 'CONFLICT' });
  });

  it('isolation: another tenant gets NOT_FOUND / 404 for the id; no token is 401; a bad id is 404', async () => {
    const path = xuzhouXlsx.downloadPath as string;
    for (const who of ['huaian.finance', 'tianjin.admin']) {
      expect((await call(who, GET, { id: xuzhouXlsx.id })).errors?.[0].extensions.code).toBe('NOT_FOUND');
      const res = await download(who, path);
      expect(res.status).toBe(404);
      expect((res.body as Buffer).toString('utf8')).not.toContain('2333333.33');
    }
    expect(
      (await call('huaian.finance', REQUEST, { i: { contractId: contracts['xuzhou-2026'].id, format: 'CSV' } }))
        .errors?.[0].extensions.code,
    ).toBe('NOT_FOUND');
    expect((await download(null, path)).status).toBe(401);
    expect((await download('xuzhou.finance', '/exports/not-a-uuid/download')).status).toBe(404);
    expect((await call('xuzhou.finance', GET, { id: 'not-a-uuid' })).errors?.[0].extensions.code).toBe('NOT_FOUND');
    // Nothing leaked into the other tenant's reach at the database level either.
    const counts = await asSuperuser(api.database.name, (db) =>
      db.query(`SELECT count(*)::int AS n FROM exports WHERE tenant_id = $1`, [contracts['huaian-2025-2026'].tenantId]),
    );
    expect(counts.rows[0].n).toBe(1);
  });
});
