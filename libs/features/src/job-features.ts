import type { JobFeatures } from '@ledger/jobs';
import { AllowanceCheckJob } from './allowances/allowance-check.job';
import { CalendarRecomputeJob } from './calendar/calendar-recompute.job';
import { NationalCalendarSync } from './calendar/national-calendar.sync';
import { RenderExportJob } from './exports/render-export.job';
import { SlaRevisionJob } from './sla-revisions/sla-revision.job';
import { ClosePeriodJob } from './period-close/close-period.job';
import { RecomputeScheduleJob } from './schedules/recompute-schedule.job';
import { NationalCalendarStore } from './shared/national-calendar.store';
import { SlaScanJob } from './tickets/sla-scan.job';
import { SlaScanScheduler } from './tickets/sla-scan.scheduler';
import { TicketImportJob } from './tickets/ticket-import.job';
import { TicketSlaBatchJob, TicketSlaJob } from './tickets/ticket-sla.job';

/**
 * Every feature's job handlers (the registry checks there is exactly one per job name), what they need, and the
 * periodic SLA scan. The API (embedded mode runs them in-process) and the worker give the same list to the runtime.
 */
export const JOB_FEATURES: JobFeatures = {
  handlers: [
    TicketSlaJob,
    TicketSlaBatchJob,
    SlaScanJob,
    ClosePeriodJob,
    RecomputeScheduleJob,
    RenderExportJob,
    TicketImportJob,
    CalendarRecomputeJob,
    AllowanceCheckJob,
    SlaRevisionJob,
  ],
  providers: [NationalCalendarStore, NationalCalendarSync],
  periodic: [SlaScanScheduler],
};
