import { Client } from 'pg';
import { getPreset } from '../../libs/contracts/src';
import { asAppRole, asSuperuser } from '../support/test-database';
import { startApi, type TestApi } from './api-app';

type Problem = { path: string; message: string };
type Explained = { code: string; params: { name: string; value: string }[] };
type Gql = {
  data?: Record<string, unknown> | null;
  errors?: {
    message: string;
    extensions: { code: string; messageCode?: string; messageParams?: Record<string, string>; problems?: Problem[] };
  }[];
};

const count = (db: string, table: string) =>
  asSuperuser(db, async (c) => Number((await c.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n));

const PROJECT =
  'mutation ($i: CreateProcurementProjectInput!) { createProcurementProject(input: $i) { id code name status tenantId } }';
const PACKAGE =
  'mutation ($i: AddProcurementPackageInput!) { addProcurementPackage(input: $i) { id number name budget presetId scheme bids { id } } }';
const BID =
  'mutation ($i: RecordBidInput!) { recordBid(input: $i) { id bidderName price smallOrMicro disqualified objective } }';
const SHEET =
  'mutation ($i: RecordEvaluatorSheetInput!) { recordEvaluatorSheet(input: $i) { id evaluator bidId items } }';
const RANKING = `query ($id: ID!) { packageRanking(packageId: $id) {
  packageId budget basePrice { bidId evaluatedPrice }
  bidders { bidId bidderName valid invalidReasons price evaluatedPrice priceScore priceExplanation priceExplained { code params { name value } }
            objective { itemId points explanation explained { code params { name value } text } }
            subjective { itemId mean perEvaluator { evaluator points explanation explained { code } } }
            objectiveTotal subjectiveTotal evaluatorTotals { evaluator total } totalExact total rank }
  ranking { rank bidId bidderName total price decidedBy } flags { code message } notes } }`;

/** Flaw counts for S1..S6 of Tianjin P8 (S1, S2, S4, S6 on L9 = 9/6/3; S3, S5 on L12 = 12/9/6/3). */
const flaws = (s1: unknown, s2: unknown, s3: unknown, s4: unknown, s5: unknown, s6: unknown) => ({
  S1: s1,
  S2: s2,
  S3: s3,
  S4: s4,
  S5: s5,
  S6: s6,
});

describe('procurement (Tianjin) through GraphQL on real PostgreSQL', () => {
  let api: TestApi;
  const tokens: Record<string, string> = {};
  const call = async (who: string, query: string, variables: Record<string, unknown> = {}): Promise<Gql> =>
    (await api.gql(query, variables, tokens[who])).body as Gql;
  const code = (r: Gql) => r.errors?.[0]?.extensions.code;
  /** A refusal's reason as the console renders it: its message code and parameters. */
  const reason = (r: Gql) => [r.errors?.[0]?.extensions.messageCode, r.errors?.[0]?.extensions.messageParams];
  const paths = (r: Gql) => (r.errors?.[0]?.extensions.problems ?? []).map((p) => p.path);
  // Where a test reads the English message (the code and its parameters are checked in problem-codes.e2e).
  const said = (r: Gql) =>
    (r.errors?.[0]?.extensions.problems ?? []).map((p) => ({ path: p.path, message: p.message }));
  const ok = <T>(r: Gql, field: string): T => {
    expect(r.errors).toBeUndefined();
    return r.data?.[field] as T;
  };

  let projectId: string;
  let packageId: string;
  const bid: Record<string, string> = {};

  beforeAll(async () => {
    api = await startApi({ SEED_DEMO: 'auto' });
    for (const who of ['tianjin.admin', 'tianjin.staff', 'tianjin.finance', 'vendor', 'huaian.admin'])
      tokens[who] = await api.login(`${who}@demo.local`);
  }, 120_000);

  afterAll(async () => {
    await api?.close();
  });

  it('a buyer admin opens a project and adds package 8 from its preset (scheme and budget 33,124.00)', async () => {
    const project = ok<{ id: string; status: string }>(
      await call('tianjin.admin', PROJECT, {
        i: { code: 'TGPC-2025-D-1284', name: '天津医保信息平台应用软件运维项目' },
      }),
      'createProcurementProject',
    );
    expect(project.status).toBe('open');
    projectId = project.id;
    const again = await call('tianjin.admin', PROJECT, { i: { code: 'TGPC-2025-D-1284', name: 'again' } });
    expect([code(again), ...reason(again)]).toEqual([
      'CONFLICT',
      'procurement.projectExists',
      { code: 'TGPC-2025-D-1284' },
    ]);
    const pkg = ok<{
      id: string;
      budget: string;
      presetId: string;
      scheme: { items: unknown[]; minValidBids: number };
    }>(
      await call('tianjin.admin', PACKAGE, {
        i: { projectId, number: 8, name: '第八包：医疗保障信息平台公文管理系统', presetId: 'tianjin-2026-p8' },
      }),
      'addProcurementPackage',
    );
    expect(pkg).toMatchObject({ budget: '33124.00', presetId: 'tianjin-2026-p8' });
    expect(pkg.scheme.items).toHaveLength(12);
    packageId = pkg.id;
    expect(
      code(
        await call('tianjin.admin', PACKAGE, {
          i: { projectId, number: 8, name: 'again', presetId: 'tianjin-2026-p8' },
        }),
      ),
    ).toBe('CONFLICT');
  });

  it('three bids (one small/micro, one over budget) and two evaluators’ sheets, recorded by admin and staff', async () => {
    const record = async (who: string, i: Record<string, unknown>) =>
      ok<{ id: string }>(await call(who, BID, { i: { packageId, ...i } }), 'recordBid').id;
    bid.A = await record('tianjin.admin', {
      bidderName: '津云运维有限公司',
      price: '30000.00',
      smallOrMicro: false,
      objective: {
        O1: [
          { ref: 'HT-2021', date: '2021-06-30' },
          { ref: 'HT-2022', date: '2022-03-01' },
          { ref: 'HT-2024', date: '2024-05-10' },
        ],
        O2: 1,
        O3: 1,
        O4: 0,
        O5: 5,
        O6: true,
      },
    });
    bid.B = await record('tianjin.staff', {
      bidderName: '小微信息技术有限公司',
      price: '32000.00',
      smallOrMicro: true,
      preferenceBasis: 'small-micro',
      objective: { O1: 4, O2: 2, O3: 1, O4: 1, O5: 2, O6: true },
    });
    // Over budget: invalid, so its objective answers and sheets are not needed.
    bid.C = await record('tianjin.admin', { bidderName: '超预算科技有限公司', price: '33500.00', smallOrMicro: false });
    const sheet = async (who: string, evaluator: string, bidId: string, items: Record<string, unknown>) =>
      ok<{ id: string }>(await call(who, SHEET, { i: { packageId, evaluator, bidId, items } }), 'recordEvaluatorSheet');
    await sheet('tianjin.admin', '评委甲', bid.A, flaws(0, 1, 0, 1, 1, 0));
    await sheet('tianjin.staff', '评委乙', bid.A, flaws(1, 1, 2, 0, 0, 1));
    await sheet('tianjin.admin', '评委甲', bid.B, flaws(0, 0, { flaws: 1 }, 0, { flaws: 0, provided: false }, 3));
    await sheet('tianjin.staff', '评委乙', bid.B, flaws(2, 0, 0, 2, 1, 0));
    const second = await call('tianjin.admin', SHEET, {
      i: { packageId, evaluator: '评委甲', bidId: bid.A, items: flaws(0, 0, 0, 0, 0, 0) },
    });
    expect([code(second), reason(second)[0]]).toEqual(['CONFLICT', 'procurement.sheetExists']);
    const pkg = ok<{ bids: { bidderName: string }[]; sheets: unknown[] }>(
      await call(
        'tianjin.finance',
        'query ($id: ID!) { procurementPackage(id: $id) { bids { bidderName price } sheets { evaluator } } }',
        { id: packageId },
      ),
      'procurementPackage',
    );
    expect(pkg.bids.map((b) => b.bidderName)).toEqual([
      '津云运维有限公司',
      '小微信息技术有限公司',
      '超预算科技有限公司',
    ]);
    expect(pkg.sheets).toHaveLength(4);
  });

  /*
   * Hand computation (Tianjin P8: budget 33,124.00; price weight 10, small/micro −20 %; L9 = 9/6/3, L12 = 12/9/6/3):
   *   Price (the same formula as libs/scoring's spec, where "B 600,000 小微 → eval 480,000 = base → 10.00", "A 600,000 → 8.00"):
   *     A 30,000.00            eval 30,000.00   25,600 / 30,000 × 10 = 8.5333…
   *     B 32,000.00 小微        eval 25,600.00   = base → 10
   *     C 33,500.00 > 33,124   invalid on the offered price; not scored, not the base
   *   Objective (P8: O1 2/业绩 cap 6, contracts on or after 2022-01-01; O2 2 cap 4; O3 2 cap 2; O4 2 cap 2; O5 1 cap 4; O6 12 or 0):
   *     A O1 2 of 3 contracts count (2021-06-30 is before the cut-off) → 4; O2 2; O3 2; O4 0; O5 5 → capped 4; O6 12 → 24
   *     B O1 4 → 8 capped 6; O2 4; O3 2; O4 2; O5 2; O6 12 → 28
   *   Subjective (S1..S6):
   *     A 评委甲 flaws 0,1,0,1,1,0 → 9+6+12+6+9+9 = 51; 评委乙 1,1,2,0,0,1 → 6+6+6+9+12+6 = 45; mean 48
   *     B 评委甲 0,0,1,0,(no plan),3 → 9+9+9+9+0+0 = 36; 评委乙 2,0,0,2,1,0 → 3+9+12+3+9+9 = 45; mean 40.5
   *   Totals: A 8.5333… + 24 + 48 = 80.5333… → 80.53; B 10 + 28 + 40.5 = 78.50.
   *   Evaluator totals: A 8.5333 + 24 + 51 = 83.53, + 45 = 77.53; B 10 + 28 + 36 = 74.00, + 45 = 83.00.
   *   Ranking: A 80.53, B 78.50, decided by score. Two valid bids = P8's minValidBids 2 → no TOO_FEW_VALID_BIDS.
   */
  it('scores and ranks the package exactly as computed by hand', async () => {
    type Bidder = {
      bidId: string;
      valid: boolean;
      invalidReasons: string[];
      price: string;
      evaluatedPrice: string;
      priceScore: string | null;
      priceExplanation: string | null;
      priceExplained: Explained | null;
      objective: { itemId: string; points: string; explanation: string; explained: Explained & { text: string } }[];
      subjective: {
        itemId: string;
        mean: string;
        perEvaluator: { evaluator: string; points: string; explanation: string; explained: { code: string } }[];
      }[];
      objectiveTotal: string;
      subjectiveTotal: string;
      evaluatorTotals: unknown[];
      totalExact: string | null;
      total: string | null;
      rank: number | null;
    };
    const r = ok<{
      budget: string;
      basePrice: unknown;
      bidders: Bidder[];
      ranking: unknown[];
      flags: unknown[];
      notes: string[];
    }>(await call('tianjin.finance', RANKING, { id: packageId }), 'packageRanking');
    const by = (id: string) => r.bidders.find((b) => b.bidId === id) as Bidder;
    expect(r.budget).toBe('33124.00');
    expect(r.basePrice).toEqual({ bidId: bid.B, evaluatedPrice: '25600.00' });

    const a = by(bid.A);
    expect(a.priceScore?.startsWith('8.53333333')).toBe(true);
    expect(a.objective.map((o) => [o.itemId, o.points])).toEqual([
      ['O1', '4'],
      ['O2', '2'],
      ['O3', '2'],
      ['O4', '0'],
      ['O5', '4'],
      ['O6', '12'],
    ]);
    // Explanations are codes rendered in the caller's language (zh-CN by default), with the engine's figures.
    expect(a.objective[0].explanation).toBe('业绩 2 个 × 2 分 = 4 → +4（不计：HT-2021 (2021-06-30) 早于 2022-01-01）');
    expect(a.objective[0].explained).toMatchObject({
      code: 'procurement.count',
      params: [
        { name: 'count', value: '2' },
        { name: 'early', value: 'HT-2021 (2021-06-30)' },
        { name: 'notBefore', value: '2022-01-01' },
        { name: 'points', value: '4' },
        { name: 'raw', value: '4' },
        { name: 'unit', value: '业绩' },
        { name: 'unitPoints', value: '2' },
      ],
      text: a.objective[0].explanation,
    });
    expect(a.subjective.map((s) => [s.itemId, s.perEvaluator.map((e) => e.points), s.mean])).toEqual([
      ['S1', ['9', '6'], '7.5'],
      ['S2', ['6', '6'], '6'],
      ['S3', ['12', '6'], '9'],
      ['S4', ['6', '9'], '7.5'],
      ['S5', ['9', '12'], '10.5'],
      ['S6', ['9', '6'], '7.5'],
    ]);
    expect([a.objectiveTotal, a.subjectiveTotal, a.total, a.rank]).toEqual(['24', '48', '80.53', 1]);
    expect(a.totalExact?.startsWith('80.5333333')).toBe(true);
    expect(a.evaluatorTotals).toEqual([
      { evaluator: '评委甲', total: '83.53' },
      { evaluator: '评委乙', total: '77.53' },
    ]);

    const b = by(bid.B);
    expect(b).toMatchObject({
      valid: true,
      price: '32000.00',
      evaluatedPrice: '25600.00',
      priceScore: '10',
      objectiveTotal: '28',
      subjectiveTotal: '40.5',
      total: '78.50',
      rank: 2,
    });
    expect(b.priceExplanation).toBe(
      '价格得分 = 评标基准价 25,600.00 ÷ 评审价 25,600.00（报价 32,000.00 × (1 − 20 %)，小微企业）× 10 = 10.00',
    );
    expect(b.priceExplained?.code).toBe('procurement.price.small-micro');
    expect(b.subjective.find((s) => s.itemId === 'S5')?.perEvaluator[0]).toMatchObject({
      evaluator: '评委甲',
      points: '0',
      explanation: '未提供方案 → 0',
      explained: { code: 'procurement.flaws.no-plan' },
    });
    // No English on a Chinese screen: every line the console shows.
    for (const x of r.bidders.flatMap((d) => [
      d.priceExplanation ?? '',
      ...d.objective.map((o) => o.explanation),
      ...d.subjective.flatMap((s) => s.perEvaluator.map((e) => e.explanation)),
    ]))
      expect([x, x.match(/[A-Za-z]{3,}/g)]).toEqual([x, null]);
    // In English for a caller who asks for it.
    const en = (
      (await api.gql(RANKING, { id: packageId }, tokens['tianjin.finance']).set('Accept-Language', 'en')).body as Gql
    ).data?.packageRanking as { bidders: Bidder[] };
    const enB = en.bidders.find((d) => d.bidId === bid.B) as Bidder;
    expect(enB.priceExplanation).toBe(
      'price score = base price 25,600.00 ÷ evaluated price 25,600.00 (32,000.00 × (1 − 20 %), small or micro enterprise) × 10 = 10.00',
    );
    expect(enB.subjective.find((s) => s.itemId === 'S5')?.perEvaluator[0].explanation).toBe('no plan → 0');
    expect(b.evaluatorTotals).toEqual([
      { evaluator: '评委甲', total: '74.00' },
      { evaluator: '评委乙', total: '83.00' },
    ]);

    const c = by(bid.C);
    expect(c).toMatchObject({
      valid: false,
      invalidReasons: ['报价 33500.00 超过采购预算 33124.00: 响应无效 (over budget)'],
      evaluatedPrice: '33500.00',
      priceScore: null,
      priceExplanation: null,
      priceExplained: null,
      total: null,
      rank: null,
    });

    expect(r.ranking).toEqual([
      { rank: 1, bidId: bid.A, bidderName: '津云运维有限公司', total: '80.53', price: '30000.00', decidedBy: 'score' },
      {
        rank: 2,
        bidId: bid.B,
        bidderName: '小微信息技术有限公司',
        total: '78.50',
        price: '32000.00',
        decidedBy: 'score',
      },
    ]);
    expect(r.flags).toEqual([]);
    expect(r.notes).toEqual(['1 bid(s) invalid and excluded from the base price and the ranking']);
  });

  it('a package from a scheme JSON: the same bids under minValidBids 3 raise TOO_FEW_VALID_BIDS; an exact tie shares a rank with TIE_UNRESOLVED', async () => {
    const scheme = {
      ...(getPreset('tianjin-2026-p8').config as unknown as { procurement: Record<string, unknown> }).procurement,
      minValidBids: 3,
    };
    const pkg = ok<{ id: string; budget: string; presetId: string | null }>(
      await call('tianjin.staff', PACKAGE, {
        i: { projectId, number: 9, name: '演示包（自定义方案）', budget: '33124.00', scheme },
      }),
      'addProcurementPackage',
    );
    expect(pkg).toMatchObject({ budget: '33124.00', presetId: null });
    const objective = { O1: 3, O2: 2, O3: 1, O4: 1, O5: 4, O6: true }; // 30
    const ids: string[] = [];
    // X and Y: same objective and sheets; Y offers 30,000, X 28,000 → price 10 vs 9.3333 … → not a tie.
    // Y and Z: identical offers and sheets → equal score and price and technical score → TIE_UNRESOLVED.
    for (const [name, price] of [
      ['X', '28000.00'],
      ['Y', '30000.00'],
      ['Z', '30000.00'],
    ] as const) {
      ids.push(
        ok<{ id: string }>(
          await call('tianjin.admin', BID, {
            i: { packageId: pkg.id, bidderName: name, price, smallOrMicro: false, objective },
          }),
          'recordBid',
        ).id,
      );
    }
    for (const id of ids) {
      ok(
        await call('tianjin.admin', SHEET, {
          i: { packageId: pkg.id, evaluator: 'E1', bidId: id, items: flaws(0, 0, 0, 0, 0, 0) },
        }),
        'recordEvaluatorSheet',
      );
    }
    const r = ok<{
      ranking: { rank: number; bidderName: string; total: string; decidedBy: string }[];
      flags: { code: string }[];
    }>(await call('tianjin.admin', RANKING, { id: pkg.id }), 'packageRanking');
    // X: 10 + 30 + 60 = 100.00; Y, Z: 28,000 / 30,000 × 10 = 9.3333… + 90 = 99.33 each.
    expect(r.ranking.map((l) => [l.rank, l.bidderName, l.total, l.decidedBy])).toEqual([
      [1, 'X', '100.00', 'score'],
      [2, 'Y', '99.33', 'unresolved'],
      [2, 'Z', '99.33', 'unresolved'],
    ]);
    expect(r.flags.map((f) => f.code)).toEqual(['TIE_UNRESOLVED']);

    // One valid bid (the other disqualified by the panel) under minValidBids 3 → TOO_FEW_VALID_BIDS.
    const few = ok<{ id: string }>(
      await call('tianjin.admin', PACKAGE, {
        i: { projectId, number: 10, name: '两家有效', budget: '33124.00', scheme },
      }),
      'addProcurementPackage',
    );
    const v1 = ok<{ id: string }>(
      await call('tianjin.admin', BID, {
        i: { packageId: few.id, bidderName: 'V1', price: '30000.00', smallOrMicro: false, objective },
      }),
      'recordBid',
    );
    ok(
      await call('tianjin.admin', BID, {
        i: {
          packageId: few.id,
          bidderName: 'V2',
          price: '31000.00',
          smallOrMicro: false,
          disqualificationReason: '未加盖电子签章 (28.6)',
        },
      }),
      'recordBid',
    );
    ok(
      await call('tianjin.admin', SHEET, {
        i: { packageId: few.id, evaluator: 'E1', bidId: v1.id, items: flaws(0, 0, 0, 0, 0, 0) },
      }),
      'recordEvaluatorSheet',
    );
    const f = ok<{ flags: { code: string }[]; bidders: { bidderName: string; invalidReasons: string[] }[] }>(
      await call('tianjin.admin', RANKING, { id: few.id }),
      'packageRanking',
    );
    expect(f.flags.map((x) => x.code)).toEqual(['TOO_FEW_VALID_BIDS']);
    expect(f.bidders.find((b) => b.bidderName === 'V2')?.invalidReasons).toEqual(['未加盖电子签章 (28.6)']);
  });

  it('a package cannot be scored before it is complete: no bids yet, or a valid bid without a sheet from an evaluator', async () => {
    const pkg = ok<{ id: string; budget: string }>(
      await call('tianjin.admin', PACKAGE, {
        i: { projectId, number: 1, name: '第一包', presetId: 'tianjin-2026-p1' },
      }),
      'addProcurementPackage',
    );
    expect(pkg.budget).toBe('690707.00');
    const empty = await call('tianjin.admin', RANKING, { id: pkg.id });
    expect([code(empty), paths(empty)]).toEqual(['BAD_USER_INPUT', ['bids']]);
    // A valid bid that no evaluator has scored yet.
    const first = ok<{ id: string }>(
      await call('tianjin.admin', BID, {
        i: {
          packageId: pkg.id,
          bidderName: '先到公司',
          price: '600000.00',
          smallOrMicro: false,
          objective: { O1: 1, O2: 0, O3: 0, O4: 0, O5: true },
        },
      }),
      'recordBid',
    );
    const unscored = await call('tianjin.admin', RANKING, { id: pkg.id });
    expect([code(unscored), said(unscored)]).toEqual([
      'BAD_USER_INPUT',
      [{ path: 'sheets', message: 'no evaluator sheets: the subjective items need at least one evaluator' }],
    ]);
    ok(
      await call('tianjin.admin', SHEET, {
        i: { packageId: pkg.id, evaluator: 'E1', bidId: first.id, items: flaws(0, 0, 0, 0, 0, 0) },
      }),
      'recordEvaluatorSheet',
    );
    // A second bid, valid, with no sheet from E1: named.
    const second = ok<{ id: string }>(
      await call('tianjin.admin', BID, {
        i: {
          packageId: pkg.id,
          bidderName: '后到公司',
          price: '650000.00',
          smallOrMicro: false,
          objective: { O1: 0, O2: 0, O3: 0, O4: 0, O5: true },
        },
      }),
      'recordBid',
    );
    const missing = await call('tianjin.admin', RANKING, { id: pkg.id });
    expect(said(missing)).toEqual([
      { path: 'sheets', message: `evaluator "E1" has no sheet for bidder "${second.id}"` },
    ]);
  });

  it('an invalid scheme is refused with every problem at its path, and nothing is stored', async () => {
    const before = await count(api.database.name, 'procurement_packages');
    const p8 = (getPreset('tianjin-2026-p8').config as unknown as { procurement: { items: Record<string, unknown>[] } })
      .procurement;
    const bad = {
      ...p8,
      price: { weight: 10, smallMicroDeduction: '1.5' },
      items: [
        { ...p8.items[0], params: { unitPoints: 2, cap: -6, unit: '业绩' } },
        ...p8.items.slice(1, 6),
        { ...p8.items[6], id: 'O2' },
        ...p8.items.slice(7),
      ],
    };
    const r = await call('tianjin.admin', PACKAGE, { i: { projectId, number: 0, name: ' ', scheme: bad } });
    expect(code(r)).toBe('BAD_USER_INPUT');
    expect(paths(r)).toEqual(
      expect.arrayContaining([
        'input.number',
        'input.name',
        'input.budget',
        'input.scheme.price.smallMicroDeduction',
        'input.scheme.items[0].params.cap',
        'input.scheme.items[6].id',
        'input.scheme.items',
      ]),
    );
    const both = await call('tianjin.admin', PACKAGE, {
      i: { projectId, number: 11, name: 'x', presetId: 'huaian-2025-2026' },
    });
    expect(both.errors?.[0].extensions.problems).toEqual([
      {
        path: 'input.presetId',
        code: 'procurement.presetWithoutScheme',
        params: { value: 'huaian-2025-2026' },
        message: 'preset "huaian-2025-2026" has no procurement scheme (only the Tianjin packages have one)',
      },
    ]);
    expect(paths(await call('tianjin.admin', PACKAGE, { i: { projectId, number: 11, name: 'x' } }))).toEqual(['input']);
    expect(await count(api.database.name, 'procurement_packages')).toBe(before);
  });

  it('an invalid bid or sheet is refused with every problem at its path, and nothing is stored', async () => {
    const bids = await count(api.database.name, 'procurement_bids');
    const r = await call('tianjin.admin', BID, {
      i: {
        packageId,
        bidderName: ' ',
        price: '-5.00',
        smallOrMicro: false,
        preferenceBasis: 'medium',
        objective: { O1: -1, O2: 'two', O9: 1, O3: 1, O4: 0, O5: 1 },
      },
    });
    expect(code(r)).toBe('BAD_USER_INPUT');
    expect([...new Set(paths(r))].sort()).toEqual(
      [
        'input.bidderName',
        'input.objective.O1',
        'input.objective.O2',
        'input.objective.O6',
        'input.objective.O9',
        'input.preferenceBasis',
        'input.price',
      ].sort(),
    );
    expect(r.errors?.[0].extensions.problems?.find((p) => p.path === 'input.objective.O9')?.message).toBe(
      'not an objective item of this scheme (O1, O2, O3, O4, O5, O6)',
    );
    expect(
      paths(
        await call('tianjin.admin', BID, {
          i: { packageId, bidderName: 'S', price: '1.00', smallOrMicro: false, objective: [1] },
        }),
      ),
    ).toEqual(['input.objective']);
    expect(await count(api.database.name, 'procurement_bids')).toBe(bids);

    const sheets = await count(api.database.name, 'procurement_evaluator_sheets');
    const s = await call('tianjin.admin', SHEET, {
      i: {
        packageId,
        evaluator: '评委丙',
        bidId: bid.A,
        items: { S1: { flaws: 1.5 }, S2: 0, S3: { flaws: 0, missingTopics: ['不存在'] }, S4: 0, S5: 0, S9: 1 },
      },
    });
    expect([...new Set(paths(s))].sort()).toEqual(
      ['input.items.S1.flaws', 'input.items.S3.missingTopics[0]', 'input.items.S6', 'input.items.S9'].sort(),
    );
    const other = await call('tianjin.admin', SHEET, {
      i: { packageId, evaluator: ' ', bidId: '00000000-0000-4000-8000-000000000000', items: {} },
    });
    expect(paths(other).sort()).toEqual(['input.bidId', 'input.evaluator']);
    expect(await count(api.database.name, 'procurement_evaluator_sheets')).toBe(sheets);
  });

  it('finance reads but cannot record; a vendor sees nothing (NOT_FOUND) and may not record (FORBIDDEN); another tenant gets NOT_FOUND', async () => {
    expect(
      ok<unknown[]>(await call('tianjin.finance', '{ procurementProjects { code } }'), 'procurementProjects'),
    ).toEqual([{ code: 'TGPC-2025-D-1284' }]);
    expect(
      code(
        await call('tianjin.finance', BID, { i: { packageId, bidderName: 'F', price: '1.00', smallOrMicro: false } }),
      ),
    ).toBe('FORBIDDEN');
    expect(code(await call('tianjin.finance', PROJECT, { i: { code: 'F-1', name: 'f' } }))).toBe('FORBIDDEN');
    expect(
      code(await call('tianjin.finance', SHEET, { i: { packageId, evaluator: 'F', bidId: bid.A, items: {} } })),
    ).toBe('FORBIDDEN');
    expect(
      code(
        await call('tianjin.finance', PACKAGE, {
          i: { projectId, number: 12, name: 'f', presetId: 'tianjin-2026-p2' },
        }),
      ),
    ).toBe('FORBIDDEN');

    expect(
      code(await call('vendor', 'query ($id: ID!) { procurementPackage(id: $id) { id } }', { id: packageId })),
    ).toBe('NOT_FOUND');
    expect(code(await call('vendor', RANKING, { id: packageId }))).toBe('NOT_FOUND');
    expect(ok<unknown[]>(await call('vendor', '{ procurementProjects { code } }'), 'procurementProjects')).toEqual([]);
    expect(
      code(await call('vendor', BID, { i: { packageId, bidderName: 'V', price: '1.00', smallOrMicro: false } })),
    ).toBe('FORBIDDEN');

    expect(
      code(await call('huaian.admin', 'query ($id: ID!) { procurementPackage(id: $id) { id } }', { id: packageId })),
    ).toBe('NOT_FOUND');
    expect(
      code(await call('huaian.admin', BID, { i: { packageId, bidderName: 'H', price: '1.00', smallOrMicro: false } })),
    ).toBe('NOT_FOUND');
    expect(
      code(
        await call('huaian.admin', PACKAGE, { i: { projectId, number: 12, name: 'h', presetId: 'tianjin-2026-p2' } }),
      ),
    ).toBe('NOT_FOUND');
    expect(
      ok<unknown[]>(await call('huaian.admin', '{ procurementProjects { code } }'), 'procurementProjects'),
    ).toEqual([]);
  });

  it('row-level security as ledger_app: another tenant and the vendor see no procurement row, write none into Tianjin, and nobody updates or deletes', async () => {
    const tenantOf = async (code: string) =>
      (await asSuperuser(api.database.name, (c) => c.query('SELECT id FROM tenants WHERE code = $1', [code]))).rows[0]
        .id as string;
    const [tianjin, huaian] = [await tenantOf('tianjin'), await tenantOf('huaian')];
    const vendorOrgId = ((await call('vendor', '{ me { vendorOrgId } }')).data?.me as { vendorOrgId: string })
      .vendorOrgId;
    const scoped = <T>(setting: string, value: string, work: (c: Client) => Promise<T>) =>
      asAppRole(api.database.appUrl, setting, value, work);
    const TABLES = ['procurement_projects', 'procurement_packages', 'procurement_bids', 'procurement_evaluator_sheets'];
    const counts = (c: Client) =>
      c
        .query(`SELECT ${TABLES.map((t) => `(SELECT count(*) FROM ${t})::int AS ${t}`).join(', ')}`)
        .then((r) => Object.values(r.rows[0] as Record<string, number>));
    expect(await scoped('app.tenant_id', huaian, counts)).toEqual([0, 0, 0, 0]);
    expect(await scoped('app.vendor_org_id', vendorOrgId, counts)).toEqual([0, 0, 0, 0]);
    expect((await scoped('app.tenant_id', tianjin, counts)).every((n) => n > 0)).toBe(true);
    // Writing a Tianjin row from Huai'an's scope: refused by the policy.
    await expect(
      scoped('app.tenant_id', huaian, (c) =>
        c.query(
          "INSERT INTO procurement_bids (tenant_id, package_id, bidder_name, price, small_or_micro) VALUES ($1, $2, 'x', 1, false)",
          [tianjin, packageId],
        ),
      ),
    ).rejects.toThrow(/row-level security/);
    // A Huai'an row pointing at Tianjin's package: refused by the composite foreign key.
    await expect(
      scoped('app.tenant_id', huaian, (c) =>
        c.query(
          "INSERT INTO procurement_bids (tenant_id, package_id, bidder_name, price, small_or_micro) VALUES ($1, $2, 'x', 1, false)",
          [huaian, packageId],
        ),
      ),
    ).rejects.toThrow(/foreign key/);
    // A sheet for a bid of another package of the same tenant: refused by the (tenant, package, bid) key.
    const otherPackage = (
      await asSuperuser(api.database.name, (c) =>
        c.query('SELECT id FROM procurement_packages WHERE id <> $1 AND tenant_id = $2 LIMIT 1', [packageId, tianjin]),
      )
    ).rows[0].id as string;
    await expect(
      scoped('app.tenant_id', tianjin, (c) =>
        c.query(
          "INSERT INTO procurement_evaluator_sheets (tenant_id, package_id, evaluator, bid_id, items) VALUES ($1, $2, 'x', $3, '{}')",
          [tianjin, otherPackage, bid.A],
        ),
      ),
    ).rejects.toThrow(/foreign key/);
    for (const t of TABLES) {
      await expect(
        scoped('app.tenant_id', tianjin, (c) => c.query(`UPDATE ${t} SET created_at = now()`)),
      ).rejects.toThrow(/permission denied/);
      await expect(scoped('app.tenant_id', tianjin, (c) => c.query(`DELETE FROM ${t}`))).rejects.toThrow(
        /permission denied/,
      );
    }
  });

  it('every procurement mutation left audit rows naming the operation, the actor and the tenant', async () => {
    const tianjin = (
      await asSuperuser(api.database.name, (c) => c.query(`SELECT id FROM tenants WHERE code = 'tianjin'`))
    ).rows[0].id as string;
    const rows = await asSuperuser(
      api.database.name,
      async (c) =>
        (
          await c.query(
            `SELECT operation, table_name, action, tenant_id, actor_user_id, row_id FROM audit_log WHERE table_name LIKE 'procurement_%' ORDER BY id`,
          )
        ).rows,
    );
    const seen = new Set(rows.map((r) => `${r.operation} ${r.table_name} ${r.action}`));
    for (const s of [
      'createProcurementProject procurement_projects INSERT',
      'addProcurementPackage procurement_packages INSERT',
      'recordBid procurement_bids INSERT',
      'recordEvaluatorSheet procurement_evaluator_sheets INSERT',
    ]) {
      expect(seen).toContain(s);
    }
    for (const r of rows)
      expect({ tenant: r.tenant_id, actor: r.actor_user_id }).toEqual({
        tenant: tianjin,
        actor: expect.stringMatching(/^[0-9a-f-]{36}$/),
      });
    expect(rows.filter((r) => r.table_name === 'procurement_bids').map((r) => r.row_id)).toEqual(
      expect.arrayContaining([bid.A, bid.B, bid.C]),
    );
    // Row counts equal audit rows: nothing was written without a trace (refused calls wrote nothing).
    for (const t of [
      'procurement_projects',
      'procurement_packages',
      'procurement_bids',
      'procurement_evaluator_sheets',
    ]) {
      expect({ t, audited: rows.filter((r) => r.table_name === t).length }).toEqual({
        t,
        audited: await count(api.database.name, t),
      });
    }
  });
});
