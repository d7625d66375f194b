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

describe('npm start without a database server (embedded PGlite)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ledger-start-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('seeds the five agencies once and keeps the data across restarts', async () => {
    const first = await boot(dataDir);
    expect(await contractCodes(first, 'vendor@demo.local')).toHaveLength(12);
    expect(await contractCodes(first, 'qinghai.finance@demo.local')).toEqual(['qinghai-hospital-3y']);
    await first.close();

    const second = await boot(dataDir);
    expect(await contractCodes(second, 'vendor@demo.local')).toHaveLength(12); // not seeded twice
    expect(await contractCodes(second, 'tianjin.staff@demo.local')).toHaveLength(8);
    await second.close();
  }, 120_000);
});
