import { startApi, type TestApi } from './api-app';

type Gql = {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions: { code: string; problems?: { path: string }[]; messageCode?: string } }[];
};
type Target = { targetId: string; deadline: string; status: string };
type Stored = {
  id: string;
  eventCount: number;
  configVersion: number;
  previousConfigVersion: number | null;
  supersedesId: string | null;
  targets: Target[];
};

const REVISIONS = `query ($c: ID!) { slaRevisions(contractId: $c) { currentVersion openOnOlderVersions
  revisions { toVersion reason requestedByName status moved kept changed } } }`;
const ADOPT = 'mutation ($i: AdoptSlaRevisionInput!) { adoptSlaRevision(input: $i) { id toVersion status } }';
const TICKETS = 'query ($c: ID!) { tickets(contractId: $c) { id number state severity sla { configVersion } } }';
const HISTORY = `query ($id: ID!) { ticketSlaHistory(ticketId: $id) { id eventCount configVersion previousConfigVersion
  supersedesId targets } }`;
const NOTIFICATIONS = 'query ($c: ID) { notifications(contractId: $c) { kind message details } }';

/*
 * Moving open tickets onto a revised SLA (issue 16 point 2), through the API and the job, on the demo seed (Xuzhou:
 * twelve closed tickets and three open ones — L3 deployed, L1 in progress, L4 received). The buyer admin saves a
 * version that gives L4 two hours on site instead of one; the open tickets still follow version 1 until the admin
 * moves them with a reason; the job moves the three, recomputes their SLA on version 2 (the L4 deadline moves by an
 * hour), keeps the old results and names them from the new ones, and tells the contract; the closed tickets keep
 * version 1. Refused: another role (FORBIDDEN), a blank reason (at input.reason), nothing left to move (CONFLICT).
 */
