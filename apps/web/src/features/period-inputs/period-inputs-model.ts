import { type SchemeInputs } from './period-inputs-queries';

export type Person = { personId: string; name: string; parts: Record<string, string>; bonuses: string };
export type YesNo = '' | 'yes' | 'no';

export const yesNo = (v: boolean | null | undefined): YesNo => (v === true ? 'yes' : v === false ? 'no' : '');
export const fromYesNo = (v: YesNo): boolean | undefined => (v === '' ? undefined : v === 'yes');
export const record = (v: unknown): Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
export const text = (v: unknown): string => (v === undefined || v === null ? '' : String(v));

export function peopleOf(stored: unknown, scheme: SchemeInputs): Person[] {
  if (!Array.isArray(stored)) return [];
  return stored.map((raw) => {
    const p = record(raw);
    return {
      personId: text(p.personId),
      name: text(p.name),
      parts: Object.fromEntries((scheme.staff?.parts ?? []).map((part) => [part.id, text(p[part.id])])),
      bonuses: Array.isArray(p.bonuses) ? p.bonuses.map(text).join(', ') : '',
    };
  });
}

/** A count stays a number (the API takes a count or a list of events); anything else is sent as JSON if it parses. */
export function incidentsValue(value: string): unknown {
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  try {
    return JSON.parse(trimmed) as unknown;
  } catch {
    return trimmed; // the API names the problem at input.securityIncidents
  }
}

/** An input the period still lacks, by the name the form gives it (the API sends its field path). */
export function missingLabel(
  path: string,
  scheme: SchemeInputs,
  t: Readonly<Record<'missingstaffScores' | 'missingsecurityIncidents' | 'missingitemScores' | 'missingOther', string>>,
): string {
  const choice = path.startsWith('satisfaction.')
    ? scheme.choices.find((c) => `satisfaction.${c.input}` === path)
    : undefined;
  if (choice) return choice.label;
  if (path === 'securityIncidents' && scheme.perEvent) return scheme.perEvent.label;
  const key = `missing${path}`;
  return key === 'missingstaffScores' || key === 'missingsecurityIncidents' || key === 'missingitemScores'
    ? t[key]
    : t.missingOther;
}
