import type { AppRoute } from './app-route';
import { buyerRoutes } from './roles/buyer-routes';
import { financeRoutes } from './roles/finance-routes';
import { platformRoutes } from './roles/platform-routes';
import { vendorRoutes } from './roles/vendor-routes';

/** Every signed-in page, one list per role area. A new area adds one line here; a new page, one entry in its area. */
export const APP_ROUTES: readonly AppRoute[] = [...buyerRoutes, ...vendorRoutes, ...financeRoutes, ...platformRoutes];

/** Where a role lands after signing in: the first entry of its navigation. */
export function homePathFor(role: string): string {
  return APP_ROUTES.find((r) => r.nav && r.roles.some((x) => x === role))?.path ?? '/login';
}
