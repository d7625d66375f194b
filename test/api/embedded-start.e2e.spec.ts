import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import request from 'supertest';
import { AppModule } from '../../apps/api/src/app.module';
import { loadAppConfig } from '../../apps/api/src/config/app-config';

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
  const login = await request(server).post('/graphql').send({ query: `mutation { login(input: { email: "${email}", password: "demo-password-2026" }) { token } }` });
  const token = login.body.data.login.token as string;
  const res = await request(server).post('/graphql').set('authorization', `Bearer ${token}`).send({ query: '{ contracts { code amount } }' });
  return (res.body.data.contracts as { code: string }[]).map((c) => c.code);
}

type DemoTicket = { state: string; sla: { targets: { status: string }[] } | null };

async function xuzhouTickets(app: INestApplication): Promise<DemoTicket[]> {
  const server = app.getHttpServer();
  const login = await request(server).post('/graphql').send({ query: 'mutation { login(input: { email: "xuzhou.staff@demo.local", password: "demo-password-2026" }) { token } }' });
  const auth = `Bearer ${login.body.data.login.token as string}`;
  const [contract] = (await request(server).post('/graphql').set('authorization', auth).send({ query: '{ contracts { id } }' })).body.data.contracts as { id: string }[];
  const res = await request(server)
    .post('/graphql')
    .set('authorization', auth)
    .send({ query: 'query ($c: ID!) { tickets(contractId: $c) { state sla { targets { status } } } }', variables: { c: contract.id } });
  if (res.body.errors) throw new Error(JSON.stringify(res.body.errors));
  return res.body.data.tickets as DemoTicket[];
}

async function xuzhouReports(app: INestApplication): Promise<{ month: string; status: string }[]> {
  const server = app.getHttpServer();
  const login = await request(server).post('/graphql').send({ query: 'mutation { login(input: { email: "xuzhou.admin@demo.local", password: "demo-password-2026" }) { token } }' });
  const auth = `Bearer ${login.body.data.login.token as string}`;
  const [contract] = (await request(server).post('/graphql').set('authorization', auth).send({ query: '{ contracts { id } }' })).body.data.contracts as { id: string }[];
  const res = await request(server).post('/graphql').set('authorization', auth).send({ query: 'query ($c: ID!) { monthlyReports(contractId: $c) { month status } }', variables: { c: contract.id } });
  if (res.body.errors) throw new Error(JSON.stringify(res.body.errors));
  return (res.body.data.monthlyReports as { month: string; status: string }[]).sort((a, b) => a.month.localeCompare(b.month));
}

describe('npm start without a database server (embedded PGlite)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ledger-start-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('seeds the five agencies once and keeps the data across restarts', async () => {
    const first = await boot(dataDir);
    expect(await contractCodes(first, 'vendor@demo.local')).toHaveLength(12);
    expect(await contractCodes(first, 'qinghai.finance@demo.local')).toEqual(['qinghai-hospital-3y']);
    // Xuzhou's demo 联系单: twelve closed, three still open, some SLA targets breached.
    const tickets = await xuzhouTickets(first);
    expect(tickets.filter((t) => t.state === 'closed')).toHaveLength(12);
    expect(tickets.filter((t) => t.state !== 'closed').map((t) => t.state).sort()).toEqual(['deployed', 'in-progress', 'received']);
    expect(tickets.some((t) => t.sla?.targets.some((x) => x.status === 'breached'))).toBe(true);
    // …and three monthly reports: two accepted, October waiting for the buyer.
    expect(await xuzhouReports(first)).toEqual([
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
});
