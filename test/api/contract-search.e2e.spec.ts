import { TenantDatabase } from '@ledger/persistence';
import { ContractsRepository } from '../../libs/features/src/contracts';
import { startApi, type TestApi } from './api-app';

/*
 * The contract lists' search (issue 12 point 6): words over code and name, where the term stands, the agency (the
 * vendor's view across tenants) and open breaches; by code, a page at a time with an opaque cursor; problems at their
 * paths; the scope of `contracts` (a buyer sees its tenant's only, the vendor every contract it holds).
 */
type Gql = {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions: { code: string; problems?: { path: string; code?: string }[] } }[];
};
type Node = {
  id: string;
  code: string;
  name: string;
  tenantId: string;
  tenantName: string | null;
  termStart: string;
  termEnd: string;
};
type Page = { totalCount: number; hasNextPage: boolean; endCursor: string | null; nodes: Node[] };
const SEARCH = `query ($f: ContractFilterInput, $first: Int, $after: String) {
  contractSearch(filter: $f, first: $first, after: $after) { totalCount hasNextPage endCursor nodes { id code name tenantId tenantName termStart termEnd } } }`;
const CREATE = 'mutation ($i: CreateContractInput!) { createContract(input: $i) { id code } }';

describe('contractSearch: the contract lists’ filters and pages (real PostgreSQL, demo seed)', () => {
  let api: TestApi;
  const tokens: Record<string, string> = {};
  const call = async (who: string, query: string, variables: Record<string, unknown> = {}): Promise<Gql> =>
    (await api.gql(query, variables, tokens[who])).body as Gql;
  const search = async (who: string, f: Record<string, unknown> | null, first = 50, after?: string): Promise<Page> => {
    const r = await call(who, SEARCH, { f, first, after });
    expect(r.errors).toBeUndefined();
    return r.data?.contractSearch as Page;
  };
  const codes = (p: Page) => p.nodes.map((n) => n.code);
  /** Every page of a search, following the cursors; the total must be the same on each. */
  const allPages = async (
    who: string,
    f: Record<string, unknown> | null,
    first: number,
  ): Promise<{ codes: string[]; pages: number }> => {
    const seen: string[] = [];
    let after: string | undefined;
    let total: number | undefined;
    for (let pages = 1; pages <= 50; pages++) {
      const p = await search(who, f, first, after);
      expect(p.nodes.length).toBeLessThanOrEqual(first);
      total ??= p.totalCount;
      expect(p.totalCount).toBe(total);
      seen.push(...codes(p));
      if (!p.hasNextPage) {
        expect(p.endCursor).toBeNull();
        expect(seen).toHaveLength(total);
        return { codes: seen, pages };
      }
      after = p.endCursor as string;
    }
    throw new Error('more than 50 pages');
  };
  let tianjinId = '';
  let huaianId = '';
  let vendorOrgId = '';
  /** What `contracts` returns to each caller, by code (the list the search narrows). */
  const listed: Record<string, { id: string; code: string; tenantId: string }[]> = {};

  beforeAll(async () => {
    api = await startApi({ SEED_DEMO: 'auto' });
    for (const who of ['huaian.admin', 'tianjin.admin', 'tianjin.finance', 'vendor', 'admin'])
      tokens[who] = await api.login(`${who}@demo.local`);
    const [tj] = (await call('tianjin.admin', '{ contracts { tenantId vendorOrgId } }')).data?.contracts as {
      tenantId: string;
      vendorOrgId: string;
    }[];
    tianjinId = tj.tenantId;
    vendorOrgId = tj.vendorOrgId;
    huaianId = ((await call('huaian.admin', '{ contracts { tenantId } }')).data?.contracts as { tenantId: string }[])[0]
      .tenantId;
    // Two more Tianjin contracts whose code and name hold LIKE's wildcards: `%` and `_` must be plain characters.
    for (const [code, name] of [
      ['tj_extra', '天津 运维保障（追加）'],
      ['tj-pct', '天津 100% 可用性保障'],
    ]) {
      const r = await call('tianjin.admin', CREATE, { i: { code, name, vendorOrgId, presetId: 'tianjin-2026-p8' } });
      expect(r.errors).toBeUndefined();
    }
    await api.jobsIdle();
    for (const who of ['huaian.admin', 'tianjin.admin', 'vendor']) {
      const list = (await call(who, '{ contracts { id code tenantId } }')).data?.contracts as {
        id: string;
        code: string;
        tenantId: string;
      }[];
      listed[who] = list;
    }
  }, 180_000);

  afterAll(async () => {
    await api?.close();
  });

  it('lists what `contracts` lists, by code, with the agency’s name', async () => {
    const all = await search('tianjin.admin', null);
    expect(all.totalCount).toBe(10);
    expect(codes(all)).toEqual(listed['tianjin.admin'].map((c) => c.code));
    expect(codes(all)).toEqual([...codes(all)].sort());
    expect(new Set(all.nodes.map((n) => n.tenantName))).toEqual(new Set(['天津市医疗保障局']));
    expect(codes(await search('tianjin.finance', null))).toEqual(codes(all));
  });

  it('reads the configurations and versions only when selected, for the whole page at once; the same as contract(id) reads', async () => {
    const VERSIONS = `query ($first: Int, $with: Boolean!) { contractSearch(first: $first) { nodes { id code
      configuration @include(if: $with) versions @include(if: $with) { version configuration changeNote createdByName createdAt } } } }`;
    const db = api.app.get(TenantDatabase);
    const versionReads = jest.spyOn(api.app.get(ContractsRepository), 'versions');
    const runs = jest.spyOn(db, 'run');
    const page = async (first: number, withVersions: boolean) => {
      versionReads.mockClear();
      runs.mockClear();
      const r = await call('vendor', VERSIONS, { first, with: withVersions });
      expect(r.errors).toBeUndefined();
      const nodes = (r.data?.contractSearch as { nodes: { id: string; configuration?: unknown; versions?: unknown }[] })
        .nodes;
      return { nodes, transactions: runs.mock.calls.length, versionReads: versionReads.mock.calls.length };
    };
    try {
      // Not selected: not read (each configuration is a document of about 19 kB).
      expect((await page(20, false)).versionReads).toBe(0);
      const one = await page(1, true);
      const all = await page(20, true);
      expect(all.nodes.length).toBeGreaterThan(10);
      expect(all.transactions).toBe(one.transactions);
      expect(all.versionReads).toBe(1);
      for (const n of all.nodes) {
        const single = (
          await call(
            'vendor',
            'query ($id: ID!) { contract(id: $id) { configuration versions { version configuration changeNote createdByName createdAt } } }',
            { id: n.id },
          )
        ).data?.contract as { configuration: unknown; versions: unknown };
        expect({ configuration: n.configuration, versions: n.versions }).toEqual(single);
      }
    } finally {
      versionReads.mockRestore();
      runs.mockRestore();
    }
  });

  it('filters by words in the code or the name (each word, case-insensitive; % and _ plain)', async () => {
    expect(codes(await search('tianjin.admin', { text: '第三包' }))).toEqual(['tianjin-2026-p3']);
    expect(codes(await search('tianjin.admin', { text: 'P3' }))).toEqual(['tianjin-2026-p3']); // the code, case-insensitive
    expect(codes(await search('tianjin.admin', { text: '  天津   公文  ' }))).toEqual(['tianjin-2026-p8']); // every word must match
    expect(codes(await search('tianjin.admin', { text: '保障 tj' }))).toEqual(['tj-pct', 'tj_extra']);
    expect(codes(await search('tianjin.admin', { text: '100%' }))).toEqual(['tj-pct']);
    expect(codes(await search('tianjin.admin', { text: '_' }))).toEqual(['tj_extra']);
    expect(await search('tianjin.admin', { text: '%' })).toMatchObject({ totalCount: 1, nodes: [{ code: 'tj-pct' }] });
    expect(await search('tianjin.admin', { text: '没有这个合同' })).toEqual({
      totalCount: 0,
      hasNextPage: false,
      endCursor: null,
      nodes: [],
    });
  });

  it('pages with a cursor: no contract twice, none skipped, the total on every page', async () => {
    const tj = await allPages('tianjin.admin', null, 3);
    expect(tj).toEqual({ codes: listed['tianjin.admin'].map((c) => c.code), pages: 4 });
    // A filter holds across pages; the cursor of one filter's page continues that filter.
    expect((await allPages('tianjin.admin', { text: '天津医保' }, 2)).codes).toEqual(
      listed['tianjin.admin'].filter((c) => c.code.startsWith('tianjin-')).map((c) => c.code),
    );
    // The vendor's list spans tenants: a page of 5 at a time, the same order as `contracts`.
    expect(await allPages('vendor', null, 5)).toEqual({ codes: listed.vendor.map((c) => c.code), pages: 3 });
  });

  it('filters by where the term stands today (Asia/Shanghai) and by open breaches, as the dashboard counts them', async () => {
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const all = (await search('vendor', null, 200)).nodes;
    const stateOf = (n: Node) => (n.termStart > today ? 'upcoming' : n.termEnd < today ? 'ended' : 'active');
    for (const state of ['upcoming', 'active', 'ended']) {
      expect(codes(await search('vendor', { termStates: [state] }, 200))).toEqual(
        all.filter((n) => stateOf(n) === state).map((n) => n.code),
      );
    }
    expect(codes(await search('vendor', { termStates: ['ended'] }))).toContain('beijing-2020');
    expect((await search('vendor', { termStates: ['active', 'ended'] }, 200)).totalCount).toBe(
      all.filter((n) => stateOf(n) !== 'upcoming').length,
    );
    // Open breaches: exactly the contracts whose dashboard shows some (Xuzhou's demo tickets left some open and late).
    const dashboards = (await call('vendor', '{ contractDashboards { contractCode openBreaches } }')).data
      ?.contractDashboards as { contractCode: string; openBreaches: number }[];
    const breached = dashboards.filter((d) => d.openBreaches > 0).map((d) => d.contractCode);
    expect(breached).toContain('xuzhou-2026');
    expect(codes(await search('vendor', { openBreaches: true }))).toEqual(breached);
    expect(codes(await search('vendor', { openBreaches: false }))).toEqual(
      dashboards.filter((d) => d.openBreaches === 0).map((d) => d.contractCode),
    );
  });

  it('gives the figures of the page’s contracts: the same as contractDashboards, in the page’s order', async () => {
    const PAGE =
      'query ($after: String) { contractSearch(first: 4, after: $after) { endCursor nodes { id } dashboards(month: "2026-10") { contractId openBreaches sla { compliancePercent } notifications { total } } } }';
    const first = (await call('vendor', PAGE)).data?.contractSearch as {
      endCursor: string;
      nodes: { id: string }[];
      dashboards: { contractId: string }[];
    };
    const second = (await call('vendor', PAGE, { after: first.endCursor })).data?.contractSearch as typeof first;
    const all = (
      await call(
        'vendor',
        '{ contractDashboards(month: "2026-10") { contractId openBreaches sla { compliancePercent } notifications { total } } }',
      )
    ).data?.contractDashboards as { contractId: string }[];
    expect(first.dashboards.map((d) => d.contractId)).toEqual(first.nodes.map((n) => n.id));
    expect([...first.dashboards, ...second.dashboards]).toEqual(all.slice(0, 8));
  });

  it('offers the agencies of the caller’s contracts as the agency filter’s choices, and filters by them', async () => {
    const AGENCIES = '{ contractSearch(first: 1) { agencies { id name } } }';
    const vendorAgencies = (
      (await call('vendor', AGENCIES)).data?.contractSearch as { agencies: { id: string; name: string }[] }
    ).agencies;
    expect(vendorAgencies.map((a) => a.name).sort()).toEqual(
      [
        '北京市卫生健康委信息中心',
        '天津市医疗保障局',
        '徐州市医疗保障基金安全监测管理中心',
        '淮安市医疗保障局',
        '青海红十字医院',
      ].sort(),
    );
    expect(
      ((await call('huaian.admin', AGENCIES)).data?.contractSearch as { agencies: { id: string }[] }).agencies,
    ).toEqual([{ id: huaianId, name: '淮安市医疗保障局' }]);
    const tj = await search('vendor', { tenantIds: [tianjinId] });
    expect(codes(tj)).toEqual(listed['tianjin.admin'].map((c) => c.code));
    expect(codes(await search('vendor', { tenantIds: [tianjinId, huaianId], text: 'tianjin-2026-p1 ' }))).toEqual([
      'tianjin-2026-p1',
    ]);
    expect((await search('vendor', { tenantIds: [huaianId, tianjinId] })).totalCount).toBe(11);
  });

  it('keeps each buyer to its tenant (another agency’s id is NOT_FOUND); the vendor sees across tenants; the platform admin none', async () => {
    const huaian = await search('huaian.admin', null);
    expect(codes(huaian)).toEqual(['huaian-2025-2026']);
    expect(huaian.nodes.every((n) => n.tenantId === huaianId)).toBe(true);
    // Another tenant's words find nothing, whatever the cursor says.
    expect((await search('huaian.admin', { text: 'tianjin' })).totalCount).toBe(0);
    const tjPage = await search('tianjin.admin', null, 1);
    expect(codes(await search('huaian.admin', null, 50, tjPage.endCursor as string))).toEqual([]);
    const other = await call('huaian.admin', SEARCH, { f: { tenantIds: [tianjinId] } });
    expect(other.errors?.[0].extensions.code).toBe('NOT_FOUND');
    expect(other.data ?? null).toBeNull();
    const vendor = await search('vendor', null, 200);
    expect(vendor.totalCount).toBe(14);
    expect(new Set(vendor.nodes.map((n) => n.tenantId)).size).toBe(5);
    expect(await search('admin', null)).toEqual({ totalCount: 0, hasNextPage: false, endCursor: null, nodes: [] });
  });

  it('reports every problem at its path: page size, words, term state, agency id, cursor', async () => {
    const r = await call('tianjin.admin', SEARCH, {
      f: { termStates: ['running', 'active'], text: 'x'.repeat(101), tenantIds: ['not-an-id'] },
      first: 500,
      after: 'not-a-cursor',
    });
    expect(r.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect((r.errors?.[0].extensions.problems ?? []).map((p) => `${p.path} ${p.code}`).sort()).toEqual([
      'after value.invalid',
      'filter.tenantIds[0] text.uuid',
      'filter.termStates[0] unknown.state',
      'filter.text text.tooLong',
      'first number.range',
    ]);
    // A cursor that decodes but is no key (a ticket board's cursor, a tampered one) is refused the same way.
    for (const after of [
      Buffer.from('2026-03-02T01:00:00.000000Z|00000000-0000-4000-8000-000000000000').toString('base64url'),
      Buffer.from('not-a-uuid|tianjin-2026-p1').toString('base64url'),
      '',
    ]) {
      const bad = await call('tianjin.admin', SEARCH, { after });
      expect(bad.errors?.[0].extensions.problems?.map((p) => `${p.path} ${p.code}`)).toEqual(['after value.invalid']);
    }
    expect(
      (
        await call('tianjin.admin', SEARCH, { f: { text: Array.from({ length: 11 }, (_, i) => `w${i}`).join(' ') } })
      ).errors?.[0].extensions.problems?.map((p) => `${p.path} ${p.code}`),
    ).toEqual(['filter.text list.tooLong']);
  });
});
