import { asSuperuser } from '../support/test-database';
import { startApi, type TestApi } from './api-app';

type Gql = {
  data?: Record<string, unknown> | null;
  errors?: {
    message: string;
    extensions: {
      code: string;
      messageCode?: string;
      messageParams?: Record<string, string>;
      problems?: { path: string; message: string }[];
    };
  }[];
};
type Roster = {
  asOf: string;
  members: {
    id: string;
    personId: string;
    roleId: string;
    placement: string;
    fromDate: string;
    toDate: string | null;
  }[];
  replacements: { ok: boolean; problems: { path: string }[] }[];
  turnover: {
    class: string;
    plannedHeadcount: number;
    replaced: number;
    ratePercent: string | null;
    capPercent: string | null;
    withinCap: boolean | null;
    explanation: string;
    explained: { code: string };
  }[];
  team: { ok: boolean; problems: { path: string }[] };
};

const ADD =
  'mutation ($i: AddStaffMemberInput!) { addStaffMember(input: $i) { id personId roleId placement fromDate toDate } }';
const REPLACE =
  'mutation ($i: RecordReplacementInput!) { recordReplacement(input: $i) { id ok problems { path message } noticeWorkingDays handoverWorkingDays notes newMemberId oldMemberId } }';
const ROSTER = `query ($c: ID!, $d: String) { staffRoster(contractId: $c, asOf: $d) { asOf members { id personId roleId placement fromDate toDate } replacements { ok problems { path } }
  turnover { class plannedHeadcount replaced ratePercent capPercent withinCap explanation explained { code } } team { ok problems { path message } details } } }`;