describe('adoptSlaRevision (real PostgreSQL, demo seed)', () => {
  let api: TestApi;
  const tokens: Record<string, string> = {};
  let contractId = '';
  const call = async (who: string, query: string, variables: Record<string, unknown> = {}): Promise<Gql> =>
    (await api.gql(query, variables, tokens[who])).body as Gql;
  const data = async <T>(who: string, query: string, variables: Record<string, unknown> = {}): Promise<T> => {
    const r = await call(who, query, variables);
    expect(r.errors).toBeUndefined();
    return r.data as T;
  };

  beforeAll(async () => {
    api = await startApi({ SEED_DEMO: 'auto' });
    await api.jobsIdle();
    for (const who of ['xuzhou.admin', 'xuzhou.staff', 'vendor']) tokens[who] = await api.login(`${who}@demo.local`);
    const { contracts } = await data<{ contracts: { id: string; code: string }[] }>(
      'xuzhou.admin',
      '{ contracts { id code } }',
    );
    contractId = contracts.find((c) => c.code === 'xuzhou-2026')?.id ?? '';
  }, 120_000);

  afterAll(async () => {
    await api?.close();
  });

  it('a revised version moves the open tickets only when the admin says so, with the results recomputed beside the old ones', async () => {
    const { contract } = await data<{
      contract: { configuration: { sla: { policy: { targets: { id: string; duration: { minutes?: number } }[] } } } };
    }>('xuzhou.admin', 'query ($c: ID!) { contract(id: $c) { configuration } }', { c: contractId });
    const config = structuredClone(contract.configuration);
    const onsite = config.sla.policy.targets.find((t) => t.id === 'onsite-L4');
    if (!onsite) throw new Error('Xuzhou has an L4 on-site target');
    onsite.duration = { minutes: 120 };
    await data(
      'xuzhou.admin',
      'mutation ($i: UpdateContractConfigurationInput!) { updateContractConfiguration(input: $i) { currentVersion } }',
      {
        i: { contractId, configuration: config, changeNote: '补充协议：四级问题到场时限调整为 2 小时' },
      },
    );

    const tickets = (
      await data<{ tickets: { id: string; number: string; state: string; severity: string }[] }>(
        'xuzhou.admin',
        TICKETS,
        { c: contractId },
      )
    ).tickets;
    const open = tickets.filter((t) => !['closed', 'withdrawn', 'unsolvable'].includes(t.state));
    expect(open.map((t) => t.severity).sort()).toEqual(['L1', 'L3', 'L4']);
    expect(await data('xuzhou.admin', REVISIONS, { c: contractId })).toEqual({
      slaRevisions: { currentVersion: 2, openOnOlderVersions: 3, revisions: [] },
    });
    const l4 = open.find((t) => t.severity === 'L4') as { id: string };
    const before = (await data<{ ticketSlaHistory: Stored[] }>('xuzhou.admin', HISTORY, { id: l4.id }))
      .ticketSlaHistory;
    const onsiteBefore = before[0].targets.find((t) => t.targetId === 'onsite-L4') as Target;

    // Refused, nothing stored: the vendor and buyer staff may not; a blank reason is a problem at its path.
    for (const who of ['vendor', 'xuzhou.staff'])
      expect((await call(who, ADOPT, { i: { contractId, reason: '调整' } })).errors?.[0].extensions.code).toBe(
        'FORBIDDEN',
      );
    const blank = await call('xuzhou.admin', ADOPT, { i: { contractId, reason: '  ' } });
    expect(blank.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(blank.errors?.[0].extensions.problems?.map((p) => p.path)).toEqual(['input.reason']);
    expect(
      (await data<{ slaRevisions: { revisions: unknown[] } }>('xuzhou.admin', REVISIONS, { c: contractId }))
        .slaRevisions.revisions,
    ).toEqual([]);

    const adopted = await data<{ adoptSlaRevision: { id: string; toVersion: number } }>('xuzhou.admin', ADOPT, {
      i: { contractId, reason: '补充协议第 3 条：四级问题到场时限调整为 2 小时，未结工单一并适用' },
    });
    expect(adopted.adoptSlaRevision.toVersion).toBe(2);
    await api.jobsIdle();
    expect(await data('xuzhou.admin', REVISIONS, { c: contractId })).toEqual({
      slaRevisions: {
        currentVersion: 2,
        openOnOlderVersions: 0,
        revisions: [
          {
            toVersion: 2,
            reason: '补充协议第 3 条：四级问题到场时限调整为 2 小时，未结工单一并适用',
            requestedByName: expect.any(String),
            status: 'done',
            moved: 3,
            kept: 0,
            changed: expect.any(Number),
          },
        ],
      },
    });

    // The open tickets follow version 2, the closed ones version 1.
    const after = (
      await data<{ tickets: { id: string; state: string; sla: { configVersion: number } | null }[] }>(
        'xuzhou.admin',
        TICKETS,
        { c: contractId },
      )
    ).tickets;
    for (const t of after)
      expect([t.id, t.sla?.configVersion]).toEqual([
        t.id,
        ['closed', 'withdrawn', 'unsolvable'].includes(t.state) ? 1 : 2,
      ]);
    // The L4 ticket's new result names the old one; its on-site deadline is an hour later; the old result stays.
    const history = (await data<{ ticketSlaHistory: Stored[] }>('xuzhou.admin', HISTORY, { id: l4.id }))
      .ticketSlaHistory;
    const [latest] = history;
    expect(latest).toMatchObject({ configVersion: 2, previousConfigVersion: 1, supersedesId: before[0].id });
    expect(history.map((h) => h.id)).toContain(before[0].id);
    const onsiteAfter = latest.targets.find((t) => t.targetId === 'onsite-L4') as Target;
    expect(Date.parse(onsiteAfter.deadline) - Date.parse(onsiteBefore.deadline)).toBe(60 * 60_000);
    // The contract is told, in words.
    const { notifications } = await data<{ notifications: { kind: string; message: string }[] }>(
      'xuzhou.admin',
      NOTIFICATIONS,
      { c: contractId },
    );
    expect(notifications.filter((n) => n.kind === 'sla-revised').map((n) => n.message)).toEqual([
      expect.stringMatching(
        /^未结工单已改按第 2 版配置计算 SLA：3 张改按新版本重算，其中 \d 张的截止时间、状态或用时有变化。原因：补充协议第 3 条/,
      ),
    ]);

    // Nothing left to move: CONFLICT with its reason; the vendor reads the moves.
    const again = await call('xuzhou.admin', ADOPT, { i: { contractId, reason: '再次调整' } });
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', messageCode: 'slaRevision.nothingToMove' });
    expect(
      (await data<{ slaRevisions: { revisions: unknown[] } }>('vendor', REVISIONS, { c: contractId })).slaRevisions
        .revisions,
    ).toHaveLength(1);
  });
});
