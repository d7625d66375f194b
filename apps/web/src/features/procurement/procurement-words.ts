import { format } from '../../i18n/i18n';
import type { Locale } from '../../i18n/messages';
import { procurementUnitInWords } from '../../components/explanation-text';
import { type SchemeItem } from './procurement-queries';

type WordsText = Readonly<
  Record<
    | 'ruleCapped'
    | 'ruleCappedSince'
    | 'ruleAllOrNothing'
    | 'ruleFlawLadder'
    | 'yes'
    | 'no'
    | 'answerEvidence'
    | 'sheetFlaws'
    | 'sheetNotProvided'
    | 'sheetNotMeeting'
    | 'sheetMissingTopics'
    | 'notAnswered'
    | 'count',
    string
  >
>;

/** A scoring item's rule in words, by kind (no parameters as JSON). */
export function ruleWords(i: SchemeItem, t: WordsText, locale: Locale): string {
  const p = i.params;
  if (i.kind === 'capped-count') {
    const text = format(t.ruleCapped, {
      unit: typeof p.unit === 'string' ? procurementUnitInWords(p.unit, locale) : t.count,
      points: String(p.unitPoints ?? ''),
      cap: String(p.cap ?? ''),
    });
    return typeof p.notBefore === 'string' ? `${text}${format(t.ruleCappedSince, { date: p.notBefore })}` : text;
  }
  if (i.kind === 'all-or-nothing')
    return format(t.ruleAllOrNothing, { points: String(p.points ?? ''), condition: String(p.condition ?? '') });
  if (i.kind === 'flaw-ladder')
    return format(t.ruleFlawLadder, { ladder: Array.isArray(p.ladder) ? p.ladder.join(' / ') : '' });
  return '—';
}

/** A bid's answer to an objective item: a count, yes/no, or the evidence list (rejected evidence not counted). */
export function answerWords(v: unknown, t: WordsText): string {
  if (v === undefined || v === null) return t.notAnswered;
  if (typeof v === 'boolean') return v ? t.yes : t.no;
  if (Array.isArray(v))
    return format(t.answerEvidence, {
      n: v.length,
      counted: v.filter((e) => !(isRecord(e) && e.qualifies === false)).length,
    });
  return String(v);
}

/** An evaluator's entry for a subjective item: flaws found, or why the plan scores nothing. */
export function sheetWords(v: unknown, t: WordsText): string {
  if (v === undefined || v === null) return t.notAnswered;
  if (typeof v === 'number') return format(t.sheetFlaws, { n: v });
  if (!isRecord(v)) return String(v);
  if (v.provided === false) return t.sheetNotProvided;
  const parts = [format(t.sheetFlaws, { n: String(v.flaws ?? 0) })];
  if (v.meetsRequirements === false) parts.push(t.sheetNotMeeting);
  if (Array.isArray(v.missingTopics) && v.missingTopics.length)
    parts.push(format(t.sheetMissingTopics, { topics: v.missingTopics.join('、') }));
  return parts.join('；');
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
