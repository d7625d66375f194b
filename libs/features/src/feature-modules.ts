import type { Type } from '@nestjs/common';
import { PlatformModule } from './platform/platform.module';
import { ContractsModule } from './contracts/contracts.module';
import { ConfigurationModule } from './configuration/configuration.module';
import { PresetsModule } from './presets/presets.module';
import { SettlementModule } from './settlement/settlement.module';
import { SeedModule } from './seed/seed.module';
import { PeriodInputsModule } from './period-inputs/period-inputs.module';
import { ReportsModule } from './reports/reports.module';
import { StaffingModule } from './staffing/staffing.module';
import { OnDemandModule } from './on-demand/on-demand.module';
import { AllowancesModule } from './allowances/allowances.module';
import { TicketKpisModule } from './ticket-kpis/ticket-kpis.module';
import { SlaRevisionsModule } from './sla-revisions/sla-revisions.module';
import { TicketsModule } from './tickets/tickets.module';
import { ProcurementModule } from './procurement/procurement.module';
import { PeriodCloseModule } from './period-close/period-close.module';
import { NotificationsModule } from './notifications/notifications.module';
import { SchedulesModule } from './schedules/schedules.module';
import { ExportsModule } from './exports/exports.module';
import { DashboardModule } from './dashboard/dashboard.module';
import { CalendarModule } from './calendar/calendar.module';
import { JobBacklogModule } from './job-backlog/job-backlog.module';

/**
 * Feature modules of the API (tickets, reports, procurement, …). Each is self-contained: its own
 * resolver → service → repository, using CoreModule's exports. Adding a feature adds one line here.
 */
export const FEATURE_MODULES: readonly Type[] = [
  PlatformModule,
  ContractsModule,
  ConfigurationModule,
  PresetsModule,
  SettlementModule,
  TicketsModule,
  ProcurementModule,
  ReportsModule,
  PeriodInputsModule,
  StaffingModule,
  OnDemandModule,
  AllowancesModule,
  TicketKpisModule,
  SlaRevisionsModule,
  PeriodCloseModule,
  SchedulesModule,
  NotificationsModule,
  ExportsModule,
  DashboardModule,
  CalendarModule,
  JobBacklogModule,
  // Last: the demo data is seeded once every feature's services exist.
  SeedModule,
];
