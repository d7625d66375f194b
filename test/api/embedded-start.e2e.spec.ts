import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import request from 'supertest';
import { AppModule } from '../../apps/api/src/app.module';
import { loadAppConfig } from '../../libs/features/src/config/app-config';

// What `npm start` does with no DATABASE_URL: embedded PGlite under DATA_DIR, migrated and seeded once.
async function boot(dataDir: string): Promise<INestApplication> {
  const config = loadAppConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: dataDir });
  const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot(config)] }).compile();
  const app = moduleRef.createNestApplication({ logger: false });
  app.enableShutdownHooks();
  await app.init();
  return app;
}

async function contractCodes(app: INestApplication, email: string): Promise<string[]> {
  const server = app.getHttpServer();
  const login = await request(server)
    .post('/graphql')
    .send({ query: `mutation { login(input: { email: "${email}", password: "demo-password-2026" }) { token } }` });
  const token = login.body.data.login.token as string;
  const res = await request(server)
    .post('/graphql')
    .set('authorization', `Bearer ${token}`)
    .send({ query: '{ contracts { code amount } }' });
  return (res.body.data.contracts as { code: string }[]).map((c) => c.code);
}

type DemoTicket = {
  state: string;
  sla: { targets: { status: string; stop: string | null; percentUsed: string; breachMinutes: number }[] } | null;
};

async function xuzhouTickets(app: INestApplication): Promise<DemoTicket[]> {
  const server = app.getHttpServer();
  const login = await request(server).post('/graphql').send({
    query: 'mutation { login(input: { email: "xuzhou.staff@demo.local", password: "demo-password-2026" }) { token } }',
  });
  const auth = `Bearer ${login.body.data.login.token as string}`;
  const [contract] = (
    await request(server).post('/graphql').set('authorization', auth).send({ query: '{ contracts { id } }' })
  ).body.data.contracts as { id: string }[];
  const res = await request(server)
    .post('/graphql')
    .set('authorization', auth)
    .send({
      query:
        'query ($c: ID!) { tickets(contractId: $c) { state sla { targets { status stop percentUsed breachMinutes } } } }',
      variables: { c: contract.id },
    });
  if (res.body.errors) throw new Error(JSON.stringify(res.body.errors));
  return res.body.data.tickets as DemoTicket[];
}

async function xuzhouReports(app: INestApplication): Promise<{ month: string; status: string }[]> {
  const server = app.getHttpServer();
  const login = await request(server).post('/graphql').send({
    query: 'mutation { login(input: { email: "xuzhou.admin@demo.local", password: "demo-password-2026" }) { token } }',
  });
  const auth = `Bearer ${login.body.data.login.token as string}`;
  const [contract] = (
    await request(server).post('/graphql').set('authorization', auth).send({ query: '{ contracts { id } }' })
  ).body.data.contracts as { id: string }[];
  const res = await request(server)
    .post('/graphql')
    .set('authorization', auth)
    .send({
      query: 'query ($c: ID!) { monthlyReports(contractId: $c) { month status } }',
      variables: { c: contract.id },
    });
  if (res.body.errors) throw new Error(JSON.stringify(res.body.errors));
  return (res.body.data.monthlyReports as { month: string; status: string }[]).sort((a, b) =>
    a.month.localeCompare(b.month),
  );
}

