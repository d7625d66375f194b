import { startApi, type TestApi } from './api-app';

type Gql = {
  data?: { createTicket?: { number: string } | null } | null;
  errors?: { message: string; extensions: { code: string } }[];
};
const CREATE = `mutation ($i: CreateTicketInput!) { createTicket(input: $i) { number } }`;
const CONCURRENT = 200;
const numberOf = (n: string) => Number(/^LX-(\d+)$/.exec(n)?.[1] ?? NaN);

/**
 * Ticket numbers under concurrency (issue 15, point 1): a fault run saw 402 of 600 concurrent `createTicket` without a
 * number refused with CONFLICT, because the next number was found by reading every number on the contract, unlocked.
 */
describe('ticket numbers (LX-0001, …) from a per-contract counter', () => {
  let api: TestApi;
  let token: string;
  let contractId: string;
  const create = async (input: Record<string, unknown>): Promise<Gql> =>
    (
      await api.gql(
        CREATE,
        { i: { contractId, category: '软件错误', severity: 'L2', at: '2026-03-02T09:00:00+08:00', ...input } },
        token,
      )
    ).body as Gql;

  beforeAll(async () => {
    api = await startApi({ SEED_DEMO: 'auto' });
    token = await api.login('huaian.admin@demo.local');
    const contracts = (await api.gql('{ contracts { id code } }', {}, token)).body.data.contracts as {
      id: string;
      code: string;
    }[];
    contractId = contracts.find((c) => c.code === 'huaian-2025-2026')?.id as string;
  }, 120_000);

  afterAll(async () => {
    await api?.close();
  });

  it(`${CONCURRENT} concurrent creates without a number all succeed, with distinct consecutive numbers`, async () => {
    const first = await create({ title: 'first' });
    expect(first.errors).toBeUndefined();
    const start = numberOf(first.data?.createTicket?.number ?? '');
    expect(Number.isInteger(start)).toBe(true);

    const results = await Promise.all(Array.from({ length: CONCURRENT }, (_, i) => create({ title: `c${i}` })));
    const refused = results.filter((r) => r.errors).map((r) => r.errors?.[0]?.extensions.code);
    expect(refused).toEqual([]);
    const numbers = results.map((r) => numberOf(r.data?.createTicket?.number ?? '')).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: CONCURRENT }, (_, i) => start + 1 + i));
  }, 180_000);

  it('a number typed by hand is kept; the counter steps over it; a taken number is refused as CONFLICT', async () => {
    const last = numberOf((await create({})).data?.createTicket?.number ?? '');
    const ahead = `LX-${String(last + 1).padStart(4, '0')}`;
    expect((await create({ number: ahead })).data?.createTicket?.number).toBe(ahead);
    expect((await create({})).data?.createTicket?.number).toBe(`LX-${String(last + 2).padStart(4, '0')}`);
    expect((await create({ number: ahead })).errors?.[0]?.extensions.code).toBe('CONFLICT');
  }, 60_000);
});
