import { type FormEvent, useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { GraphqlRequestError } from '../../api/graphql-client';
import { LanguageSelect } from '../../components/app-shell';
import { commonMessages } from '../../components/common-messages';
import { FormField } from '../../components/form-field';
import { Page } from '../../components/page';
import { ErrorState } from '../../components/query-state';
import { useMessages } from '../../i18n/i18n';
import { homePathFor } from '../../routes';
import { useSession } from '../../session/session';
import { loginMessages } from './login-messages';

/** Signs in with the API's `login` mutation, then opens the page asked for or the role's first page. */
export function LoginPage() {
  const t = useMessages(loginMessages);
  const common = useMessages(commonMessages);
  const { user, signIn, signedOutBecause } = useSession();
  const navigate = useNavigate();
  const from = (useLocation().state as { from?: string } | null)?.from;
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<GraphqlRequestError | null>(null);

  if (user && !busy) return <Navigate to={from ?? homePathFor(user.role)} replace />;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const signedIn = await signIn(email.trim(), password);
      navigate(from ?? homePathFor(signedIn.role), { replace: true });
    } catch (err) {
      setError(
        err instanceof GraphqlRequestError
          ? err
          : new GraphqlRequestError([{ message: String(err), code: 'CLIENT_ERROR' }]),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="login">
      <header className="app-header">
        <span className="app-title">{common.appTitle}</span>
        <div className="app-tools">
          <LanguageSelect />
        </div>
      </header>
      <main id="main">
        <Page title={t.title}>
          <form className="login-form" onSubmit={submit} noValidate>
            <FormField label={t.email}>
              {(p) => (
                <input
                  {...p}
                  name="email"
                  type="email"
                  autoComplete="username"
                  required
                  value={email}
                  onChange={(e) => setEmail(e.target.value)}
                />
              )}
            </FormField>
            <FormField label={t.password}>
              {(p) => (
                <input
                  {...p}
                  name="password"
                  type="password"
                  autoComplete="current-password"
                  required
                  value={password}
                  onChange={(e) => setPassword(e.target.value)}
                />
              )}
            </FormField>
            {signedOutBecause === 'ended' && !error ? <p role="status">{t.sessionEnded}</p> : null}
            {error?.code === 'TOO_MANY_REQUESTS' ? <p role="alert">{t.throttled}</p> : null}
            {error ? <ErrorState error={error} /> : null}
            <button type="submit" disabled={busy}>
              {busy ? t.submitting : t.submit}
            </button>
            <p className="muted">
              {t.demoHint}
              {/* A literal to type, the same in every language. */}
              <code translate="no">demo-password-2026</code>
            </p>
          </form>
        </Page>
      </main>
    </div>
  );
}
