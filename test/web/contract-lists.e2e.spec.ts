import { signIn, webSuite } from './web-harness';

type Page = {
  totalCount: number;
  nodes: { code: string; name: string; tenantName: string }[];
  agencies: { id: string; name: string }[];
};
const SEARCH =
  'query ($f: ContractFilterInput) { contractSearch(filter: $f, first: 200) { totalCount nodes { code name tenantName } agencies { id name } } }';
/** Tianjin's eight contracts and fourteen more: more than a page of the list (20). */
const EXTRA = Array.from({ length: 14 }, (_, i) => String(i + 1).padStart(2, '0'));

// Issue 12 point 6: the contract lists' filters and pages in the console, against contractSearch on the real API.
describe('web console: contract lists (search, filters, load more)', () => {
  const web = webSuite('web-contract-lists', __filename, {
    setup: async (stack) => {
      const [tj] = (
        await stack.gql<{ contracts: { vendorOrgId: string }[] }>(
          'tianjin.admin@demo.local',
          '{ contracts { vendorOrgId } }',
        )
      ).contracts;
      for (const n of EXTRA) {
        await stack.gql(
          'tianjin.admin@demo.local',
          'mutation ($i: CreateContractInput!) { createContract(input: $i) { id } }',
          {
            i: {
              code: `tj-extra-${n}`,
              name: `天津市医保追加运维服务 ${n}`,
              vendorOrgId: tj.vendorOrgId,
              presetId: 'tianjin-2026-p8',
            },
          },
        );
      }
    },
  });
  const api = async (email: string, f: Record<string, unknown> = {}) =>
    (await web.stack.gql<{ contractSearch: Page }>(email, SEARCH, { f })).contractSearch;

  it('buyer: a page of 20 with 加载更多 for the rest, then the search box narrows the list and 清除筛选 brings it back', async () => {
    const session = await web.session();
    const { page } = session;
    const rows = () =>
      page
        .locator('table.contracts tbody tr')
        .evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-contract-code')));
    const all = await api('tianjin.admin@demo.local');
    expect(all.totalCount).toBe(22);
    await signIn(page, 'tianjin.admin@demo.local');
    await page.waitForURL('**/buyer/contracts');
    await page.getByTestId('contract-count').filter({ hasText: '共 22 份合同，已显示 20 份' }).waitFor();
    expect(await rows()).toEqual(all.nodes.slice(0, 20).map((n) => n.code));
    await page.getByRole('button', { name: '加载更多' }).click();
    await page.getByTestId('contract-count').filter({ hasText: '共 22 份合同，已显示 22 份' }).waitFor();
    expect(await rows()).toEqual(all.nodes.map((n) => n.code));
    await expect(page.getByRole('button', { name: '加载更多' }).count()).resolves.toBe(0);

    // Words: two of them, each in the code or the name.
    await page.getByLabel('搜索（合同编号或名称）').fill('追加 07');
    await page.getByRole('button', { name: '筛选', exact: true }).click();
    await page.getByTestId('contract-count').filter({ hasText: '共 1 份合同，已显示 1 份' }).waitFor();
    expect(await rows()).toEqual(['tj-extra-07']);
    await page.getByLabel('搜索（合同编号或名称）').fill('第三包');
    await page.getByRole('button', { name: '筛选', exact: true }).click();
    await page.getByTestId('contract-count').filter({ hasText: '共 1 份合同' }).waitFor();
    expect(await rows()).toEqual(['tianjin-2026-p3']);
    // A term state nothing is in: the page says so and keeps the filters to change.
    await page.getByLabel('服务期', { exact: true }).selectOption({ label: '未开始' });
    await page.getByRole('button', { name: '筛选', exact: true }).click();
    await page.getByText('没有符合筛选条件的合同。').waitFor();
    await session.screenshot('buyer-contracts-no-match');
    await page.getByRole('button', { name: '清除筛选' }).click();
    await page.getByTestId('contract-count').filter({ hasText: '共 22 份合同，已显示 20 份' }).waitFor();
    expect(await rows()).toEqual(all.nodes.slice(0, 20).map((n) => n.code));
  });

  it('vendor: the buyer of each contract, filters by buyer, words and open breaches as contractSearch does', async () => {
    const session = await web.session();
    const { page } = session;
    const rows = () =>
      page
        .locator('table.contracts tbody tr')
        .evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-contract-code')));
    const VENDOR = 'vendor@demo.local';
    const all = await api(VENDOR);
    expect(all.totalCount).toBe(26);
    await signIn(page, VENDOR);
    await page.waitForURL('**/vendor/contracts');
    await page.getByTestId('contract-count').filter({ hasText: '共 26 份合同，已显示 20 份' }).waitFor();
    // The buyer column holds the agency's name.
    const qinghai = page.locator('tr[data-contract-code="qinghai-hospital-3y"]');
    await expect(qinghai.locator('[data-field="agency"]').textContent()).resolves.toBe('青海红十字医院');

    // Typing narrows the list: the words of one contract's name.
    await page.getByLabel('搜索（合同编号或名称）').fill('医保系统');
    await page.getByRole('button', { name: '筛选', exact: true }).click();
    const words = await api(VENDOR, { text: '医保系统' });
    await page
      .getByTestId('contract-count')
      .filter({ hasText: `共 ${words.totalCount} 份合同` })
      .waitFor();
    expect(await rows()).toEqual(words.nodes.map((n) => n.code));
    expect(words.totalCount).toBeLessThan(all.totalCount);

    // One buyer (the agency filter lists the vendor's buyers by name).
    const huaian = all.agencies.find((a) => a.name === '淮安市医疗保障局');
    if (!huaian) throw new Error('Huai’an is not among the vendor’s agencies');
    await page.getByLabel('搜索（合同编号或名称）').fill('');
    await page.getByLabel('采购人', { exact: true }).selectOption({ label: '淮安市医疗保障局' });
    await page.getByRole('button', { name: '筛选', exact: true }).click();
    const byAgency = await api(VENDOR, { tenantIds: [huaian.id] });
    await page
      .getByTestId('contract-count')
      .filter({ hasText: `共 ${byAgency.totalCount} 份合同，已显示 ${byAgency.totalCount} 份` })
      .waitFor();
    expect(await rows()).toEqual(byAgency.nodes.map((n) => n.code));

    // Open breaches only: the contracts whose 未结超时 column is not 0.
    await page.getByRole('button', { name: '清除筛选' }).click();
    await page.getByLabel('只看有未结超时的合同').check();
    await page.getByRole('button', { name: '筛选', exact: true }).click();
    const breached = await api(VENDOR, { openBreaches: true });
    expect(breached.nodes.map((n) => n.code)).toContain('xuzhou-2026');
    await page
      .getByTestId('contract-count')
      .filter({ hasText: `共 ${breached.totalCount} 份合同` })
      .waitFor();
    expect(await rows()).toEqual(breached.nodes.map((n) => n.code));
    const figures = await page.locator('table.contracts tbody [data-field="open-breaches"]').allTextContents();
    expect(figures.every((f) => Number(f) > 0)).toBe(true);
    await session.screenshot('vendor-contracts-filtered');
  });
});
