import type { AppRoute } from '../../app-route';
import { platformMessages } from './platform-messages';
import { TenantsPage } from './tenants-page';

/** The platform administrator's pages (under /platform: /admin belongs to the API's queue board). */
export const platformRoutes: AppRoute[] = [{ path: '/platform/tenants', roles: ['platform-admin'], nav: platformMessages.text('navTenants'), element: <TenantsPage /> }];
