// Writes the JSON Schema of the contract configuration language (input side) to docs/contract-config.schema.json.
// Usage: npm run schema:json [-- --check]   (--check fails when the committed file is stale)
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { contractConfigJsonSchema, CONTRACT_CONFIG_SCHEMA_VERSION } from '@ledger/contracts';

const target = resolve(__dirname, '..', 'docs', 'contract-config.schema.json');
const schema = {
  ...contractConfigJsonSchema(),
  $id: `https://om-ledger.local/schemas/contract-config.v${CONTRACT_CONFIG_SCHEMA_VERSION}.json`,
  title: `Contract configuration, schema version ${CONTRACT_CONFIG_SCHEMA_VERSION}`,
};
const text = `${JSON.stringify(schema, null, 2)}\n`;

if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(target, 'utf8');
  } catch {
    current = '';
  }
  if (current !== text) {
    console.error(`${target} is stale: run npm run schema:json`);
    process.exit(1);
  }
  console.log(`${target} is up to date`);
} else {
  writeFileSync(target, text);
  console.log(`wrote ${target} (${text.length} bytes)`);
}
