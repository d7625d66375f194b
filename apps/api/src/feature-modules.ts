import type { Type } from '@nestjs/common';
import { PeriodInputsModule } from './period-inputs/period-inputs.module';
import { ReportsModule } from './reports/reports.module';
import { StaffingModule } from './staffing/staffing.module';
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
  TicketsModule,
  ProcurementModule,
  ReportsModule,
  PeriodInputsModule,
  StaffingModule,
  PeriodCloseModule,
  SchedulesModule,
  NotificationsModule,
  ExportsModule,
  DashboardModule,
  CalendarModule,
  JobBacklogModule,
];
