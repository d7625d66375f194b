import { GraphQLScalarType, Kind } from 'graphql';

const DECIMAL_TEXT = /^-?\d+(\.\d{1,2})?$/;

function parseMoney(value: unknown): string {
  if (typeof value !== 'string' || !DECIMAL_TEXT.test(value)) {
    throw new TypeError(`Money must be a decimal string with at most two decimals, got ${JSON.stringify(value)}`);
  }
  return value;
}

/**
 * Money as a decimal string ("66666.67"). A JSON number would pass through a binary float in every
 * client, so numbers are refused on input and never produced on output.
 */
export const MoneyScalar = new GraphQLScalarType<string, string>({
  name: 'Money',
  description: 'An amount in yuan as a decimal string with at most two decimals, e.g. "66666.67".',
  serialize: parseMoney,
  parseValue: parseMoney,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw new TypeError('Money must be written as a string, e.g. "1740000.00"');
    return parseMoney(ast.value);
  },
});
