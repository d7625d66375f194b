import type { ReactNode } from 'react';
import type { LocalizedText } from './i18n/i18n';
import type { Role } from './session/session';

/**
 * One page of the console. Each role area keeps a list of these in `pages/<area>/<area>-routes.tsx`;
 * `routes.tsx` joins the lists. Adding a page = one entry in its area's list.
 */
export type AppRoute = {
  /** Absolute path, e.g. `/buyer/contracts/:id`. Never under /graphql, /health, /exports or /admin (the API's). */
  path: string;
  /** Who may open it; everyone else gets the "not for your role" page. */
  roles: readonly Role[];
  element: ReactNode;
  /** Shown in the navigation (in order of registration) when set. */
  nav?: LocalizedText;
};
