import { startApi, type TestApi } from './api-app';

type Gql = { data?: Record<string, unknown> | null; errors?: { message: string; extensions: { code: string } }[] };

// procurementPackages(projectId): what the web console's procurement page lists a project's packages with.
describe('procurementPackages: a project’s packages with their bids and sheets', () => {
  let api: TestApi;
  const tokens: Record<string, string> = {};
  const call = async (who: string, query: string, variables: Record<string, unknown> = {}): Promise<Gql> =>
    (await api.gql(query, variables, tokens[who])).body as Gql;

  beforeAll(async () => {
    api = await startApi({ SEED_DEMO: 'auto' });
    for (const who of ['tianjin.admin', 'tianjin.finance', 'vendor', 'huaian.admin'])
      tokens[who] = await api.login(`${who}@demo.local`);
  }, 120_000);
  afterAll(async () => {
    await api?.close();
  });

  it('lists packages by number with bids and sheets; finance reads; a vendor, another tenant and a bad id get NOT_FOUND', async () => {
    const project = (
      await call(
        'tianjin.admin',
        'mutation { createProcurementProject(input: { code: "TGPC-LIST", name: "列表" }) { id } }',
      )
    ).data?.createProcurementProject as { id: string };
    const add = (n: number) =>
      call(
        'tianjin.admin',
        `mutation ($p: ID!) { addProcurementPackage(input: { projectId: $p, number: ${n}, name: "第${n}包", presetId: "tianjin-2026-p${n}" }) { id } }`,
        { p: project.id },
      );
    const p8 = (await add(8)).data?.addProcurementPackage as { id: string };
    await add(2);
    const bid = await call(
      'tianjin.admin',
      'mutation ($k: ID!) { recordBid(input: { packageId: $k, bidderName: "甲", price: "30000.00", smallOrMicro: false, objective: { O1: 1, O2: 1, O3: 1, O4: 0, O5: 2, O6: true } }) { id } }',
      { k: p8.id },
    );
    expect(bid.errors).toBeUndefined();
    const LIST =
      'query ($p: ID!) { procurementPackages(projectId: $p) { id number budget presetId bids { bidderName price } sheets { evaluator } } }';
    const listed = await call('tianjin.admin', LIST, { p: project.id });
    expect(listed.errors).toBeUndefined();
    expect(listed.data?.procurementPackages).toEqual([
      { id: expect.any(String), number: 2, budget: '278027.00', presetId: 'tianjin-2026-p2', bids: [], sheets: [] },
      {
        id: p8.id,
        number: 8,
        budget: '33124.00',
        presetId: 'tianjin-2026-p8',
        bids: [{ bidderName: '甲', price: '30000.00' }],
        sheets: [],
      },
    ]);
    expect((await call('tianjin.finance', LIST, { p: project.id })).data?.procurementPackages).toHaveLength(2);
    for (const who of ['vendor', 'huaian.admin'])
      expect((await call(who, LIST, { p: project.id })).errors?.[0]?.extensions.code).toBe('NOT_FOUND');
    expect((await call('tianjin.admin', LIST, { p: 'not-a-uuid' })).errors?.[0]?.extensions.code).toBe('NOT_FOUND');
  });
});
