/*
 * Explanations are data (domain rule 19): an engine result says what happened as a stable code and its
 * parameters; the console and the exports render it in the reader's language (explanation-texts.ts).
 * Dependency-free on purpose: the web imports this folder by relative path (it has no @ledger aliases).
 */

/**
 * A code and its parameters. Every value is a string: numbers as exact decimal strings ("75.3333…", "480000.00"),
 * dates as ISO dates ("2026-12-31"), texts the buyer typed (labels, reasons) as they were typed.
 */
export type Explanation = { code: string; params: Readonly<Record<string, string>> };

/** What a stored result may hold: the structured form, or (rows written before codes existed) the English text. */
export type StoredExplanation = Explanation | string;

/** Builds an explanation, dropping parameters that are absent (the dictionaries treat them as optional parts). */
export function explain(
  code: string,
  params: Readonly<Record<string, string | number | null | undefined>> = {},
): Explanation {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null) out[k] = String(v);
  return { code, params: out };
}

export function isExplanation(x: unknown): x is Explanation {
  if (typeof x !== 'object' || x === null) return false;
  const r = x as { code?: unknown; params?: unknown };
  return typeof r.code === 'string' && typeof r.params === 'object' && r.params !== null && !Array.isArray(r.params);
}

/** The structured form for a text column (parsed back by toExplanation). */
export function explanationText(e: Explanation): string {
  return JSON.stringify({ code: e.code, params: e.params });
}

/** The code a stored English sentence is shown under (rendered as the stored text in every language). */
export const LEGACY_TEXT_CODE = 'legacy.text';

/** Any stored form as an explanation: a legacy English sentence becomes `legacy.text` carrying it. */
export function toExplanation(stored: unknown): Explanation {
  // A text column (close_lines.formula) holds the structured form as JSON; an older row holds the sentence.
  if (typeof stored === 'string' && stored.startsWith('{"code":')) {
    try {
      const parsed: unknown = JSON.parse(stored);
      if (isExplanation(parsed)) return toExplanation(parsed);
    } catch {
      // not JSON after all: a sentence that happens to start like one
    }
  }
  if (isExplanation(stored))
    return {
      code: stored.code,
      params: Object.fromEntries(Object.entries(stored.params).map(([k, v]) => [k, String(v)])),
    };
  return {
    code: LEGACY_TEXT_CODE,
    params: {
      text: typeof stored === 'string' ? stored : stored === null || stored === undefined ? '' : JSON.stringify(stored),
    },
  };
}
