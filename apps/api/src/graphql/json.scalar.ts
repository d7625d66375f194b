import { GraphQLScalarType, Kind, type ValueNode } from 'graphql';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

function literalToJson(ast: ValueNode): JsonValue {
  switch (ast.kind) {
    case Kind.STRING:
    case Kind.ENUM:
    case Kind.BOOLEAN:
      return ast.value;
    case Kind.INT:
    case Kind.FLOAT:
      return Number(ast.value);
    case Kind.NULL:
      return null;
    case Kind.LIST:
      return ast.values.map(literalToJson);
    case Kind.OBJECT:
      return Object.fromEntries(ast.fields.map((f) => [f.name.value, literalToJson(f.value)]));
    default:
      throw new TypeError('Variables are not allowed inside a JSON literal; pass the whole value as a variable');
  }
}

/** Arbitrary JSON, for contract configurations, which the configuration language validates (not GraphQL). */
export const JsonScalar = new GraphQLScalarType<JsonValue, JsonValue>({
  name: 'JSON',
  description: 'A JSON value (contract configurations; validated by the configuration language).',
  serialize: (value) => value as JsonValue,
  parseValue: (value) => value as JsonValue,
  parseLiteral: literalToJson,
});
