import type { AppRoute } from '../../app-route';
import { ContractDashboardPage } from '../shared/contract-dashboard-page';
import { ContractsOverviewPage } from '../shared/contracts-overview-page';
import { buyerMessages } from './buyer-messages';

const BUYER = ['buyer-admin', 'buyer-staff'] as const;

/** The buyer's pages, in navigation order. Add a page here (one entry). */
export const buyerRoutes: AppRoute[] = [
  { path: '/buyer/contracts', roles: BUYER, nav: buyerMessages.text('navContracts'), element: <ContractsOverviewPage area="buyer" /> },
  // The contract page (configuration, tickets, closes…) replaces this dashboard view when it is built.
  { path: '/buyer/contracts/:id', roles: BUYER, element: <ContractDashboardPage area="buyer" /> },
];
