import { coded, CodedTypeError, moneyTextProblem } from '@ledger/kernel';
import { GraphQLScalarType, Kind } from 'graphql';

function parseMoney(value: unknown): string {
  if (typeof value !== 'string') {
    throw new CodedTypeError(coded('money.format', { value: JSON.stringify(value) ?? String(value) }));
  }
  // The one definition of storable money (numeric(18,2)): 10^17 is refused here, not by the database.
  const problem = moneyTextProblem(value);
  if (problem) throw new CodedTypeError(problem);
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
    if (ast.kind !== Kind.STRING)
      throw new CodedTypeError(coded('money.format', { value: 'value' in ast ? String(ast.value) : ast.kind }));
    return parseMoney(ast.value);
  },
});
