/**
 * Pure helpers behind the presets' source check (presets.spec.ts): does a cited seed line contain a number
 * "in some written form"? No I/O here — the spec reads the seed files and passes the lines in.
 *
 * Normaliser rules (strict but fair; each is a way the seeds actually write numbers):
 *  1. Whitespace and thousands separators (`,` `，`) are removed; full-width digits/`．`/`％` become ASCII.
 *  2. Every Arabic token `\d+(\.\d+)?` on the line is a candidate, compared as an exact decimal.
 *  3. A token followed by `万` also stands for token × 10,000 (`250.8万` = 2,508,000; `4.2万` = 42,000).
 *  4. A token followed by `%` also stands for token ÷ 100 (`40%` = 0.40, for ratios stored as fractions).
 *  5. A token followed by `小时` also stands for token × 60 (hours written, SLA minutes stored); a token
 *     followed by `周` also stands for token × 7 (`前一周` = 7 days).
 *  6. A run of Chinese numerals (一二两三四五六七八九十百千万 and the capitals 零壹贰叁肆伍陆柒捌玖拾佰仟)
 *     followed by a counter (个 名 人 次 年 月 周 日 天 级 家 部 份 处 项 元 小时 分 季) is parsed as an integer
 *     (`一个工作日` = 1, `三年` = 3, `四级` = 4, `壹佰柒拾肆万元` = 1,740,000); `一般`, `统一` are not numbers.
 *  7. Signs are not compared: config points are signed (−5) while seeds write `扣5分`; |value| is matched.
 *  8. Zero is also accepted where the seed says it in words: `不扣`, `不予扣`, `不减` (no deduction).
 *  9. On a line that declares a metric as a percentage or a 100-point scale (`(%)`, `百分制`, `满分为100`),
 *     0 and 100 are accepted: they are the scale's ends (e.g. the domain [0, 100] of 计划内达成率(%)).
 * 10. 100 is accepted where the seed says "pay in full" in words: `付清`, `全额`.
 * A quote must occur in the cited line or a neighbour (±1) after rule 1's normalisation.
 * A derived number has `derivation: '<expression>'` on its source entries; the expression must evaluate
 * exactly to the value, and every literal of it must be found (rules 1–10) on a line cited by a source
 * entry of the same path (e.g. `9 - 1` for "9 on site, one of them the PM" → 8 engineers).
 * A severity rank that the seed does not number carries a note `ordinal: …` at its path; its number is
 * then not looked for (the rank is the order of the cited levels), but its source entry is still required.
 */
import { dec, Decimal } from '@ledger/kernel';

export type SourceRef = {
  /** Where the number sits in the config, e.g. `staffing.roles[0].headcount`. */
  path: string;
  /** A seed file in ../shared/seeds (e.g. `001_51f57f868df700ed.txt`), or `docs/domain.md` for a domain.md prescription. */
  seed: string;
  /** 1-based line number. */
  line: number;
  /** Short verbatim quote from that line (or a neighbour). */
  quote?: string;
  /** For a number computed from quoted figures: the arithmetic expression, e.g. `9 - 1`. */
  derivation?: string;
};

export type PresetNote = { path: string; text: string };

export function normaliseLine(text: string): string {
  return text
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xff10 + 0x30))
    .replace(/．/g, '.')
    .replace(/％/g, '%')
    .replace(/[\s,，\u00a0]/g, '');
}

const CN_DIGIT: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  壹: 1,
  二: 2,
  两: 2,
  贰: 2,
  三: 3,
  叁: 3,
  四: 4,
  肆: 4,
  五: 5,
  伍: 5,
  六: 6,
  陆: 6,
  七: 7,
  柒: 7,
  八: 8,
  捌: 8,
  九: 9,
  玖: 9,
};
const CN_UNIT: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const CN_RUN = /[零〇一壹二两贰三叁四肆五伍六陆七柒八捌九玖十拾百佰千仟万]+/g;
const CN_COUNTER = /^(个|名|人|次|年|月|周|日|天|级|家|部|份|处|项|元|小时|分钟|分|季)/;

/** `十` = 10, `二十三` = 23, `壹佰柒拾肆万` = 1,740,000. Returns null for a run with no digit value. */
export function parseChineseInteger(run: string): number | null {
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  let any = false;
  for (const ch of run) {
    if (ch in CN_DIGIT) {
      digit = CN_DIGIT[ch];
      any = true;
    } else if (ch in CN_UNIT) {
      section += (digit ?? 1) * CN_UNIT[ch];
      digit = null;
      any = true;
    } else if (ch === '万') {
      if (!any) return null;
      section += digit ?? 0;
      total += section * 10000;
      section = 0;
      digit = null;
    }
  }
  if (!any) return null;
  return total + section + (digit ?? 0);
}

