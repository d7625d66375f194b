// Writes the web console's schema types (apps/web/src/api/graphql-env.d.ts) from the committed API schema, so gql.tada
// types every document of the console against apps/api/schema.gql and a schema change breaks `npm run typecheck`.
// Usage: tsx scripts/generate-graphql-env.ts [--schema FILE] [--out FILE] [--check]
// `npm run schema:gql` refreshes both files; test/api/graphql-schema.spec.ts fails when either is stale.
import { buildSchema, introspectionFromSchema } from 'graphql';
import { minifyIntrospection, outputIntrospectionFile } from '@gql.tada/internal';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const SCHEMA_FILE = join(__dirname, '..', 'apps', 'api', 'schema.gql');
export const GRAPHQL_ENV_FILE = join(__dirname, '..', 'apps', 'web', 'src', 'api', 'graphql-env.d.ts');

// One block of comments, no blank line: `gql-tada generate output` keeps such a header, so both write the same file.
const PREAMBLE = [
  '/* eslint-disable */',
  '/* prettier-ignore */',
  '/* Generated from apps/api/schema.gql by scripts/generate-graphql-env.ts (npm run schema:gql): do not edit. */',
  '',
].join('\n');

/**
 * The introspection types gql.tada reads, as its CLI (`gql-tada generate output`) writes them: minified, preprocessed.
 * Named, so it does not set up gql.tada's global `graphql`: the console's one entry point is `gqlDocument` in
 * api/graphql-client.ts, which adds the custom scalars.
 */
export function graphqlEnvSource(sdl: string): string {
  const introspection = { ...introspectionFromSchema(buildSchema(sdl)), name: 'ledger' };
  return `${outputIntrospectionFile(minifyIntrospection(introspection), { fileType: '.d.ts', shouldPreprocess: true, preamble: PREAMBLE }).trimEnd()}\n`;
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

if (require.main === module) {
  const schema = arg('--schema') ?? SCHEMA_FILE;
  const out = arg('--out') ?? GRAPHQL_ENV_FILE;
  const text = graphqlEnvSource(readFileSync(schema, 'utf8'));
  if (process.argv.includes('--check')) {
    if (readFileSync(out, 'utf8') !== text) {
      console.error(`${out} is stale against ${schema}: run npm run schema:gql`);
      process.exit(1);
    }
    console.log(`${out} matches ${schema}`);
  } else {
    writeFileSync(out, text);
    console.log(`wrote ${out} from ${schema}`);
  }
}
