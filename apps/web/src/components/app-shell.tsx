import type { ReactNode } from 'react';
import { NavLink } from 'react-router';
import type { AppRoute } from '../app-route';
import { format, type Locale, LOCALES, useLocale, useLocalized, useMessages } from '../i18n/i18n';
import { useSession } from '../session/session';
import { commonMessages, roleMessageKey } from './common-messages';
import { FormField } from './form-field';

const LANGUAGE_NAMES: Record<Locale, string> = { 'zh-CN': '中文', en: 'English' };

export function LanguageSelect() {
  const t = useMessages(commonMessages);
  const { locale, setLocale } = useLocale();
  return (
    <FormField label={t.language}>
      {(p) => (
        <select {...p} value={locale} onChange={(e) => setLocale(e.target.value as Locale)}>
          {LOCALES.map((l) => (
            <option key={l} value={l} lang={l}>
              {LANGUAGE_NAMES[l]}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
}

/** The frame around every signed-in page: skip link, title, the role's navigation, language, sign-out. */
export function AppShell({ routes, children }: { routes: readonly AppRoute[]; children: ReactNode }) {
  const t = useMessages(commonMessages);
  const localized = useLocalized();
  const { user, signOut } = useSession();
  const nav = user ? routes.filter((r) => r.nav && r.roles.includes(user.role)) : [];
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t.skipToContent}
      </a>
      <header className="app-header">
        <span className="app-title">{t.appTitle}</span>
        <div className="app-tools">
          {user ? (
            <span className="user">
              {format(t.signedInAs, { name: user.displayName, role: t[roleMessageKey(user.role)] })}
            </span>
          ) : null}
          <LanguageSelect />
          {user ? (
            <button type="button" onClick={signOut}>
              {t.signOut}
            </button>
          ) : null}
        </div>
      </header>
      {nav.length ? (
        <nav className="app-nav" aria-label={t.mainNavigation}>
          <ul>
            {nav.map((r) => (
              <li key={r.path}>
                <NavLink to={r.path}>{r.nav ? localized(r.nav) : r.path}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
