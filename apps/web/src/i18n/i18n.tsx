import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { DEFAULT_LOCALE, type Locale, LOCALES, type LocalizedText, type Messages } from './messages';

export { DEFAULT_LOCALE, defineMessages, format, LOCALES } from './messages';
export type { Locale, LocalizedText, Messages } from './messages';

const STORAGE_KEY = 'ledger.locale';

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
