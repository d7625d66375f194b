import type { AppRoute } from '../app-route';
import { ContractsOverviewPage } from '../features/contracts/contracts-overview-page';
import { TicketsBoardPage } from '../features/tickets/tickets-board-page';
import { buyerMessages } from './buyer-messages';
import { ClosePage } from '../features/close/close-page';
import { ContractPage } from '../features/contracts/contract-page';
import { PeriodInputsPage } from '../features/period-inputs/period-inputs-page';
import { ProcurementPage } from '../features/procurement/procurement-page';
import { procurementMessages } from '../features/procurement/procurement-messages';
import { ReportReviewPage } from '../features/reports/report-review-page';
import { WhatIfPage } from '../features/what-if/what-if-page';
import { whatIfMessages } from '../features/what-if/what-if-messages';

const BUYER = ['buyer-admin', 'buyer-staff'] as const;

/** The buyer's pages, in navigation order. Add a page here (one entry). */
export const buyerRoutes: AppRoute[] = [
  {
    path: '/buyer/contracts',
    roles: BUYER,
    nav: buyerMessages.text('navContracts'),
    element: <ContractsOverviewPage area="buyer" />,
  },
  { path: '/buyer/contracts/:id', roles: BUYER, element: <ContractPage /> },
  { path: '/buyer/contracts/:id/tickets', roles: BUYER, element: <TicketsBoardPage area="buyer" /> },
  { path: '/buyer/contracts/:id/inputs', roles: BUYER, element: <PeriodInputsPage /> },
  { path: '/buyer/contracts/:id/close', roles: BUYER, element: <ClosePage area="buyer" /> },
  { path: '/buyer/contracts/:id/reports', roles: BUYER, element: <ReportReviewPage /> },
  { path: '/buyer/what-if', roles: BUYER, nav: whatIfMessages.text('nav'), element: <WhatIfPage /> },
  { path: '/buyer/procurement', roles: BUYER, nav: procurementMessages.text('nav'), element: <ProcurementPage /> },
];
