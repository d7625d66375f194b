import { Decimal, decimalInput } from './decimal';
import { addProblem, coded, type CodedProblem } from './problem';

/**
 * Every amount is stored as numeric(18,2): at most 16 integer digits and 2 decimals (the fen). One
 * definition of storable money for the configuration language, the API's Money scalar and parseMoney,
 * so a value that passes a check can always be saved.
 */
export const MONEY_INTEGER_DIGITS = 16;
export const MONEY_DECIMALS = 2;

const MONEY_TEXT = /^-?\d+(\.\d{1,2})?$/;
const LIMIT = new Decimal(10).pow(MONEY_INTEGER_DIGITS);

/** Why a decimal is not storable money, or null when it is. */
export function moneyProblem(value: Decimal): CodedProblem | null {
  if (value.decimalPlaces() > MONEY_DECIMALS) return coded('money.decimals');
  if (value.abs().gte(LIMIT)) return coded('money.tooLarge', { digits: MONEY_INTEGER_DIGITS });
  return null;
}

/** Why a text is not a storable money amount ("66666.67"), or null when it is. */
export function moneyTextProblem(text: string): CodedProblem | null {
  if (!MONEY_TEXT.test(text))
    return coded('money.format', { value: JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text) });
  return moneyProblem(new Decimal(text));
}

/** A storable money amount in a configuration or input: decimal text or an exact JSON number; normalised to text. */
export const moneyInput = decimalInput.superRefine((v, ctx) => {
  const problem = moneyProblem(new Decimal(v));
  if (problem) addProblem(ctx, problem.code, problem.params);
});
