import { loadAppConfig } from '../../apps/api/src/config/app-config';
import { startApi, type TestApi } from './api-app';

describe('production mode', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startApi({ NODE_ENV: 'production', GRAPHQL_MAX_DEPTH: '4', GRAPHQL_MAX_COST: '20' });
  }, 60_000);
  afterAll(async () => {
    await api?.close();
  });

  it('turns introspection off', async () => {
    const res = await api.gql('{ __schema { queryType { name } } }');
    expect(res.body.errors?.[0]?.message).toMatch(/introspection/i);
  });

  it('refuses operations over the depth or cost limit before running them', async () => {
    const deep = await api.gql('{ simulateSettlement(input: { presetId: "tianjin-2026-p8", asOf: "2026-12-31" }) { schedule { lines { deductions { amount } } } } }');
    expect(deep.body.errors[0]).toMatchObject({ message: 'query depth 5 exceeds the limit of 4', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    const wide = await api.gql('{ presets { id title tenant configuration } a: presets { id title tenant } b: presets { id title tenant } c: presets { id title tenant } d: presets { id title tenant } }');
    expect(wide.body.errors[0].message).toMatch(/more than the limit of 20/);
    const fine = await api.gql('{ presets { id } }');
    expect(fine.body.errors).toBeUndefined();
  });

  it('refuses to start without a JWT secret', () => {
    expect(() => loadAppConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET: required/);
  });
});
