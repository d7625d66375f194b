import { readFileSync } from 'fs';
import { resolve } from 'path';
import { contractConfigJsonSchema } from './json-schema';

describe('contractConfigJsonSchema', () => {
  const schema = contractConfigJsonSchema() as {
    $schema: string;
    properties: Record<string, { properties?: Record<string, unknown> }>;
  };

  it('is a 2020-12 JSON Schema of the input side (decimals as string or number)', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.properties.money.properties?.amount).toMatchObject({ type: ['string', 'number'] });
    expect(Object.keys(schema.properties.payment.properties ?? {})).toEqual(['milestones', 'deductions']);
  });

  it('docs/contract-config.schema.json is up to date (run npm run schema:json)', () => {
    const committed = JSON.parse(
      readFileSync(resolve(__dirname, '../../../../docs/contract-config.schema.json'), 'utf8'),
    ) as Record<string, unknown>;
    delete committed.$id;
    delete committed.title;
    expect(committed).toEqual(JSON.parse(JSON.stringify(schema)));
  });
});
