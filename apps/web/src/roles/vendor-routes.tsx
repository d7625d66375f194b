import type { AppRoute } from '../app-route';
import { ClosePage } from '../features/close/close-page';
import { ContractDashboardPage } from '../features/dashboard/contract-dashboard-page';
import { ContractsOverviewPage } from '../features/contracts/contracts-overview-page';
import { TicketsBoardPage } from '../features/tickets/tickets-board-page';
import { ReportFormPage } from '../features/reports/report-form-page';
import { VendorAssessmentsPage } from '../features/close/vendor-assessments-page';
import { vendorMessages } from './vendor-messages';
import { VendorSchedulePage } from '../features/schedule/vendor-schedule-page';

const VENDOR = ['vendor'] as const;

/** The vendor's pages, in navigation order. Add a page here (one entry). */
export const vendorRoutes: AppRoute[] = [
  {
    path: '/vendor/contracts',
    roles: VENDOR,
    nav: vendorMessages.text('navContracts'),
    element: <ContractsOverviewPage area="vendor" vendorView />,
  },
  { path: '/vendor/contracts/:id', roles: VENDOR, element: <ContractDashboardPage area="vendor" /> },
  { path: '/vendor/contracts/:id/tickets', roles: VENDOR, element: <TicketsBoardPage area="vendor" /> },
  { path: '/vendor/contracts/:id/reports', roles: VENDOR, element: <ReportFormPage /> },
  { path: '/vendor/contracts/:id/reports/:month', roles: VENDOR, element: <ReportFormPage /> },
  { path: '/vendor/contracts/:id/assessments', roles: VENDOR, element: <VendorAssessmentsPage /> },
  { path: '/vendor/contracts/:id/schedule', roles: VENDOR, element: <VendorSchedulePage /> },
  { path: '/vendor/contracts/:id/close', roles: VENDOR, element: <ClosePage area="vendor" /> },
];
