import { GraphQLScalarType, Kind, type ValueNode } from 'graphql';

/** JSON as a client sends it (what parseValue and parseLiteral give). */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/**
 * What a resolver may return for a JSON field: JSON before serialisation, so arrays may be readonly and properties
 * may be absent (undefined, which the response's JSON.stringify leaves out). A domain value assigns to it only if it
 * is JSON throughout: no Date, Decimal, Map or class instance (those would not come out as they went in).
 */
export type JsonOutput =
  string | number | boolean | null | readonly JsonOutput[] | { readonly [key: string]: JsonOutput | undefined };

/**
 * The value, checked to be JSON throughout, for values whose type cannot say so (a configuration as written has parts
 * typed `unknown`). Walks the value: for small ones. Throws on anything else, a bug rather than bad input.
 */
export function checkedJson(value: unknown): JsonOutput {
  if (isJsonOutput(value)) return value;
  throw new TypeError('not a JSON value');
}

function isJsonOutput(value: unknown): value is JsonOutput {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(isJsonOutput);
  if (typeof value !== 'object') return false;
  // A plain object, of any realm (its prototype is a root one), or one without a prototype: not a Date, Decimal or Map.
  const proto: unknown = Object.getPrototypeOf(value);
  const plain = proto === null || Object.getPrototypeOf(proto) === null;
  return plain && Object.values(value).every((v) => v === undefined || isJsonOutput(v));
}

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
