import { GraphQLSchemaHost } from '@nestjs/graphql';
import { readFileSync, writeFileSync } from 'fs';
import { buildSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { GRAPHQL_ENV_FILE, graphqlEnvSource, SCHEMA_FILE } from '../../scripts/generate-graphql-env';
import { startApi } from './api-app';

const HEADER =
  '# ------------------------------------------------------\n# THIS FILE WAS AUTOMATICALLY GENERATED (DO NOT MODIFY)\n# ------------------------------------------------------\n\n';
const UPDATE = process.env.UPDATE_GRAPHQL_SCHEMA === '1';

const body = (text: string) => text.replace(/^(#.*\n)+\n?/, '').trim();

describe('committed GraphQL schema', () => {
  it('matches the schema the code generates (run `npm run schema:gql` to refresh)', async () => {
    const api = await startApi();
    const generated = printSchema(lexicographicSortSchema(api.app.get(GraphQLSchemaHost).schema));
    await api.close();
    if (UPDATE) writeFileSync(SCHEMA_FILE, `${HEADER}${generated}\n`);
    expect(body(readFileSync(SCHEMA_FILE, 'utf8'))).toBe(body(generated));
  });

  // The web console's documents are typed from this file (gql.tada): stale, it would type-check against an old API.
  it("the web's schema types (apps/web/src/api/graphql-env.d.ts) match the committed schema (run `npm run schema:gql` to refresh)", () => {
    const expected = graphqlEnvSource(readFileSync(SCHEMA_FILE, 'utf8'));
    if (UPDATE) writeFileSync(GRAPHQL_ENV_FILE, expected);
    // Compared whole, reported short: the file is one long line per type.
    const state = readFileSync(GRAPHQL_ENV_FILE, 'utf8') === expected ? 'fresh' : 'stale: run `npm run schema:gql`';
    expect(state).toBe('fresh');
  });

  // The public API names the domain (Schedule, PeriodClose), not the NestJS class behind it (decisions.md).
  it('names no type after its implementation class (no `Model` suffix)', () => {
    const names = Object.keys(buildSchema(readFileSync(SCHEMA_FILE, 'utf8')).getTypeMap());
    expect(names.filter((name) => name.endsWith('Model'))).toEqual([]);
  });
});