/** Every number a (normalised) line can be read as, per rules 2–6. */
export function numbersOnLine(text: string): Decimal[] {
  const line = normaliseLine(text);
  const out: Decimal[] = [];
  for (const m of line.matchAll(/\d+(?:\.\d+)?/g)) {
    const token = dec(m[0]);
    out.push(token);
    const after = line.slice((m.index ?? 0) + m[0].length);
    if (after.startsWith('万')) out.push(token.mul(10000));
    if (after.startsWith('%')) out.push(token.div(100));
    if (after.startsWith('小时')) out.push(token.mul(60));
    if (after.startsWith('周')) out.push(token.mul(7));
  }
  for (const m of line.matchAll(CN_RUN)) {
    // Only a count: the run must be followed by a counter (一个工作日, 三年, 两个月, 四级, 壹佰柒拾肆万元),
    // so that words such as 一般, 统一, 一体化 are not read as numbers.
    const after = line.slice((m.index ?? 0) + m[0].length);
    if (!CN_COUNTER.test(after)) continue;
    const n = parseChineseInteger(m[0]);
    if (n !== null) out.push(dec(n));
    if (n !== null && after.startsWith('周')) out.push(dec(n * 7));
  }
  return out;
}

const ZERO_WORDS = ['不扣', '不予扣', '不减'];
const FULL_WORDS = ['付清', '全额'];
const SCALE_WORDS = ['(%)', '（%）', '百分制', '满分为100'];

/** Rules 7–10: does the line contain `value` in some written form? */
export function lineHasNumber(text: string, value: Decimal): boolean {
  const target = value.abs();
  if (numbersOnLine(text).some((n) => n.eq(target))) return true;
  const line = normaliseLine(text);
  if (target.isZero() && ZERO_WORDS.some((w) => line.includes(w))) return true;
  if ((target.isZero() || target.eq(100)) && SCALE_WORDS.some((w) => line.includes(w))) return true;
  if (target.eq(100) && FULL_WORDS.some((w) => line.includes(w))) return true;
  return false;
}

export function lineHasQuote(text: string, quote: string): boolean {
  return normaliseLine(text).includes(normaliseLine(quote));
}

/**
 * A tiny exact evaluator for derivations: decimals, + − × ÷ (`*` `/` `×` `÷` also accepted), parentheses.
 * Throws on anything else, so a derivation is arithmetic and nothing more.
 */
export function evaluateDerivation(expr: string): Decimal {
  const src = expr.replace(/×/g, '*').replace(/÷/g, '/').replace(/,/g, '');
  let i = 0;
  const peek = () => src[i];
  const skip = () => {
    while (src[i] === ' ') i++;
  };
  const num = (): Decimal => {
    skip();
    if (peek() === '(') {
      i++;
      const v = sum();
      skip();
      if (src[i] !== ')') throw new Error(`derivation "${expr}": ) expected at ${i}`);
      i++;
      return v;
    }
    if (peek() === '-') {
      i++;
      return num().neg();
    }
    const m = /^\d+(\.\d+)?/.exec(src.slice(i));
    if (!m) throw new Error(`derivation "${expr}": number expected at ${i}`);
    i += m[0].length;
    return dec(m[0]);
  };
  const product = (): Decimal => {
    let v = num();
    for (;;) {
      skip();
      const op = peek();
      if (op !== '*' && op !== '/') return v;
      i++;
      const r = num();
      v = op === '*' ? v.mul(r) : v.div(r);
    }
  };
  const sum = (): Decimal => {
    let v = product();
    for (;;) {
      skip();
      const op = peek();
      if (op !== '+' && op !== '-') return v;
      i++;
      const r = product();
      v = op === '+' ? v.add(r) : v.sub(r);
    }
  };
  const v = sum();
  skip();
  if (i !== src.length) throw new Error(`derivation "${expr}": unexpected "${src.slice(i)}"`);
  return v;
}

/** The numeric literals of a derivation, e.g. `1740000 * 12 / 18` → 1740000, 12, 18. */
export function derivationLiterals(expr: string): Decimal[] {
  return [...expr.replace(/,/g, '').matchAll(/\d+(?:\.\d+)?/g)].map((m) => dec(m[0]));
}

const DECIMAL_TEXT = /^-?\d+(\.\d+)?$/;

/**
 * Every numeric leaf of a config with its path (same format as validation problems): JSON numbers and
 * decimal strings (`"2508000.00"`: decimalInput). `sources` and `notes` at the root are skipped.
 */
export function numericLeaves(value: unknown, path = ''): { path: string; value: Decimal }[] {
  const out: { path: string; value: Decimal }[] = [];
  const walk = (v: unknown, p: string) => {
    if (typeof v === 'number') out.push({ path: p, value: dec(v) });
    else if (typeof v === 'string' && DECIMAL_TEXT.test(v)) out.push({ path: p, value: dec(v) });
    else if (Array.isArray(v)) v.forEach((x, k) => walk(x, `${p}[${k}]`));
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (p === '' && (k === 'sources' || k === 'notes')) continue;
        walk(x, p === '' ? k : `${p}.${k}`);
      }
    }
  };
  walk(value, path);
  return out;
}
