import type { AppRoute } from '../../app-route';
import { ClosePage } from '../buyer/close-page';
import { ContractDashboardPage } from '../shared/contract-dashboard-page';
import { ContractsOverviewPage } from '../shared/contracts-overview-page';
import { TicketsBoardPage } from '../shared/tickets-board-page';
import { vendorMessages } from './vendor-messages';

const VENDOR = ['vendor'] as const;

/** The vendor's pages, in navigation order. Add a page here (one entry). */
export const vendorRoutes: AppRoute[] = [
  { path: '/vendor/contracts', roles: VENDOR, nav: vendorMessages.text('navContracts'), element: <ContractsOverviewPage area="vendor" vendorView /> },
  { path: '/vendor/contracts/:id', roles: VENDOR, element: <ContractDashboardPage area="vendor" /> },
  { path: '/vendor/contracts/:id/tickets', roles: VENDOR, element: <TicketsBoardPage area="vendor" /> },
  { path: '/vendor/contracts/:id/close', roles: VENDOR, element: <ClosePage area="vendor" /> },
];
