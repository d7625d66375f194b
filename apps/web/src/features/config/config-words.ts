import type { contractMessages } from '../contracts/contract-messages';

/** The contract page's words for configuration values (placements, metrics, rule kinds, parameters). */
export type ViewWords = Readonly<Record<keyof (typeof contractMessages)['en'], string>>;

/** Looks a label up by a configuration value ("on-site" → placementonsite); the raw value when none exists. */
export function keyed(t: ViewWords, prefix: string, value: string | undefined): string {
  if (!value) return '—';
  const key = `${prefix}${value.replace(/-/g, '')}` as keyof ViewWords;
  return key in t ? t[key] : value;
}

/** A dictionary word for a configuration value, or `other` when the dictionary has none (no raw key on screen). */
export function named(t: ViewWords, prefix: string, value: string | undefined, other: string): string {
  if (!value) return '—';
  const key = `${prefix}${value.replace(/-/g, '')}` as keyof ViewWords;
  return key in t ? t[key] : other;
}
