import {
  Decimal,
  dec,
  moneyTextProblem,
  problemMessage,
  roundHalfUp,
  DomainError,
  ValidationError,
} from '@ledger/kernel';
import type { DecimalLike } from '@ledger/kernel';

/** Money is a Decimal; it is shown and stored at two decimals (the fen). */
export type Money = Decimal;

type Rounding = Parameters<Decimal['toDecimalPlaces']>[1];

/** Parse a money amount: a decimal string that numeric(18,2) stores, or a Decimal. Never a float. */
export function parseMoney(input: string | Decimal): Money {
  if (typeof input !== 'string') return roundHalfUp(input, 2);
  const text = input.trim();
  const problem = moneyTextProblem(text);
  if (problem)
    throw new ValidationError(
      [{ path: '(root)', ...problem, message: problemMessage(problem.code, problem.params) }],
      problemMessage(problem.code, problem.params),
    );
  return dec(text);
}

/** Fixed two-decimal text, rounded half up: `66666.67`. */
export function formatMoney(amount: DecimalLike): string {
  return roundHalfUp(amount, 2).toFixed(2);
}

/** Grouped for explanations: `2,400,000.00`. */
export function formatMoneyGrouped(amount: DecimalLike): string {
  const fixed = formatMoney(amount);
  const negative = fixed.startsWith('-');
  const [int, frac] = (negative ? fixed.slice(1) : fixed).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${grouped}.${frac}`;
}

/** Round to the fen, half up. */
export function toFen(amount: DecimalLike): Money {
  return roundHalfUp(amount, 2);
}

/** `percent` % of `amount`, rounded once to the fen. */
export function percentOf(amount: DecimalLike, percent: DecimalLike): Money {
  return toFen(dec(amount).times(percent).dividedBy(100));
}

/** Sum of decimals, exact. */
export function sumMoney(values: readonly DecimalLike[]): Decimal {
  return values.reduce<Decimal>((acc, v) => acc.plus(v), dec(0));
}

/**
 * Split `total` into `parts` equal lines, or in proportion to `weights`, at the fen. Every line but
 * the last is rounded half up; the last absorbs the remainder so the lines add up exactly
 * (100.00 in 3 → 33.33, 33.33, 33.34). In degenerate tiny splits where half-up rounding would leave
 * the last line with the opposite sign of the total (0.35 in 10), the leading lines are truncated
 * toward zero instead, so no line ever has the wrong sign.
 */
export function splitAmount(total: DecimalLike, partsOrWeights: number | readonly DecimalLike[]): Money[] {
  const t = toFen(total);
  const weights: Decimal[] =
    typeof partsOrWeights === 'number' ? splitWeights(partsOrWeights) : partsOrWeights.map((w) => dec(w));
  if (weights.length === 0) throw new DomainError('BAD_USER_INPUT', 'cannot split into zero parts');
  if (weights.some((w) => w.isNegative()))
    throw new DomainError('BAD_USER_INPUT', 'split weights must not be negative');
  const sumW = weights.reduce<Decimal>((a, w) => a.plus(w), dec(0));
  if (sumW.isZero()) throw new DomainError('BAD_USER_INPUT', 'split weights add up to zero');
  const attempt = (mode: Rounding): Money[] => {
    const lines: Money[] = [];
    let used = dec(0);
    weights.forEach((w, i) => {
      if (i === weights.length - 1) {
        lines.push(t.minus(used));
      } else {
        const line = t.times(w).dividedBy(sumW).toDecimalPlaces(2, mode);
        used = used.plus(line);
        lines.push(line);
      }
    });
    return lines;
  };
  const halfUp = attempt(Decimal.ROUND_HALF_UP);
  const last = halfUp[halfUp.length - 1];
  const wrongSign = (t.isNegative() && last.isPositive() && !last.isZero()) || (!t.isNegative() && last.isNegative());
  return wrongSign ? attempt(Decimal.ROUND_DOWN) : halfUp;
}

function splitWeights(parts: number): Decimal[] {
  if (!Number.isInteger(parts) || parts < 1)
    throw new DomainError('BAD_USER_INPUT', `cannot split into ${parts} parts`);
  return Array.from({ length: parts }, () => dec(1));
}

const DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const IN_GROUP = ['', '拾', '佰', '仟'];
const GROUPS = ['', '万', '亿', '万亿'];

/** One group of four digits (0 < n < 10000) without its group unit; zeros collapse to one 零. */
function groupCapital(n: number): string {
  let out = '';
  let pendingZero = false;
  for (let pos = 3; pos >= 0; pos--) {
    const d = Math.floor(n / 10 ** pos) % 10;
    if (d === 0) {
      if (out !== '') pendingZero = true;
      continue;
    }
    if (pendingZero) out += '零';
    pendingZero = false;
    out += DIGITS[d] + IN_GROUP[pos];
  }
  return out;
}

/**
 * 人民币大写 (amount in Chinese capital numerals) after the People's Bank rules for bills:
 * 整 after 元 when there are no 角/分; no 整 after 角 or 分; one 零 for a run of zeros; 元零X分 when
 * 角 is zero; 零 between groups when a lower group starts with zeros; a ten is always 壹拾 (never bare 拾,
 * so nothing can be written in front of it); no 零 between 元 and a non-zero 角 (the rules allow either).
 * Negative amounts are prefixed 负. 1740000 → 壹佰柒拾肆万元整; 66666.67 → 陆万陆仟陆佰陆拾陆元陆角柒分.
 */
export function toChineseCapital(amount: DecimalLike): string {
  const value = toFen(amount);
  const negative = value.isNegative() && !value.isZero();
  const fen = value.abs().times(100);
  if (fen.greaterThanOrEqualTo(dec('1e18'))) {
    throw new DomainError('BAD_USER_INPUT', 'amount too large for Chinese capital numerals (max 9999万亿)');
  }
  const yuan = fen.dividedToIntegerBy(100);
  const jiao = fen.mod(100).dividedToIntegerBy(10).toNumber();
  const fenDigit = fen.mod(10).toNumber();

  let intPart = '';
  const groups: number[] = [];
  let rest = yuan;
  while (rest.greaterThan(0)) {
    groups.push(rest.mod(10000).toNumber());
    rest = rest.dividedToIntegerBy(10000);
  }
  let needZero = false;
  for (let i = groups.length - 1; i >= 0; i--) {
    const g = groups[i];
    if (g === 0) {
      if (intPart !== '') needZero = true;
      continue;
    }
    if (intPart !== '' && (needZero || g < 1000)) intPart += '零';
    needZero = false;
    intPart += groupCapital(g) + GROUPS[i];
  }

  let text: string;
  if (intPart === '' && jiao === 0 && fenDigit === 0) {
    text = '零元整';
  } else {
    text = intPart === '' ? '' : `${intPart}元`;
    if (jiao === 0 && fenDigit === 0) text += '整';
    else {
      if (jiao !== 0) text += `${DIGITS[jiao]}角`;
      else if (intPart !== '') text += '零';
      if (fenDigit !== 0) text += `${DIGITS[fenDigit]}分`;
    }
  }
  return negative ? `负${text}` : text;
}
