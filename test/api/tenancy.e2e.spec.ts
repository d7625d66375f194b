import { getPreset } from '../../libs/contracts/src';
import { asSuperuser } from '../support/test-database';
import { startApi, type TestApi } from './api-app';

type Gql = {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions: { code: string; problems?: { path: string }[] } }[];
};

const CONTRACT_FIELDS =
  'id code tenantId vendorOrgId currentVersion amount termStart termEnd versions { version changeNote }';

/** Reads the audit log as the server's superuser (the app role sees only its own tenant's rows). */
const auditRows = (
  databaseName: string,
): Promise<
  {
    operation: string | null;
    table_name: string;
    action: string;
    tenant_id: string | null;
    actor_user_id: string | null;
  }[]
> =>
  asSuperuser(
    databaseName,
    async (c) =>
      (await c.query('SELECT operation, table_name, action, tenant_id, actor_user_id FROM audit_log ORDER BY id')).rows,
  );

const count = (databaseName: string, table: string): Promise<number> =>
  asSuperuser(databaseName, async (c) => Number((await c.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n));

describe('tenancy through GraphQL: login, roles, contracts and versions, audit (real PostgreSQL, demo seed)', () => {
  let api: TestApi;
  const tokens: Record<string, string> = {};
  const call = async (who: string, query: string, variables: Record<string, unknown> = {}): Promise<Gql> =>
    (await api.gql(query, variables, tokens[who])).body as Gql;
  const code = (r: Gql) => r.errors?.[0]?.extensions.code;

  beforeAll(async () => {
    api = await startApi({ SEED_DEMO: 'auto' });
    for (const who of [
      'admin',
      'vendor',
      'huaian.admin',
      'huaian.staff',
      'huaian.finance',
      'tianjin.admin',
      'qinghai.admin',
    ]) {
      tokens[who] = await api.login(`${who}@demo.local`);
    }
  }, 120_000);

  afterAll(async () => {
    await api?.close();
  });

  describe('login', () => {
    it('answers one UNAUTHENTICATED message for a wrong password and an unknown email', async () => {
      const wrong = await api.gql(
        'mutation { login(input: { email: "huaian.admin@demo.local", password: "nope-nope-nope" }) { token } }',
      );
      const unknown = await api.gql(
        'mutation { login(input: { email: "nobody@demo.local", password: "nope-nope-nope" }) { token } }',
      );
      expect(wrong.body.errors[0]).toMatchObject({
        message: 'wrong email or password',
        extensions: { code: 'UNAUTHENTICATED' },
      });
      expect(unknown.body.errors[0]).toMatchObject({
        message: 'wrong email or password',
        extensions: { code: 'UNAUTHENTICATED' },
      });
    });

    it('refuses protected operations without a token or with a forged one', async () => {
      expect(code((await api.gql('{ contracts { id } }')).body)).toBe('UNAUTHENTICATED');
      expect(code((await api.gql('{ contracts { id } }', {}, `${tokens['huaian.admin']}x`)).body)).toBe(
        'UNAUTHENTICATED',
      );
    });

    it('tells the signed-in user who they are, from the token', async () => {
      const r = await call('huaian.finance', '{ me { email role tenantId vendorOrgId } }');
      expect(r.data?.me).toMatchObject({ email: 'huaian.finance@demo.local', role: 'finance', vendorOrgId: null });
    });
  });

  describe('contracts seen per role', () => {
    it('a buyer sees its own tenant’s contracts; a vendor sees the ones it holds across tenants', async () => {
      const codes = async (who: string) =>
        ((await call(who, '{ contracts { code } }')).data?.contracts as { code: string }[]).map((c) => c.code);
      expect(await codes('huaian.admin')).toEqual(['huaian-2025-2026']);
      expect(await codes('huaian.finance')).toEqual(['huaian-2025-2026']);
      expect(await codes('tianjin.admin')).toHaveLength(8);
      expect(await codes('vendor')).toHaveLength(12);
      expect(await codes('admin')).toEqual([]); // the platform admin manages tenants, not their contracts
    });

    it('the seeded Huai’an contract carries the preset’s amount and term', async () => {
      const [c] = (await call('huaian.admin', `{ contracts { ${CONTRACT_FIELDS} } }`)).data?.contracts as {
        amount: string;
        termStart: string;
        termEnd: string;
        currentVersion: number;
      }[];
      expect(c).toMatchObject({
        amount: '1740000.00',
        termStart: '2025-07-01',
        termEnd: '2026-12-31',
        currentVersion: 1,
      });
    });
  });

  describe('creating and changing contracts', () => {
    let vendorOrgId: string;
    let contractId: string;

    beforeAll(async () => {
      const r = await call('huaian.admin', '{ vendorOrganizations { id name } }');
      vendorOrgId = (r.data?.vendorOrganizations as { id: string }[])[0].id;
    });

    it('a buyer admin creates a contract from a preset; staff may not', async () => {
      const input = { code: 'HA-2026-B', name: '淮安 2026 二期', vendorOrgId, presetId: 'huaian-2025-2026' };
      const denied = await call(
        'huaian.staff',
        `mutation ($i: CreateContractInput!) { createContract(input: $i) { id } }`,
        { i: input },
      );
      expect(code(denied)).toBe('FORBIDDEN');
      const r = await call(
        'huaian.admin',
        `mutation ($i: CreateContractInput!) { createContract(input: $i) { ${CONTRACT_FIELDS} } }`,
        { i: input },
      );
      expect(r.errors).toBeUndefined();
      const c = r.data?.createContract as { id: string; currentVersion: number; amount: string };
      expect(c).toMatchObject({ currentVersion: 1, amount: '1740000.00' });
      contractId = c.id;
      const again = await call(
        'huaian.admin',
        `mutation ($i: CreateContractInput!) { createContract(input: $i) { id } }`,
        { i: input },
      );
      expect(code(again)).toBe('CONFLICT');
    });

    it('an invalid configuration is refused with every problem at its path, and nothing is stored', async () => {
      const before = await count(api.database.name, 'contracts');
      const bad = JSON.parse(JSON.stringify(getPreset('xuzhou-2026').config)) as Record<
        string,
        Record<string, unknown>
      >;
      bad.money.amount = 'lots';
      bad.term.end = '2025-01-01';
      const r = await call('huaian.admin', `mutation ($i: CreateContractInput!) { createContract(input: $i) { id } }`, {
        i: { code: 'XZ-BAD', name: 'bad', vendorOrgId, configuration: bad },
      });
      expect(code(r)).toBe('BAD_USER_INPUT');
      const paths = (r.errors?.[0].extensions.problems ?? []).map((p) => p.path);
      expect(paths).toEqual(
        expect.arrayContaining(['input.configuration.money.amount', 'input.configuration.term.end']),
      );
      expect(await count(api.database.name, 'contracts')).toBe(before);
    });

    it('a change creates version 2; version 1 stays readable as it was', async () => {
      const config = JSON.parse(JSON.stringify(getPreset('huaian-2025-2026').config)) as Record<
        string,
        Record<string, unknown>
      >;
      config.money.amount = '1700000.00';
      const r = await call(
        'huaian.admin',
        `mutation ($i: UpdateContractConfigurationInput!) { updateContractConfiguration(input: $i) { ${CONTRACT_FIELDS} configuration } }`,
        {
          i: { contractId, configuration: config, changeNote: '补充协议：金额调整' },
        },
      );
      expect(r.errors).toBeUndefined();
      const c = r.data?.updateContractConfiguration as {
        currentVersion: number;
        amount: string;
        versions: { version: number; changeNote: string }[];
        configuration: { version: number };
      };
      expect(c.currentVersion).toBe(2);
      expect(c.amount).toBe('1700000.00');
      expect(c.configuration.version).toBe(2);
      expect(c.versions.map((v) => v.version)).toEqual([1, 2]);
      const read = await call(
        'huaian.admin',
        `query ($id: ID!) { contract(id: $id) { versions { version configuration } } }`,
        { id: contractId },
      );
      const versions = (
        read.data?.contract as { versions: { version: number; configuration: { money: { amount: string } } }[] }
      ).versions;
      expect(versions[0].configuration.money.amount).toBe('1740000.00');
      expect(versions[1].configuration.money.amount).toBe('1700000.00');
    });

    it('an invalid change is refused and the version stays', async () => {
      const r = await call(
        'huaian.admin',
        `mutation ($i: UpdateContractConfigurationInput!) { updateContractConfiguration(input: $i) { id } }`,
        {
          i: { contractId, configuration: { schemaVersion: 1 }, changeNote: '' },
        },
      );
      expect(code(r)).toBe('BAD_USER_INPUT');
      const paths = (r.errors?.[0].extensions.problems ?? []).map((p) => p.path);
      expect(paths).toEqual(expect.arrayContaining(['input.changeNote', 'input.configuration.money']));
      const read = await call('huaian.admin', `query ($id: ID!) { contract(id: $id) { currentVersion } }`, {
        id: contractId,
      });
      expect((read.data?.contract as { currentVersion: number }).currentVersion).toBe(2);
    });
  });

  describe('platform administration', () => {
    it('the platform admin adds a tenant, a vendor organisation and users; a buyer may not', async () => {
      const t = await call(
        'admin',
        'mutation { createTenant(input: { code: "suqian", name: "宿迁市医疗保障局" }) { id code } }',
      );
      expect(t.errors).toBeUndefined();
      const tenantId = (t.data?.createTenant as { id: string }).id;
      const v = await call('admin', 'mutation { createVendorOrganization(input: { name: "另一家运维公司" }) { id } }');
      const vendorOrgId = (v.data?.createVendorOrganization as { id: string }).id;
      const u = await call(
        'admin',
        `mutation ($i: CreateUserInput!) { createUser(input: $i) { email role tenantId } }`,
        {
          i: {
            email: 'Suqian.Admin@demo.local',
            password: 'long-enough-password',
            displayName: '宿迁管理员',
            role: 'buyer-admin',
            tenantId,
          },
        },
      );
      expect(u.data?.createUser).toEqual({ email: 'suqian.admin@demo.local', role: 'buyer-admin', tenantId });
      const bad = await call('admin', `mutation ($i: CreateUserInput!) { createUser(input: $i) { id } }`, {
        i: { email: 'not-an-email', password: 'short', displayName: '', role: 'vendor', tenantId },
      });
      expect((bad.errors?.[0].extensions.problems ?? []).map((p) => p.path).sort()).toEqual(
        ['input.displayName', 'input.email', 'input.password', 'input.tenantId', 'input.vendorOrgId'].sort(),
      );
      expect(
        code(await call('huaian.admin', 'mutation { createTenant(input: { code: "x-y", name: "x" }) { id } }')),
      ).toBe('FORBIDDEN');
      expect(code(await call('huaian.admin', '{ tenants { id } }'))).toBe('FORBIDDEN');
      expect(vendorOrgId).toMatch(/^[0-9a-f-]{36}$/);
      const newAdmin = await api.login('suqian.admin@demo.local', 'long-enough-password');
      expect(((await api.gql('{ contracts { id } }', {}, newAdmin)).body.data.contracts as unknown[]).length).toBe(0);
    });
  });

  describe('buyer admin manages its own tenant’s users', () => {
    it('adds a finance user to its own tenant from the session; other roles and other tenants are refused', async () => {
      const mutation = 'mutation ($i: CreateUserInput!) { createUser(input: $i) { email role tenantId } }';
      const me = (await call('huaian.admin', '{ me { tenantId } }')).data?.me as { tenantId: string };
      const ok = await call('huaian.admin', mutation, {
        i: {
          email: 'huaian.finance2@demo.local',
          password: 'long-enough-password',
          displayName: '财务二',
          role: 'finance',
        },
      });
      expect(ok.data?.createUser).toEqual({
        email: 'huaian.finance2@demo.local',
        role: 'finance',
        tenantId: me.tenantId,
      });
      const token = await api.login('huaian.finance2@demo.local', 'long-enough-password');
      expect(
        ((await api.gql('{ contracts { code } }', {}, token)).body.data.contracts as { code: string }[]).map(
          (c) => c.code,
        ),
      ).toContain('huaian-2025-2026');
      const vendorRole = await call('huaian.admin', mutation, {
        i: { email: 'v2@demo.local', password: 'long-enough-password', displayName: 'v', role: 'vendor' },
      });
      expect(vendorRole.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        problems: [{ path: 'input.role' }],
      });
      const tianjin = (await call('tianjin.admin', '{ me { tenantId } }')).data?.me as { tenantId: string };
      const elsewhere = await call('huaian.admin', mutation, {
        i: {
          email: 'x2@demo.local',
          password: 'long-enough-password',
          displayName: 'x',
          role: 'finance',
          tenantId: tianjin.tenantId,
        },
      });
      expect(code(elsewhere)).toBe('NOT_FOUND');
      expect(
        code(
          await call('huaian.staff', mutation, {
            i: { email: 'x3@demo.local', password: 'long-enough-password', displayName: 'x', role: 'finance' },
          }),
        ),
      ).toBe('FORBIDDEN');
    });
  });

  describe('audit', () => {
    it('every mutation of this suite left audit rows naming the operation, the actor and the tenant', async () => {
      const rows = await auditRows(api.database.name);
      const ops = new Set(rows.map((r) => r.operation));
      for (const op of [
        'seedDemo',
        'createContract',
        'updateContractConfiguration',
        'createTenant',
        'createVendorOrganization',
        'createUser',
      ])
        expect(ops).toContain(op);
      // Jobs act for no user: their rows name the job instead (operation job:<id>) and carry the tenant. Sign-in
      // attempts (operation login) are made before anyone is signed in: their rows name the email, not an actor.
      // The national calendar's shipped years are loaded by the system itself (operation calendar:seed / calendar:sync, no actor).
      const systemWork = (op: string | null) =>
        op === 'seedDemo' ||
        op === 'login' ||
        op?.startsWith('job:') ||
        op === 'calendar:seed' ||
        op === 'calendar:sync';
      for (const r of rows.filter((x) => !systemWork(x.operation))) expect(r.actor_user_id).toMatch(/^[0-9a-f-]{36}$/);
      for (const r of rows.filter((x) => x.operation?.startsWith('job:')))
        expect(r.tenant_id).toMatch(/^[0-9a-f-]{36}$/);
      const contractRows = rows.filter((r) => r.table_name === 'contracts');
      for (const r of contractRows) expect(r.tenant_id).toMatch(/^[0-9a-f-]{36}$/);
    });
  });
});
