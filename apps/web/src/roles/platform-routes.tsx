import type { AppRoute } from '../app-route';
import { NationalCalendarPage } from '../features/calendar/national-calendar-page';
import { nationalCalendarMessages } from '../features/calendar/national-calendar-messages';
import { platformMessages } from '../features/tenants/platform-messages';
import { TenantsPage } from '../features/tenants/tenants-page';

/** The platform administrator's pages (under /platform: /admin belongs to the API's queue board). */
export const platformRoutes: AppRoute[] = [
  {
    path: '/platform/tenants',
    roles: ['platform-admin'],
    nav: platformMessages.text('navTenants'),
    element: <TenantsPage />,
  },
  {
    path: '/platform/calendar',
    roles: ['platform-admin'],
    nav: nationalCalendarMessages.text('title'),
    element: <NationalCalendarPage />,
  },
];
