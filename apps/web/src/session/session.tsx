import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { gqlDocument, graphqlRequest, GraphqlRequestError, type ResultOf } from '../api/graphql-client';

export const ROLES = ['platform-admin', 'buyer-admin', 'buyer-staff', 'finance', 'vendor'] as const;
export type Role = (typeof ROLES)[number];

const USER_FIELDS = gqlDocument(
  'fragment SessionUserFields on User { id email displayName role tenantId vendorOrgId }',
);
const LOGIN = gqlDocument(
  'mutation Login($input: LoginInput!) { login(input: $input) { token expiresAt user { ...SessionUserFields } } }',
  [USER_FIELDS],
);
const ME = gqlDocument('query Me { me { ...SessionUserFields } }', [USER_FIELDS]);

/** The signed-in user: the API sends `role` as a String, narrowed here to the five roles the console routes by. */
export type SessionUser = Omit<ResultOf<typeof USER_FIELDS>, 'role'> & { role: Role };
type Session = { token: string; expiresAt: string; user: SessionUser };

const isRole = (role: string): role is Role => (ROLES as readonly string[]).includes(role);

/** The user as the API sent it; a role the console does not know (it could show it nothing) is an answer it cannot use. */
function sessionUser(user: ResultOf<typeof USER_FIELDS>): SessionUser {
  const { role } = user;
  if (!isRole(role)) throw new GraphqlRequestError([{ message: `Unknown role ${role}`, code: 'BAD_RESPONSE' }]);
  return { ...user, role };
}

// sessionStorage: the token lives as long as the tab, and is not left behind on a shared office computer.
const STORAGE_KEY = 'ledger.session';

function readStored(): Session | null {
  try {
    const raw = window.sessionStorage.getItem(STORAGE_KEY);
    if (!raw) return null;
    const session = JSON.parse(raw) as Session;
    return Date.parse(session.expiresAt) > Date.now() ? session : null;
  } catch {
    return null;
  }
}

function store(session: Session | null): void {
  try {
    if (session) window.sessionStorage.setItem(STORAGE_KEY, JSON.stringify(session));
    else window.sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // storage disabled: the session lasts for this page only
  }
}

/** Why the user was signed out: 'ended' when the API refused the token (expired, revoked, disabled, role changed). */
export type SignOutReason = 'ended';

type SessionState = {
  /** Null when signed out. */
  user: SessionUser | null;
  token: string | null;
  /** True while a stored token is being checked against `me` at start. */
  checking: boolean;
  /** Set when the API ended the session, so the login page can say so; cleared by the next sign-in. */
  signedOutBecause: SignOutReason | null;
  signIn(email: string, password: string): Promise<SessionUser>;
  signOut(): void;
  /** The API refused the token (UNAUTHENTICATED): sign out and tell the user on the login page. */
  endSession(): void;
};

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(readStored);
  const [checking, setChecking] = useState(session !== null);
  const [signedOutBecause, setSignedOutBecause] = useState<SignOutReason | null>(null);

  const signOut = useCallback(() => {
    store(null);
    setSession(null);
    setSignedOutBecause(null);
  }, []);
  const endSession = useCallback(() => {
    signOut();
    setSignedOutBecause('ended');
  }, [signOut]);

  // A stored token may have been revoked or the user changed: ask the API who it names before trusting it.
  useEffect(() => {
    const stored = readStored();
    if (!stored) return setChecking(false);
    let live = true;
    graphqlRequest(ME, {}, stored.token)
      .then(({ me }) => {
        if (!live) return;
        const fresh = { ...stored, user: sessionUser(me) };
        store(fresh);
        setSession(fresh);
      })
      .catch((e: unknown) => {
        if (live && e instanceof GraphqlRequestError && e.code === 'UNAUTHENTICATED') endSession();
      })
      .finally(() => live && setChecking(false));
    return () => {
      live = false;
    };
  }, [endSession]);

  const signIn = useCallback(async (email: string, password: string) => {
    const { login } = await graphqlRequest(LOGIN, { input: { email, password } });
    const session = { ...login, user: sessionUser(login.user) };
    store(session);
    setSession(session);
    setSignedOutBecause(null);
    return session.user;
  }, []);

  const value = useMemo<SessionState>(
    () => ({
      user: session?.user ?? null,
      token: session?.token ?? null,
      checking,
      signedOutBecause,
      signIn,
      signOut,
      endSession,
    }),
    [session, checking, signedOutBecause, signIn, signOut, endSession],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSession outside SessionProvider');
  return state;
}
