// The dictionaries' types and helpers: no React, so a spec can import them.
export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

/** One text in every language: what a navigation entry or a message carries before a locale is chosen. */
export type LocalizedText = Readonly<Record<Locale, string>>;

/**
 * A feature's dictionary: Chinese is the source, English must have exactly the same keys (the compiler says
 * which one is missing). Each page or feature keeps its own `*-messages.ts`; nothing is shared but this type.
 */
export type Messages<K extends string> = {
  readonly 'zh-CN': Readonly<Record<K, string>>;
  readonly en: Readonly<Record<K, string>>;
  /** The key in every language, e.g. for a navigation label declared next to a route. */
  text(key: K): LocalizedText;
};

export function defineMessages<K extends string>(zh: Record<K, string>, en: NoInfer<Record<K, string>>): Messages<K> {
  return { 'zh-CN': zh, en, text: (key) => ({ 'zh-CN': zh[key], en: en[key] }) };
}

/** Fills `{name}` placeholders: format('共 {n} 份', { n: 3 }). */
export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