describe('staff roster and replacements through GraphQL (real PostgreSQL, demo seed)', () => {
  let api: TestApi;
  const tokens: Record<string, string> = {};
  const contracts: Record<string, string> = {};
  const call = async (who: string, query: string, variables: Record<string, unknown> = {}): Promise<Gql> =>
    (await api.gql(query, variables, tokens[who])).body as Gql;
  const code = (r: Gql) => r.errors?.[0]?.extensions.code;
  /** A refusal's reason as the console renders it: its message code and parameters. */
  const reason = (r: Gql) => [r.errors?.[0]?.extensions.messageCode, r.errors?.[0]?.extensions.messageParams];
  const paths = (r: Gql) => (r.errors?.[0]?.extensions.problems ?? []).map((p) => p.path).sort();
  const roster = async (who: string, c: string, d?: string) => {
    const r = await call(who, ROSTER, { c, d });
    if (r.errors) throw new Error(JSON.stringify(r.errors));
    return r.data?.staffRoster as Roster;
  };

  beforeAll(async () => {
    api = await startApi({ SEED_DEMO: 'auto' });
    for (const who of ['vendor', 'huaian.admin', 'huaian.finance', 'tianjin.admin'])
      tokens[who] = await api.login(`${who}@demo.local`);
    for (const c of (await call('vendor', '{ contracts { id code } }')).data?.contracts as {
      id: string;
      code: string;
    }[])
      contracts[c.code] = c.id;
  }, 120_000);

  afterAll(async () => {
    await api?.close();
  });

  it('the vendor builds the Huai’an roster; team minimums are checked on the day; the buyer only reads', async () => {
    const c = contracts['huaian-2025-2026'];
    const people = [
      ['HA-001', '张工', 'pm'],
      ['HA-002', '李工', 'ops'],
      ['HA-003', '王工', 'ops'],
      ['HA-004', '赵工', 'ops'],
      ['HA-R01', '远程一', 'remote'],
      ['HA-R02', '远程二', 'remote'],
    ];
    for (const [personId, name, roleId] of people) {
      const r = await call('vendor', ADD, { i: { contractId: c, personId, name, roleId, fromDate: '2025-07-01' } });
      expect(r.errors).toBeUndefined();
    }
    const short = await roster('huaian.admin', c, '2026-01-15');
    expect(short.members).toHaveLength(6);
    expect(short.members.find((m) => m.personId === 'HA-R01')?.placement).toBe('remote'); // the role's placement by default
    expect(short.team.ok).toBe(false);
    expect(short.team.problems.map((p) => p.path).sort()).toEqual(['minimums[1]', 'roles.remote']);
    await call('vendor', ADD, {
      i: { contractId: c, personId: 'HA-R03', name: '远程三', roleId: 'remote', fromDate: '2025-07-01' },
    });
    expect((await roster('huaian.finance', c, '2026-01-15')).team).toMatchObject({ ok: true, problems: [] });

    expect(
      code(
        await call('huaian.admin', ADD, {
          i: { contractId: c, personId: 'X', name: 'x', roleId: 'ops', fromDate: '2026-01-05' },
        }),
      ),
    ).toBe('FORBIDDEN');
    const bad = await call('vendor', ADD, {
      i: {
        contractId: c,
        personId: 'HA-001',
        name: ' ',
        roleId: 'dba',
        placement: 'moon',
        fromDate: '2024-01-01',
        toDate: '2023-12-31',
      },
    });
    expect(code(bad)).toBe('BAD_USER_INPUT');
    expect(paths(bad)).toEqual(['input.fromDate', 'input.name', 'input.placement', 'input.roleId', 'input.toDate']);
    // A person already on the roster over the same days is refused.
    expect(
      paths(
        await call('vendor', ADD, {
          i: { contractId: c, personId: 'HA-001', name: '张工', roleId: 'pm', fromDate: '2026-01-05' },
        }),
      ),
    ).toEqual(['input.personId']);
  });

  it('a replacement ends the leaver the day before and starts the replacement; turnover counts it (no caps at Huai’an)', async () => {
    const c = contracts['huaian-2025-2026'];
    const before = await roster('vendor', c, '2026-01-15');
    const old = before.members.find((m) => m.personId === 'HA-004') as Roster['members'][number];
    const r = await call('vendor', REPLACE, {
      i: {
        contractId: c,
        oldMemberId: old.id,
        newPersonId: 'HA-005',
        newName: '钱工',
        appliedOn: '2026-02-02',
        changeOn: '2026-03-02',
        reason: '个人原因离职',
      },
    });
    expect(r.errors).toBeUndefined();
    expect(r.data?.recordReplacement).toMatchObject({
      ok: true,
      problems: [],
      notes: ['the contract sets no replacement notice or handover period'],
    });
    const after = await roster('huaian.admin', c, '2026-03-02');
    expect(after.members.find((m) => m.personId === 'HA-004')).toMatchObject({ toDate: '2026-03-01' });
    expect(after.members.find((m) => m.personId === 'HA-005')).toMatchObject({
      roleId: 'ops',
      fromDate: '2026-03-02',
      toDate: null,
      placement: 'on-site',
    });
    expect(after.team.ok).toBe(true);
    expect(after.turnover).toEqual([
      expect.objectContaining({
        class: 'core',
        plannedHeadcount: 1,
        replaced: 0,
        ratePercent: '0.00',
        capPercent: null,
        withinCap: null,
      }),
      expect.objectContaining({
        class: 'other',
        plannedHeadcount: 6,
        replaced: 1,
        ratePercent: '16.67',
        capPercent: null,
        withinCap: null,
      }),
    ]);

    const again = await call('vendor', REPLACE, {
      i: {
        contractId: c,
        oldMemberId: old.id,
        newPersonId: 'HA-006',
        newName: '孙工',
        appliedOn: '2026-02-02',
        changeOn: '2026-03-03',
      },
    });
    expect([code(again), reason(again)[0]]).toEqual(['CONFLICT', 'staffing.alreadyReplaced']);
    expect(
      code(
        await call('vendor', REPLACE, {
          i: {
            contractId: c,
            oldMemberId: '00000000-0000-4000-8000-000000000000',
            newPersonId: 'X',
            newName: 'x',
            appliedOn: '2026-02-02',
            changeOn: '2026-03-03',
          },
        }),
      ),
    ).toBe('NOT_FOUND');
    const hr = before.members.find((m) => m.personId === 'HA-003') as Roster['members'][number];
    const bad = await call('vendor', REPLACE, {
      i: {
        contractId: c,
        oldMemberId: hr.id,
        newPersonId: ' ',
        newName: 'x',
        appliedOn: '2026-03-10',
        changeOn: '2026-03-02',
        handoverFrom: '2026-13-01',
      },
    });
    expect(paths(bad)).toEqual(['input.changeOn', 'input.handoverFrom', 'input.newPersonId']);
    expect(
      code(
        await call('huaian.admin', REPLACE, {
          i: {
            contractId: c,
            oldMemberId: hr.id,
            newPersonId: 'X',
            newName: 'x',
            appliedOn: '2026-02-02',
            changeOn: '2026-03-03',
          },
        }),
      ),
    ).toBe('FORBIDDEN');
  });

  it('Tianjin P8: a replacement without the 15 + 15 working days is recorded with its problems; turnover against the 20 % / 30 % caps', async () => {
    const c = contracts['tianjin-2026-p8'];
    const add = async (personId: string, roleId: string) =>
      (
        (await call('vendor', ADD, { i: { contractId: c, personId, name: personId, roleId, fromDate: '2026-01-01' } }))
          .data?.addStaffMember as { id: string }
      ).id;
    const pm = await add('TJ-PM', 'pm');
    await add('TJ-DEV', 'developer');
    const ops = await add('TJ-OPS1', 'ops');
    const hasty = await call('vendor', REPLACE, {
      i: {
        contractId: c,
        oldMemberId: pm,
        newPersonId: 'TJ-PM2',
        newName: '新经理',
        appliedOn: '2026-03-02',
        changeOn: '2026-03-09',
        handoverFrom: '2026-03-05',
        handoverTo: '2026-03-06',
        interviewPassed: true,
      },
    });
    expect(hasty.errors).toBeUndefined();
    expect(hasty.data?.recordReplacement).toMatchObject({ ok: false, noticeWorkingDays: 5, handoverWorkingDays: 2 });
    expect(
      (hasty.data?.recordReplacement as { problems: { path: string }[] }).problems.map((p) => p.path).sort(),
    ).toEqual(['input.appliedOn', 'input.handoverTo']);
    const proper = await call('vendor', REPLACE, {
      i: {
        contractId: c,
        oldMemberId: ops,
        newPersonId: 'TJ-OPS2',
        newName: '新运维',
        appliedOn: '2026-03-02',
        changeOn: '2026-04-10',
        handoverFrom: '2026-03-10',
        handoverTo: '2026-04-03',
        interviewPassed: true,
      },
    });
    expect(proper.data?.recordReplacement).toMatchObject({ ok: true, problems: [] });
    const r = await roster('tianjin.admin', c, '2026-04-10');
    expect(r.replacements.map((x) => x.ok)).toEqual([false, true]);
    expect(r.turnover).toEqual([
      expect.objectContaining({
        class: 'core',
        plannedHeadcount: 2,
        replaced: 1,
        ratePercent: '50.00',
        capPercent: '20',
        withinCap: false,
      }),
      expect.objectContaining({
        class: 'other',
        plannedHeadcount: 4,
        replaced: 1,
        ratePercent: '25.00',
        capPercent: '30',
        withinCap: true,
      }),
    ]);
    // The explanation in the caller's language (zh-CN by default) from its code, not the engine's English.
    const [core] = r.turnover;
    expect(core.explained.code).toBe('staffing.turnover');
    expect(core.explanation).toMatch(/更换 1 人 ÷ 计划 2 人/);
    expect(core.explanation).not.toMatch(/replaced|planned/);
    expect(code(await call('huaian.admin', ROSTER, { c }))).toBe('NOT_FOUND');
  });

  it('the app role cannot delete roster rows, and every change left audit rows', async () => {
    await asSuperuser(api.database.name, async (db) => {
      await db.query('BEGIN');
      await db.query('SET LOCAL ROLE ledger_app');
      await expect(db.query('DELETE FROM staff_members')).rejects.toThrow(/permission denied/);
      await db.query('ROLLBACK');
      const rows = (
        await db.query(
          "SELECT operation, table_name, action, tenant_id, actor_user_id FROM audit_log WHERE table_name IN ('staff_members', 'staff_replacements') ORDER BY id",
        )
      ).rows;
      const seen = new Set(rows.map((x) => `${x.operation}:${x.table_name}:${x.action}`));
      expect([...seen].sort()).toEqual([
        'addStaffMember:staff_members:INSERT',
        'recordReplacement:staff_members:INSERT',
        'recordReplacement:staff_members:UPDATE',
        'recordReplacement:staff_replacements:INSERT',
      ]);
      expect(rows.filter((x) => x.table_name === 'staff_replacements')).toHaveLength(3);
      for (const x of rows) {
        expect(x.tenant_id).toMatch(/^[0-9a-f-]{36}$/);
        expect(x.actor_user_id).toMatch(/^[0-9a-f-]{36}$/);
      }
    });
  });
});
