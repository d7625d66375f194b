import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';
const STORAGE_KEY = 'ledger.locale';

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

function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

function storedLocale(): Locale {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return isLocale(value) ? value : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE; // storage disabled: the default language, nothing persisted
  }
}

type LocaleState = { locale: Locale; setLocale(locale: Locale): void };
const LocaleContext = createContext<LocaleState>({ locale: DEFAULT_LOCALE, setLocale: () => undefined });

export function LocaleProvider({ children }: { children: ReactNode }) {
  const [locale, setState] = useState<Locale>(storedLocale);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  const setLocale = useCallback((next: Locale) => {
    setState(next);
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // storage disabled: the choice lasts for this page only
    }
  }, []);
  const value = useMemo(() => ({ locale, setLocale }), [locale, setLocale]);
  return <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>;
}

export function useLocale(): LocaleState {
  return useContext(LocaleContext);
}

/** The dictionary of one feature in the current language: `const t = useMessages(contractsMessages); t.title`. */
export function useMessages<K extends string>(messages: Messages<K>): Readonly<Record<K, string>> {
  return messages[useLocale().locale];
}

/** A text declared in every language (navigation labels), in the current one. */
export function useLocalized(): (text: LocalizedText) => string {
  const { locale } = useLocale();
  return useCallback((text: LocalizedText) => text[locale], [locale]);
}
