import type { AppRoute } from '../app-route';
import { ClosePage } from '../features/close/close-page';
import { ContractDashboardPage } from '../features/dashboard/contract-dashboard-page';
import { ContractsOverviewPage } from '../features/contracts/contracts-overview-page';
import { financeMessages } from './finance-messages';
import { SchedulesPage } from '../features/schedule/schedules-page';

const FINANCE = ['finance'] as const;

/** Finance's pages, in navigation order. Add a page here (one entry); the payment schedules page goes first. */
export const financeRoutes: AppRoute[] = [
  { path: '/finance/schedules', roles: FINANCE, nav: financeMessages.text('navSchedules'), element: <SchedulesPage /> },
  {
    path: '/finance/contracts',
    roles: FINANCE,
    nav: financeMessages.text('navContracts'),
    element: <ContractsOverviewPage area="finance" />,
  },
  { path: '/finance/contracts/:id', roles: FINANCE, element: <ContractDashboardPage area="finance" /> },
  { path: '/finance/contracts/:id/close', roles: FINANCE, element: <ClosePage area="finance" /> },
];
