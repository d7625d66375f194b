import { buildSchema, getIntrospectionQuery, parse, validate } from 'graphql';
import {
  executableDefinitions,
  measureOperations,
  queryLimitErrors,
  queryLimitsRule,
  type QueryLimits,
} from './query-limits';

const schema = buildSchema(`
  scalar JSON
  type Node { id: ID name: String child: Node }
  type Check { valid: Boolean }
  type Query { node: Node check(configuration: JSON): Check }
  type Session { token: String }
  type Mutation { login(email: String): Session }
`);
const fields = { 'Query.check': { cost: 10 }, 'Mutation.login': { cost: 10, maxPerOperation: 1 } };
const limits = (over: Partial<QueryLimits> = {}): QueryLimits => ({
  maxDepth: 3,
  maxCost: 6,
  maxAliases: 2,
  fields,
  ...over,
});
const check = (query: string, over: Partial<QueryLimits> = {}) =>
  validate(schema, parse(query), [queryLimitsRule(limits(over))]).map((e) => e.message);
const measure = (query: string) => measureOperations(schema, executableDefinitions(parse(query)), fields)[0];

describe('query limits', () => {
  it('accepts a query at the limits', () => {
    expect(check('{ node { child { id } } }')).toEqual([]); // depth 3, cost 3
    expect(check('{ a: node { id } b: node { id } }')).toEqual([]); // 2 aliases, cost 4
  });

  it('refuses depth beyond the limit, also through fragments', () => {
    expect(check('{ node { child { child { id } } } }')).toEqual(['query depth 4 exceeds the limit of 3']);
    expect(check('fragment F on Node { child { child { id } } } { node { ...F } }')).toEqual([
      'query depth 4 exceeds the limit of 3',
    ]);
    expect(check('{ node { ... on Node { child { child { id } } } } }')).toEqual([
      'query depth 4 exceeds the limit of 3',
    ]);
  });

  it('refuses cost beyond the limit (fields counted, fragments expanded)', () => {
    expect(
      check('fragment F on Node { id name } { node { ...F child { ...F child { id } } } }', {
        maxDepth: 5,
        maxCost: 6,
      }),
    ).toEqual(['query cost 8 exceeds the limit of 6']);
  });

  it('weighs expensive fields by their schema coordinate', () => {
    expect(measure('{ check(configuration: 1) { valid } }')).toMatchObject({ cost: 11, depth: 2 });
    expect(measure('{ node { id } }')).toMatchObject({ cost: 2 });
    expect(
      check('{ a: check(configuration: 1) { valid } b: check(configuration: 2) { valid } }', { maxCost: 20 }),
    ).toEqual(['query cost 22 exceeds the limit of 20']);
  });

  it('caps fields selected at most once per operation, aliased or through fragments', () => {
    expect(check('mutation { login(email: "a") { token } }', { maxCost: 100 })).toEqual([]);
    expect(
      check('mutation { a: login(email: "a") { token } b: login(email: "b") { token } }', { maxCost: 100 }),
    ).toEqual(['Mutation.login may be selected at most 1 time(s) per operation, not 2']);
    expect(
      check('fragment L on Mutation { login(email: "a") { token } } mutation { ...L ... on Mutation { ...L } }', {
        maxCost: 100,
      }),
    ).toEqual(['Mutation.login may be selected at most 1 time(s) per operation, not 2']);
  });

  it('refuses more aliases than the limit, counting each expansion of a fragment', () => {
    expect(check('{ a: node { id } b: node { id } c: node { id } }', { maxCost: 100 })).toEqual([
      'query uses 3 aliases, more than the limit of 2',
    ]);
    expect(
      check('fragment F on Node { x: id y: name } { node { ...F child { ...F } } }', { maxCost: 100, maxDepth: 5 }),
    ).toEqual(['query uses 4 aliases, more than the limit of 2']);
  });

  it('measures a document whose fragments double at every level in linear time', () => {
    const levels = 40;
    const doc = [
      '{ node { ...F0 } }',
      ...Array.from(
        { length: levels },
        (_, i) => `fragment F${i} on Node { child { ...F${i + 1} } id: child { ...F${i + 1} } }`,
      ),
      `fragment F${levels} on Node { id }`,
    ].join('\n');
    const started = Date.now();
    const m = measure(doc);
    expect(Date.now() - started).toBeLessThan(500);
    expect(m.cost).toBeGreaterThan(2 ** levels);
    expect(m.depth).toBe(levels + 2);
  });

  it('ends on cyclic and unknown fragments, unknown fields and types (GraphQL validation refuses those afterwards)', () => {
    expect(
      measure('fragment A on Node { child { ...B } } fragment B on Node { child { ...A } } { node { ...A ...C } }'),
    ).toMatchObject({ depth: 3 });
    expect(measure('{ nope { deeper { still } } ... on Nope { x } }')).toMatchObject({ depth: 3, cost: 4 });
  });

  it("lets a development tool's standard introspection query through (the ofType chain does not deepen it)", () => {
    const query = getIntrospectionQuery({
      descriptions: true,
      specifiedByUrl: true,
      directiveIsRepeatable: true,
      schemaDescription: true,
      inputValueDeprecation: true,
    });
    expect(
      queryLimitErrors(schema, executableDefinitions(parse(query)), { maxDepth: 10, maxCost: 1000, maxAliases: 30 }),
    ).toEqual([]);
    expect(measure('{ __type(name: "Node") { fields { type { fields { type { name } } } } } }')).toMatchObject({
      depth: 6,
    });
  });
});
