import { GraphQLSchemaHost } from '@nestjs/graphql';
import { readFileSync, writeFileSync } from 'fs';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { join } from 'path';
import { startApi } from './api-app';

const SCHEMA_FILE = join(__dirname, '..', '..', 'apps', 'api', 'schema.gql');
const HEADER = '# ------------------------------------------------------\n# THIS FILE WAS AUTOMATICALLY GENERATED (DO NOT MODIFY)\n# ------------------------------------------------------\n\n';

const body = (text: string) => text.replace(/^(#.*\n)+\n?/, '').trim();

describe('committed GraphQL schema', () => {
  it('matches the schema the code generates (run `npm run schema:gql` to refresh)', async () => {
    const api = await startApi();
    const generated = printSchema(lexicographicSortSchema(api.app.get(GraphQLSchemaHost).schema));
    await api.close();
    if (process.env.UPDATE_GRAPHQL_SCHEMA === '1') writeFileSync(SCHEMA_FILE, `${HEADER}${generated}\n`);
    expect(body(readFileSync(SCHEMA_FILE, 'utf8'))).toBe(body(generated));
  });
});