describe('npm start without a database server (embedded PGlite)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ledger-start-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('seeds the five agencies once and keeps the data across restarts', async () => {
    const first = await boot(dataDir);
    expect(await contractCodes(first, 'vendor@demo.local')).toHaveLength(12);
    expect(await contractCodes(first, 'qinghai.finance@demo.local')).toEqual(['qinghai-hospital-3y']);
    // Xuzhou's demo 联系单 (npm start seeds the showcase, SEED_DEMO=full): twelve closed in Aug–Oct and twenty in the
    // first half-year, three still open, some SLA targets breached.
    const tickets = await xuzhouTickets(first);
    expect(tickets.filter((t) => t.state === 'closed')).toHaveLength(32);
    expect(
      tickets
        .filter((t) => t.state !== 'closed')
        .map((t) => t.state)
        .sort(),
    ).toEqual(['deployed', 'in-progress', 'received']);
    expect(tickets.some((t) => t.sla?.targets.some((x) => x.status === 'breached'))).toBe(true);
    // Closed tickets run no clock on to today: a target whose stop event never happened is not recorded (the demo
    // records no on-site event), and what breached did so by days, not by tens of thousands of per cent.
    const closedTargets = tickets.filter((t) => t.state === 'closed').flatMap((t) => t.sla?.targets ?? []);
    expect(closedTargets.filter((x) => x.stop === null).map((x) => x.status)).toEqual(Array(32).fill('not_recorded'));
    expect(
      closedTargets
        .filter((x) => x.status === 'breached')
        .every((x) => x.stop !== null && Number(x.percentUsed) < 10_000 && x.breachMinutes < 10 * 1440),
    ).toBe(true);
    // …and monthly reports: January–June (the confirmed H1 close counts them), August and September accepted, October
    // waiting for the buyer.
    expect(await xuzhouReports(first)).toEqual([
      ...['01', '02', '03', '04', '05', '06'].map((m) => ({ month: `2026-${m}`, status: 'accepted' })),
      { month: '2026-08', status: 'accepted' },
      { month: '2026-09', status: 'accepted' },
      { month: '2026-10', status: 'submitted' },
    ]);
    await first.close();

    const second = await boot(dataDir);
    expect(await contractCodes(second, 'vendor@demo.local')).toHaveLength(12); // not seeded twice
    expect(await contractCodes(second, 'tianjin.staff@demo.local')).toHaveLength(8);
    await second.close();
  }, 120_000);

  it('runs the jobs in-process: a Tianjin quarter closes, is confirmed and scheduled, and it all survives a restart', async () => {
    const app = await boot(dataDir);
    const server = app.getHttpServer();
    const gql = async (token: string, query: string, variables: Record<string, unknown> = {}) => {
      const res = await request(server)
        .post('/graphql')
        .set('authorization', `Bearer ${token}`)
        .send({ query, variables });
      if (res.body.errors) throw new Error(JSON.stringify(res.body.errors));
      return res.body.data as Record<string, unknown>;
    };
    const login = async (email: string) =>
      (
        await request(server)
          .post('/graphql')
          .send({ query: `mutation { login(input: { email: "${email}", password: "demo-password-2026" }) { token } }` })
      ).body.data.login.token as string;
    const admin = await login('tianjin.admin@demo.local');
    const contracts = (await gql(admin, '{ contracts { id code } }')).contracts as { id: string; code: string }[];
    const p8 = contracts.find((c) => c.code === 'tianjin-2026-p8')?.id as string;
    await gql(admin, 'mutation ($i: SetPeriodInputsInput!) { setPeriodInputs(input: $i) { period } }', {
      i: { contractId: p8, period: '2026-Q1', quarterQualified: true },
    });
    const { closePeriod } = (await gql(admin, 'mutation ($i: ClosePeriodInput!) { closePeriod(input: $i) { id } }', {
      i: { contractId: p8, period: '2026-Q1', asOf: '2026-04-05' },
    })) as { closePeriod: { id: string } };
    const status = async () =>
      (await gql(admin, 'query ($id: ID!) { periodClose(id: $id) { status job { status } } }', { id: closePeriod.id }))
        .periodClose as { status: string; job: { status: string } };
    for (let i = 0; i < 100 && (await status()).status !== 'draft'; i++) await new Promise((r) => setTimeout(r, 100));
    expect(await status()).toEqual({ status: 'draft', job: { status: 'completed' } });
    await gql(admin, 'mutation ($id: ID!) { confirmPeriodClose(closeId: $id) { status } }', { id: closePeriod.id });
    const finance = await login('tianjin.finance@demo.local');
    const schedule = async () =>
      (
        await gql(
          finance,
          'query ($c: ID!) { paymentSchedule(contractId: $c) { schedule { lines { id gross status } } } }',
          { c: p8 },
        )
      ).paymentSchedule as { schedule: { lines: { id: string; gross: string; status: string }[] } } | null;
    for (let i = 0; i < 100 && (await schedule()) === null; i++) await new Promise((r) => setTimeout(r, 100));
    expect((await schedule())?.schedule.lines.map((l) => [l.id, l.gross])).toEqual([
      ['quarterly.2026-Q1', '8281.00'],
      ['quarterly.2026-Q2', '8281.00'],
      ['quarterly.2026-Q3', '8281.00'],
      ['quarterly.2026-Q4', '8281.00'],
    ]);
    await app.close();

    const again = await boot(dataDir);
    const res = await request(again.getHttpServer())
      .post('/graphql')
      .set('authorization', `Bearer ${finance}`)
      .send({ query: 'query ($c: ID!) { periodCloses(contractId: $c) { period status } }', variables: { c: p8 } });
    expect(res.body.data.periodCloses).toEqual([{ period: '2026-Q1', status: 'confirmed' }]);
    await again.close();
  }, 120_000);
});
