import type { ReactNode } from 'react';
import { BrowserRouter, Link, Navigate, Route, Routes, useLocation } from 'react-router';
import type { AppRoute } from './app-route';
import { AppShell } from './components/app-shell';
import { commonMessages } from './components/common-messages';
import { Page } from './components/page';
import { Loading } from './components/query-state';
import { LocaleProvider, useMessages } from './i18n/i18n';
import { LoginPage } from './features/login/login-page';
import { APP_ROUTES, homePathFor } from './routes';
import { SessionProvider, useSession } from './session/session';

/** Signed out → the login page (coming back here after); wrong role → a message, not the page. */
function Guarded({ route, children }: { route: AppRoute; children: ReactNode }) {
  const { user, checking } = useSession();
  const location = useLocation();
  const t = useMessages(commonMessages);
  if (checking) return <Loading />;
  if (!user) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  if (!route.roles.includes(user.role)) {
    return (
      <AppShell routes={APP_ROUTES}>
        <Page title={t.forbidden}>
          <Link to={homePathFor(user.role)}>{t.backHome}</Link>
        </Page>
      </AppShell>
    );
  }
  return <AppShell routes={APP_ROUTES}>{children}</AppShell>;
}

function Home() {
  const { user, checking } = useSession();
  if (checking) return <Loading />;
  return <Navigate to={user ? homePathFor(user.role) : '/login'} replace />;
}

function NotFound() {
  const t = useMessages(commonMessages);
  return (
    <AppShell routes={APP_ROUTES}>
      <Page title={t.notFound}>
        <Link to="/">{t.backHome}</Link>
      </Page>
    </AppShell>
  );
}

export function App() {
  return (
    <LocaleProvider>
      <SessionProvider>
        <BrowserRouter>
          <Routes>
            <Route path="/" element={<Home />} />
            <Route path="/login" element={<LoginPage />} />
            {APP_ROUTES.map((r) => (
              <Route key={r.path} path={r.path} element={<Guarded route={r}>{r.element}</Guarded>} />
            ))}
            <Route path="*" element={<NotFound />} />
          </Routes>
        </BrowserRouter>
      </SessionProvider>
    </LocaleProvider>
  );
}
