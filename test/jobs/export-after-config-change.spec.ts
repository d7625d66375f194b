import { parse } from 'csv-parse/sync';
import request from 'supertest';
import { COLUMNS } from '../../libs/features/src/exports/schedule-export';
import { startApi, type TestApi } from '../api/api-app';
import { QINGHAI_ITEMS } from './acceptance/fixtures';

/*
 * One schedule truth (issue 14, point 3): a confirmed close's deductions are what every later schedule and export of
 * its period shows, whatever configuration version follows. Real PostgreSQL, demo seed, jobs in-process (embedded
 * job mode): a Qinghai contract (example C) closes 2026-H1 on version 1, the buyer saves version 2 (a complaint costs
 * 800.00 instead of 500.00, grade B 4 % instead of 2 %), 2026-H2 closes on version 2, and the export is read back.
 */

type Gql = { data?: Record<string, unknown> | null; errors?: { message: string; extensions: { code: string } }[] };
const H = Object.fromEntries(COLUMNS.map((c, i) => [c.key, i])) as Record<(typeof COLUMNS)[number]['key'], number>;
type Deduction = { id: string; label: string; params: Record<string, unknown> };
const H1 = 'half-year-payment.2026-H1';
const H2 = 'half-year-payment.2026-H2';

const binary = (res: request.Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

describe('a configuration change after a confirmed close leaves the past period of the export as confirmed', () => {
  let api: TestApi;
  const tokens: Record<string, string> = {};
  let contractId = '';

  const ok = async <T>(who: string, query: string, variables: Record<string, unknown> = {}): Promise<T> => {
    const r = (await api.gql(query, variables, tokens[who])).body as Gql;
    expect(r.errors).toBeUndefined();
    return r.data as T;
  };
  const closeAndConfirm = async (period: string, asOf: string): Promise<{ configVersion: number }> => {
    const { closePeriod } = await ok<{ closePeriod: { id: string } }>(
      'qinghai.staff',
      'mutation ($i: ClosePeriodInput!) { closePeriod(input: $i) { id } }',
      { i: { contractId, period, asOf } },
    );
    await api.jobsIdle();
    const { confirmPeriodClose } = await ok<{ confirmPeriodClose: { status: string; configVersion: number } }>(
      'qinghai.admin',
      'mutation ($id: ID!) { confirmPeriodClose(closeId: $id) { status configVersion } }',
      { id: closePeriod.id },
    );
    expect(confirmPeriodClose.status).toBe('confirmed');
    await api.jobsIdle(); // the schedule recompute the confirmation triggers
    return confirmPeriodClose;
  };
  /** The contract's CSV export, as finance downloads it: the rows below the column headers. */
  const exportRows = async (): Promise<string[][]> => {
    const { requestExport } = await ok<{ requestExport: { id: string } }>(
      'qinghai.finance',
      'mutation ($i: RequestExportInput!) { requestExport(input: $i) { id } }',
      { i: { contractId, format: 'CSV' } },
    );
    await api.jobsIdle();
    const { export: ready } = await ok<{ export: { status: string; downloadPath: string } }>(
      'qinghai.finance',
      'query ($id: ID!) { export(id: $id) { status downloadPath } }',
      { id: requestExport.id },
    );
    expect(ready.status).toBe('READY');
    const res = await request(api.app.getHttpServer())
      .get(ready.downloadPath)
      .set('authorization', `Bearer ${tokens['qinghai.finance']}`)
      .buffer(true)
      .parse(binary);
    expect(res.status).toBe(200);
    const rows = parse(res.body as Buffer, { bom: true }) as string[][];
    return rows.slice(rows.findIndex((r) => r[0] === '类型') + 1);
  };
  /** A line's row and its deduction rows: rule, basis, formula, amount and the close it was recorded by. */
  const lineRows = (table: string[][], lineId: string) =>
    table
      .filter((r) => r[H.lineId] === lineId && (r[H.kind] === '付款节点' || r[H.kind] === '扣款'))
      .map((r) =>
        r[H.kind] === '付款节点'
          ? [r[H.kind], r[H.gross], r[H.deduction], r[H.net], r[H.netCapital]]
          : [r[H.kind], r[H.rule], r[H.ruleBasis], r[H.formula], r[H.deduction], r[H.reason]],
      );

  beforeAll(async () => {
    api = await startApi({ SEED_DEMO: 'auto' });
    for (const who of ['qinghai.admin', 'qinghai.staff', 'qinghai.finance'])
      tokens[who] = await api.login(`${who}@demo.local`);
    const { vendorOrganizations } = await ok<{ vendorOrganizations: { id: string; name: string }[] }>(
      'qinghai.admin',
      '{ vendorOrganizations { id name } }',
    );
    const vendor = vendorOrganizations.find((v) => v.name === '演示运维服务有限公司') ?? vendorOrganizations[0];
    const { createContract } = await ok<{ createContract: { id: string } }>(
      'qinghai.admin',
      'mutation ($i: CreateContractInput!) { createContract(input: $i) { id } }',
      {
        i: {
          code: 'QH-ONE-TRUTH',
          name: '青海电子票据维保（配置变更）',
          vendorOrgId: vendor.id,
          presetId: 'qinghai-hospital-3y',
        },
      },
    );
    contractId = createContract.id;
    for (const period of ['2026-H1', '2026-H2'])
      await ok('qinghai.admin', 'mutation ($i: SetPeriodInputsInput!) { setPeriodInputs(input: $i) { period } }', {
        i: { contractId, period, itemScores: QINGHAI_ITEMS, complaints: { valid: 3, invalid: 1 } },
      });
  }, 180_000);

  afterAll(async () => {
    await api?.close();
  });

  it('2026-H1 closed on version 1 reads the same after version 2; 2026-H2 is computed on version 2', async () => {
    expect(await closeAndConfirm('2026-H1', '2026-07-10')).toMatchObject({ configVersion: 1 });
    const before = await exportRows();
    const h1 = lineRows(before, H1);
    // Example C on version 1: grade B 2 % = 140.00, 3 complaints × 500.00 = 1,500.00, ≥ 3 complaints 3 % = 210.00.
    expect(h1.map((r) => (r[0] === '扣款' ? [r[1], r[4], r[5]] : r.slice(1)))).toEqual([
      ['7000.00', '1850.00', '5150.00', '伍仟壹佰伍拾元整'],
      ['考核评价结果B级/C级', '140.00', '2026-H1 结算记录'],
      ['有效投诉每次扣除500元', '1500.00', '2026-H1 结算记录'],
      ['半年有效投诉≥3次再扣半年付款总额的3%', '210.00', '2026-H1 结算记录'],
    ]);

    // Version 2: a complaint costs 800.00 and grade B 4 %.
    const { contract } = await ok<{ contract: { configuration: { payment: { deductions: Deduction[] } } } }>(
      'qinghai.admin',
      'query ($id: ID!) { contract(id: $id) { configuration } }',
      { id: contractId },
    );
    const configuration = structuredClone(contract.configuration);
    for (const d of configuration.payment.deductions) {
      if (d.id === 'complaints') Object.assign(d, { label: '有效投诉每次扣除800元', params: { amountEach: '800.00' } });
      if (d.id === 'grade')
        d.params = {
          grades: [
            { grade: 'B', percent: 4, delayMonths: 1 },
            { grade: 'C', percent: 5, delayMonths: 2 },
          ],
        };
    }
    const saved = await ok<{ updateContractConfiguration: { currentVersion: number } }>(
      'qinghai.admin',
      'mutation ($i: UpdateContractConfigurationInput!) { updateContractConfiguration(input: $i) { currentVersion } }',
      { i: { contractId, configuration, changeNote: '补充协议：投诉扣款调整' } },
    );
    expect(saved.updateContractConfiguration.currentVersion).toBe(2);

    expect(await closeAndConfirm('2026-H2', '2027-01-10')).toMatchObject({ configVersion: 2 });
    const after = await exportRows();
    // The past period: the same rows, cell for cell (rule names, basis, formula text, amounts, the close they are from).
    expect(lineRows(after, H1)).toEqual(h1);
    // The new period: the new figures. 4 % of 7,000.00 = 280.00; 3 × 800.00 = 2,400.00; 3 % = 210.00.
    expect(lineRows(after, H2).map((r) => (r[0] === '扣款' ? [r[1], r[4], r[5]] : r.slice(1)))).toEqual([
      ['7000.00', '2890.00', '4110.00', '肆仟壹佰壹拾元整'],
      ['考核评价结果B级/C级', '280.00', '2026-H2 结算记录'],
      ['有效投诉每次扣除800元', '2400.00', '2026-H2 结算记录'],
      ['半年有效投诉≥3次再扣半年付款总额的3%', '210.00', '2026-H2 结算记录'],
    ]);
    // Nothing of either close is left over as an unmatched record.
    expect(after.filter((r) => r[H.kind] === '结算记录')).toEqual([]);
  });
});
