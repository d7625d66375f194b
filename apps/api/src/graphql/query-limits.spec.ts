import { buildSchema, parse, validate } from 'graphql';
import { queryLimitsRule } from './query-limits';

const schema = buildSchema(`
  type Node { id: ID! name: String child: Node }
  type Query { node: Node }
`);
const check = (query: string, maxDepth = 3, maxCost = 6) => validate(schema, parse(query), [queryLimitsRule({ maxDepth, maxCost })]).map((e) => e.message);

describe('query limits', () => {
  it('accepts a query at the limits', () => {
    expect(check('{ node { child { id } } }')).toEqual([]); // depth 3, cost 3
  });

  it('refuses depth beyond the limit, also through fragments', () => {
    expect(check('{ node { child { child { id } } } }')).toEqual(['query depth 4 exceeds the limit of 3']);
    expect(check('fragment F on Node { child { child { id } } } { node { ...F } }')).toEqual(['query depth 4 exceeds the limit of 3']);
    expect(check('{ node { ... on Node { child { child { id } } } } }')).toEqual(['query depth 4 exceeds the limit of 3']);
  });

  it('refuses cost beyond the limit (fields counted, fragments expanded)', () => {
    expect(check('fragment F on Node { id name } { node { ...F child { ...F child { id } } } }', 5, 6)).toEqual(['query selects 8 fields, more than the limit of 6']);
  });
});
