import 'reflect-metadata';
import { Test } from '@nestjs/testing';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { InProcessDispatcher, JobDispatcher } from '@ledger/jobs';
import { AppModule } from '../../apps/api/src/app.module';
import { loadAppConfig } from '../../libs/features/src/config/app-config';
import { configureHttp } from '../../libs/features/src/http/configure-http';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

export type TestApi = {
  app: NestExpressApplication;
  database: TestDatabase;
  gql(query: string, variables?: Record<string, unknown>, token?: string): request.Test;
  login(email: string, password?: string): Promise<string>;
  /** Waits until every job dispatched in-process has finished (embedded mode: no REDIS_URL). */
  jobsIdle(): Promise<void>;
  close(): Promise<void>;
};

/**
 * Boots the real API module on a fresh real PostgreSQL database (no mocks) for supertest — or, with `shared`, on
 * another API's database (a second process of a scaled-out deployment; closing it leaves the database).
 */
export async function startApi(env: Record<string, string> = {}, shared?: TestDatabase): Promise<TestApi> {
  const database = shared ?? (await createTestDatabase());
  const config = loadAppConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: database.appUrl,
    JWT_SECRET: 'test-secret-that-is-long-enough-0123456789',
    SEED_DEMO: 'off',
    ...env,
  });
  const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot(config)] }).compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ logger: false });
  configureHttp(app, config);
  app.enableShutdownHooks();
  await app.init();
  const gql = (query: string, variables: Record<string, unknown> = {}, token?: string) => {
    const r = request(app.getHttpServer()).post('/graphql').set('content-type', 'application/json');
    if (token) r.set('authorization', `Bearer ${token}`);
    return r.send({ query, variables });
  };
  return {
    app,
    database,
    gql,
    async login(email, password = 'demo-password-2026') {
      const res = await gql('mutation ($i: LoginInput!) { login(input: $i) { token } }', { i: { email, password } });
      if (!res.body.data?.login) throw new Error(`login ${email} failed: ${JSON.stringify(res.body.errors)}`);
      return res.body.data.login.token as string;
    },
    async jobsIdle() {
      const dispatcher = app.get(JobDispatcher);
      if (dispatcher instanceof InProcessDispatcher) await dispatcher.idle();
    },
    async close() {
      await app.close();
      if (!shared) await database.drop();
    },
  };
}
