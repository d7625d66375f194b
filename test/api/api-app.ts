import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { AppModule } from '../../apps/api/src/app.module';
import { loadAppConfig } from '../../apps/api/src/config/app-config';

/** Boots the real API module (no mocks) for supertest; the caller closes it. */
export async function startApi(env: Record<string, string> = {}): Promise<INestApplication> {
  const config = loadAppConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...env });
  const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot(config)] }).compile();
  const app = moduleRef.createNestApplication({ logger: false });
  await app.init();
  return app;
}
